#!/usr/bin/env bash
# Fails when a folder includes what its layer may not see (STYLE.md section 2).
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() {  # check <folder> <forbidden-regex> <why>
  local hits
  hits=$(grep -rnE "^#include \"($2)" "$1" --include='*.h' --include='*.cc' || true)
  if [[ -n "$hits" ]]; then
    echo "layering: $1 must not include $3:"
    echo "$hits"
    fail=1
  fi
}
check services/domain 'grpcpp/|grpc/|rocksdb/|.*\.grpc\.pb\.h|services/(store|api|server)/' "gRPC, RocksDB or upper layers"
check workers/extract 'grpcpp/|grpc/|rocksdb/|.*\.grpc\.pb\.h|services/(store|api|server)/|workers/ingest/' "gRPC, RocksDB, the store or the worker's IO"
check services/store 'grpcpp/|grpc/|.*\.grpc\.pb\.h|services/(api|server)/' "gRPC or upper layers"
check services/auth 'rocksdb/|services/(domain|store|api|server)/|workers/' "the store, the handlers or the domain"
check services/nats 'grpcpp/|grpc/|rocksdb/|.*\.grpc\.pb\.h|parley/|services/(domain|store|replication|api|server)/|workers/' "gRPC, RocksDB, Parley's records or their users"
check services/replication 'grpcpp/|grpc/|rocksdb/|.*\.grpc\.pb\.h|services/(api|server)/' "gRPC, RocksDB or upper layers"
check services/api 'rocksdb/|nats/|services/server/' "RocksDB, NATS or the server"
check workers/queue 'grpcpp/|grpc/|rocksdb/|.*\.grpc\.pb\.h|services/(store|api|server|replication)/|workers/(extract|ingest)/' "gRPC, RocksDB, the service or the extractor"
check workers 'rocksdb/|services/(store|api|server)/' "the service's store or handlers"
if [[ $fail -ne 0 ]]; then exit 1; fi
echo "layering: ok"
