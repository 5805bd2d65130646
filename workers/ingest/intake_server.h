#ifndef PARLEY_WORKERS_INGEST_INTAKE_SERVER_H
#define PARLEY_WORKERS_INGEST_INTAKE_SERVER_H

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "services/auth/authorizer.h"
#include "services/auth/credentials.h"
#include "services/flags/port_file.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/intake_service.h"
#include "workers/ingest/pipeline.h"
#include "workers/queue/article_queue.h"

namespace parley {

struct IntakeServerOptions {
  // parley.v1.ArticleIntake (with grpc.health.v1 and reflection) on this host:port; empty = off,
  // port 0 = one the kernel picks.
  std::string intake_listen;
  ServerTlsOptions tls;  // Of the intake listener; plaintext when no certificate is set.
  // Bearer tokens (one per line) that may submit to the intake; with `tls.client_ca_file`, any
  // certificate that CA signed may submit too. Neither: the intake is open to every caller.
  std::string token_file;
  // grpc.health.v1 alone, plaintext, on this host:port (probes when the intake uses TLS);
  // empty = off.
  std::string health_listen;
  std::string extractor_version;  // Stored with each article the intake ingests.
  // Cluster mode with --intake_queue: pushed articles go to this queue (not owned; it must
  // outlive the servers) instead of being extracted and stored here.
  ArticleQueue* queue = nullptr;
};

// The listeners of `parley-ingest run`: the intake and the health-only listener, both SERVING
// once Start() returns, and their bound ports. Articles pushed to the intake go through
// `pipeline` and `client`, which must outlive this object. Thread-safe.
class IntakeServers {
 public:
  // Starts the listeners `options` asks for (none is fine). Returns InvalidArgument or
  // FailedPrecondition for a bad TLS or token setting (see MakeServerCredentials and
  // LoadAuthPolicy), and Unavailable ("cannot listen on ADDRESS") when an address cannot be
  // bound.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<IntakeServers>> Start(
      const IntakeServerOptions& options, const Pipeline* pipeline, const IngestClient* client);

  IntakeServers(const IntakeServers&) = delete;
  IntakeServers& operator=(const IntakeServers&) = delete;
  ~IntakeServers();  // Shutdown().

  // The bound ports, named after their flags ("intake_listen", "health_listen"), for
  // --port_file.
  const PortList& ports() const { return ports_; }

  // Health NOT_SERVING, the health listener closed at once, intake calls in progress given 10 s
  // to finish (they wait for the meeting service). Idempotent.
  void Shutdown();

 private:
  IntakeServers() = default;

  PortList ports_;
  std::unique_ptr<Authorizer> auth_;
  std::unique_ptr<IntakeServiceImpl> intake_;
  std::unique_ptr<grpc::Server> intake_server_;
  std::unique_ptr<grpc::Server> health_server_;
};

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_INTAKE_SERVER_H
