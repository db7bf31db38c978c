#!/usr/bin/env bash
# Renders the example documents of examples/ into out/ with the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build -c release --show-bin-path)/osteodoc"
mkdir -p out
for kind in consent discharge; do
  for fmt in html; do
    "$BIN" render "$kind" --plan examples/plan.json --out "out/$kind-it.$fmt"
  done
done
ls -l out
