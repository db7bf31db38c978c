#!/usr/bin/env bash
# The release, tested as a user meets it (run by scripts/test.sh):
#  1. the static release build: ldd names only Debian's libraries (nothing from the Swift toolchain);
#  2. it writes the same bytes as the test build;
#  3. the .deb from scripts/build-deb.sh installs with apt-get, renders the example from another
#     folder with no flags or environment, ships its man page, completions and a disabled unit;
#  4. dpkg -r removes it and leaves no file behind.
# Steps 3–4 need root (apt-get, dpkg); without it they are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }

# The document CLI only, unless OSTEODOC_WITH_SERVER=1: the server's release build (its network
# stack) would add many minutes to every CI run; the server is tested from the debug build.
binary=$(bash scripts/build-release.sh | tail -1)
echo "test-deb: release build $binary ($(du -h "$binary" | cut -f1))"

# 1. Only Debian's libraries.
ldd "$binary" > "$work/ldd"
if grep -E '/opt/swift|libswift|libFoundation|not found' "$work/ldd"; then fail "the release build links the toolchain's libraries"; fi
while read -r lib; do
  real=$(readlink -f "$lib")
  owned=""
  for c in "$lib" "$real" "${real#/usr}" "/usr$lib"; do dpkg -S "$c" >/dev/null 2>&1 && owned=1 && break; done
  [ -n "$owned" ] || fail "$lib belongs to no Debian package"
done < <(awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' "$work/ldd")
echo "test-deb: ldd: $(grep -c '=>' "$work/ldd") libraries, all from Debian packages"

# 2. Same bytes as the build the tests use.
debug="$(swift build --show-bin-path)/osteodoc"
if [ -x "$debug" ]; then
  for f in consent.pdf discharge.html; do
    "$binary" render "${f%.*}" --plan examples/plan.json --lang de --out "$work/static-$f"
    "$debug" render "${f%.*}" --plan examples/plan.json --lang de --out "$work/debug-$f"
    cmp -s "$work/static-$f" "$work/debug-$f" || fail "$f differs between the static release build and $debug"
  done
  echo "test-deb: static release build and test build write the same bytes"
fi

if [ "$(id -u)" -ne 0 ]; then echo "test-deb: skipped apt-get install / dpkg -r (needs root)"; exit 0; fi
if dpkg-query -W -f='${Status}' osteodoc 2>/dev/null | grep -q "install ok installed"; then
  echo "test-deb: skipped apt-get install / dpkg -r (an osteodoc package is installed already; not touching it)"; exit 0
fi

# 3. Build, install, use.
deb=$(bash scripts/build-deb.sh --binary "$binary" --out "$work" | tail -1)
echo "test-deb: built $(basename "$deb") ($(du -h "$deb" | cut -f1)); Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' > "$work/files"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" > "$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install"; }
trap 'dpkg -r osteodoc >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ "$(command -v osteodoc)" = /usr/bin/osteodoc ] || fail "osteodoc is not /usr/bin/osteodoc"
mkdir "$work/elsewhere"
( cd "$work/elsewhere" && env -u OSTEODOC_RESOURCES osteodoc render consent --plan "$repo/examples/plan.json" --lang de --out consent-de.pdf \
  && env -u OSTEODOC_RESOURCES osteodoc render discharge --plan - --out discharge.html < "$repo/examples/plan.json" ) || fail "render from another folder"
pdftotext "$work/elsewhere/consent-de.pdf" "$work/consent-de.txt"
grep -q "Einwilligung" "$work/consent-de.txt" || fail "the German consent has no German text"
cmp -s "$work/elsewhere/consent-de.pdf" "$work/static-consent.pdf" || fail "the installed program writes other bytes than the build"
osteodoc --version > "$work/version"
grep -q "^resources /usr/share/osteodoc$" "$work/version" || fail "resources not found in /usr/share/osteodoc"
grep -q '^/usr/share/man/man1/osteodoc.1.gz$' "$work/files" || fail "no man page in the package"
grep -q '^/usr/share/bash-completion/completions/osteodoc$' "$work/files" || fail "no bash completion in the package"
[ -f /lib/systemd/system/osteodoc.service ] || fail "no systemd unit"
if ls /etc/systemd/system/*.wants/osteodoc.service >/dev/null 2>&1; then fail "the unit is enabled"; fi
echo "test-deb: installed; rendered from another folder; $(head -1 "$work/version"), $(tail -1 "$work/version"); unit present and disabled"

# 4. Remove: nothing left.
dpkg -r osteodoc > /dev/null
left=$(while read -r f; do if [ -e "$f" ] || [ -L "$f" ]; then echo "$f"; fi; done < "$work/files")
[ -z "$left" ] || fail "left after dpkg -r: $left"
[ ! -e /usr/share/osteodoc ] || fail "/usr/share/osteodoc left after dpkg -r"
echo "test-deb: dpkg -r removed all $(wc -l < "$work/files") files"
