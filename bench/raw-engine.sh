#!/usr/bin/env bash
# The raw in-process engine, stock vs the service's own (issue 12): zeebe-process-test's EngineFactory
# (InMemoryDb, full log) against the service's InProcessEngine (prefix-seeking store, bounded log), the
# 7-job model of RawEngineBench with IN_FLIGHT instances at a time, while STANDING other instances wait at a
# job nobody works on (0, 3,000, 10,000). Each variant in its own JVM (-Xmx1g), alternated in one run.
# Prints Markdown rows for RESULTS.md: instances/s, step latency p50/p99, how fast the waiting ones started.
# Usage: bench/raw-engine.sh [seconds per figure, default 20]
#   env: STANDING ("0 3000 10000"), IN_FLIGHT (32), WARMUP (5 s), STOCK_MAX_STANDING (3000: the stock engine
#        needs 5–7 minutes only to start 10,000 waiting instances; raise it to measure that too),
#        BENCH_SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/env.sh
source bench/lib.sh
seconds=${1:-20}
BENCH_TMP=$(mktemp -d /tmp/visitation-raw.XXXXXX); tmp=$BENCH_TMP
trap 'rm -rf "$tmp"' EXIT
build_service_and_tool
cp -r target/test-classes "$tmp/test-classes"; cp -r target/classes "$tmp/classes"
TOOL_CP="$tmp/test-classes:$tmp/classes:$(cat target/bench.classpath)"
for standing in ${STANDING:-0 3000 10000}; do
  for variant in stock service; do
    if [ "$variant" = stock ] && [ "$standing" -gt "${STOCK_MAX_STANDING:-3000}" ]; then
      echo "| $(date -u +%F) | $(git rev-parse --short HEAD) | $(jdk_version) | $variant | $standing | not run (see STOCK_MAX_STANDING) | | | | |"
      continue
    fi
    tool dk.visitation.bench.RawEngineBench "${IN_FLIGHT:-32}" "$seconds" "$standing" "$variant" "${WARMUP:-5}" >"$tmp/out" 2>"$tmp/err" || true
    line=$(grep '^BENCH ' "$tmp/out" | sed 's/^BENCH //') || { tail -20 "$tmp/err" >&2; continue; }
    python3 - "$line" "$(date -u +%F)" "$(git rev-parse --short HEAD)" "$(jdk_version)" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); date, commit, jdk = sys.argv[2:5]
print(f"| {date} | {commit} | {jdk} | {r['variant']} | {r['standing']} | {r['instancesPerSecond']:.1f} | "
      f"{r['stepP50Ms']:.1f} / {r['stepP99Ms']:.1f} | {r['standingStartedPerSecond']:.0f} | {r['completed']} | {r['errors']} |")
PY
  done
done
