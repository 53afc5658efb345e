#!/usr/bin/env bash
# Installs the browser the browser test drives (Debian's chromium and chromium-driver) unless it is there.
# Only as root with apt; anywhere else it says what to install, and fails (the test then skips, loudly).
set -euo pipefail

command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && exit 0

packages="chromium chromium-driver"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "go4j: installing $packages from Debian packages ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $packages >/dev/null
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && { echo "go4j: Chromium installed."; exit 0; }
  echo "go4j: $packages were installed, but chromium or chromedriver is still missing." >&2
  exit 1
fi
echo "The browser test needs Chromium and its driver: sudo apt-get install $packages" >&2
exit 1
