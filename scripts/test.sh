#!/usr/bin/env bash
# The test command (README, CI): content checks, then the whole XCTest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product osteodoc
BIN="$(swift build --show-bin-path)/osteodoc"
"$BIN" content lint
swift test 2>&1
