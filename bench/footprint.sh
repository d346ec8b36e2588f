#!/usr/bin/env bash
# Footprint of the embedded mode: time from `java -jar` to ready (/q/health/ready = 200) and the JVM's
# resident memory, idle after a warm-up of case intakes. Prints one Markdown table row for RESULTS.md.
# Usage: bench/footprint.sh [warm-up cases, default 300]   (builds the jar first when it is missing)
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
cases=${1:-300}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
log="$data/service.log"

measure_start() {
  local started=$(date +%s%N)
  java -Xms256m -Xmx1g -Dquarkus.http.port="$port" -Dvisitation.embedded.data-dir="$data/postgres" \
       -Dvisitation.dev-identity.enabled=true \
       -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -s -o /dev/null -w '%{http_code}' "localhost:$port/q/health/ready" | grep -q 200; then
      ready_ms=$(( ($(date +%s%N) - started) / 1000000 )); return 0
    fi
    sleep 0.05
  done
  echo "not ready" >&2; kill "$pid"; exit 1
}
rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )); }

measure_start; first_ms=$ready_ms    # includes initdb of a new data directory
token=$(VISITATION_URL="http://localhost:$port" bin/token MYN_ADVISER MYN)
auth="Authorization: Bearer $token"
for i in $(seq 1 "$cases"); do
  day=$(( i % 28 + 1 )); month=$(( i / 28 % 12 + 1 ))
  curl -s -o /dev/null -X POST "localhost:$port/cases" -H "$auth" -H 'Content-Type: application/json' -d "{
    \"child\": {\"cpr\": \"$(printf '%02d%02d154%03d' $day $month $(( i % 1000 )))\", \"name\": \"Barn $i\"},
    \"source\": \"SCHOOL\", \"receivedAt\": \"2026-11-20T09:30:00+01:00\", \"description\": \"Bench $i\"}"
done
awaiting() { curl -s -H "$auth" "localhost:$port/cases?status=AWAITING_ASSESSMENT&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
for _ in $(seq 1 600); do [ "$(awaiting)" -ge "$cases" ] && break; sleep 0.1; done   # every process started
idle_rss=$(rss_mb)
kill "$pid"; wait "$pid" || true
measure_start; restart_ms=$ready_ms  # existing data directory: the normal start
restart_rss=$(rss_mb)
open=$(awaiting)
kill "$pid"; wait "$pid" || true
rm -rf "$data"
echo "| $(date -u +%F) | $(git rev-parse --short HEAD) | $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2) | $first_ms | $restart_ms | $restart_rss | $cases | $idle_rss | $open |"
