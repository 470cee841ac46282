#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12 (run as root on a fresh machine).
# Safe to run again: it skips apt when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libzip-dev zlib1g-dev libexpat1-dev libfreexl-dev libicu-dev libboost-program-options-dev
  libxlsxwriter-dev catch2
  # fuzzing (fuzz/, scripts/fuzz.sh): clang with libFuzzer and its sanitizer runtimes
  clang libclang-rt-14-dev
  # tests and samples: independent producers and readers of spreadsheets
  python3 python3-openpyxl libreoffice-calc-nogui gnumeric poppler-utils
  # the LibreOffice extension (plugins/libreoffice) and its test: Python UNO components, unopkg
  python3-uno libreoffice-script-provider-python
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
