#!/usr/bin/env bash
# Page images for the README, from the example plan, at a fixed resolution (a PNG
# changes only when its page does):
#   consent-it-summary.png   Italian consent, the page with the plan summary and body diagram
#   consent-it-first.png     Italian consent, first page
#   discharge-it-timeline.png  Italian discharge sheet, the recovery timeline
#   discharge-ar-contacts.png  Arabic discharge sheet, the page where a Latin name and a phone
#                              number sit inside right-to-left text
#   consent-de-it-first.png  bilingual German–Italian consent, first page
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product osteodoc >/dev/null 2>&1
BIN="$(swift build --show-bin-path)/osteodoc"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs/images

# shot NAME TEXT-ON-THE-PAGE (or "") RENDER-ARGS…
shot() {
  local name="$1" match="$2"; shift 2
  "$BIN" render "$@" --plan examples/plan.json --out "$tmp/$name.pdf"
  local pages page=1
  pages=$(pdfinfo "$tmp/$name.pdf" | awk '/^Pages:/ {print $2}')
  if [ -n "$match" ]; then
    page=""
    for ((p = 1; p <= pages; p++)); do
      # Read the page whole first: `grep -q` stops reading at the first match, and under
      # pipefail pdftotext's broken pipe then failed the test even though the text was there.
      text=$(pdftotext -f "$p" -l "$p" -enc UTF-8 "$tmp/$name.pdf" -)
      if grep -q "$match" <<<"$text"; then page=$p; break; fi
    done
    [ -n "$page" ] || { echo "$name: no page contains \"$match\"" >&2; exit 1; }
  fi
  pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile "$tmp/$name.pdf" "docs/images/$name"
  echo "docs/images/$name.png: page $page of $pages"
}

shot consent-it-summary "I numeri sono quelli della tabella" consent --lang it
shot consent-it-first "" consent --lang it
shot discharge-it-timeline "Il Suo calendario" discharge --lang it
shot discharge-ar-contacts "على الرقم" discharge --lang ar
shot consent-de-it-first "" consent --lang de --with it
