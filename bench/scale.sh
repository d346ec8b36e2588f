#!/usr/bin/env bash
# Scale benchmark (issue 7): generates CASES cases / GRANTS grants / OPEN_TASKS open MYN tasks straight into
# the embedded PostgreSQL of the packaged service (after Flyway created the schema), then times the reports
# and the list pages through the HTTP API and prints Markdown rows for RESULTS.md.
# Usage: bench/scale.sh [cases=1000000] [grants=5*cases] [open_tasks=cases/10]
#   env: REPS (pages, default 200), REPORT_REPS (reports, default 20), DEEP_PAGE (default 500),
#        YEAR (reports, default 2025), PAST_RADAR=1 (also the radar of a past day, derived per request), SKIP_FULL_ACCOUNT=1 (leave out the deprecated every-line account), EXPLAIN=1 (also EXPLAIN (ANALYZE, BUFFERS) the service's SQL),
#        KEEP=1 (keep the data directory; SCALE_DATA=dir to choose it), SKIP_BUILD=1,
#        REUSE=1 with SCALE_DATA=dir of a kept run (measure again without loading: the service starts on the kept data,
#        Flyway migrates it, and the load's figures are those of the run that loaded it)
# The service runs as bin/run runs it (embedded PostgreSQL and engine, -Xms256m -Xmx1g; the deadline watch's scan is
# off, so it opens no tasks on the generated record while the reads are timed, and a start on kept data (REUSE) does
# not rebuild the 100,000 open cases' processes in the engine meanwhile); the data is
# loaded after the start, so the in-process engine has no instances for it (as a cluster that kept its
# state) and the reads measured need none.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/env.sh
cases=${1:-1000000}; grants=${2:-$((cases * 5))}; open_tasks=${3:-$((cases / 10))}
reps=${REPS:-200}; report_reps=${REPORT_REPS:-20}; deep=${DEEP_PAGE:-500}; year=${YEAR:-2025}
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes')
data=${SCALE_DATA:-$(mktemp -d /tmp/visitation-scale.XXXXXX)}; mkdir -p "$data"
rm -rf "$data/app"; cp -r target/quarkus-app "$data/app"   # the service measured, safe from a build running meanwhile
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
log="$data/service.log"
java -Xms256m -Xmx1g -Dquarkus.http.port="$port" -Dvisitation.embedded.data-dir="$data/postgres" \
     -Dvisitation.dev-identity.enabled=true -Dvisitation.deadlines.watch-every=off -Dvisitation.rebuild.open-cases=false -jar "$data/app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$data"
}
trap cleanup EXIT
for _ in $(seq 1 1200); do
  curl -s -o /dev/null -w '%{http_code}' "localhost:$port/q/health/ready" | grep -q 200 && break
  kill -0 "$pid" 2>/dev/null || { echo "service died, see $log" >&2; exit 1; }
  sleep 0.1
done
pg_port=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$log" | head -1)
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$pg_port" -U postgres -d postgres "$@"; }

if [ -n "${REUSE:-}" ] && [ -f "$data/loaded" ]; then
  read -r cases grants open_tasks load_s vacuum_s < "$data/loaded"
  echo "reusing $cases cases, $grants grants, $open_tasks open MYN tasks in $data (loaded in $load_s s)" >&2
else
  echo "loading $cases cases, $grants grants, $open_tasks open MYN tasks into $data (PostgreSQL port $pg_port)" >&2
  started=$(date +%s)
  psql -f bench/scale/generate.sql
  psql -c "set maintenance_work_mem = '512MB'; set work_mem = '256MB'; set synchronous_commit = off;
           call bench_generate($cases, $grants, $open_tasks)"
  generated=$(date +%s)
  echo "generated in $(( generated - started )) s (of it the kept costs' backfill, visitation_refresh_all_costs; see the log of PostgreSQL)" >&2
  psql -c "vacuum analyze"
  load_s=$(( generated - started )); vacuum_s=$(( $(date +%s) - generated ))
  psql -At -c "select 'rows: ' || string_agg(relname || '=' || n_live_tup, ' ' order by relname) from pg_stat_user_tables
               where relname in ('child','child_case','case_status_change','payment_period','grant_award','task','economy_review',
                                 'commitment_line','case_year_cost')" >&2
  psql -At -c "select 'database size: ' || pg_size_pretty(pg_database_size('postgres'))" >&2
  echo "$cases $grants $open_tasks $load_s $vacuum_s" > "$data/loaded"
