#!/usr/bin/env bash
# Soak: RATE new cases a second (open loop) through the whole quick-screening visitation for SECONDS in
# embedded mode (the service's own in-process engine: state and log bounded by open work, nothing recycled;
# the recycles column counts "Engine recycled" log lines, 0 since issue 12). Samples the service JVM's RSS every 10 s; at the end every case
# is checked (HANDED_OVER in CBA, MYN then CBA paying). Each walk also completes the case's economy review
# as ECONOMY would, so finished cases leave no instance in the engine. Prints one Markdown row for RESULTS.md.
# Usage: bench/soak.sh [rate, default 50] [seconds, default 3600]
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
source bench/lib.sh
rate=${1:-50}; seconds=${2:-3600}
BENCH_TMP=$(mktemp -d); tmp=$BENCH_TMP
trap 'kill "${sampler:-}" 2>/dev/null || true; stop_pid "${pid:-}"; rm -rf "$tmp"' EXIT
build_service_and_tool
port=$(free_port)
start_service "$tmp/service" "$port" "$tmp/service.log" -XX:+ExitOnOutOfMemoryError ${SERVICE_JAVA_OPTS:-}
pid=$SERVICE_PID
(while kill -0 "$pid" 2>/dev/null; do
   echo "$(date +%s) $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)"; sleep 10
 done) >"$tmp/rss" & sampler=$!
"$JAVA_HOME/bin/java" -Xmx1g -Dbench.economy-reviews=true -cp "$TOOL_CP" dk.visitation.bench.VisitationBench rate "http://localhost:$port" "$rate" "$seconds" | tee "$tmp/rate.out" >&2
alive=$(kill -0 "$pid" 2>/dev/null && echo yes || echo no)
recycles=$(grep -c "Engine recycled" "$tmp/service.log" || true)
errors=$(grep -c " ERROR " "$tmp/service.log" || true)
[ -z "${KEEP_LOG:-}" ] || { cp "$tmp/service.log" "$KEEP_LOG"; cp "$tmp/rss" "$KEEP_LOG.rss"; }
stop_pid "$pid"; pid=
python3 - "$tmp" "$(date -u +%F)" "$(git rev-parse --short HEAD)" "$(jdk_version)" "$seconds" "$recycles" "$errors" "$alive" <<'PY'
import json, sys
tmp, date, commit, jdk, seconds, recycles, errors, alive = sys.argv[1:]
rt = json.loads([l for l in open(f"{tmp}/rate.out") if l.startswith("BENCH ")][-1][6:])
rss = [int(l.split()[1]) // 1024 for l in open(f"{tmp}/rss") if len(l.split()) == 2]
print(f"| {date} | {commit} | {jdk} | {rt['asked']:.0f} | {int(seconds) // 60} min | {rt['started']} | {rt['casesPerSecond']:.1f} "
      f"| {rt['verified']} of {rt['started']} | {rt['errors'] + rt['problems']} | {errors} | {recycles} "
      f"| {max(rss)} | {rss[-1]} | {alive} |")
PY
