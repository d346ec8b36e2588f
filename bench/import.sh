#!/usr/bin/env bash
# Bulk import of the open caseload (issue 17): CASES generated open cases (default 10,000) as one NDJSON batch, each
# with an adviser of the register, a payment responsibility history, a running grant for every second case and two
# casework records, in the four statuses the visitation waits in. Times the dry run and the real run of POST /imports,
# then until every imported case's process waits at its step (its task open); then stops the service, starts it on the
# same data directory and times ready, the log line "Visitation processes rebuilt for N open cases", and until every
# open task is re-linked to a job of the fresh engine. Prints one Markdown row for RESULTS.md.
# Usage: bench/import.sh [cases]      env: BENCH_SKIP_BUILD=1, KEEP_LOG=dir (keep both service logs there)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/env.sh
source bench/lib.sh
cases=${1:-10000}
BENCH_TMP=$(mktemp -d /tmp/visitation-import.XXXXXX); tmp=$BENCH_TMP
trap 'stop_pid "${SERVICE_PID:-}"; rm -rf "$tmp"' EXIT
build_service_and_tool
cp -r target/quarkus-app "$tmp/app"; export SERVICE_JAR="$tmp/app/quarkus-run.jar"   # safe from builds meanwhile
port=$(free_port)
sql() { psql -X -At -h localhost -p "$pg_port" -U postgres -d postgres -c "$1"; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

start_service "$tmp" "$port" "$tmp/first.log"
pg_port=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$tmp/first.log" | head -1)
export VISITATION_URL="http://localhost:$port"
leader=$(bin/token LEADER MYN CBA)
system=$(VISITATION_DEV_USER=dubu.bench bin/token SYSTEM)
for i in $(seq 0 19); do   # the advisers the batch names: ten per department
  dep=$([ "$i" -lt 10 ] && echo MYN || echo CBA)
  curl -sf -o /dev/null -X POST "$VISITATION_URL/advisers" -H "Authorization: Bearer $leader" -H 'Content-Type: application/json' \
    -d "{\"userId\": \"bench.$i\", \"name\": \"Rådgiver $i\", \"department\": \"$dep\", \"fte\": 1,
         \"caseloadKind\": \"$([ "$dep" = MYN ] && echo CHILDREN_AND_FAMILY || echo DISABILITY)\", \"activeFrom\": \"2020-01-01\"}"
done

python3 - "$cases" >"$tmp/batch.ndjson" <<'PY'
import sys, json, datetime
cases = int(sys.argv[1])
today = datetime.date.today()
def cpr(i):  # a valid CPR number: day, month, year 2010-2019 (7th digit 4 for 2000-2036), a serial
    day, month, year, serial = i % 28 + 1, i // 28 % 12 + 1, 10 + i // 336 % 10, i // 3360 % 1000
    return f"{day:02d}{month:02d}{year:02d}4{serial:03d}"
statuses = ["AWAITING_ASSESSMENT"] * 5 + ["RECEIVED"] + ["PREPARING_COMMITTEE"] * 3 + ["ON_COMMITTEE_AGENDA"]
for i in range(cases):
    department = "MYN" if i % 4 else "CBA"
    received = today - datetime.timedelta(days=30 + i % 700)
    line = {"dubuCaseId": f"BENCH-{i:06d}", "child": {"cpr": cpr(i), "name": f"Barn {i}"}, "department": department,
            "status": statuses[i % len(statuses)], "adviser": f"bench.{i % 10 + (0 if department == 'MYN' else 10)}",
            "source": "SCHOOL", "receivedAt": f"{received}T10:00:00+01:00",
            "paymentResponsibility": [{"department": "MYN", "from": str(received)}]
                + ([{"department": "CBA", "from": str(received + datetime.timedelta(days=20))}] if department == "CBA" else []),
            "workItems": [{"kind": "NOTIFICATION", "occurredAt": f"{received}T10:00:00+01:00", "notifierKind": "PROFESSIONAL", "urgent": False},
                          {"kind": "RECEIPT_SENT", "occurredAt": f"{received + datetime.timedelta(days=2)}T10:00:00+01:00"}]}
    if i % 2 == 0:
        line["grants"] = [{"serviceType": "RESPITE_CARE", "provider": "EXTERNAL", "providerName": "Aflastningsfamilien Holm",
                           "priceOre": 250000, "tariffPeriod": "MONTH", "scope": 4, "from": str(received + datetime.timedelta(days=10)),
                           "to": str(today + datetime.timedelta(days=365))}]
    print(json.dumps(line))
PY
bytes=$(wc -c <"$tmp/batch.ndjson")
post() {  # post DRYRUN OUTFILE: prints the HTTP status
  curl -s -o "$2" -w '%{http_code}' -X POST "$VISITATION_URL/imports?dryRun=$1" -H "Authorization: Bearer $system" \
    -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/batch.ndjson"
}
echo "dry run of $cases cases ($bytes bytes)" >&2
started=$(date +%s%N); status=$(post true "$tmp/dry.json"); dry_ms=$(ms_since "$started")
[ "$status" = 200 ] || { echo "dry run answered $status: $(head -c 2000 "$tmp/dry.json")" >&2; exit 1; }
invalid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["invalid"])' "$tmp/dry.json")
[ "$invalid" = 0 ] || { echo "dry run found $invalid invalid lines: $(head -c 2000 "$tmp/dry.json")" >&2; exit 1; }
[ "$(sql "select count(*) from child_case")" = 0 ] || { echo "the dry run wrote cases" >&2; exit 1; }

