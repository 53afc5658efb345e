#!/usr/bin/env bash
# Makes student notebooks from source notebooks: solutions and hidden tests removed, exercise outputs cleared,
# check cells locked and checksummed.
#   ./go4j student SOURCE.ipynb OUT.ipynb
#   ./go4j student SOURCE_FOLDER OUT_FOLDER
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/tool-classpath.sh"
CP=$(go4j_tool_classpath "$ROOT")
exec "$GO4J_JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -cp "$CP" dev.go4j.grade.StudentCommand "$@"
