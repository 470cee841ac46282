#!/usr/bin/env bash
# Gathers the seed inputs of each fuzz target into OUT/<target>/ from ../shared/corpus, samples/ and
# fuzz/seeds/. Files over MAX_KB (default 256) are left out: big seeds slow every mutation.
# Nothing else is read, and the same files give the same seeds (in sorted order, two sources never
# writing the same name).
#   bash fuzz/make_seeds.sh build-fuzz/seeds [MAX_KB]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$1"
max_kb="${2:-256}"
corpus="$root/../shared/corpus"
samples="$root/samples"

rm -rf "$out"
mkdir -p "$out"/{xlsx,xls,csv,tables,number_text}

# copy_matching DEST FOLDER EXT...: every file under FOLDER ending in one of EXT, small enough.
copy_matching() {
  local dest="$1" folder="$2"
  shift 2
  [[ -d "$folder" ]] || return 0
  local ext
  for ext in "$@"; do
    # The path becomes the name (a/b.xlsx → a_b.xlsx) so files of the same name in two folders both stay.
    find "$folder" -type f -name "*.$ext" -size -"$((max_kb + 1))"k -print0 | LC_ALL=C sort -z |
      while IFS= read -r -d '' file; do
        local name="${file#"$folder"/}"
        name="${name//\//_}"
        if [[ -e "$dest/$name" ]]; then
          echo "make_seeds: two seed files would be named $name ($file)" >&2
          exit 1
        fi
        cp "$file" "$dest/$name"
      done
  done
}

copy_matching "$out/xlsx" "$corpus" xlsx xlsm
copy_matching "$out/xlsx" "$samples" xlsx xlsm
copy_matching "$out/xls" "$corpus" xls
copy_matching "$out/xls" "$samples" xls
copy_matching "$out/csv" "$samples" csv
# The recognizer is fed appendix-like workbooks of every kind: the samples. (The corpus holds few
# tables and would spend a short run on loading; the reader targets cover it.)
copy_matching "$out/tables" "$samples" xlsx xls csv

# One number per file; the line number names it.
line_no=0
while IFS= read -r line || [[ -n "$line" ]]; do
  line_no=$((line_no + 1))
  printf '%s' "$line" >"$out/number_text/line_$line_no"
done <"$root/fuzz/seeds/number_text.txt"

for target in xlsx xls csv tables number_text; do
  echo "seeds: $target $(find "$out/$target" -type f | wc -l) files"
done
