#!/usr/bin/env bash
# Sets up, builds, and checks the bundled Mường Kim funds appendix (it has real errors: exit code 1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPHULUC_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target phuluc >/dev/null
status=0
./build/phuluc check samples/appendices/muong_kim_2026.xlsx "$@" || status=$?
# 1 means "errors found", which is what this sample is for.
[ "$status" -le 1 ]
