#!/bin/sh
# Regenerates the streamed-output golden files from a dpflow binary:
#   Tests/DPFlowCLITests/StreamGolden/regenerate.sh path/to/dpflow
# The committed files were made by the binary built from main before check's
# output became a byte stream, so StreamedOutputTests shows the streamed
# writers give the bytes the String-building reporters gave. Keep the runs
# here and in StreamedOutputTests.swift the same.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
awkward=$(printf 'awk"ward %%,: \303\251 \342\200\256]]>.yaml')
cp "$here/awkward.yaml" "$scratch/$awkward"
cp "$here/many.yaml" "$scratch/many.yaml"
cd "$scratch"
common="check --no-config --as-of 2026-06-01 --fail-on warning"
for format in text json sarif junit github codeclimate checkstyle; do
  "$bin" $common --max-findings 0 --format $format "$awkward" many.yaml > "$here/$format.out" 2>/dev/null || true
done
"$bin" $common --max-findings 0 --format text --color "$awkward" many.yaml > "$here/text-color.out" 2>/dev/null || true
"$bin" $common --max-findings 0 --format github --quiet "$awkward" many.yaml > "$here/github-quiet.out" 2>/dev/null || true
"$bin" $common --max-findings 7 --format text "$awkward" many.yaml > "$here/text-capped.out" 2>/dev/null || true
