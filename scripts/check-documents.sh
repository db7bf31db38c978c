#!/usr/bin/env bash
# Renders every example document (both kinds, every shipped language, bilingual, large
# print) and checks each with real tools: qpdf --check, pdfinfo (Tagged: yes),
# scripts/pdf_conformance.py (PDF/A-2a and PDF/UA-1 rules, with pikepdf) and, for the HTML,
# scripts/html_accessibility.py (axe-core in headless Chromium). Called by scripts/test.sh.
#   bash scripts/check-documents.sh [BIN]     (BIN: the osteodoc executable; default: debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build --show-bin-path)/osteodoc}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
pdfs=()
check_args=()
render() { # name, then render arguments
  local name="$1"; shift
  "$BIN" render "$@" --plan examples/plan.json --out "$out/$name"
}
for dir in locales/*/; do
  lang="$(basename "$dir")"
  for kind in consent discharge; do
    render "$kind-$lang.pdf" "$kind" --lang "$lang"
    render "$kind-$lang.html" "$kind" --lang "$lang"
  done
done
for kind in consent discharge; do
  render "$kind-de-it.pdf" "$kind" --lang de --with it
  render "$kind-ar-it.pdf" "$kind" --lang ar --with it
  render "$kind-de-it.html" "$kind" --lang de --with it
  render "$kind-ar-it.html" "$kind" --lang ar --with it
  render "$kind-it-large.pdf" "$kind" --lang it --large-print
  render "$kind-ar-large.pdf" "$kind" --lang ar --large-print
  render "$kind-de-it-large.pdf" "$kind" --lang de --with it --large-print
done

failed=0
for pdf in "$out"/*.pdf; do
  name="$(basename "$pdf")"
  if ! qpdf --check "$pdf" >"$out/qpdf.log" 2>&1; then
    echo "$name: qpdf --check failed"; cat "$out/qpdf.log"; failed=1
  fi
  if ! pdfinfo "$pdf" | grep -q '^Tagged: *yes$'; then
    echo "$name: pdfinfo does not say Tagged: yes"; failed=1
  fi
  args=()
  case "$name" in
    *-de-it*) args+=(--lang it) ;;
    *-ar-it*) args+=(--lang it --latin-in-rtl) ;;
    *-ar*) args+=(--latin-in-rtl) ;;
  esac
  python3 scripts/pdf_conformance.py "$pdf" "${args[@]}" | tail -n 50 || failed=1
done
python3 scripts/html_accessibility.py "$out"/*.html || failed=1
exit "$failed"
