# Sourced by the go4j scripts that run go4j's Java tools (run, student, grade): builds go4j and prints the class
# path of its classes and dependencies. The dependency list is cached in target/ until pom.xml changes.
. "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

go4j_tool_classpath() {
  local root=$1 deps="$1/target/tool-classpath.txt"
  [ -n "${GO4J_JAVA_HOME:-}" ] || go4j_find_jdk
  "$root/go4j" build >&2
  if [ ! -s "$deps" ] || [ "$root/pom.xml" -nt "$deps" ]; then
    go4j_maven -q -Dstyle.color=never -f "$root/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$deps" >&2
  fi
  printf '%s:%s' "$root/target/classes" "$(cat "$deps")"
}
