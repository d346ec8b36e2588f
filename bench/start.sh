#!/usr/bin/env bash
# Start to ready in embedded mode, with and without the JDK's AOT cache (bin/aot-train), alternated on one data
# directory (the normal start: PostgreSQL's data exists, the engine is rebuilt from it). Ready = `java -jar`
# until /q/health/ready answers 200. Prints one Markdown row per variant (median and min of ROUNDS starts).
# Usage: bench/start.sh [rounds, default 5]   (expects target/quarkus-app packaged as aot-jar with app.aot: bin/run
# does both; or run ./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar && bin/aot-train)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/env.sh
source bench/lib.sh
rounds=${1:-5}
app=target/quarkus-app
[ -f "$app/app.aot" ] || { echo "no $app/app.aot: run bin/aot-train first" >&2; exit 1; }
tmp=$(mktemp -d /tmp/visitation-start.XXXXXX)
trap 'stop_pid "${SERVICE_PID:-}"; rm -rf "$tmp"' EXIT
port=$(free_port)
start_service "$tmp" "$port" "$tmp/first.log"; stop_pid "$SERVICE_PID"   # creates the data directory
declare -A times
for r in $(seq 1 "$rounds"); do
  for variant in plain aot; do
    opts=(); [ "$variant" = aot ] && opts=(-XX:AOTCache="$app/app.aot")
    started=$(date +%s%N)
    start_service "$tmp" "$port" "$tmp/$variant.log" "${opts[@]}"
    times[$variant]+="$(( ($(date +%s%N) - started) / 1000000 )) "
    stop_pid "$SERVICE_PID"
  done
done
grep -q "AOTCache\|error" "$tmp/aot.log" && grep -i "aot" "$tmp/aot.log" | head -3 >&2 || true
for variant in plain aot; do
  python3 - "$variant" "${times[$variant]}" "$(date -u +%F)" "$(git rev-parse --short HEAD)" "$(jdk_version)" "$(uptime | sed 's/.*average: //')" <<'PY'
import statistics, sys
variant, times, date, commit, jdk, load = sys.argv[1:]
ms = [int(t) for t in times.split()]
print(f"| {date} | {commit} | {jdk} | {variant} | {len(ms)} | {statistics.median(ms):.0f} | {min(ms)} | {load} |")
PY
done
