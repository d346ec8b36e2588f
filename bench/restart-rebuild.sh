#!/usr/bin/env bash
# Restart rebuild at size (issue 12): CASES open cases (default 10,000) taken in through the API, each
# waiting at its target-group assessment; then the service is stopped and started on the same data
# directory, and timed from `java -jar` to ready and to *every task back* — every open task re-linked to a
# job of the fresh engine (task.job_generation of the new engine generation), which is when each adviser
# can complete it again. Prints one Markdown row for RESULTS.md.
# Usage: bench/restart-rebuild.sh [cases]      env: BENCH_SKIP_BUILD=1, INTAKE_THREADS (default 16),
#   SNAPSHOT=dir  keep the data directory after the intake there, or start from it when it exists (repeat a
#                 restart without the intake; the snapshot must come from the same schema),
#   KEEP_LOG=file keep the restart's service log, SERVICE_JAVA_OPTS  more options for the restarted JVM (e.g. JFR)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/env.sh
source bench/lib.sh
cases=${1:-10000}
BENCH_TMP=$(mktemp -d /tmp/visitation-restart.XXXXXX); tmp=$BENCH_TMP
trap 'stop_pid "${SERVICE_PID:-}"; rm -rf "$tmp"' EXIT
build_service_and_tool
cp -r target/quarkus-app "$tmp/app"; export SERVICE_JAR="$tmp/app/quarkus-run.jar"   # safe from builds meanwhile
port=$(free_port)
sql() { psql -X -At -h localhost -p "$pg_port" -U postgres -d postgres -c "$1"; }
if [ -n "${SNAPSHOT:-}" ] && [ -d "$SNAPSHOT/postgres" ]; then
  echo "starting from the snapshot $SNAPSHOT" >&2
  cp -a "$SNAPSHOT/postgres" "$SNAPSHOT/dev-identity" "$tmp/"
  intake_s=$(cat "$SNAPSHOT/intake_s"); old=$(cat "$SNAPSHOT/generations")
else
start_service "$tmp" "$port" "$tmp/first.log"
pg_port=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$tmp/first.log" | head -1)
token=$(VISITATION_URL="http://localhost:$port" bin/token MYN_ADVISER MYN)

echo "taking in $cases cases" >&2
intake_started=$(date +%s)
python3 - "$port" "$token" "$cases" "${INTAKE_THREADS:-16}" <<'PY'
import sys, json, http.client, threading
port, token, cases, threads = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
errors = []
def cpr(i):  # a valid CPR number: day, month, year 2015-2020 (7th digit 4), a serial
    day, month, year, serial = i % 28 + 1, i // 28 % 12 + 1, 15 + i // 336 % 6, i // 2016 % 1000
    return f"{day:02d}{month:02d}{year:02d}4{serial:03d}"
def work(part):
    conn = http.client.HTTPConnection("localhost", port, timeout=60)
    for i in range(part, cases, threads):
        body = json.dumps({"child": {"cpr": cpr(i), "name": f"Barn {i}"}, "source": "SCHOOL",
                           "receivedAt": "2026-11-20T09:30:00+01:00", "description": f"Bench {i}"})
        conn.request("POST", "/cases", body, {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        r = conn.getresponse(); r.read()
        if r.status != 201: errors.append(r.status)
ts = [threading.Thread(target=work, args=(p,)) for p in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
if errors: print(f"intake errors: {len(errors)} {errors[:5]}", file=sys.stderr); sys.exit(1)
PY
open_tasks() { sql "select count(*) from task where status = 'OPEN' and element_id = 'assess-target-group'"; }
for _ in $(seq 1 3600); do [ "$(open_tasks)" -ge "$cases" ] && break; sleep 0.5; done
intake_s=$(( $(date +%s) - intake_started ))
[ "$(open_tasks)" -ge "$cases" ] || { echo "only $(open_tasks) of $cases tasks open" >&2; exit 1; }
old=$(sql "select string_agg(distinct quote_literal(job_generation), ',') from task where status = 'OPEN'")
stop_pid "$SERVICE_PID"
if [ -n "${SNAPSHOT:-}" ]; then
  mkdir -p "$SNAPSHOT"; cp -a "$tmp/postgres" "$tmp/dev-identity" "$SNAPSHOT/"
  echo "$intake_s" > "$SNAPSHOT/intake_s"; echo "$old" > "$SNAPSHOT/generations"
fi
fi

echo "restarting with $cases open cases" >&2
started=$(date +%s%N)
start_service "$tmp" "$port" "$tmp/restart.log" ${SERVICE_JAVA_OPTS:-}
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
pg_port=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$tmp/restart.log" | head -1)
back() { sql "select count(*) from task where status = 'OPEN' and element_id = 'assess-target-group' and job_generation not in ($old)"; }
for _ in $(seq 1 6000); do [ "$(back)" -ge "$cases" ] && break; sleep 0.1; done
back_ms=$(( ($(date +%s%N) - started) / 1000000 ))
n_back=$(back)
[ -z "${KEEP_LOG:-}" ] || cp "$tmp/restart.log" "$KEEP_LOG"
rss=$(( $(awk '/VmRSS/ {print $2}' /proc/"$SERVICE_PID"/status) / 1024 ))
doubled=$(sql "select count(*) from (select case_id from task where status = 'OPEN' and case_id is not null group by case_id having count(*) > 1) d")
if [ "$doubled" -gt 0 ]; then   # what the doubled cases hold, to tell a second step from a second task of one step
  echo "cases with more than one open task:" >&2
  sql "select case_id, element_id, loop_counter, job_generation, created_at from task where status = 'OPEN' and case_id in
         (select case_id from task where status = 'OPEN' and case_id is not null group by case_id having count(*) > 1) order by case_id, created_at" >&2
fi
echo "| $(date -u +%F) | $(git rev-parse --short HEAD) | $(jdk_version) | $cases | $intake_s | $ready_ms | $back_ms | $n_back of $cases | $doubled | $rss |"
