#ifndef PARLEY_SERVICES_SERVER_METRICS_H
#define PARLEY_SERVICES_SERVER_METRICS_H

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/support/server_interceptor.h"
#include "services/replication/replica.h"

namespace prometheus {
class Exposer;
class Registry;
}  // namespace prometheus

namespace parley {

// Prometheus metrics of one server, exposed on their own HTTP port at /metrics:
//   grpc_server_started_total{grpc_service,grpc_method,grpc_type}
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code}
//   grpc_server_handling_seconds{grpc_service,grpc_method,grpc_type} (histogram)
// (the go-grpc-prometheus names and labels that dashboards use), and
//   parley_ingest_articles_total{result}  stored | unchanged | rejected | refused | busy | failed
//   parley_auth_refused_total{access,grpc_code}  read | write; Unauthenticated | PermissionDenied
//   parley_store_revision, parley_meetings, parley_store_bytes, parley_watch_streams,
//   parley_watch_lag_revisions (the farthest-behind stream),
//   parley_memory_budget_bytes{budget}  change_ring | watch_buffer | response_buffer | write_queue
// RPCs are counted by a gRPC server interceptor; the gauges are refreshed by `Refresh`.
// Thread-safe.
class ServerMetrics {
 public:
  struct Gauges {
    uint64_t revision = 0;
    uint64_t meetings = 0;
    uint64_t store_bytes = 0;
    uint64_t watch_streams = 0;
    uint64_t watch_lag = 0;
    // The byte budgets of docs/operations.md's memory bound, as held now.
    uint64_t change_ring_bytes = 0;
    uint64_t watch_buffer_bytes = 0;
    uint64_t response_buffer_bytes = 0;
    uint64_t write_queue_bytes = 0;
    std::optional<ReplicaState> replica;  // Cluster mode only.
  };

  // Serves /metrics on `address` ("host:port", port 0 picks one). Returns Unavailable when the
  // address cannot be bound.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ServerMetrics>> Start(
      const std::string& address);
  ~ServerMetrics();

  // The interceptor factory to install on the gRPC server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> InterceptorFactory();

  void Refresh(const Gauges& gauges);
  // Counts a call refused by authorisation.
  void CountRefused(const std::string& access, grpc::StatusCode code);
  // Counts one IngestArticle call by its outcome: stored | unchanged (OK), rejected (the
  // request's fault: INVALID_ARGUMENT, including a request that does not parse), refused
  // (UNAUTHENTICATED, PERMISSION_DENIED), busy (RESOURCE_EXHAUSTED, UNAVAILABLE, CANCELLED,
  // DEADLINE_EXCEEDED: retried by the worker), failed (the service's fault: anything else).
  void CountIngest(grpc::StatusCode code, bool changed);
  int port() const { return port_; }

  class Impl;

 private:
  ServerMetrics() = default;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

// An interceptor factory that logs each call ending in the server's own fault (INTERNAL,
// DATA_LOSS, UNKNOWN) once, with its method and cause; what clients normally do (CANCELLED,
// DEADLINE_EXCEEDED, NOT_FOUND, INVALID_ARGUMENT, ...) is not logged. Installed on every
// server, with or without metrics.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> FaultLogInterceptors();

}  // namespace parley

#endif  // PARLEY_SERVICES_SERVER_METRICS_H
