#!/usr/bin/env bash
# Builds the JMH benchmarks (Maven profile "bench"), runs every scenario for go4j and its JVM peers, and in Go
# itself when a Go toolchain is installed, weighs a parked goroutine, times the go4j Jupyter kernel and the
# notebooks when they are installed, and ends with the table of results. See src/jmh/README.md for what each
# scenario measures.
#   ./go4j bench [--quick] [--rounds N] [--no-notebooks] [JMH options or benchmark regex...]
#   --quick          one round, short iterations: checks that everything runs; the numbers are rough
#   --rounds N       run every benchmark N times, in turn, and keep each one's best (full mode: 3)
#   --no-notebooks   skip the kernel and notebook timings
# Go's figures (src/jmh/go/main.go) are taken when Go is installed and no JMH option or regex is given.
# Results are kept in target/bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${GO4J_JAVA_HOME:?run this through ./go4j bench}"
. "$ROOT/scripts/jdk.sh"
. "$ROOT/scripts/options.sh"

quick=false notebooks=true rounds="" jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --rounds)
      rounds=${2:-}
      go4j_positive_number --rounds "$rounds"
      shift ;;
    --no-notebooks) notebooks=false ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) jmh_args+=("$1") ;;
  esac
  shift
done

JAVA="$GO4J_JAVA_HOME/bin/java"
JAR="$ROOT/target/bench/benchmarks.jar"
OUT="$ROOT/target/bench/results"
java_opts=()
# JMH reads fields through sun.misc.Unsafe, which JDK 24+ warns about on every fork.
[ "$(go4j_java_major "$GO4J_JAVA_HOME")" -ge 24 ] && java_opts+=(--sun-misc-unsafe-memory-access=allow)

echo "== building the benchmarks"
"$ROOT/go4j" build -Pbench
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.md

if $quick; then
  timing=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  parked=10000
  memory_jvms=3
  rounds=${rounds:-1}
else
  # Rounds rather than forks: JMH runs a benchmark's forks back to back, while a round runs every benchmark once,
  # so interference that lasts minutes on a shared machine falls on go4j and its peers alike.
  timing=(-f 1 -wi 3 -w 1s -i 3 -r 1s)
  parked=100000
  memory_jvms=5
  rounds=${rounds:-3}
fi
fork_opts=()
[ ${#java_opts[@]} -gt 0 ] && fork_opts=(-jvmArgsPrepend "${java_opts[*]}")
# Each score is shown with the round trip of a cache line between the two cores measured with it: the host moves a
# virtual machine's cores about, and scores taken at very different round trips do not compare.
probe=(-prof dev.go4j.bench.CoreToCore)

# Go's own figures, from the same scenarios written in Go, run in each round like every other implementation.
go_version=""
if command -v go >/dev/null 2>&1; then
  go_version=$(go version | awk '{print $3}')
else
  echo "Go: skipped (no Go toolchain; Debian: apt-get install golang-go)"
fi

results=()
for ((round = 1; round <= rounds; round++)); do
  echo "== JMH ($($quick && echo quick || echo full) mode), round $round of $rounds"
  "$JAVA" "${java_opts[@]}" -jar "$JAR" "${timing[@]}" "${probe[@]}" "${fork_opts[@]}" -foe true \
    -rf json -rff "$OUT/jmh-$round.json" "${jmh_args[@]}"
  results+=("$OUT/jmh-$round.json")
  if [ -n "$go_version" ] && [ ${#jmh_args[@]} -eq 0 ]; then
    echo "== Go ($go_version), round $round of $rounds"
    (cd "$ROOT/src/jmh/go" && go run main.go $($quick && echo -quick) -goroutines "$parked" -out "$OUT/go-$round.json")
    results+=("$OUT/go-$round.json")
  fi
done

echo "== memory per parked goroutine ($parked parked, in $memory_jvms JVMs for each implementation)"
"$JAVA" "${java_opts[@]}" -cp "$JAR" dev.go4j.bench.ParkedMemory --goroutines "$parked" --jvms "$memory_jvms" \
  --out "$OUT/memory.json"

notebook_status=0
if $notebooks; then
  echo "== notebooks"
  "$ROOT/go4j" build >/dev/null # the kernel timed is installed from the jar built now
  "$ROOT/scripts/bench-notebooks.sh" > "$OUT/notebooks.md" || notebook_status=$?
  cat "$OUT/notebooks.md"
fi

machine() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
  echo "machine: ${cpu:-$(uname -m)}, $(nproc) cores, $(uname -s) $(uname -r);" \
       "JDK $("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p');" \
       "go4j $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown);" \
       "${go_version:+Go ${go_version#go};}" \
       "$($quick && echo 'quick mode: rough numbers' || echo 'full mode'), $rounds round(s)"
}

echo
echo "== results"
{
  "$JAVA" -cp "$JAR" dev.go4j.bench.ResultsTable "${results[@]}" "$OUT/memory.json"
  echo
  machine
} | tee "$OUT/table.md"
if $notebooks && [ -s "$OUT/notebooks.md" ]; then echo; cat "$OUT/notebooks.md"; fi
exit "$notebook_status"
