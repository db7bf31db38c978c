#!/usr/bin/env bash
# The release build of osteodoc: Swift standard library and Foundation linked statically
# (--static-swift-stdlib; the same bytes out as the dynamic build, and no /opt/swift at run time),
# with the source commit embedded. Prints the path of the built program on its last line.
#
#   bash scripts/build-release.sh                          the document CLI
#   OSTEODOC_WITH_SERVER=1 bash scripts/build-release.sh   and the server program beside it
#
# The commit comes from `git describe --always --dirty`; without git (a tarball) it is "unknown".
# It is written into Sources/osteodoc/SourceCommit.swift for the length of the build only.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-static
commit=$(git describe --always --dirty 2>/dev/null || echo unknown)
file=Sources/osteodoc/SourceCommit.swift
saved=$(mktemp)
cp "$file" "$saved"
restore() { cp "$saved" "$file"; rm -f "$saved"; }
trap restore EXIT
sed -i "s/^let sourceCommit = \".*\"$/let sourceCommit = \"$commit\"/" "$file"
swift build -c release --product osteodoc --static-swift-stdlib --scratch-path "$scratch" >&2
# OSTEODOC_WITH_SERVER=1: the server program too (osteodoc serve), beside osteodoc; its network
# stack (SwiftNIO, BoringSSL twice, PostgreSQL and SQLite drivers) adds many minutes to the build.
if [ "${OSTEODOC_WITH_SERVER:-0}" = 1 ]; then
  swift build -c release --product osteodoc-server --static-swift-stdlib --scratch-path "$scratch" >&2
fi
echo "$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/osteodoc"
