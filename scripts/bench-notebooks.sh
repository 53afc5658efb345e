#!/usr/bin/env bash
# Times what a notebook user waits for: from starting the go4j Jupyter kernel to the first cell's output, and
# executing each notebook in notebooks/. Prints a Markdown table, or one line saying why it skipped.
# Part of ./go4j bench; needs Jupyter (python3 with nbclient) and the built jar (./go4j build).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KERNEL=go4j

skip() { echo "notebooks: skipped ($*)"; exit 0; }

# The python3 first on PATH may be another installation (pyenv, a venv) than the one Jupyter was installed into.
PYTHON=
for candidate in ${GO4J_PYTHON:-} python3 /usr/bin/python3; do
  if "$candidate" -c 'import nbclient, jupyter_client' 2>/dev/null; then PYTHON=$candidate; break; fi
done
[ -n "$PYTHON" ] \
  || skip "no Jupyter: needs python3 with nbclient and jupyter_client; Debian: apt-get install python3-nbclient jupyter-client"
# The kernel timed is the one built now, installed into target/bench (never an older one the user installed).
private=$ROOT/target/bench/kernel
[ -x "$ROOT/scripts/install-kernel.sh" ] || skip "no scripts/install-kernel.sh to install the kernel"
GO4J_KERNEL_HOME=$private/home "$ROOT/scripts/install-kernel.sh" --prefix "$private/prefix" >&2 \
  || skip "scripts/install-kernel.sh failed"
export JUPYTER_PATH=$private/prefix/share/jupyter
"$PYTHON" "$ROOT/scripts/notebook-timing.py" --has-kernel "$KERNEL" \
  || skip "scripts/install-kernel.sh ran but no '$KERNEL' kernelspec is installed"
shopt -s nullglob
notebooks=("$ROOT"/notebooks/*.ipynb)
exec "$PYTHON" "$ROOT/scripts/notebook-timing.py" --kernel "$KERNEL" "${notebooks[@]}"
