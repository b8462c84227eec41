#!/usr/bin/env bash
# Installs PostgreSQL 16 with pgvector from PyPI's `pgserver` wheel (Debian 12 has no pgvector) into a cache folder
# outside the repository, readable by the `postgres` user the tests run initdb as, and prints its bin directory.
set -euo pipefail
if [ "$(id -u)" = 0 ]; then default=/var/cache/copiloto/pgserver; else default="$HOME/.cache/copiloto/pgserver"; fi
dir="${COPILOTO_PGSERVER_DIR:-$default}"
bin="$dir/pgserver/pginstall/bin"
if [ ! -x "$bin/initdb" ]; then
  mkdir -p "$dir"
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$dir" pgserver >&2
  chmod -R a+rX "$dir"
  chmod a+x "$bin"/*
  p="$dir"; while [ "$p" != "/" ]; do chmod a+x "$p" 2>/dev/null || true; p="$(dirname "$p")"; done
fi
[ -x "$bin/initdb" ] && [ -f "$dir/pgserver/pginstall/share/postgresql/extension/vector.control" ]
echo "$bin"
