#!/bin/bash
# Converts .xls files to .xlsx with LibreOffice, for the differential check (docs/robustness.md).
#   bench/differential/convert_xls.sh CORPUS_DIR CACHE_DIR < list-of-xls-files
# Each FILE (a path under CORPUS_DIR) becomes CACHE_DIR/<its folder relative to CORPUS_DIR>/<stem>.xlsx.
# Files already converted (or already tried: CACHE_DIR/.../<stem>.failed) are skipped, so a rerun is
# quick. Batches of BATCH files per soffice call, each under a time limit; a batch that times out is
# retried one file at a time. Nice'd; a private LibreOffice profile so it runs beside another soffice.
set -u
corpus=$(realpath "$1")
cache=$2
batch_size=${BATCH:-20}
batch_timeout=${BATCH_TIMEOUT:-600}
file_timeout=${FILE_TIMEOUT:-120}
profile=${LO_PROFILE:-file:///tmp/lo-diff}
mkdir -p "$cache"
cache=$(realpath "$cache")

convert() {  # convert OUTDIR TIMEOUT FILE...
  local outdir=$1 limit=$2
  shift 2
  mkdir -p "$outdir"
  nice -n 19 timeout -k 10 "$limit" soffice -env:UserInstallation="$profile" --headless --norestore \
    --convert-to xlsx --outdir "$outdir" "$@" > /dev/null 2>&1
}

declare -A pending  # outdir -> newline separated files
while IFS= read -r file; do
  [ -n "$file" ] || continue
  file=$(realpath "$file")
  rel=${file#"$corpus"/}
  outdir="$cache/$(dirname "$rel")"
  stem=$(basename "${rel%.*}")
  [ -e "$outdir/$stem.xlsx" ] || [ -e "$outdir/$stem.failed" ] && continue
  pending[$outdir]+="$file"$'\n'
done

for outdir in "${!pending[@]}"; do
  mapfile -t files < <(printf '%s' "${pending[$outdir]}")
  for ((i = 0; i < ${#files[@]}; i += batch_size)); do
    chunk=("${files[@]:i:batch_size}")
    convert "$outdir" "$batch_timeout" "${chunk[@]}"
    for file in "${chunk[@]}"; do
      stem=$(basename "${file%.*}")
      [ -e "$outdir/$stem.xlsx" ] && continue
      convert "$outdir" "$file_timeout" "$file"  # the batch stopped early, or this file failed
      [ -e "$outdir/$stem.xlsx" ] || echo "LibreOffice could not convert it (or over ${file_timeout} s)" > "$outdir/$stem.failed"
    done
  done
done
converted=$(find "$cache" -name '*.xlsx' | wc -l)
failed=$(find "$cache" -name '*.failed' | wc -l)
echo "convert_xls: $converted converted, $failed not converted, in $cache" >&2
