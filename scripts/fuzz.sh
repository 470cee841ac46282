#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time, seeded from ../shared/corpus, samples/ and fuzz/seeds/
# (docs/robustness.md). Fails, naming the input saved, on a crash, a hang, a leak or a sanitizer report.
#   bash scripts/fuzz.sh xlsx 60          # targets: xlsx xls csv tables number_text
# Environment: BUILD (default build-fuzz), JOBS (build parallelism, default nproc),
#   FUZZ_SEED_KB (largest seed file, default 256), FUZZ_ARGS (more libFuzzer options).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
build="${BUILD:-build-fuzz}"
case "$target" in
  xlsx | xls | tables) max_len=262144 ;;
  csv) max_len=65536 ;;
  number_text) max_len=1024 ;;  # longer than any double (309 digits)
  *) echo "fuzz: unknown target '$target' (xlsx xls csv tables number_text)" >&2; exit 2 ;;
esac

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHULUC_FUZZ=ON -DPHULUC_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target "fuzz_$target" -j"${JOBS:-$(nproc)}" >/dev/null
[[ -d "$build/fuzz-seeds/$target" ]] || bash fuzz/make_seeds.sh "$build/fuzz-seeds" "${FUZZ_SEED_KB:-256}" >/dev/null

# New inputs go to fuzz-corpus/TARGET (kept between runs); the seeds are only read.
corpus="$build/fuzz-corpus/$target"
artifacts="$build/fuzz-artifacts/$target"
mkdir -p "$corpus" "$artifacts"
echo "fuzz: $target for $seconds s"
# LSan: FreeXL's known leaks on broken files are suppressed as in the test suite.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"
# shellcheck disable=SC2086
"$build/fuzz/fuzz_$target" "$corpus" "$build/fuzz-seeds/$target" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2560 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-}
