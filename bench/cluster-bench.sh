#!/usr/bin/env bash
# Cluster mode end to end, at scale (docs/performance.md, "Cluster mode at scale"): a 3-server
# NATS JetStream cluster (streams R=3) and 3 parleyd replicas on loopback; INPUTS synthetic
# article files (REPORTS differently worded reports per meeting) queued with
# `parley-ingest submit --queue_servers`, then taken by WORKERS `parley-ingest run` processes
# (2 threads each) writing to the replicas in turn. Prints the rates, checks that every replica
# reached the same revision with the same number of meetings and every article is stored once,
# then starts a fourth replica with an empty folder that bootstraps from replica 0's checkpoint
# and times it until SERVING. Last, read QPS on one replica (`parley-bench lookup --target`),
# idle and while the workers store a second wave of WAVE inputs.
#   bench/cluster-bench.sh [BIN_DIR]   (INPUTS=10000 REPORTS=3 WORKERS=2 WAVE=3000 by default)
set -euo pipefail
exec 2> >(grep -v " Killed " >&2)
bin=$(cd "${1:-build/bin}" && pwd)
inputs=${INPUTS:-10000}
reports=${REPORTS:-3}
workers=${WORKERS:-2}
wave=${WAVE:-3000}
nats=${PARLEY_NATS_SERVER:-/usr/sbin/nats-server}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
wait_for() {  # wait_for FILE TEXT [SECONDS]
  for _ in $(seq 1 $((${3:-30} * 10))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "cluster-bench: $1 never said '$2'" >&2; tail -20 "$1" >&2; exit 1
}
port_of() { sed -n "s/^$2=//p" "$1"; }  # port_of PORT_FILE NAME
metric() {  # metric PORT NAME_AND_LABELS_PREFIX
  { curl -s "http://127.0.0.1:$1/metrics" 2>/dev/null || true; } |
    awk -v m="$2" 'index($0, m) == 1 && !found { print $2; found = 1 }'
}

# NATS: three servers, routes between them.
ports=() routes=()
for i in 0 1 2; do ports+=("$(free_port)"); routes+=("$(free_port)"); done
route_list="nats-route://127.0.0.1:${routes[0]}, nats-route://127.0.0.1:${routes[1]}, nats-route://127.0.0.1:${routes[2]}"
for i in 0 1 2; do
  cat > "$work/n$i.conf" <<EOF
server_name: n$i
listen: 127.0.0.1:${ports[$i]}
max_payload: 16MB
jetstream { store_dir: "$work/n$i" }
cluster { name: bench, listen: 127.0.0.1:${routes[$i]}, routes: [$route_list] }
EOF
  "$nats" -c "$work/n$i.conf" > "$work/n$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1 2; do wait_for "$work/n$i.log" "JetStream cluster"; done
urls="nats://127.0.0.1:${ports[0]},nats://127.0.0.1:${ports[1]},nats://127.0.0.1:${ports[2]}"

# start_replica I [FLAGS...]: parleyd in cluster mode with its own folder; waits for its ports.
start_replica() {
  local i=$1
  shift
  mkdir -p "$work/replica-$i"
  "$bin/parleyd" --listen=127.0.0.1:0 --ingest_listen=127.0.0.1:0 --metrics_listen=127.0.0.1:0 \
    --data_dir="$work/replica-$i" --port_file="$work/replica-$i.port" --nats_servers="$urls" \
    --nats_stream_replicas=3 --write_timeout=30s "$@" > "$work/replica-$i.log" 2>&1 &
  pids+=($!)
  wait_for "$work/replica-$i.port" "listen=" 120
}
for i in 0 1 2; do
  extra=()
  if [[ $i == 0 ]]; then mkdir -p "$work/checkpoints"; extra=(--checkpoint_dir="$work/checkpoints"); fi
  start_replica "$i" "${extra[@]}"
done

# The inputs: meeting m = k / REPORTS on its own day between its own pair of countries.
mkdir -p "$work/inputs" "$work/wave"
python3 - "$work/inputs" "$inputs" "$reports" "$work/wave" "$wave" <<'EOF'
import json, sys
out, n, reports = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
wave_dir, wave = sys.argv[4], int(sys.argv[5])
countries = [("French", "France"), ("German", "Germany"), ("Italian", "Italy"),
             ("Spanish", "Spain"), ("Polish", "Poland"), ("Japanese", "Japan"),
             ("Indian", "India"), ("Brazilian", "Brazil"), ("Kenyan", "Kenya"),
             ("Egyptian", "Egypt")]
cities = ["Geneva", "Vienna", "Oslo", "Helsinki", "Lisbon", "Dublin", "Prague", "Athens"]
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
openings = ["{a} Foreign Minister met {b} Foreign Minister in {c} on {d}",
            "The foreign ministers of {A} and {B} held talks in {c} on {d}",
            "{A}'s top diplomat hosted his {b} counterpart in {c} on {d}"]
for k in range(n + wave):
    m = k // reports
    a, b = countries[m % 10], countries[(m // 10 + m + 1) % 10]
    if a == b:
        b = countries[(m + 5) % 10]
    day = m % 28 + 1
    date = f"{day} {months[(m // 28) % 12]} {1900 + (m // 336) % 120}"  # 40,320 days
    text = openings[k % reports % 3].format(a=a[0], b=b[0], A=a[1], B=b[1],
                                             c=cities[m % 8], d=date)
    body = (f"{text}. The two ministers discussed trade, energy and security, "
            f"according to report {k} of meeting {m}.")
    with open(f"{out if k < n else wave_dir}/article-{k:06d}.json", "w") as f:
        json.dump({"title": f"Talks in {cities[m % 8]} (report {k})", "body": body,
                   "outlet": f"Bench Wire {k % reports}"}, f)
EOF

echo "== $inputs inputs ($reports reports per meeting), NATS x3 (R=3), 3 replicas, $workers workers x 2 threads"
start=$(now)
(cd "$work/inputs" && ls | xargs "$bin/parley-ingest" submit --queue_servers="$urls" \
  --queue_replicas=3 --give_up_after=60s) 2> "$work/submit.log"
submitted=$(now)
awk '/^queued/ { q += $2; n += $4; f += $6 } END { print "queued " q " of " n " files, " f " failed" }' \
  "$work/submit.log"
python3 -c "import sys; print(f'queued {sys.argv[1]} inputs in {float(sys.argv[3])-float(sys.argv[2]):.1f} s: {int(sys.argv[1])/(float(sys.argv[3])-float(sys.argv[2])):.0f} inputs/s')" "$inputs" "$start" "$submitted"

for w in $(seq 0 $((workers - 1))); do
  target=$(port_of "$work/replica-$((w % 3)).port" ingest_listen)
  "$bin/parley-ingest" run --target="127.0.0.1:$target" --queue_servers="$urls" \
    --queue_replicas=3 --workers=2 --metrics_listen=127.0.0.1:0 \
    --port_file="$work/worker-$w.port" > "$work/worker-$w.log" 2>&1 &
  pids+=($!)
done
wait_for "$work/worker-0.port" "metrics_listen=" 60
worker_metrics=$(port_of "$work/worker-0.port" metrics_listen)
start=$(now)
while true; do
  waiting=$(metric "$worker_metrics" 'parley_queue_inputs{state="waiting"}')
  held=$(metric "$worker_metrics" 'parley_queue_inputs{state="in_progress"}')
  if [[ "${waiting:-1}" == 0 && "${held:-1}" == 0 ]]; then break; fi
  sleep 0.5
done
done_at=$(now)
python3 -c "import sys; s=float(sys.argv[3])-float(sys.argv[2]); print(f'workers stored {sys.argv[1]} articles in {s:.1f} s: {int(sys.argv[1])/s:.0f} articles/s end to end')" "$inputs" "$start" "$done_at"

# Every replica at the same revision with the same meetings; every article stored once.
revisions=() meetings=()
for i in 0 1 2; do
  m=$(port_of "$work/replica-$i.port" metrics_listen)
  for _ in $(seq 1 600); do  # Up to a minute to apply the log's tail.
    [[ "$(metric "$m" 'parley_store_revision')" == "$inputs" ]] && break
    sleep 0.1
  done
  revisions+=("$(metric "$m" 'parley_store_revision')")
  meetings+=("$(metric "$m" 'parley_meetings')")
done
echo "replica revisions: ${revisions[*]}; meetings: ${meetings[*]} ($(( (inputs + reports - 1) / reports )) written)"
# Each article's ingest is one revision (a repeat is none): revision = inputs means every
# article was applied exactly once.
if [[ "${revisions[0]}" != "$inputs" ]]; then
  echo "cluster-bench: revision ${revisions[0]} after $inputs articles: lost or repeated writes" >&2
  exit 1
fi
if [[ "${revisions[0]}" != "${revisions[1]}" || "${revisions[0]}" != "${revisions[2]}" ||
      "${meetings[0]}" != "${meetings[1]}" || "${meetings[0]}" != "${meetings[2]}" ]]; then
  echo "cluster-bench: the replicas differ" >&2
  exit 1
fi

# A fourth replica bootstraps from replica 0's checkpoint.
store_mb=$(du -sm "$work/replica-0" | cut -f1)
start=$(now)
start_replica 3 --bootstrap_from="127.0.0.1:$(port_of "$work/replica-0.port" ingest_listen)"
until "$bin/parley-ingest" health --target="127.0.0.1:$(port_of "$work/replica-3.port" listen)" \
  > /dev/null 2>&1; do
  sleep 0.2
done
serving=$(now)
python3 -c "import sys; print(f'replica 3 bootstrapped from a peer ({sys.argv[3]} MiB store, {sys.argv[4]} meetings) and served in {float(sys.argv[2])-float(sys.argv[1]):.1f} s')" "$start" "$serving" "$store_mb" "${meetings[0]}"
m=$(port_of "$work/replica-3.port" metrics_listen)
echo "replica 3 revision $(metric "$m" parley_store_revision), meetings $(metric "$m" parley_meetings)"
grep -h "bootstrap" "$work/replica-3.log" | tail -2 || true

# Read QPS on replica 2: idle, then while the workers store a second wave (it applies every
# write, as every replica does).
if (( wave > 0 )); then
  read_target="127.0.0.1:$(port_of "$work/replica-2.port" listen)"
  lookup=("$bin/parley-bench" lookup --target="$read_target" --meetings="${meetings[0]}"
          --connections=4 --streams=4 --seconds=5)
  echo "-- reads on replica 2, idle"
  "${lookup[@]}" 2>&1 | grep -E "QPS" || true
  (cd "$work/wave" && ls | xargs "$bin/parley-ingest" submit --queue_servers="$urls" \
    --queue_replicas=3 --give_up_after=60s) 2> "$work/wave.log"
  m2=$(port_of "$work/replica-2.port" metrics_listen)
  before=$(metric "$m2" parley_store_revision)
  start=$(now)
  echo "-- reads on replica 2 while the workers store $wave more articles"
  "${lookup[@]}" 2>&1 | grep -E "QPS" || true
  end=$(now)
  after=$(metric "$m2" parley_store_revision)
  python3 -c "import sys; print(f'replica 2 applied {int(sys.argv[2])-int(sys.argv[1])} writes during the reads: {(int(sys.argv[2])-int(sys.argv[1]))/(float(sys.argv[4])-float(sys.argv[3])):.0f} writes/s')" "$before" "$after" "$start" "$end"
fi
