#!/usr/bin/env bash
# Builds the Parley image with podman from a locally imported Debian base and smoke-tests it:
# start parleyd with a volume, wait for health SERVING, feed the sample articles through the
# worker container, query through reflection, stop with SIGTERM (must exit 0 within the grace
# period), restart on the same volume and check the data survived.
# Needs the host build (build/bin/parley-ingest, build/tests/parley-reflect) for the probes.
# Skips, saying so, where podman or debootstrap is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v podman >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  echo "test-image: SKIPPED: podman and debootstrap are needed (apt-get install podman runc debootstrap)"
  exit 0
fi
IMAGE=localhost/parley:test
GRACE=30
# runc and explicit ulimits: on our build machines (hybrid cgroup v1 + v2) crun fails, and podman
# runs containers there only with nofile and nproc set explicitly.
RUN=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=32768:32768 --network host)
NAME=parley-test-$$
VOLUME=parley-test-data-$$
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TARGET=127.0.0.1:$PORT
cleanup() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  podman image prune -f >/dev/null 2>&1 || true  # The build stage's dangling layers.
}
trap cleanup EXIT

deploy/build-base-image.sh
echo "test-image: building $IMAGE"
podman build --pull=never --isolation=chroot -q -f deploy/Dockerfile -t "$IMAGE" . >/dev/null
echo "test-image: image size $(podman image inspect "$IMAGE" --format '{{.Size}}') bytes"
podman volume create "$VOLUME" >/dev/null

wait_serving() {
  for _ in $(seq 1 60); do
    if build/bin/parley-ingest health --target="$TARGET" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  echo "test-image: FAILED: parleyd never became SERVING"; podman logs "$NAME" || true
  return 1
}
start() {
  podman run -d --name "$NAME" "${RUN[@]}" -v "$VOLUME:/var/lib/parley" \
    -e PARLEY_LISTEN="$TARGET" -e PARLEY_LOG_FORMAT=json "$IMAGE" >/dev/null
  wait_serving
}

start
echo "test-image: parleyd SERVING on $TARGET"
# The worker: the same image with the other entrypoint; no shell, so files are listed here.
files=()
for f in examples/articles/*; do files+=("/articles/$(basename "$f")"); done
podman run --rm "${RUN[@]}" -v "$PWD/examples/articles:/articles:ro" \
  --entrypoint /usr/local/bin/parley-ingest "$IMAGE" submit --target="$TARGET" "${files[@]}"
services=$(build/tests/parley-reflect --target="$TARGET" list)
grep -q "parley.v1.MeetingService" <<<"$services" || { echo "test-image: FAILED: reflection"; exit 1; }
query() { build/tests/parley-reflect --target="$TARGET" call parley.v1.MeetingService/ListMeetings '{"filter": {"city": "Almaty"}}'; }
query | grep -q '"city":"Almaty"' || { echo "test-image: FAILED: ListMeetings through reflection"; exit 1; }
echo "test-image: worker container stored the samples; reflection query answered"

start_s=$(date +%s)
podman stop -t "$GRACE" "$NAME" >/dev/null
elapsed=$(( $(date +%s) - start_s ))
code=$(podman inspect "$NAME" --format '{{.State.ExitCode}}')
if [[ "$code" != "0" || "$elapsed" -ge "$GRACE" ]]; then
  echo "test-image: FAILED: SIGTERM gave exit code $code after ${elapsed}s"; podman logs "$NAME" | tail -5; exit 1
fi
echo "test-image: SIGTERM: exit 0 after ${elapsed}s"
podman rm "$NAME" >/dev/null
start
query | grep -q '"city":"Almaty"' || { echo "test-image: FAILED: data lost across restart"; exit 1; }
echo "test-image: data survived the restart; ok"