echo "real run" >&2
started=$(date +%s%N); status=$(post false "$tmp/real.json"); real_ms=$(ms_since "$started")
[ "$status" = 201 ] || { echo "real run answered $status: $(head -c 2000 "$tmp/real.json")" >&2; exit 1; }
created=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["created"])' "$tmp/real.json")
with_task=$(sql "select count(*) from child_case where status in ('RECEIVED', 'AWAITING_ASSESSMENT', 'PREPARING_COMMITTEE')")
open_tasks() { sql "select count(*) from task where status = 'OPEN' and element_id in ('assess-target-group', 'prepare-committee-material') $1"; }
for _ in $(seq 1 6000); do [ "$(open_tasks '')" -ge "$with_task" ] && break; sleep 0.1; done
waiting_ms=$(ms_since "$started")
n_waiting=$(open_tasks '')
in_engine=$(sql "select count(*) from child_case where process_instance_key is not null")
again_started=$(date +%s%N); status=$(post false "$tmp/again.json"); again_ms=$(ms_since "$again_started")
unchanged=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["unchanged"])' "$tmp/again.json")
old=$(sql "select string_agg(distinct quote_literal(job_generation), ',') from task where status = 'OPEN'")
[ -z "${KEEP_LOG:-}" ] || { mkdir -p "$KEEP_LOG"; cp "$tmp/first.log" "$KEEP_LOG/"; }
stop_pid "$SERVICE_PID"

echo "restarting with $cases open cases" >&2
started=$(date +%s%N)
start_service "$tmp" "$port" "$tmp/restart.log" ${SERVICE_JAVA_OPTS:-}
ready_ms=$(ms_since "$started")
pg_port=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$tmp/restart.log" | head -1)
for _ in $(seq 1 6000); do grep -q "Visitation processes rebuilt for" "$tmp/restart.log" && break; sleep 0.1; done
rebuilt_ms=$(ms_since "$started")
rebuilt=$(sed -n 's/.*Visitation processes rebuilt for \([0-9]*\) open cases.*/\1/p' "$tmp/restart.log" | head -1)
for _ in $(seq 1 6000); do [ "$(open_tasks "and job_generation not in ($old)")" -ge "$with_task" ] && break; sleep 0.1; done
back_ms=$(ms_since "$started")
n_back=$(open_tasks "and job_generation not in ($old)")
[ -z "${KEEP_LOG:-}" ] || cp "$tmp/restart.log" "$KEEP_LOG/"
rss=$(( $(awk '/VmRSS/ {print $2}' /proc/"$SERVICE_PID"/status) / 1024 ))
echo "| date | commit | JDK | cases | MB | dry run ms | real run ms (created) | all waiting ms (tasks, in engine) | re-run ms (unchanged) | restart: ready ms | rebuilt log ms (N) | tasks back ms (n) | RSS MB |" >&2
echo "| $(date -u +%F) | $(git rev-parse --short HEAD) | $(jdk_version) | $cases | $(( bytes / 1048576 )) | $dry_ms | $real_ms ($created) | $waiting_ms ($n_waiting of $with_task, $in_engine) | $again_ms ($unchanged) | $ready_ms | $rebuilt_ms (${rebuilt:-none}) | $back_ms ($n_back of $with_task) | $rss |"
