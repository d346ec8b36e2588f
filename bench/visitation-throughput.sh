#!/usr/bin/env bash
# Cases/s through the whole quick-screening visitation over REST (intake, assessment, task completed with
# QUICK_SCREEN_CBA, quick screening, handover summary, receipt with effective date, payment switch), every
# case checked at the end, against the raw in-process engine running a model with as many jobs and
# gateways and no database (dk.visitation.bench.RawEngineBench on the service's own engine, InProcessEngine), in this run:
#   raw engine:  $RAW_IN_FLIGHT instances in flight for 30 s (after a 10 s warm-up), once with an empty engine
#                and once with $RAW_STANDING other instances waiting in it (the service's engine holds every open
#                case's instances: the in-process engine's cost per step grows with its whole state)
#   service max: $WALKERS cases in flight (closed loop) for $MAX_SECONDS s (after a 15 s warm-up)
#   sustained:   $RATE new cases/s (open loop) for $2 s, then all of them checked
# Usage: bench/visitation-throughput.sh [rate, default 100] [seconds, default 120]   Prints one Markdown row.
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
source bench/lib.sh
rate=${1:-100}; seconds=${2:-120}
walkers=${WALKERS:-64}; max_seconds=${MAX_SECONDS:-60}; raw_in_flight=${RAW_IN_FLIGHT:-32}; raw_standing=${RAW_STANDING:-1000}
BENCH_TMP=$(mktemp -d); tmp=$BENCH_TMP
trap 'stop_pid "${pid:-}"; rm -rf "$tmp"' EXIT
build_service_and_tool

tool dk.visitation.bench.RawEngineBench "$raw_in_flight" 30 | tee "$tmp/raw.out" >&2
tool dk.visitation.bench.RawEngineBench "$raw_in_flight" 30 "$raw_standing" | tee "$tmp/raw-standing.out" >&2

port=$(free_port)
start_service "$tmp/service" "$port" "$tmp/service.log" ${SERVICE_JAVA_OPTS:-}
pid=$SERVICE_PID
url="http://localhost:$port"
tool dk.visitation.bench.VisitationBench max "$url" "$walkers" 15 | tee "$tmp/warmup.out" >&2
tool dk.visitation.bench.VisitationBench max "$url" "$walkers" "$max_seconds" | tee "$tmp/max.out" >&2
tool dk.visitation.bench.VisitationBench rate "$url" "$rate" "$seconds" | tee "$tmp/rate.out" >&2
[ -z "${KEEP_LOG:-}" ] || cp "$tmp/service.log" "$KEEP_LOG"
stop_pid "$pid"; pid=

python3 - "$tmp" "$(date -u +%F)" "$(git rev-parse --short HEAD)" "$(jdk_version)" "$walkers" "$raw_standing" <<'PY'
import json, sys
tmp, date, commit, jdk, walkers, standing = sys.argv[1:]
def bench(name): return json.loads([l for l in open(f"{tmp}/{name}.out") if l.startswith("BENCH ")][-1][6:])
raw, rs, mx, rt = bench("raw"), bench("raw-standing"), bench("max"), bench("rate")
times = "%.1f / %.1f" % (rt["p50ms"] / 1000, rt["p99ms"] / 1000) if rt["verified"] else "—"
errors = raw["errors"] + rs["errors"] + mx["problems"] + rt["problems"]  # problems: failed walks + wrong cases
print(f"| {date} | {commit} | {jdk} | {raw['instancesPerSecond']:.0f} | {rs['instancesPerSecond']:.0f} ({standing} waiting) | {mx['casesPerSecond']:.1f} ({walkers} in flight) "
      f"| {mx['casesPerSecond'] / raw['instancesPerSecond']:.2f} | {rt['asked']:.0f} | {rt['casesPerSecond']:.1f} "
      f"| {times} | {rt['verified'] + mx['verified']} of {rt['started'] + mx['started']} | {errors} |")
PY
