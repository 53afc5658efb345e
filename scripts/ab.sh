#!/usr/bin/env bash
# Compares two versions of go4j's runtime, scenario by scenario: both versions in one JVM, alternating round by
# round, with the median of the per-round ratios B / A (below 1: B is faster); then the same in more JVMs, since
# each JVM compiles each version's code its own way, and sums them up as the median of the JVMs' medians. Meant for
# small changes, whose effect is often smaller than what differs from one JVM to the next; see
# src/jmh/ab/Alternate.java.
#   ./go4j ab A B [--rounds N] [--jvms K] [SCENARIO...]
#   A, B        git revisions (a commit, a branch, HEAD~1), or . for the working tree
#   --rounds N  measured rounds per scenario in each JVM, after 4 warm-up rounds (default: 20)
#   --jvms K    JVMs per scenario (default: 3)
#   SCENARIO    pair cap1 cap16 cap100 pingpong select pairs10k spawn daisy pool selectpool pipelines
#               (default: all of them)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${GO4J_JAVA_HOME:?run this through ./go4j ab}"
. "$ROOT/scripts/options.sh"

rounds=20 jvms=3 versions=() scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds)
      rounds=${2:-}
      go4j_positive_number --rounds "$rounds"
      shift ;;
    --jvms)
      jvms=${2:-}
      go4j_positive_number --jvms "$jvms"
      shift ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) if [ ${#versions[@]} -lt 2 ]; then versions+=("$1"); else scenarios+=("$1"); fi ;;
  esac
  shift
done
[ ${#versions[@]} -eq 2 ] || { echo "usage: ./go4j ab A B [--rounds N] [--jvms K] [SCENARIO...]" >&2; exit 2; }
[ ${#scenarios[@]} -gt 0 ] \
  || scenarios=(pair cap1 cap16 cap100 pingpong select pairs10k spawn daisy pool selectpool pipelines)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Compiles the runtime's core (the package dev.go4j, which needs nothing beyond the JDK) of one version, and the
# scenarios against it, into $WORK/$2.
build() {
  local version=$1 out=$WORK/$2 src
  mkdir -p "$out/src" "$out/classes" "$out/scenarios"
  if [ "$version" = . ]; then
    src=$ROOT/src/main/java
  else
    git -C "$ROOT" rev-parse --verify --quiet "$version^{commit}" > /dev/null \
      || { echo "not a git revision: $version" >&2; exit 2; }
    git -C "$ROOT" archive "$version" src/main/java/dev/go4j | tar -x -C "$out/src"
    src=$out/src/src/main/java
  fi
  "$GO4J_JAVA_HOME/bin/javac" -nowarn -XDsuppressNotes -d "$out/classes" "$src"/dev/go4j/*.java
  "$GO4J_JAVA_HOME/bin/javac" -nowarn -cp "$out/classes" -d "$out/scenarios" "$ROOT/src/jmh/ab/Scenarios.java"
}

echo "== compiling A (${versions[0]}) and B (${versions[1]})"
build "${versions[0]}" a
build "${versions[1]}" b
"$GO4J_JAVA_HOME/bin/javac" -d "$WORK/runner" "$ROOT/src/jmh/ab/Alternate.java" \
  "$ROOT/src/jmh/java/dev/go4j/bench/CacheLineRoundTrip.java"

echo "== $jvms JVMs per scenario, $rounds rounds in each; B/A below 1 means B is faster"
for s in "${scenarios[@]}"; do
  medians=()
  for ((j = 1; j <= jvms; j++)); do
    line=$("$GO4J_JAVA_HOME/bin/java" -Xms2g -Xmx2g -cp "$WORK/runner" Alternate \
      "$WORK/a/classes" "$WORK/a/scenarios" "$WORK/b/classes" "$WORK/b/scenarios" "$s" "$rounds")
    echo "$line"
    medians+=("$(sed -E 's/.* B\/A median ([0-9.]+) .*/\1/' <<< "$line")")
  done
  # The median of the JVMs' medians: one JVM whose copy of A or B compiled unluckily does not move it.
  printf '%s\n' "${medians[@]}" | sort -n | awk -v s="$s" '
    { m[NR] = $1 }
    END { mid = NR % 2 ? m[(NR + 1) / 2] : (m[NR / 2] + m[NR / 2 + 1]) / 2
          printf "%-9s B/A %.3f, the median of %d JVMs (from %.3f to %.3f)\n", s, mid, NR, m[1], m[NR] }'
done
