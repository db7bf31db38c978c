#!/usr/bin/env bash
# Fresh Debian 12 machine with Swift 6 → everything osteodoc needs, a release
# build, and the example documents rendered into out/.
# Installs only the Debian packages that are missing (apt-get, as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  pkg-config libcmark-dev libharfbuzz-dev libfribidi-dev libunibreak-dev libhyphen-dev
  hyphen-it hyphen-de hyphen-en-us hyphen-fr hyphen-ro hyphen-uk libdeflate-dev libqrencode-dev libpng-dev libturbojpeg0-dev libzbar-dev fonts-noto-core fonts-noto-cjk
  poppler-utils qpdf zbar-tools python3-jsonschema
  icc-profiles-free chromium chromium-driver chromium-l10n
  tzdata  # the facility clock (Europe/Rome by default) needs the time zone database
  python3-venv gettext binutils
  libsqlite3-dev postgresql wrk curl
  cups cups-client printer-driver-cups-pdf  # printing (issue 11): the tests print on cups-pdf queues
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The plan-schema test runs python3 with jsonschema; the python3 first on PATH may not be Debian's.
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema
# The PDF/A and PDF/UA checks (pikepdf) and the HTML accessibility check (axe-core through Selenium).
python3 -c "import pikepdf, selenium, axe_selenium_python" 2>/dev/null || python3 -m pip install -q pikepdf selenium axe-selenium-python
# The plan-schema test runs the stock validators: Debian's python3-jsonschema (above), and PyPI's
# jsonschema and check-jsonschema — from the python3 on PATH if it has them, else from a venv in .build/pytools.
pypi_jsonschema() { python3 -c 'import jsonschema, sys; sys.exit(jsonschema.__file__.startswith("/usr/lib/python3/"))' 2>/dev/null; }
if ! { pypi_jsonschema && command -v check-jsonschema >/dev/null; } && [ ! -x .build/pytools/bin/check-jsonschema ]; then
  python3 -m venv .build/pytools
  .build/pytools/bin/pip install -q jsonschema check-jsonschema
fi
# The scan-back tests make rotated, noisy JPEG scans of the example consent with Pillow.
python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q Pillow
# The server's checks (scripts/server_check.py): the OpenAPI validator and schemathesis.
python3 -c "import openapi_spec_validator, schemathesis" 2>/dev/null || python3 -m pip install -q openapi-spec-validator schemathesis

swift build -c release --product osteodoc
# The server (osteodoc serve) as a debug build: the test suite builds it anyway; a release build
# of its network stack takes many minutes more (scripts/build-release.sh --with-server for the package).
swift build --product osteodoc-server
bash scripts/render-examples.sh
