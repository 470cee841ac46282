#!/usr/bin/env bash
# Sets up, builds, then does the main job on the bundled Mường Kim funds appendix (seed 000, real
# errors): check it, write it corrected with every change marked, and check the corrected copy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPHULUC_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target phuluc >/dev/null
sample=samples/appendices/muong_kim_2026.xlsx
fixed=build/muong_kim_2026_sua.xlsx
# Exit code 1 means "errors found", which is what this sample is for.
status=0; ./build/phuluc check "$sample" "$@" || status=$?; [ "$status" -le 1 ]
echo
./build/phuluc fix "$sample" -o "$fixed" "$@"
echo
./build/phuluc check --quiet "$fixed" "$@"
