# Sourced by the scripts in bin/: picks a JDK >= 21 and says what to install when there is none.
# Order: JAVA_HOME when new enough, then the Temurin 25 this machine kind ships, then any JDK >= 21
# under /usr/lib/jvm, then `java` on the PATH.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  fi
  return 1
}
if ! JAVA_HOME=$(pick_jdk); then
  echo "No JDK 21 or newer found. Install one, e.g. 'apt-get install temurin-25-jdk' or 'openjdk-21-jdk'," >&2
  echo "or set JAVA_HOME to it, then run this command again." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
