#ifndef PARLEY_SERVICES_SERVER_PARLEY_SERVER_H
#define PARLEY_SERVICES_SERVER_PARLEY_SERVER_H

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/api/admin_service_impl.h"
#include "services/api/ingest_service_impl.h"
#include "services/api/meeting_service_impl.h"
#include "services/api/service_limits.h"
#include "services/auth/authorizer.h"
#include "services/auth/credentials.h"
#include "services/replication/meeting_writer.h"
#include "services/replication/nats_write_log.h"
#include "services/replication/replica.h"
#include "services/server/health_service.h"
#include "services/server/metrics.h"
#include "services/store/change_feed.h"
#include "services/store/meeting_store.h"

namespace grpc {
class Server;
}  // namespace grpc

namespace parley {

// Cluster mode (docs/scaling.md): equal replicas fed by a NATS JetStream write log. Off while
// `log.servers` is empty (the default: one process, writes straight into the store).
struct ClusterOptions {
  NatsLogOptions log;
  ReplicaOptions replica;
};

struct ServerOptions {
  std::string listen = "127.0.0.1:50051";  // host:port; port 0 picks a free one.
  // When set, IngestService and AdminService (the write path) are served here instead of on
  // `listen`, so network policy can give them to the worker alone. Port 0 picks one.
  std::string ingest_listen;
  StoreOptions store;
  ServiceLimits limits;
  WatchOptions watch;
  size_t change_ring_entries = 4096;     // Recent change-log entries kept in memory...
  size_t change_ring_bytes = 32 << 20;   // ...and at most this many bytes of them.
  size_t watch_buffer_bytes = 64 << 20;  // Watch responses in flight, all streams together.
  absl::Duration watch_stall_timeout = absl::Seconds(30);  // A stuck write that long, while
                                                           // others wait for room: cancelled.
  size_t response_buffer_bytes = 64 << 20;  // Unary responses built and not yet sent.
  size_t write_queue_bytes = 64 << 20;      // IngestArticle requests admitted, not committed.
  absl::Duration progress_interval = absl::Seconds(10);   // Idle watch progress; 0 = never.
  absl::Duration compaction_interval = absl::Minutes(1);  // Age-based history compaction.
  absl::Duration shutdown_grace = absl::Seconds(20);      // In-flight calls get this long.
  int max_message_bytes = 16 << 20;                       // Largest request or response.
  std::string metrics_listen;  // Prometheus /metrics on host:port; empty = off; port 0 = any.
  // A plaintext listener serving grpc.health.v1 alone, for probes that cannot present TLS
  // credentials (Kubernetes gRPC probes). Empty = off; port 0 picks one.
  std::string health_listen;
  std::string checkpoint_dir;  // Where AdminService.CreateCheckpoint writes; empty = disabled.
  ServerTlsOptions tls;        // TLS / mutual TLS on every gRPC listener; plaintext by default.
  AuthPolicy auth;             // Who may read and write; writes are open when it names nobody.
  ClusterOptions cluster;      // Cluster mode when `cluster.log.servers` is set.
};

// The Parley meeting service as one object: opens the store, serves MeetingService,
// IngestService, grpc.health.v1 and server reflection, runs the background tickers (watch
// progress, history compaction), and shuts down in order. Used by `parleyd` and by tests.
class ParleyServer {
 public:
  // Opens the store and starts serving. FailedPrecondition for an unusable data dir or a
  // checkpoint dir that is missing, not a directory or not writable (checked before the store
  // is touched), Unavailable when the address cannot be bound.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ParleyServer>> Start(
      const ServerOptions& options);

  ~ParleyServer();  // Calls Shutdown().
  ParleyServer(const ParleyServer&) = delete;
  ParleyServer& operator=(const ParleyServer&) = delete;

  // The drain: new calls are refused (UNAVAILABLE, retryable), health goes NOT_SERVING and its
  // Watch streams end, watch streams end with UNAVAILABLE, the unary calls in progress get up
  // to `shutdown_grace` to finish (then they are cancelled), then the store closes.
  // Idempotent.
  void Shutdown();

  int port() const { return port_; }
  // The write-path port: port() unless `ingest_listen` is set.
  int ingest_port() const { return ingest_server_ != nullptr ? ingest_port_ : port_; }
  std::string ingest_address() const;
  // The metrics port, or 0 when metrics are off.
  int metrics_port() const;
  // The health-only port, or 0 when it is off.
  int health_port() const { return health_port_; }
  std::string address() const;
  MeetingStore* store() { return store_.get(); }
  // Cluster mode only (null otherwise).
  Replica* replica() { return replica_.get(); }
  ChangeFeed* feed() { return feed_.get(); }
  ByteBudget* response_budget() { return responses_.get(); }
  MeetingServiceImpl* meeting_service() { return meeting_service_.get(); }
  const Authorizer& authorizer() const { return *authorizer_; }

 private:
  explicit ParleyServer(const ServerOptions& options) : options_(options) {}
  void TickerLoop();

  const ServerOptions options_;
  std::unique_ptr<CallGate> gate_;
  std::unique_ptr<ByteBudget> responses_;
  std::unique_ptr<ByteBudget> write_queue_;
  std::unique_ptr<MeetingStore> store_;
  std::unique_ptr<ChangeFeed> feed_;
  // Where writes go: the store (StoreWriter) or, in cluster mode, the replica over the log.
  std::unique_ptr<WriteLog> log_;
  std::unique_ptr<Replica> replica_;
  std::unique_ptr<MeetingWriter> writer_;
  std::unique_ptr<Authorizer> authorizer_;
  std::unique_ptr<MeetingServiceImpl> meeting_service_;
  std::unique_ptr<IngestServiceImpl> ingest_service_;
  std::unique_ptr<AdminServiceImpl> admin_service_;
  std::unique_ptr<ServerMetrics> metrics_;
  std::unique_ptr<HealthState> health_;
  std::vector<std::unique_ptr<HealthService>> health_services_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::Server> ingest_server_;
  std::unique_ptr<grpc::Server> health_server_;
  int port_ = 0;
  int health_port_ = 0;
  int ingest_port_ = 0;
  absl::Notification stop_ticker_;
  std::thread ticker_;
  bool shut_down_ = false;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_SERVER_PARLEY_SERVER_H
