#!/usr/bin/env bash
# Renders the course (every notebook in notebooks/, as saved, with its outputs and pictures) as a static web
# site that needs no kernel: one HTML page per notebook and an index in course order. Publish the folder as is.
#   ./go4j site [OUT]        (default: target/site)
#   ./go4j site --from DIR [OUT]   render the notebooks of another folder
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jupyter.sh"

from="$ROOT/notebooks" out=
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=${2:?--from needs a folder}; shift ;;
    --from=*) from=${1#--from=} ;;
    -*) sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) [ -z "$out" ] || { echo "go4j site: one output folder, please (got '$out' and '$1')" >&2; exit 2; }; out=$1 ;;
  esac
  shift
done
out=${out:-$ROOT/target/site}

shopt -s nullglob
notebooks=("$from"/*.ipynb)
[ ${#notebooks[@]} -gt 0 ] || { echo "go4j site: no notebooks in $from" >&2; exit 1; }
"$ROOT/scripts/install-jupyter.sh" # nbconvert renders the pages
py=$(go4j_jupyter_python)
PYDEVD_DISABLE_FILE_VALIDATION=1 "$py" "$ROOT/scripts/site.py" --out "$out" "${notebooks[@]}"
echo "go4j: the course site (${#notebooks[@]} notebooks) is in $out; open $out/index.html"
