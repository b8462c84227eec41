# Shared by scripts/web-test.sh and scripts/protocols-test.sh: a free loopback port, and waiting for a started
# `copiloto serve` to be ready (or failing with its log). Source it; `log` must be defined by the caller.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_ready PID PORT LOGFILE: up to 30 s for /readyz; exits 1 if the server died or never became ready.
wait_ready() {
    local pid=$1 port=$2 logfile=$3
    for _ in $(seq 1 150); do
        curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || { log "the server exited; see $logfile"; exit 1; }
        sleep 0.2
    done
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { log "the server is not ready; see $logfile"; exit 1; }
}
