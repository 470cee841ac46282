#!/bin/sh
# Measures `phuluc fix` on single injected errors (bench/fix_inject.py) and on clean workbooks.
#   bash bench/fix_bench.sh [COMMUNES] [PER_FILE] [SEED] [DIR] [PHULUC]
# Defaults: 150 generated communes × 3 errors, 60 errors in the clean seed 000, and the errors
# make_communes.py injects itself into 6,000 communes (about 120, bench/fix_native.py), seed 5, into
# /tmp/phuluc_fix_bench, with ./build/phuluc. Prints the outcome per error kind (bench/fix_score.py):
# exact, ambiguous (reported), not-found (reported), missed (not detected), wrong; then checks that
# the clean communes come out unchanged.
set -eu
COMMUNES=${1:-150}
PER_FILE=${2:-3}
SEED=${3:-5}
DIR=${4:-/tmp/phuluc_fix_bench}
PHULUC=${5:-./build/phuluc}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
rm -rf "$DIR"
mkdir -p "$DIR"
$PY "$HERE/fix_inject.py" "$DIR/communes" --communes "$COMMUNES" --per-file "$PER_FILE" --seed "$SEED"
$PY "$HERE/fix_inject.py" "$DIR/seed000" --clean "$HERE/../samples/appendices/muong_kim_2026_corrected.xlsx" \
  --per-file 60 --seed "$SEED"
$PY "$HERE/fix_native.py" 2026 6000 "$DIR/native"
status=0
for set in communes seed000 native; do
  mkdir -p "$DIR/$set/out"
  start=$(date +%s.%N)
  files=$(ls "$DIR/$set"/*.xlsx)
  # shellcheck disable=SC2086
  "$PHULUC" fix --json --no-mark --out-dir "$DIR/$set/out" $files > "$DIR/$set/out/fix.json" || true
  end=$(date +%s.%N)
  echo "== $set: phuluc fix on $(echo "$files" | wc -l) files in $(echo "$end - $start" | bc) s"
  $PY "$HERE/fix_score.py" "$DIR/$set" "$DIR/$set/out" --details || status=1
done
# Clean workbooks: the generated communes without an error of their own must come out unchanged.
mkdir -p "$DIR/clean_out"
mv "$DIR/communes/clean/manifest.csv" "$DIR/communes/manifest.csv"
grep -v ',$' "$DIR/communes/manifest.csv" | tail -n +2 | cut -d, -f1 | while read -r name; do
  rm -f "$DIR/communes/clean/$name"
done
"$PHULUC" fix --quiet --out-dir "$DIR/clean_out" "$DIR/communes/clean" > /dev/null || status=1
echo "== clean"
$PY "$HERE/fix_score.py" "$DIR/communes/clean" "$DIR/clean_out" --clean-check | tail -1 || status=1
exit $status
