#include "workers/ingest/intake_server.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "services/log/log.h"

namespace parley {

absl::StatusOr<std::unique_ptr<IntakeServers>> IntakeServers::Start(
    const IntakeServerOptions& options, const Pipeline* pipeline, const IngestClient* client) {
  std::unique_ptr<IntakeServers> servers(new IntakeServers());
  if (!options.intake_listen.empty()) {
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
        MakeServerCredentials(options.tls);
    if (!credentials.ok()) {
      return credentials.status();
    }
    absl::StatusOr<AuthPolicy> policy =
        LoadAuthPolicy(options.token_file, "", options.tls.client_ca_file.empty() ? "" : "*",
                       /*reads_require_credential=*/false);
    if (!policy.ok()) {
      return policy.status();
    }
    servers->auth_ = std::make_unique<Authorizer>(*std::move(policy));
    if (servers->auth_->writes_open()) {
      Log(LogLevel::kWarning,
          "the intake accepts articles from every caller: set --intake_token_file or "
          "--intake_tls_client_ca outside development");
    }
    servers->intake_ = std::make_unique<IntakeServiceImpl>(
        pipeline, client, options.extractor_version, servers->auth_.get(), options.queue);
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(options.intake_listen, *credentials, &port);
    builder.RegisterService(servers->intake_.get());
    servers->intake_server_ = builder.BuildAndStart();
    if (servers->intake_server_ == nullptr || port == 0) {
      return absl::UnavailableError(absl::StrCat("cannot listen on ", options.intake_listen));
    }
    servers->intake_server_->GetHealthCheckService()->SetServingStatus(true);
    Log(LogLevel::kInfo, absl::StrCat("intake serving on port ", port));
    servers->ports_.emplace_back("intake_listen", port);
  }
  if (!options.health_listen.empty()) {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(options.health_listen, grpc::InsecureServerCredentials(), &port);
    servers->health_server_ = builder.BuildAndStart();
    if (servers->health_server_ == nullptr || port == 0) {
      return absl::UnavailableError(absl::StrCat("cannot listen on ", options.health_listen));
    }
    servers->health_server_->GetHealthCheckService()->SetServingStatus(true);
    Log(LogLevel::kInfo, absl::StrCat("health serving on port ", port));
    servers->ports_.emplace_back("health_listen", port);
  }
  return servers;
}

IntakeServers::~IntakeServers() { Shutdown(); }

void IntakeServers::Shutdown() {
  if (health_server_ != nullptr) {
    health_server_->GetHealthCheckService()->SetServingStatus(false);
    health_server_->Shutdown(absl::ToChronoTime(absl::Now()));
    health_server_.reset();
  }
  if (intake_server_ != nullptr) {
    intake_server_->GetHealthCheckService()->SetServingStatus(false);
    intake_server_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    intake_server_.reset();
  }
}

}  // namespace parley
