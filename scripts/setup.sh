#!/usr/bin/env bash
# Installs every Debian package Parley's build and tests need (idempotent: skips what is
# there), then configures and builds into build/. Usage: scripts/setup.sh [extra cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang clang-format clang-tidy
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  librocksdb-dev libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev libre2-dev
  libicu-dev libxml2-dev prometheus-cpp-dev python3 openssl
  # Cluster mode: the NATS C client, and the server the cluster tests start (docs/scaling.md).
  libnats-dev nats-server
  # libFuzzer and the sanitizer runtimes for clang (scripts/fuzz, scripts/test-sanitizers,
  # scripts/test-tsan).
  libclang-rt-14-dev
  # Container image build and smoke test (deploy/test-image.sh).
  podman runc debootstrap uidmap
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#PACKAGES[@]} packages present"
fi

BUILD_DIR=${PARLEY_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DPARLEY_WERROR=${PARLEY_WERROR:-ON} "$@" >/dev/null
ninja -C "$BUILD_DIR" -j "${PARLEY_JOBS:-$(nproc)}"
