#!/usr/bin/env bash
# Builds go4j and opens a JShell with it loaded and Go's toolbox imported.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/go4j" build >/dev/null
exec "$GO4J_JAVA_HOME/bin/jshell" --class-path "$ROOT/target/classes" \
  --startup DEFAULT --startup "$ROOT/src/main/resources/dev/go4j/notebook/startup.jsh"
