#!/usr/bin/env bash
# Marks the course's notebooks as trusted by this user's Jupyter (as `jupyter trust` does), so that their saved
# pictures show when a notebook is opened: Jupyter hides the SVG outputs of an untrusted notebook and shows their
# plain text instead. A notebook changed since is untrusted again until this runs again (./go4j start runs it).
#   scripts/trust-notebooks.sh [NOTEBOOK...]     (default: notebooks/*.ipynb)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jupyter.sh"

[ $# -gt 0 ] || set -- "$ROOT"/notebooks/*.ipynb
py=$(go4j_jupyter_python 2>/dev/null || command -v python3)
PYDEVD_DISABLE_FILE_VALIDATION=1 "$py" - "$@" <<'PY'
import sys
import nbformat
from nbformat.sign import NotebookNotary

notary = NotebookNotary()
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    notary.sign(nb)
print(f"go4j: {len(sys.argv) - 1} notebooks trusted (their saved pictures show when opened).")
PY
