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
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> installing ${need_apt[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
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

echo "==> building (debug, with tests)"
swift build --build-tests

echo "==> running the test suite"
status=0
swift test --skip-build || status=$?

echo "==> running the browser suite (headless Chromium against copiloto serve)"
scripts/web-test.sh || status=$?
exit $status
