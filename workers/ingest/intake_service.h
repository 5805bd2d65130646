#ifndef PARLEY_WORKERS_INGEST_INTAKE_SERVICE_H
#define PARLEY_WORKERS_INGEST_INTAKE_SERVICE_H

#include <string>

#include "grpcpp/grpcpp.h"
#include "parley/v1/intake_service.grpc.pb.h"
#include "services/auth/authorizer.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"
#include "workers/queue/article_queue.h"

namespace parley {

// parley.v1.ArticleIntake on the worker: extracts each pushed article and ingests it; a result
// is returned only after the meeting service committed it. Thread-safe (sync API: each call
// runs on a gRPC thread, and blocks while the service retries).
class IntakeServiceImpl final : public v1::ArticleIntake::Service {
 public:
  // `auth`, when set, must admit the caller as a writer (see Authorizer); null = open.
  // `queue`, when set (cluster mode, --intake_queue), takes each article instead: it is
  // answered once queued (`queued`, no meeting ids) and stored by whichever worker takes it.
  IntakeServiceImpl(const Pipeline* pipeline, const IngestClient* client,
                    std::string extractor_version, const Authorizer* auth = nullptr,
                    ArticleQueue* queue = nullptr);

  [[nodiscard]] grpc::Status SubmitArticles(grpc::ServerContext* context,
                                            const v1::SubmitArticlesRequest* request,
                                            v1::SubmitArticlesResponse* response) override;

 private:
  // Decodes `article` and queues it; fills `result` (its id and `queued`, or the error).
  void QueueArticle(const v1::Article& article, int index, v1::SubmitResult* result) const;

  const Pipeline* pipeline_;
  const IngestClient* client_;
  std::string extractor_version_;
  const Authorizer* auth_;
  ArticleQueue* queue_;
};

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_INTAKE_SERVICE_H
