#!/usr/bin/env bash
# Grades a class: each student's notebooks in a JVM of their own, into a gradebook with CSV, JUnit XML and one
# feedback page per student. Re-running grades only what changed.
#   ./go4j grade SOURCE... --submissions DIR [--out DIR] [--workers N] [--time-limit S] [--memory MB]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/tool-classpath.sh"
CP=$(go4j_tool_classpath "$ROOT")
exec "$GO4J_JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$CP" dev.go4j.grade.GradeCommand "$@"
