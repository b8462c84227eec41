#!/usr/bin/env bash
# Browser tests of the web app: headless Chromium (Debian packages) driven by Selenium + pytest (a venv outside
# the repository), against `copiloto serve` on a free loopback port with a fresh SQLite database.
#
#   scripts/web-test.sh [pytest args…]
#
# COPILOTO_BIN            the server binary (default .build/debug/copiloto)
# COPILOTO_TEST_OUTPUT    screenshots and the server log (default .build/test-output/web)
# COPILOTO_WEB_DIR        the web files served (default: this checkout's Sources/CopilotoHTTP/Public)
# COPILOTO_WEB_VENV       the Python venv (default ~/.cache/copiloto/web-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/server.sh
ROOT=$PWD
BIN=${COPILOTO_BIN:-.build/debug/copiloto}
OUT=${COPILOTO_TEST_OUTPUT:-.build/test-output/web}
VENV=${COPILOTO_WEB_VENV:-$HOME/.cache/copiloto/web-venv}
export COPILOTO_WEB_DIR=${COPILOTO_WEB_DIR:-$ROOT/Sources/CopilotoHTTP/Public}

log() { printf 'web-test: %s\n' "$*" >&2; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    log "installing chromium and chromium-driver (Debian packages)"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    log "installing python3-venv (Debian package)"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
fi
if ! "$VENV/bin/python" -c 'import selenium, pytest' >/dev/null 2>&1; then
    log "creating the Python venv in $VENV (selenium, pytest)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check selenium pytest
fi
[ -x "$BIN" ] || { log "no server binary at $BIN (run swift build, or set COPILOTO_BIN)"; exit 2; }

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TMP=$(mktemp -d)
PORT=$(free_port)
# A loopback Graph API and transcription server (Tests/web/fake_meta.py, started by the tests) on its own port.
FAKE_META_PORT=$(free_port)
export COPILOTO_FAKE_META_PORT=$FAKE_META_PORT
COPILOTO_META_GRAPH_URL="http://127.0.0.1:$FAKE_META_PORT/v21.0" COPILOTO_TRANSCRIPTION_BASE_URL="http://127.0.0.1:$FAKE_META_PORT/v1" \
COPILOTO_WHATSAPP_APP_SECRET=web-test-app-secret COPILOTO_WHATSAPP_ACCESS_TOKEN=EAAG-web-test \
COPILOTO_WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398 \
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database-url "sqlite://$TMP/web.sqlite" >"$OUT/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

wait_ready "$SERVER" "$PORT" "$OUT/server.log"

log "server on http://127.0.0.1:$PORT (web files: $COPILOTO_WEB_DIR); screenshots in $OUT"
COPILOTO_WEB_URL="http://127.0.0.1:$PORT" COPILOTO_TEST_OUTPUT="$OUT" \
    "$VENV/bin/python" -m pytest -q -rs -p no:cacheprovider "$ROOT/Tests/web" "$@"
