#!/bin/bash
# The differential check in one command (docs/robustness.md, "The differential check"): builds
# bench_dump_cells, dumps every cell phuluc reads from each .xlsx/.xlsm/.xls/.csv of CORPUS, has
# LibreOffice convert the .xls to .xlsx (cached: a rerun converts nothing), and compares with
# openpyxl (full mode) or, where openpyxl cannot read a file or see its cells, LibreOffice.
#   bench/differential/run.sh [CORPUS] [OUT]     # defaults: ../shared/corpus, /tmp/phuluc-diff
# Environment: BUILD (build directory, default build), XLS_CACHE (default /tmp/phuluc-diff-xls),
# LO_CACHE (default /tmp/phuluc-diff-lo). Everything runs under nice -n 19, the build with -j1.
# Writes OUT/ours.tsv, OUT/details.tsv (every disagreement, every file's judge) and OUT/report.txt.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$(realpath "${1:-$root/../shared/corpus}")
out=${2:-/tmp/phuluc-diff}
build=${BUILD:-$root/build}
xls_cache=${XLS_CACHE:-/tmp/phuluc-diff-xls}
lo_cache=${LO_CACHE:-/tmp/phuluc-diff-lo}
mkdir -p "$out"

# The independent readers (Debian 12): python3-openpyxl, libreoffice-calc; python3-xlrd is optional
# (without it the .xls disagreements are not told apart).
/usr/bin/python3 -c 'import openpyxl' 2> /dev/null || { echo "run.sh: needs python3-openpyxl (apt-get install python3-openpyxl)" >&2; exit 2; }
command -v soffice > /dev/null || { echo "run.sh: needs LibreOffice (apt-get install libreoffice-calc)" >&2; exit 2; }
/usr/bin/python3 -c 'import xlrd' 2> /dev/null || echo "run.sh: python3-xlrd is missing: .xls disagreements will not say whose" >&2

if [ ! -f "$build/CMakeCache.txt" ]; then
  nice -n 19 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
fi
nice -n 19 cmake --build "$build" -j1 --target bench_dump_cells > /dev/null

find "$corpus" -type f \( -iname '*.xlsx' -o -iname '*.xlsm' -o -iname '*.xls' -o -iname '*.csv' \) | sort > "$out/files.txt"
echo "run.sh: $(wc -l < "$out/files.txt") files under $corpus" >&2

# One process a file, under a time limit: a crash or a hang is recorded, never stops the run.
: > "$out/ours.tsv"
while IFS= read -r file; do
  if nice -n 19 timeout -k 5 120 "$build/bench_dump_cells" "$file" > "$out/one.tsv" 2> /dev/null; then
    cat "$out/one.tsv" >> "$out/ours.tsv"
  else
    printf '%s\t\t\tfile\t\n%s\t\t\tunreadable\tcrash-or-timeout-%s\n' "$file" "$file" "$?" >> "$out/ours.tsv"
  fi
done < "$out/files.txt"
rm -f "$out/one.tsv"

grep -i '\.xls$' "$out/files.txt" | "$here/convert_xls.sh" "$corpus" "$xls_cache"

nice -n 19 /usr/bin/python3 "$here/compare_cells.py" "$out/ours.tsv" --corpus "$corpus" \
  --xls-dir "$xls_cache" --lo-dir "$lo_cache" --details "$out/details.tsv" | tee "$out/report.txt"
