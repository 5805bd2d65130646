#!/usr/bin/env bash
# Runs bench/replication_benchmark.cc against a lone NATS server (stream R=1) and a 3-server
# JetStream cluster (R=3), both on loopback in a temporary folder, then stops them.
#   bench/replication-bench.sh [BINARY] [benchmark flags...]
set -euo pipefail
bin=${1:-build/bin/replication_benchmark}
shift || true
nats=${PARLEY_NATS_SERVER:-/usr/sbin/nats-server}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start NAME PORT [ROUTE_PORT ROUTES]
start() {
  local name=$1 port=$2
  {
    echo "server_name: $name"
    echo "listen: 127.0.0.1:$port"
    echo "jetstream { store_dir: \"$work/$name\" }"
    if [[ $# -gt 2 ]]; then echo "cluster { name: bench, listen: 127.0.0.1:$3, routes: [$4] }"; fi
  } > "$work/$name.conf"
  "$nats" -c "$work/$name.conf" > "$work/$name.log" 2>&1 &
  pids+=($!)
}
wait_for() {  # wait_for LOG TEXT
  for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "replication-bench: $1 never said '$2'" >&2; cat "$1" >&2; exit 1
}
lone=$(free_port)
start lone "$lone"
wait_for "$work/lone.log" "Server is ready"
echo "== one NATS server, stream replicas 1"
PARLEY_BENCH_NATS="nats://127.0.0.1:$lone" PARLEY_BENCH_NATS_REPLICAS=1 "$bin" "$@"

ports=() routes=()
for i in 0 1 2; do ports+=("$(free_port)"); routes+=("$(free_port)"); done
route_list="nats-route://127.0.0.1:${routes[0]}, nats-route://127.0.0.1:${routes[1]}, nats-route://127.0.0.1:${routes[2]}"
for i in 0 1 2; do start "n$i" "${ports[$i]}" "${routes[$i]}" "$route_list"; done
for i in 0 1 2; do wait_for "$work/n$i.log" "JetStream cluster"; done
sleep 1  # The metadata leader is elected.
echo "== three NATS servers, stream replicas 3"
PARLEY_BENCH_NATS="nats://127.0.0.1:${ports[0]},nats://127.0.0.1:${ports[1]},nats://127.0.0.1:${ports[2]}" \
  PARLEY_BENCH_NATS_REPLICAS=3 "$bin" "$@"
