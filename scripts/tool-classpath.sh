# Sourced by the go4j scripts that run go4j's Java tools (run, student, grade): builds go4j and prints the class
# path of its classes and dependencies. The dependency list is cached in target/ until pom.xml changes.

go4j_tool_classpath() {
  local root=$1 deps="$1/target/tool-classpath.txt"
  "$root/go4j" build >&2
  if [ ! -s "$deps" ] || [ "$root/pom.xml" -nt "$deps" ]; then
    local opts=${MAVEN_OPTS:-}
    [ "$(go4j_java_major "$GO4J_JAVA_HOME")" -ge 24 ] && opts="$opts --sun-misc-unsafe-memory-access=allow"
    JAVA_HOME="$GO4J_JAVA_HOME" MAVEN_OPTS="$opts" mvn -q -B -ntp -Dstyle.color=never -f "$root/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$deps" >&2
  fi
  printf '%s:%s' "$root/target/classes" "$(cat "$deps")"
}
