#!/usr/bin/env bash
# Times `phuluc merge` against the openpyxl peer (bench/merge_openpyxl.py) on N generated commune
# workbooks (default 3,321: every commune of Vietnam) and reports wall time, CPU and peak memory.
#   usage: bench/run_merge_bench.sh [N=3321] [DIR=/tmp/phuluc_merge_bench_N] [PHULUC=build/phuluc]
# The set has label variants, shuffled rows (30%), omitted empty rows, rows of their own (5%),
# communes in đồng (2%) and 2% injected errors (refused by phuluc, summed anyway by the peer).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3321}
dir=${2:-/tmp/phuluc_merge_bench_$n}
phuluc=${3:-${PHULUC:-build/phuluc}}

if [ ! -f "$dir/manifest.csv" ] || [ "$(( $(wc -l < "$dir/manifest.csv") - 1 ))" -ne "$n" ]; then
  rm -rf "$dir"
  echo "generating $n commune workbooks in $dir ..."
  /usr/bin/python3 bench/make_communes.py "$n" "$dir" --jobs "$(nproc)" --shuffle 0.3 --extra-rows 0.05 --dong 0.02
fi
if [ ! -x "$phuluc" ]; then
  echo "no phuluc binary at $phuluc: cmake --build build --target phuluc" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Files, not the folder: manifest.csv would be an input too. Exit 1 = some files refused: expected.
ours="$phuluc merge --quiet --jobs 2 $dir/xa_*.xlsx -o $out/phuluc.xlsx"
peer="/usr/bin/python3 bench/merge_openpyxl.py $out/peer.xlsx $dir/xa_*.xlsx"

report() {  # name, time file
  printf '%-14s wall %8s s  user %7s s  sys %6s s  peak RSS %7s kB\n' "$1" \
    "$(grep 'Elapsed (wall clock)' "$2" | sed 's/.*: //')" \
    "$(grep 'User time' "$2" | sed 's/.*: //')" \
    "$(grep 'System time' "$2" | sed 's/.*: //')" \
    "$(grep 'Maximum resident' "$2" | sed 's/.*: //')"
}
/usr/bin/time -v -o "$out/time_ours.txt" bash -c "$ours > $out/ours.txt" || true
/usr/bin/time -v -o "$out/time_peer.txt" bash -c "$peer 2> $out/peer.txt" || true
report "phuluc merge" "$out/time_ours.txt"
report "openpyxl peer" "$out/time_peer.txt"
cat "$out/ours.txt" "$out/peer.txt"
seconds() { grep 'Elapsed (wall clock)' "$1" | sed 's/.*: //' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
awk -v a="$(seconds "$out/time_peer.txt")" -v b="$(seconds "$out/time_ours.txt")" \
  'BEGIN { printf "openpyxl peer / phuluc merge wall time: %.1f x\n", a / b }'
