#!/usr/bin/env bash
# Sets up, builds and runs every test: the normal build, then the whole suite again under ASan+UBSan,
# then each fuzz target (fuzz/, built with clang) for 20 s (docs/robustness.md). The long fuzzing
# runs are by hand: scripts/fuzz.sh TARGET SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPHULUC_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  ctest --test-dir build-asan --output-on-failure

# Each libFuzzer target for 20 s with libFuzzer's seed 1, from the seeds of ../shared/corpus, samples/
# and fuzz/seeds/ (files up to 64 KiB) and a fresh folder for new inputs, so the stage depends on the
# checkout and ../shared only. A crash, hang, leak or sanitizer report fails it, naming the input
# kept under build-fuzz/fuzz-artifacts/.
rm -rf build-fuzz/fuzz-ci-corpus
BUILD=build-fuzz JOBS="$jobs" FUZZ_SEED_KB=64 FUZZ_CORPUS=build-fuzz/fuzz-ci-corpus FUZZ_ARGS=-seed=1 \
  bash scripts/fuzz.sh all 20
