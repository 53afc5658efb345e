# Sourced by the go4j scripts: finds a JDK 21+ and exports GO4J_JAVA_HOME; runs Maven on it.
# Looks at $GO4J_JAVA_HOME, $JAVA_HOME, the java on PATH, then the usual install folders.

go4j_java_major() { # <java_home> -> major version, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

go4j_find_jdk() {
  local candidates=() home major
  [ -n "${GO4J_JAVA_HOME:-}" ] && candidates+=("$GO4J_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
              "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/javac" ] || continue
    major=$(go4j_java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      GO4J_JAVA_HOME=$(readlink -f "$home"); export GO4J_JAVA_HOME
      return 0
    fi
  done
  cat >&2 <<'MSG'
go4j needs a JDK 21 or newer (for virtual threads), and none was found.
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk      (or temurin-21-jdk from adoptium.net)
  macOS:          brew install openjdk@21
  any system:     https://adoptium.net  (Temurin 21 or 25)
then run this command again, or point GO4J_JAVA_HOME at the JDK's folder.
MSG
  return 1
}

go4j_maven() { # runs Maven on the JDK found (call go4j_find_jdk first), so no toolchain setup is needed
  command -v mvn >/dev/null 2>&1 || { echo "go4j needs Apache Maven 3.8+ (Debian: sudo apt-get install maven)." >&2; return 1; }
  local opts=${MAVEN_OPTS:-}
  # Maven's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every run.
  [ "$(go4j_java_major "$GO4J_JAVA_HOME")" -ge 24 ] && opts="$opts --sun-misc-unsafe-memory-access=allow"
  JAVA_HOME="$GO4J_JAVA_HOME" MAVEN_OPTS="$opts" mvn -B -ntp "$@"
}
