#!/usr/bin/env bash
# ./go4j execute-notebooks [NOTEBOOK...]: re-runs the course's source notebooks (src/notebooks/, or the ones named)
# through the real go4j kernel, saves each with the outputs the kernel printed, then makes the student notebooks
# in notebooks/ from them (./go4j student). The kernel is installed privately from this checkout's jar, so what
# is saved is what this code prints. A notebook with an unexpected error is saved too, and the command fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jdk.sh"
. "$ROOT/scripts/jupyter.sh"

[ -n "${GO4J_JAVA_HOME:-}" ] || go4j_find_jdk
if [ $# -eq 0 ]; then
  shopt -s nullglob
  set -- "$ROOT"/src/notebooks/*.ipynb
  [ $# -gt 0 ] || { echo "go4j: no notebooks in $ROOT/src/notebooks" >&2; exit 1; }
fi
"$ROOT/go4j" build
"$ROOT/scripts/install-jupyter.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GO4J_KERNEL_HOME="$work/kernel" "$ROOT/scripts/install-kernel.sh" --prefix "$work/prefix"
status=0
JUPYTER_PATH="$work/prefix/share/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1 \
  "$(go4j_jupyter_python)" "$ROOT/scripts/execute_notebook.py" --kernel go4j --save "$@" || status=$?
"$ROOT/go4j" student "$ROOT/src/notebooks" "$ROOT/notebooks"
exit $status
