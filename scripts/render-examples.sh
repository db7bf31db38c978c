#!/usr/bin/env bash
# Renders the example plan's documents into out/ with the release build:
# consent, discharge sheet and preparation sheet, HTML and PDF, in every shipped language.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build -c release --show-bin-path)/osteodoc"
mkdir -p out
for dir in locales/*/; do
  lang="$(basename "$dir")"
  for kind in consent discharge preparation; do
    for fmt in html pdf; do
      "$BIN" render "$kind" --plan examples/plan.json --lang "$lang" --out "out/$kind-$lang.$fmt"
    done
  done
done
ls -l out
