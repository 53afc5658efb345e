# Sourced by the go4j scripts that run go4j's Java tools (run, student, grade): builds go4j and prints the class
# path of its classes and dependencies. The dependency list is cached in target/ until pom.xml changes.

go4j_tool_classpath() {
  local root=$1 deps="$1/target/tool-classpath.txt"
  "$root/go4j" build >&2
  if [ ! -s "$deps" ] || [ "$root/pom.xml" -nt "$deps" ]; then
    JAVA_HOME="$GO4J_JAVA_HOME" mvn -q -B -ntp -f "$root/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$deps" >&2
  fi
  printf '%s:%s' "$root/target/classes" "$(cat "$deps")"
}
