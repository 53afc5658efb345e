#!/usr/bin/env bash
# Runs notebooks in go4j's JShell runner and prints each cell's output, value and error.
#   ./go4j run [--time-limit SECONDS] [--compare] NOTEBOOK...
# --compare also shows where the outputs differ from those saved in the notebook.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/tool-classpath.sh"
CP=$(go4j_tool_classpath "$ROOT")
exec "$GO4J_JAVA_HOME/bin/java" --add-opens java.base/java.lang=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$CP" dev.go4j.notebook.RunCommand "$@"
