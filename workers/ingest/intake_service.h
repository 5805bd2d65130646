#ifndef PARLEY_WORKERS_INGEST_INTAKE_SERVICE_H
#define PARLEY_WORKERS_INGEST_INTAKE_SERVICE_H

#include <string>

#include "grpcpp/grpcpp.h"
#include "parley/v1/intake_service.grpc.pb.h"
#include "services/auth/authorizer.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"

namespace parley {

// parley.v1.ArticleIntake on the worker: extracts each pushed article and ingests it; a result
// is returned only after the meeting service committed it. Thread-safe (sync API: each call
// runs on a gRPC thread, and blocks while the service retries).
class IntakeServiceImpl final : public v1::ArticleIntake::Service {
 public:
  // `auth`, when set, must admit the caller as a writer (see Authorizer); null = open.
  IntakeServiceImpl(const Pipeline* pipeline, const IngestClient* client,
                    std::string extractor_version, const Authorizer* auth = nullptr);

  [[nodiscard]] grpc::Status SubmitArticles(grpc::ServerContext* context,
                                            const v1::SubmitArticlesRequest* request,
                                            v1::SubmitArticlesResponse* response) override;

 private:
  const Pipeline* pipeline_;
  const IngestClient* client_;
  std::string extractor_version_;
  const Authorizer* auth_;
};

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_INTAKE_SERVICE_H
