#!/usr/bin/env bash
# Renders a report for a person to look at: dpia.html to a PNG screenshot with
# headless Chromium, and dpia.docx to PDF with LibreOffice, then to PNG pages
# with pdftoppm. Needs Debian's chromium, libreoffice-writer-nogui and
# poppler-utils (installed here when missing).
#
#   scripts/look-at-report.sh Reports/homes-for-ukraine [OUT]
#
# For a 200-system programme: python3 bench/generate.py 1000 > /tmp/p200.yaml;
# dpflow report /tmp/p200.yaml -o /tmp/r; scripts/look-at-report.sh /tmp/r/p200
set -euo pipefail
dir=${1:?usage: look-at-report.sh REPORT_DIR [OUT_DIR]}
out=${2:-$dir/.preview}
mkdir -p "$out"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
  --screenshot="$out/dpia-html.png" "file://$(realpath "$dir/dpia.html")" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$out/dpia-html.pdf" --no-pdf-header-footer \
  "file://$(realpath "$dir/dpia.html")" 2>/dev/null
soffice --headless --convert-to pdf --outdir "$out" "$dir/dpia.docx" >/dev/null 2>&1
# Every page of both, large enough to read the diagram's labels.
pdftoppm -png -r 60 "$out/dpia.pdf" "$out/dpia-docx"
pdftoppm -png -r 60 "$out/dpia-html.pdf" "$out/dpia-print"
pdfinfo "$out/dpia-html.pdf" | grep -E "Pages|Page size" | sed 's/^/print: /'
pdfinfo "$out/dpia.pdf" | grep -E "Pages|Page size" | sed 's/^/docx:  /'

ls "$out"
