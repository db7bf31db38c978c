#!/usr/bin/env bash
# Builds the Debian package osteodoc_<version>_amd64.deb with dpkg-deb.
#
#   bash scripts/build-deb.sh [--binary PATH] [--out DIR]
#
# Contents: everything scripts/install.sh puts under /usr, plus the systemd unit for
# `osteodoc serve` (shipped disabled: it starts only once /etc/osteodoc/serve.env exists and
# it is enabled) and an example of that file in /usr/share/doc/osteodoc.
# Depends: computed, not written by hand — every shared library the program needs (objdump's
# NEEDED, resolved by ldd), mapped to the Debian package owning it (`dpkg -S`), at the version
# it was built against or later;
# then the fonts (fonts-noto-core) and the hyphenation patterns the program opens at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="" out="."
while (($#)); do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "build-deb.sh: unknown option $1" >&2; exit 64 ;;
  esac
done
# The package carries the server too (the systemd unit runs it) unless OSTEODOC_WITH_SERVER=0.
[ -n "$binary" ] || binary=$(OSTEODOC_WITH_SERVER=${OSTEODOC_WITH_SERVER:-1} bash scripts/build-release.sh | tail -1)
version=$("$binary" --version | head -1 | cut -d' ' -f2)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
bash scripts/install.sh --prefix /usr --destdir "$stage" --binary "$binary" >&2

# Debian's places: completions for zsh under /usr/share/zsh/vendor-completions (as install.sh), docs compressed.
gzip -9n "$stage/usr/share/man/man1/osteodoc.1"
gzip -9n "$stage/usr/share/doc/osteodoc/CHANGELOG.md"
install -D -m 0644 packaging/osteodoc.service "$stage/lib/systemd/system/osteodoc.service"
# The settings example goes with the docs, not /etc: the package owns no configuration file,
# so `dpkg -r` leaves nothing behind.
install -D -m 0644 packaging/serve.env.example "$stage/usr/share/doc/osteodoc/serve.env.example"
cat > "$stage/usr/share/doc/osteodoc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: osteodoc

Files: *
License: MIT
$(sed 's/^$/./; s/^/ /' LICENSE)
COPYRIGHT

# Runtime libraries → packages. dpkg knows a file under the path its package shipped, which
# after Debian's merged /usr may be /lib/… or /usr/lib/…, and a library's real file, not the
# ldconfig symlink: try each spelling.
owner() {
  local real candidate
  real=$(readlink -f "$1")
  for candidate in "$1" "$real" "${real#/usr}" "/usr$1"; do
    dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 && return 0
  done
  return 0
}
deps=()
# The libraries the program itself names (NEEDED), at the paths ldd resolves them to; what they
# need in turn their own packages depend on.
for program in "$stage"/usr/bin/osteodoc*; do
  ldd "$program" > "$stage.ldd"
  while read -r name; do
    lib=$(awk -v n="$name" '$1 == n && $2 == "=>" { print $3 }' "$stage.ldd")
    [ -n "$lib" ] || lib=$(awk -v n="$name" '$1 ~ "/"n"$" { print $1 }' "$stage.ldd")
    [ -n "$lib" ] || { echo "build-deb.sh: ldd does not resolve $name" >&2; exit 1; }
    pkg=$(owner "$lib")
    if [ -z "$pkg" ]; then echo "build-deb.sh: no Debian package owns $lib" >&2; exit 1; fi
    ver=$(dpkg-query -W -f='${Version}' "$pkg")
    deps+=("$pkg (>= $ver)")
  done < <(objdump -p "$program" | awk '$1 == "NEEDED" { print $2 }')
  rm -f "$stage.ldd"
done
deps+=("fonts-noto-core" "hyphen-it" "hyphen-de" "hyphen-en-us" "hyphen-fr" "hyphen-ro" "hyphen-uk")
# The server runs CUPS's lp/lpstat to print and poppler's pdftoppm to read scanned PDFs.
[ -x "$stage/usr/bin/osteodoc-server" ] && deps+=("cups-client" "poppler-utils")
depends=$(printf '%s\n' "${deps[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
install -d "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: osteodoc
Version: $version
Architecture: amd64
Maintainer: osteodoc maintainers <osteodoc@localhost>
Installed-Size: $size
Depends: $depends
Suggests: systemd
Section: science
Priority: optional
Homepage: https://example.invalid/osteodoc
Description: patient documents for bone cementoplasty from the planning core's plan
 osteodoc turns the plan of a percutaneous cementoplasty (cementoplasty-plan/1 JSON)
 into the informed-consent form and the discharge sheet, in Italian and in the
 patient's language, as HTML or as PDF typeset by osteodoc itself.
CONTROL
( cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's| \./| |' > DEBIAN/md5sums )
deb="$out/osteodoc_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >&2
echo "$deb"
