#!/usr/bin/env bash
# Times `phuluc check` against the openpyxl peer (bench/check_openpyxl.py) on N generated commune
# workbooks, and reports peak memory. See bench/README.md.
#   usage: bench/run_check_bench.sh [N=1000] [DIR=/tmp/phuluc_bench_N] [PHULUC=build/phuluc]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
dir=${2:-/tmp/phuluc_bench_$n}
phuluc=${3:-${PHULUC:-build/phuluc}}

if [ ! -f "$dir/manifest.csv" ] || [ "$(( $(wc -l < "$dir/manifest.csv") - 1 ))" -ne "$n" ]; then
  rm -rf "$dir"
  echo "generating $n commune workbooks in $dir ..."
  /usr/bin/python3 bench/make_communes.py "$n" "$dir" --jobs "$(nproc)"
fi
if [ ! -x "$phuluc" ]; then
  echo "no phuluc binary at $phuluc: cmake --build build --target phuluc" >&2
  exit 2
fi

peer="/usr/bin/python3 bench/check_openpyxl.py $dir/*.xlsx"
ours1="$phuluc check --quiet --jobs 1 $dir/*.xlsx"
ours="$phuluc check --quiet $dir/*.xlsx"  # not the folder: manifest.csv would be checked too

# Both exit 1 when they find errors (about 2% of the files carry one), hence -i / '|| true'.
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "${RUNS:-3}" -i --export-markdown "$dir/timing.md" \
    -n 'phuluc check -j1' "$ours1" -n 'phuluc check' "$ours" -n 'openpyxl peer' "$peer"
else
  echo "(hyperfine not installed: apt-get install hyperfine; timing one run each)"
fi

for name in ours1 ours peer; do
  cmd=${!name}
  /usr/bin/time -v -o "$dir/time_$name.txt" bash -c "$cmd > $dir/out_$name.txt" || true
  printf '%-6s %s  peak RSS %s kB\n' "$name" \
    "$(grep 'Elapsed (wall clock)' "$dir/time_$name.txt" | sed 's/.*: //')" \
    "$(grep 'Maximum resident' "$dir/time_$name.txt" | sed 's/.*: //')"
done

injected=$(awk -F, 'NR > 1 && $5 != ""' "$dir/manifest.csv" | wc -l)
flagged=$(awk -F'\t' '$2 != "0"' "$dir/out_peer.txt" | wc -l)
echo "files with an injected error: $injected; files the openpyxl peer flags: $flagged"
