#!/usr/bin/env bash
# Fresh Debian 12 machine with Swift 6 → everything osteodoc needs, a release
# build, and the example documents rendered into out/.
# Installs only the Debian packages that are missing (apt-get, as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  pkg-config libcmark-dev libharfbuzz-dev libfribidi-dev libunibreak-dev libhyphen-dev
  hyphen-it hyphen-de hyphen-en-us hyphen-fr hyphen-ro hyphen-uk zlib1g-dev libqrencode-dev fonts-noto-core
  poppler-utils qpdf zbar-tools python3-jsonschema
  libsqlite3-dev postgresql wrk curl
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
# The server's checks (scripts/server_check.py): the OpenAPI validator and schemathesis.
python3 -c "import openapi_spec_validator, schemathesis" 2>/dev/null || python3 -m pip install -q openapi-spec-validator schemathesis

swift build -c release --product osteodoc
bash scripts/render-examples.sh
