#include "workers/ingest/intake_service.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "services/status/grpc_status.h"

namespace parley {

IntakeServiceImpl::IntakeServiceImpl(const Pipeline* pipeline, const IngestClient* client,
                                     std::string extractor_version, const Authorizer* auth,
                                     ArticleQueue* queue)
    : pipeline_(pipeline),
      client_(client),
      extractor_version_(std::move(extractor_version)),
      auth_(auth),
      queue_(queue) {}

void IntakeServiceImpl::QueueArticle(const v1::Article& article, int index,
                                     v1::SubmitResult* result) const {
  // Queued as the JSON envelope a producer would write, decoded here first: the answer carries
  // the id the worker will store it under, and a bad article is refused now, not by a worker.
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(article, &json);
  const std::string name = absl::StrCat("intake-", index, ".json");
  absl::Status status;
  absl::StatusOr<std::vector<v1::Article>> decoded = pipeline_->Decode(json, name);
  if (!decoded.ok()) {
    status = decoded.status();
  } else if (decoded->size() != 1) {
    status = absl::InvalidArgumentError("the article did not decode to one article");
  } else {
    result->set_article_id(decoded->front().id());
    absl::StatusOr<uint64_t> queued = queue_->Submit(
        json, absl::StrCat("intake-", decoded->front().id(), ".json"), absl::Seconds(5));
    status = queued.status();
  }
  if (!status.ok()) {
    result->mutable_error()->set_code(CodeName(status.code()));
    result->mutable_error()->set_message(std::string(status.message()));
    return;
  }
  result->set_queued(true);
}

grpc::Status IntakeServiceImpl::SubmitArticles(grpc::ServerContext* context,
                                               const v1::SubmitArticlesRequest* request,
                                               v1::SubmitArticlesResponse* response) {
  if (auth_ != nullptr) {
    if (absl::Status s = auth_->Check(*context, Access::kWrite); !s.ok()) {
      return ToGrpcStatus(s);
    }
  }
  if (request->articles_size() == 0 || request->articles_size() > 100) {
    return grpc::Status(
        grpc::StatusCode::INVALID_ARGUMENT,
        absl::StrCat("articles must hold 1 to 100 articles, not ", request->articles_size()));
  }
  for (int i = 0; i < request->articles_size(); ++i) {
    v1::SubmitResult* result = response->add_results();
    if (queue_ != nullptr) {
      QueueArticle(request->articles(i), i, result);
      continue;
    }
    PipelineResult extracted =
        pipeline_->ProcessArticle(request->articles(i), absl::StrCat("articles[", i, "]"));
    result->set_article_id(extracted.article.id());
    if (!extracted.status.ok()) {
      result->mutable_error()->set_code(CodeName(extracted.status.code()));
      result->mutable_error()->set_message(std::string(extracted.status.message()));
      continue;
    }
    const v1::IngestArticleRequest ingest = IngestRequestFor(extracted, extractor_version_);
    absl::StatusOr<v1::IngestArticleResponse> committed = client_->Ingest(ingest);
    if (context->IsCancelled()) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "client cancelled");
    }
    if (!committed.ok()) {
      result->mutable_error()->set_code(CodeName(committed.status().code()));
      result->mutable_error()->set_message(std::string(committed.status().message()));
      continue;
    }
    result->set_revision(committed->revision());
    for (const std::string& id : committed->meeting_ids()) {
      result->add_meeting_ids(id);
    }
  }
  return grpc::Status::OK;
}

}  // namespace parley
