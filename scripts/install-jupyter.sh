#!/usr/bin/env bash
# Installs Jupyter (the classic notebook server, nbconvert, nbclient) unless it is already there.
# As root on Debian/Ubuntu it uses apt; anywhere else it says what to install, and fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/scripts/jupyter.sh"

go4j_jupyter_ready && exit 0

packages="jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "go4j: installing Jupyter from Debian packages: $packages (about a minute) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $packages >/dev/null
  if go4j_jupyter_ready; then echo "go4j: Jupyter installed."; exit 0; fi
  echo "go4j: the Jupyter packages were installed, but 'jupyter notebook' or nbclient still does not work." >&2
  exit 1
fi

cat >&2 <<MSG
go4j needs Jupyter (the notebook server, nbconvert and nbclient), and it is not installed.
Install it, then run the command again:
  Debian/Ubuntu:  sudo apt-get install $packages
  with pip:       python3 -m pip install --user notebook nbconvert nbclient
  with conda:     conda install -c conda-forge notebook nbconvert nbclient
MSG
exit 1
