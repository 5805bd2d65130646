#ifndef PARLEY_SERVICES_STATUS_GRPC_STATUS_H
#define PARLEY_SERVICES_STATUS_GRPC_STATUS_H

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace parley {

// Converts between absl and gRPC statuses. The codes share numeric values 0..16, so the
// mapping is lossless; the message is carried over unchanged.
[[nodiscard]] grpc::Status ToGrpcStatus(const absl::Status& status);
[[nodiscard]] absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace parley

#endif  // PARLEY_SERVICES_STATUS_GRPC_STATUS_H
