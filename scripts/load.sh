#!/usr/bin/env bash
# Load on loopback with wrk: issuing the Italian consent PDF of a known plan, over and over.
# Prints documents/s, latency percentiles, errors, and the server's memory along the way.
#   bash scripts/load.sh [DURATION_SECONDS=70] [CONNECTIONS=8]
# Target (issue 10): ≥ 300 documents/s on 2 cores, p99 ≤ 50 ms, no errors, memory flat over 20,000 requests.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-70}
CONNECTIONS=${2:-8}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install wrk)"; exit 1; }
# OSTEODOC_SCRATCH: a separate build folder for the release build (so that it does not wait
# for, or hold up, the debug builds in .build).
SCRATCH=(); [ -n "${OSTEODOC_SCRATCH:-}" ] && SCRATCH=(--scratch-path "$OSTEODOC_SCRATCH")
swift build -c release "${SCRATCH[@]}" --product osteodoc >/dev/null
swift build -c release "${SCRATCH[@]}" --product osteodoc-server >/dev/null   # osteodoc serve runs it
BIN="$(swift build -c release "${SCRATCH[@]}" --show-bin-path)/osteodoc"
DATA="$(mktemp -d)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export OSTEODOC_RESOURCES="$PWD"
out=$("$BIN" serve --init --data "$DATA")
PASSWORD=$(sed -n 's/^Password (shown once, write it down): //p' <<<"$out")
TOKEN=$(sed -n 's/^API token for the planning core.*: //p' <<<"$out")
OSTEODOC_SERVER_LOG_LEVEL=warning "$BIN" serve --data "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @examples/plan.json "$URL/api/v1/plans" >/dev/null
login=$(curl -sf -D "$DATA/headers" -H 'Content-Type: application/json' \
  -d "{\"name\":\"admin\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/login")
export COOKIE=$(grep -i '^set-cookie:' "$DATA/headers" | sed 's/^[^:]*: //; s/;.*//')
export CSRF=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrfToken"])' "$login")
cat >"$DATA/issue.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"planId":"PLN-2026-004217","kind":"consent","languages":["it"]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("CSRF")
LUA
# Warm-up (first rendering, fonts, caches), then the measured run with memory samples.
wrk -t1 -c2 -d3s -s "$DATA/issue.lua" "$URL/api/v1/documents" >/dev/null
( while kill -0 $SERVER 2>/dev/null; do ps -o rss= -p $SERVER; sleep 5; done ) >"$DATA/rss" &
SAMPLER=$!
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$DATA/issue.lua" "$URL/api/v1/documents" | tee "$DATA/wrk"
kill $SAMPLER 2>/dev/null || true
requests=$(grep -E '^ +[0-9]+ requests in' "$DATA/wrk" | awk '{print $1}')
rate=$(grep 'Requests/sec' "$DATA/wrk" | awk '{print $2}')
p50=$(grep -E '^ +50%' "$DATA/wrk" | awk '{print $2}')
p99=$(grep -E '^ +99%' "$DATA/wrk" | awk '{print $2}')
errors=$(grep -E 'Non-2xx|Socket errors' "$DATA/wrk" || true)
rss=$(tr '\n' ' ' <"$DATA/rss")
issued=$(curl -sf "$URL/metrics" | sed -n 's/^osteodoc_documents_issued_total{kind="consent"} //p')
echo
echo "load: $requests requests in ${DURATION}s on $(nproc) cores: $rate documents/s, p50 $p50, p99 $p99"
echo "load: errors: ${errors:-none}; documents issued (server's counter): $issued"
echo "load: server memory (RSS, kB, every 5 s): $rss"
