# Shared by the bench/*.sh scripts (sourced after bin/env.sh): building, the load tool's classpath,
# starting the packaged service, a free port.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
jdk_version() { "$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2; }

# The service jar and the load tool (test classes + their dependencies); BENCH_SKIP_BUILD=1 reuses them.
build_service_and_tool() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    ./mvnw -B package -DskipTests >"${BENCH_TMP:-/tmp}/build.log" 2>&1 || { tail -50 "${BENCH_TMP:-/tmp}/build.log"; exit 1; }
  fi
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/bench.classpath ]; then
    ./mvnw -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath \
      >"${BENCH_TMP:-/tmp}/classpath.log" 2>&1 || { tail -50 "${BENCH_TMP:-/tmp}/classpath.log"; exit 1; }
  fi
  TOOL_CP="target/test-classes:$(cat target/bench.classpath)"
}
tool() { "$JAVA_HOME/bin/java" -Xmx1g ${TOOL_JAVA_OPTS:-} -cp "$TOOL_CP" "$@"; }   # TOOL_JAVA_OPTS=-Dbench.task-wait=poll: the old polling walker

# start_service DATA_DIR PORT LOG [java options...]: the packaged service as bench/footprint.sh starts it; sets SERVICE_PID.
start_service() {
  local data=$1 port=$2 log=$3; shift 3
  "$JAVA_HOME/bin/java" -Xms256m -Xmx1g "$@" -Dquarkus.http.port="$port" -Dvisitation.embedded.data-dir="$data/postgres" \
    -Dvisitation.dev-identity.enabled=true -jar "${SERVICE_JAR:-target/quarkus-app/quarkus-run.jar}" >"$log" 2>&1 &
  SERVICE_PID=$!
  await_ready "$port" /q/health/ready "$SERVICE_PID" "$log"
}

# await_ready PORT PATH PID LOG: until PATH answers 200 (3 minutes at most).
await_ready() {
  for _ in $(seq 1 1800); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$1$2")" = 200 ]; then return 0; fi
    kill -0 "$3" 2>/dev/null || { echo "exited during start-up, see $4" >&2; tail -30 "$4" >&2; exit 1; }
    sleep 0.1
  done
  echo "not ready, see $4" >&2; kill "$3"; exit 1
}

stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
