#!/usr/bin/env bash
# The long versions of the stress, scale and linearizability tests (the JUnit tag "stress", with the sizes
# of -Dgo4j.stress=long): tens of millions of channel operations under random interrupts and closes, a
# million parked goroutines in a 2 GB heap, and thousands of model-checked Lincheck scenarios.
#   ./go4j stress [Maven options, e.g. -Dtest=ChannelStressTest -Dgo4j.focus=true for that class alone]
# The same tests run with small sizes in ./go4j test.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${GO4J_JAVA_HOME:?run this through ./go4j stress}"
start=$(date +%s)
"$ROOT/go4j" test -Pstress "$@"
echo "== long stress run passed in $(( $(date +%s) - start )) s"
