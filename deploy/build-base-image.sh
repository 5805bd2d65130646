#!/usr/bin/env bash
# Builds the local base image localhost/debian:bookworm-slim with debootstrap (no registry is
# reachable here), unless podman already has it. Usage: deploy/build-base-image.sh
set -euo pipefail
IMAGE=localhost/debian:bookworm-slim
MIRROR=${PARLEY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
if podman image exists "$IMAGE"; then
  echo "base image: $IMAGE present"
  exit 0
fi
ROOT=$(mktemp -d /tmp/parley-rootfs-XXXXXX)
trap 'rm -rf "$ROOT"' EXIT
echo "base image: debootstrap bookworm from $MIRROR"
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >/dev/null
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*
tar -C "$ROOT" -c . | podman import - "$IMAGE" >/dev/null
echo "base image: $IMAGE imported"
