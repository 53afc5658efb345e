#!/usr/bin/env bash
# ./go4j start: builds go4j (unless target/ is up to date), installs Jupyter and the "Java (go4j)" kernel when they
# are missing, then serves the course (notebooks/) with Jupyter's classic notebook server and prints its address.
# Running it again is harmless: what is there is kept or updated.
#   --no-browser     serve, but do not open a browser
#   --install-only   set everything up, but do not serve
#   --port N         serve on port N (default: the first free port from 8888)
#   GO4J_KERNEL=rapaio  use rapaio-jupyter-kernel instead of IJava
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
. "$ROOT/scripts/jupyter.sh"

browser=yes serve=yes port=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-browser) browser=no ;;
    --install-only) serve=no ;;
    --port) port=${2:?--port needs a number}; shift ;;
    --port=*) port=${1#--port=} ;;
    *) sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done

built_from_sources() { # whether target/ holds a jar and its libraries built after every change to the sources
  local jar
  jar=$(ls "$ROOT"/target/go4j-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)
  [ -n "$jar" ] && [ -d "$ROOT/target/lib" ] \
    && [ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]
}

[ -n "${GO4J_JAVA_HOME:-}" ] || go4j_find_jdk
if built_from_sources; then
  echo "go4j: go4j is built and up to date (target/)."
else
  echo "go4j: building with the JDK in $GO4J_JAVA_HOME (the first time takes a minute) ..."
  "$ROOT/go4j" build 2>&1 | sed 's/\x1b\[[0-9;]*m//g' # Debian's Maven leaves color codes even when quiet
fi
"$ROOT/scripts/install-jupyter.sh"
"$ROOT/scripts/install-kernel.sh" --user
"$ROOT/scripts/trust-notebooks.sh"
[ "$serve" = yes ] || { echo "go4j: ready; './go4j start' serves the course."; exit 0; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "$port" ]; then
  port=8888
  while port_in_use "$port"; do port=$((port + 1)); done
elif port_in_use "$port"; then
  echo "go4j: port $port is already in use; choose another with --port" >&2; exit 1
fi
token=$("$(go4j_jupyter_python)" -c 'import secrets; print(secrets.token_hex(24))')
mkdir -p "$ROOT/notebooks"
args=(notebook --notebook-dir="$ROOT/notebooks" --port="$port" --port-retries=0)
[ "$browser" = yes ] || args+=(--no-browser)
[ "$(id -u)" != 0 ] || args+=(--allow-root)

echo
echo "go4j: the course is at  http://localhost:$port/tree?token=$token"
echo "      (Ctrl-C stops the server)"
echo
JUPYTER_TOKEN=$token PYDEVD_DISABLE_FILE_VALIDATION=1 exec jupyter "${args[@]}"
