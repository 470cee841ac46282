#!/usr/bin/env bash
# Runs libFuzzer targets for a fixed time each, seeded from ../shared/corpus, samples/ and fuzz/seeds/
# (docs/robustness.md). Fails, naming the input saved, on a crash, a hang, a leak or a sanitizer report.
#   bash scripts/fuzz.sh xlsx 60          # targets: xlsx xls csv tables number_text
#   bash scripts/fuzz.sh all 20           # each target in turn; the test command's short stage
# Environment: BUILD (default build-fuzz, configured with clang if it is not yet), JOBS (build
#   parallelism, default nproc), FUZZ_SEED_KB (largest seed file, default 256; the seeds are gathered
#   again when it changes), FUZZ_CORPUS (where new inputs are kept, one folder a target, default
#   BUILD/fuzz-corpus, kept between runs), FUZZ_ARGS (more libFuzzer options, e.g. -seed=1).
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/fuzz.sh TARGET|all SECONDS"
what="${1:?$usage}"
seconds="${2:?$usage}"
build="${BUILD:-build-fuzz}"
seed_kb="${FUZZ_SEED_KB:-256}"
all_targets=(xlsx xls csv tables number_text)

max_len_of() {
  case "$1" in
    xlsx | xls | tables) echo 262144 ;;
    csv) echo 65536 ;;
    number_text) echo 1024 ;;  # longer than any double (309 digits)
    *) return 1 ;;
  esac
}
if [[ "$what" == all ]]; then
  targets=("${all_targets[@]}")
  build_target=fuzzers
elif max_len_of "$what" >/dev/null; then
  targets=("$what")
  build_target="fuzz_$what"
else
  echo "fuzz: unknown target '$what' (${all_targets[*]} or all)" >&2
  exit 2
fi

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHULUC_FUZZ=ON -DPHULUC_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target "$build_target" -j"${JOBS:-$(nproc)}" >/dev/null
# The seeds are gathered once per seed size: a run never reuses seeds of another size.
seeds="$build/fuzz-seeds"
if [[ "$(cat "$seeds/MAX_KB" 2>/dev/null)" != "$seed_kb" ]]; then
  bash fuzz/make_seeds.sh "$seeds" "$seed_kb" >/dev/null
  echo "$seed_kb" >"$seeds/MAX_KB"
fi

# LSan: FreeXL's known leaks on broken files are suppressed as in the test suite.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"

failed=()
for target in "${targets[@]}"; do
  # New inputs go to FUZZ_CORPUS/TARGET; the seeds are only read.
  corpus="${FUZZ_CORPUS:-$build/fuzz-corpus}/$target"
  artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  before="$(LC_ALL=C ls -A "$artifacts")"
  echo "fuzz: $target for $seconds s"
  status=0
  # shellcheck disable=SC2086
  "$build/fuzz/fuzz_$target" "$corpus" "$seeds/$target" \
    -max_total_time="$seconds" -max_len="$(max_len_of "$target")" -timeout=20 -rss_limit_mb=2560 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} || status=$?
  if ((status != 0)); then
    saved="$(LC_ALL=C comm -13 <(echo "$before") <(LC_ALL=C ls -A "$artifacts") | sed "s|^|$artifacts/|")"
    echo "fuzz: $target FAILED (exit $status); the input is kept as: ${saved:-nothing saved}" >&2
    failed+=("$target")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]} (inputs under $build/fuzz-artifacts/)" >&2
  exit 1
fi
