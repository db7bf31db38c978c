#!/usr/bin/env bash
# Page images for the README: the page of the example consent (Italian) with the
# plan summary and the body diagram, as docs/images/consent-it-summary.png.
# Fixed resolution, so the PNG only changes when the page does.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product osteodoc >/dev/null 2>&1
BIN="$(swift build --show-bin-path)/osteodoc"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$BIN" render consent --plan examples/plan.json --lang it --out "$tmp/consent-it.pdf"
pages=$(pdfinfo "$tmp/consent-it.pdf" | awk '/^Pages:/ {print $2}')
page=""
for ((p = 1; p <= pages; p++)); do
  if pdftotext -f "$p" -l "$p" -enc UTF-8 "$tmp/consent-it.pdf" - | grep -q "I numeri sono quelli della tabella"; then
    page=$p; break
  fi
done
[ -n "$page" ] || { echo "no page with the body diagram" >&2; exit 1; }
mkdir -p docs/images
pdftoppm -png -r 100 -f "$page" -l "$page" -singlefile "$tmp/consent-it.pdf" docs/images/consent-it-summary
echo "docs/images/consent-it-summary.png: page $page of $pages"