fi

psql -f bench/scale/generate.sql   # (again when reused: the procedures as this commit has them)
psql -c "call bench_register_advisers()"

export VISITATION_URL="http://localhost:$port"
export LEADER_TOKEN=$(bin/token LEADER) MYN_TOKEN=$(VISITATION_DEV_USER=myn.radgiver.042 bin/token MYN_ADVISER MYN)
export ECONOMY_TOKEN=$(bin/token ECONOMY)
queries="$data/queries.tsv"
{
  printf 'cases status, first page\tLEADER_TOKEN\t/cases?status=AWAITING_ASSESSMENT\n'
  printf 'cases status, deep page\tLEADER_TOKEN\t/cases?status=AWAITING_ASSESSMENT&page=%s\n' "$deep"
  printf 'cases department, first page\tLEADER_TOKEN\t/cases?department=CBA\n'
  printf 'cases department+status, deep page\tLEADER_TOKEN\t/cases?department=CBA&status=HANDED_OVER&page=%s\n' "$deep"
  printf 'cases status (closed), deep page\tLEADER_TOKEN\t/cases?status=STAYS_MYN&page=%s\n' "$deep"
  printf 'cases adviser, first page\tLEADER_TOKEN\t/cases?adviser=myn.radgiver.042\n'
  printf 'cases adviser+status, first page\tLEADER_TOKEN\t/cases?adviser=myn.radgiver.042&status=DECIDED_MYN\n'
  printf 'cases adviser, deep page\tLEADER_TOKEN\t/cases?adviser=myn.radgiver.042&page=%s\n' "$(( deep / 20 ))"
  printf 'cases received period+department\tLEADER_TOKEN\t/cases?department=MYN&receivedFrom=2020-01-01T00:00:00%%2B01:00&receivedTo=2020-07-01T00:00:00%%2B02:00\n'
  printf 'cases MYN adviser scope, status\tMYN_TOKEN\t/cases?status=AWAITING_ASSESSMENT\n'
  printf 'tasks MYN, first page\tMYN_TOKEN\t/tasks?candidateGroup=MYN\n'
  printf 'tasks MYN, deep page\tMYN_TOKEN\t/tasks?candidateGroup=MYN&page=%s\n' "$deep"
  printf 'tasks MYN, assigned to me\tMYN_TOKEN\t/tasks?candidateGroup=MYN&assignee=me\n'
} > "$queries"
reports="$data/reports.tsv"
{
  printf 'expensive cases %s MYN\tECONOMY_TOKEN\t/economy/expensive-cases?year=%s&department=MYN\n' "$year" "$year"
  printf 'expensive cases %s CBA\tECONOMY_TOKEN\t/economy/expensive-cases?year=%s&department=CBA\n' "$year" "$year"
  printf 'forecast %s MYN\tECONOMY_TOKEN\t/economy/forecast?year=%s&department=MYN\n' "$year" "$year"
  printf 'forecast %s CBA\tECONOMY_TOKEN\t/economy/forecast?year=%s&department=CBA\n' "$year" "$year"
  printf 'commitment account totals %s MYN\tECONOMY_TOKEN\t/economy/commitment-account/totals?year=%s&department=MYN\n' "$year" "$year"
  printf 'commitment account totals %s CBA\tECONOMY_TOKEN\t/economy/commitment-account/totals?year=%s&department=CBA\n' "$year" "$year"
  printf 'commitment account lines %s MYN, first page\tECONOMY_TOKEN\t/economy/commitment-account/lines?year=%s&department=MYN&size=200\n' "$year" "$year"
  printf 'commitment account lines %s MYN, deep page\tECONOMY_TOKEN\t/economy/commitment-account/lines?year=%s&department=MYN&size=200&page=%s\n' "$year" "$year" "$deep"
  printf 'quality radar MYN (today)\tLEADER_TOKEN\t/quality/radar?department=MYN\n'
  printf 'quality radar CBA (today)\tLEADER_TOKEN\t/quality/radar?department=CBA\n'
  printf 'quality radar one adviser (today)\tLEADER_TOKEN\t/quality/radar?adviser=myn.radgiver.042\n'
  printf 'quality radar MYN adviser scope (today)\tMYN_TOKEN\t/quality/radar\n'
  printf 'quality radar MYN, missing plans, first page (today)\tLEADER_TOKEN\t/quality/radar/cases?department=MYN&gap=CHILD_PLAN&which=MISSING\n'
  printf 'caseload MYN\tLEADER_TOKEN\t/caseload?department=MYN\n'
  printf 'caseload CBA\tLEADER_TOKEN\t/caseload?department=CBA\n'
  printf 'waiting for a first meeting MYN, first page\tLEADER_TOKEN\t/waiting/first-meeting?department=MYN\n'
  printf 'grants not started MYN, first page\tLEADER_TOKEN\t/waiting/grants?department=MYN\n'
  printf 'grants not started CBA, first page\tLEADER_TOKEN\t/waiting/grants?department=CBA\n'
  [ -z "${PAST_RADAR:-}" ] || printf 'quality radar one adviser, a past day (derived)\tLEADER_TOKEN\t/quality/radar?adviser=myn.radgiver.042&on=2026-11-30\n'
  [ -n "${SKIP_FULL_ACCOUNT:-}" ] || {
  printf 'commitment account %s MYN (deprecated, every line)\tECONOMY_TOKEN\t/economy/commitment-account?year=%s&department=MYN\n' "$year" "$year"
  printf 'commitment account %s CBA (deprecated, every line)\tECONOMY_TOKEN\t/economy/commitment-account?year=%s&department=CBA\n' "$year" "$year"
  }
} > "$reports"

