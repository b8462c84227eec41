#!/usr/bin/env bash
# The ecosystem's own clients and validators against `copiloto serve` (a fresh SQLite database, demo data):
#   - the official MCP Python SDK, the 1.x line most integrations pin and the newest line, on /mcp;
#   - ag-ui-protocol's event models and ordering rules on AG-UI runs (live, and those the Swift suite recorded);
#   - openapi-spec-validator on openapi.yaml, openapi-core on every request/response the Swift suite recorded;
#   - RFC 6750 challenges on every authenticated route, lower-case UUIDs;
#   - promtool check metrics (Debian's prometheus package) on /metrics.
#
#   scripts/protocols-test.sh [pytest args…]
#
# COPILOTO_BIN             the server binary (default .build/debug/copiloto)
# COPILOTO_EXCHANGES_DIR   the Swift suite's recorded exchanges (scripts/test.sh sets it; unset: those checks skip)
# COPILOTO_TEST_OUTPUT     the server log and the OpenAPI coverage report (default .build/test-output/protocols)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/server.sh
ROOT=$PWD
BIN=${COPILOTO_BIN:-.build/debug/copiloto}
OUT=${COPILOTO_TEST_OUTPUT:-.build/test-output/protocols}
CACHE=${COPILOTO_CACHE:-$HOME/.cache/copiloto}
VENV=$CACHE/protocols-venv
VENV_MCP1=$CACHE/protocols-venv-mcp1
# Pinned: the newest of each on PyPI when this was written, and the newest of MCP's 1.x line.
MAIN_PACKAGES=(pytest==9.2.0 httpx==0.29.0 pyyaml==6.0.4 mcp==2.3.0 ag-ui-protocol==1.0.0 openapi-core==0.23.1 openapi-spec-validator==0.8.5)
MCP1_PACKAGES=(pytest==9.2.0 httpx==0.29.0 pyyaml==6.0.4 mcp==1.30.0)

log() { printf 'protocols-test: %s\n' "$*" >&2; }
apt_install() {
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v promtool >/dev/null 2>&1 || { log "installing promtool (Debian package prometheus)"; apt_install prometheus; }
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || { log "installing python3-venv"; apt_install python3-venv; }
venv() {  # venv DIR PACKAGES…: (re)creates DIR when its pinned packages differ
    local dir=$1; shift
    local want; want=$(printf '%s\n' "$@")
    if [ ! -x "$dir/bin/python" ] || [ "$(cat "$dir/.pinned" 2>/dev/null)" != "$want" ]; then
        log "creating the venv $dir ($*)"
        rm -rf "$dir"
        python3 -m venv "$dir"
        "$dir/bin/pip" install -q --disable-pip-version-check "$@"
        printf '%s' "$want" >"$dir/.pinned"
    fi
}
venv "$VENV" "${MAIN_PACKAGES[@]}"
venv "$VENV_MCP1" "${MCP1_PACKAGES[@]}"
[ -x "$BIN" ] || { log "no server binary at $BIN (run swift build, or set COPILOTO_BIN)"; exit 2; }

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TMP=$(mktemp -d)
PORT=$(free_port)
"$BIN" serve --host 127.0.0.1 --port "$PORT" --database-url "sqlite://$TMP/protocols.sqlite" >"$OUT/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM
wait_ready "$SERVER" "$PORT" "$OUT/server.log"
log "server on http://127.0.0.1:$PORT"

export COPILOTO_URL="http://127.0.0.1:$PORT" COPILOTO_TEST_OUTPUT="$OUT"
status=0
log "pytest with $(${VENV}/bin/pip freeze 2>/dev/null | grep -iE '^(mcp|ag-ui-protocol|openapi-core|openapi-spec-validator)==' | tr '\n' ' ')"
"$VENV/bin/python" -m pytest -q -rs -p no:cacheprovider "$ROOT/Tests/protocols" "$@" || status=$?
log "the MCP 1.x client: $("$VENV_MCP1/bin/pip" freeze 2>/dev/null | grep -i '^mcp==')"
"$VENV_MCP1/bin/python" -m pytest -q -rs -p no:cacheprovider "$ROOT/Tests/protocols/test_mcp.py" "$@" || status=$?

log "promtool check metrics on /metrics"
curl -fsS "http://127.0.0.1:$PORT/metrics" >"$OUT/metrics.txt"
if promtool check metrics <"$OUT/metrics.txt"; then
    echo "promtool: 1 passed, 0 failed"
else
    echo "promtool: 0 passed, 1 failed"
    status=1
fi
exit $status
