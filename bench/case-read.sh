#!/usr/bin/env bash
# GET /cases/{id} of the packaged service (JWT, scope check, access-log row per read) against a bare
# Quarkus + Panache GET by id of the same shape (bench/baseline), one after the other in this run:
#   max throughput: wrk, $CONNECTIONS connections for $MAX_SECONDS s (closed loop; Java's when wrk is missing)
#   latency at fixed rates 100, 500, 1000 req/s: open loop, CO-corrected (dk.visitation.bench.Load), $2 s each
# Usage: bench/case-read.sh [cases, default 3000] [seconds per rate, default 30]   Prints one Markdown row.
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
source bench/lib.sh
cases=${1:-3000}; seconds=${2:-30}
connections=${CONNECTIONS:-16}; max_seconds=${MAX_SECONDS:-20}; rates=${RATES:-100 500 1000}
BENCH_TMP=$(mktemp -d); tmp=$BENCH_TMP
trap 'stop_pid "${pid:-}"; rm -rf "$tmp"' EXIT
build_service_and_tool
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f bench/baseline/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -f bench/baseline/pom.xml package -DskipTests >"$tmp/baseline-build.log" 2>&1 || { tail -50 "$tmp/baseline-build.log"; exit 1; }
fi

# measure NAME PORT: seed + warm-up, max throughput, then the fixed rates; leaves $tmp/NAME.max and $tmp/NAME.rates
measure() {
  local name=$1 port=$2 url="http://localhost:$2"
  tool dk.visitation.bench.CaseReadBench prepare "$url" "$name" "$cases" "$tmp/$name.ids" | tee -a "$tmp/$name.out" >&2
  if command -v wrk >/dev/null; then
    cat >"$tmp/$name.lua" <<LUA
local ids, token = {}, nil
for line in io.lines("$tmp/$name.ids") do if token == nil then token = line else ids[#ids + 1] = line end end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
request = function() return wrk.format("GET", "/cases/" .. ids[math.random(#ids)]) end
LUA
    wrk -t2 -c"$connections" -d"${max_seconds}s" -s "$tmp/$name.lua" "$url" | tee "$tmp/$name.wrk" >&2
    python3 - "$tmp/$name.wrk" >"$tmp/$name.max" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", t).group(1))
bad = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", t))
bad += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", t))
print(f"{rps:.0f} {bad}")
PY
  else
    tool dk.visitation.bench.CaseReadBench closed "$url" "$tmp/$name.ids" "$max_seconds" "$connections" | tee "$tmp/$name.closed" >&2
    python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).read().split("BENCH ")[1]); print(f"{d[\"throughput\"]:.0f} {d[\"errors\"]}")' "$tmp/$name.closed" >"$tmp/$name.max"
  fi
  # shellcheck disable=SC2086
  tool dk.visitation.bench.CaseReadBench rates "$url" "$tmp/$name.ids" "$seconds" $rates | tee "$tmp/$name.rates.out" >&2
  grep '^BENCH ' "$tmp/$name.rates.out" | cut -c7- >"$tmp/$name.rates"
}

# the baseline first, alone on the machine
port=$(free_port)
"$JAVA_HOME/bin/java" -Xms256m -Xmx1g -Dquarkus.http.port="$port" -Dbaseline.cases="$cases" -Dbaseline.data-dir="$tmp/baseline-pg" \
  -jar bench/baseline/target/quarkus-app/quarkus-run.jar >"$tmp/baseline.log" 2>&1 &
pid=$!
await_ready "$port" /cases/ids "$pid" "$tmp/baseline.log"
measure baseline "$port"
stop_pid "$pid"

# then the service
port=$(free_port)
start_service "$tmp/service" "$port" "$tmp/service.log"
pid=$SERVICE_PID
measure service "$port"
stop_pid "$pid"; pid=

python3 - "$tmp" "$(date -u +%F)" "$(git rev-parse --short HEAD)" "$(jdk_version)" "$cases" "$connections" <<'PY'
import json, sys
tmp, date, commit, jdk, cases, conns = sys.argv[1:]
def max_(n): r, e = open(f"{tmp}/{n}.max").read().split(); return float(r), int(e)
def rates(n): return json.load(open(f"{tmp}/{n}.rates"))
(b, be), (s, se) = max_("baseline"), max_("service")
br, sr = rates("baseline"), rates("service")
errors = be + se + sum(v["errors"] for v in list(br.values()) + list(sr.values()))
cells = " | ".join(f"{br[k]['p50']:.1f} / {br[k]['p99']:.1f} | {sr[k]['p50']:.1f} / {sr[k]['p99']:.1f}" for k in br)
print(f"| {date} | {commit} | {jdk} | {cases} | {conns} | {b:.0f} | {s:.0f} | {s / b:.2f} | {cells} | {errors} |")
PY