# The quality snapshot (V53): the load marked every case with a record changed, so the first radar of today computes
# them all — the nightly job's work — then the table is vacuumed as autovacuum would after it.
snapshot_start=$(date +%s%N)
curl -s -o /dev/null -m 7200 -H "Authorization: Bearer $LEADER_TOKEN" "$VISITATION_URL/quality/radar"
snapshot_ms=$(( ($(date +%s%N) - snapshot_start) / 1000000 ))
psql -c "vacuum analyze case_quality"
psql -At -c "select 'quality snapshot: ' || count(*) || ' cases (' || count(*) filter (where counted) || ' counted) computed in $snapshot_ms ms, '
             || pg_size_pretty(pg_total_relation_size('case_quality')) from case_quality" >&2

jdk=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)
echo "| date | commit | JDK | cases | grants | open MYN tasks | load (s) | vacuum analyze (s) |"
echo "|---|---|---|---|---|---|---|---|"
echo "| $(date -u +%F) | $commit | $jdk | $cases | $grants | $open_tasks | $load_s | $vacuum_s |"
echo
echo "| query | path | status | reps | p50 (ms) | p99 (ms) | max (ms) | bytes | total / lines |"
echo "|---|---|---|---|---|---|---|---|---|"
python3 bench/scale/measure.py "$VISITATION_URL" "$reps" 20 "$queries"
python3 bench/scale/measure.py "$VISITATION_URL" "$report_reps" "${REPORT_WARMUP:-2}" "$reports"
if [ -n "${EXPLAIN:-}" ]; then
  psql -v year="$year" -v deep_offset=$(( deep * 20 )) -f bench/scale/explain.sql > "${EXPLAIN_OUT:-bench/scale/plans.txt}"
  echo "plans written to ${EXPLAIN_OUT:-bench/scale/plans.txt}" >&2
fi
