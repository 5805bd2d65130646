#include "services/api/ingest_service_impl.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/domain/meeting_rules.h"

namespace parley {

IngestServiceImpl::IngestServiceImpl(MeetingStore* store, MeetingWriter* writer,
                                     ServiceLimits limits, CallResources resources,
                                     ByteBudget* write_queue, IngestObserver observer)
    : store_(store),
      sink_(writer),
      limits_(limits),
      resources_(resources),
      write_queue_(write_queue),
      observer_(std::move(observer)) {}

absl::Status IngestServiceImpl::Ingest(const v1::IngestArticleRequest& request,
                                       v1::IngestArticleResponse* response) {
  if (!request.has_article() || request.article().body().empty()) {
    return absl::InvalidArgumentError("article.body must not be empty");
  }
  if (request.article().body().size() > limits_.max_article_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("article.body is ",
                                                   request.article().body().size(),
                                                   " bytes; at most ", limits_.max_article_bytes));
  }
  if (absl::Status s = ValidateArticleFields(request.article()); !s.ok()) {
    return s;
  }
  if (request.extractor_version().size() > limits_.max_id_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("extractor_version is ",
                                                   request.extractor_version().size(),
                                                   " bytes; at most ", limits_.max_id_bytes));
  }
  if (request.meetings_size() > limits_.max_meetings_per_article) {
    return absl::InvalidArgumentError(
        absl::StrCat("meetings has ", request.meetings_size(), " entries; at most ",
                     limits_.max_meetings_per_article, " per article"));
  }
  size_t meeting_bytes = 0;
  for (const v1::Meeting& m : request.meetings()) {
    meeting_bytes += m.ByteSizeLong();
  }
  if (meeting_bytes > limits_.max_meeting_bytes_per_article) {
    return absl::InvalidArgumentError(
        absl::StrCat("meetings take ", meeting_bytes, " bytes; at most ",
                     limits_.max_meeting_bytes_per_article, " per article"));
  }
  v1::IngestOp op;
  *op.mutable_article() = request.article();
  *op.mutable_meetings() = request.meetings();
  op.set_extractor_version(request.extractor_version());
  absl::StatusOr<IngestOutcome> outcome = sink_->Ingest(std::move(op));
  if (!outcome.ok()) {
    return outcome.status();
  }
  response->set_article_id(outcome->article_id);
  response->set_revision(outcome->revision);
  for (const MeetingChange& change : outcome->changes) {
    v1::MeetingChange* out = response->add_changes();
    out->set_meeting_id(change.meeting_id);
    out->set_type(change.type);
  }
  for (const std::string& id : outcome->meeting_ids) {
    response->add_meeting_ids(id);
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* IngestServiceImpl::IngestArticle(grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* raw_request,
                                                           grpc::ByteBuffer* raw_response) {
  grpc::ServerUnaryReactor* refusal = nullptr;
  absl::Status why;
  CallGate::Ticket ticket = AdmitCall(context, resources_, Access::kWrite, &refusal, &why);
  if (refusal != nullptr) {
    if (observer_) {
      observer_(why.code(), false);
    }
    return refusal;
  }
  const size_t request_bytes = raw_request->Length();
  if (write_queue_ != nullptr) {
    if (absl::Status queued = write_queue_->Reserve(request_bytes); !queued.ok()) {
      if (observer_) {
        observer_(queued.code(), false);
      }
      return FinishCall(std::move(ticket), nullptr, queued, raw_response);
    }
  }
  // The write runs on the writer thread; this callback thread returns at once. The request
  // stays valid until the call is done.
  auto* call = new DeferredCall(std::move(ticket), resources_.responses, raw_response,
                                resources_.max_message_bytes);
  writer_.Run([this, call, raw_request, request_bytes] {
    v1::IngestArticleResponse response;
    absl::Status status;
    {
      v1::IngestArticleRequest request;
      status = ParseRequest(*raw_request, &request);
      if (status.ok()) {
        status = Ingest(request, &response);
      }
    }
    if (write_queue_ != nullptr) {
      write_queue_->Release(request_bytes);
    }
    if (observer_) {
      observer_(status.code(), status.ok() && response.changes_size() > 0);
    }
    if (status.ok()) {
      call->Complete(response.SerializeAsString());
    } else {
      call->Complete(status);
    }
  });
  return call;
}

grpc::ServerUnaryReactor* IngestServiceImpl::DeleteMeeting(grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* raw_request,
                                                           grpc::ByteBuffer* raw_response) {
  grpc::ServerUnaryReactor* refusal = nullptr;
  CallGate::Ticket ticket = AdmitCall(context, resources_, Access::kWrite, &refusal);
  if (refusal != nullptr) {
    return refusal;
  }
  auto* call = new DeferredCall(std::move(ticket), resources_.responses, raw_response,
                                resources_.max_message_bytes);
  writer_.Run([this, call, raw_request] {
    v1::DeleteMeetingRequest request;
    absl::Status status = ParseRequest(*raw_request, &request);
    if (status.ok()) {
      status = ValidateId("id", request.id(), limits_.max_id_bytes);
    }
    if (!status.ok()) {
      call->Complete(status);
      return;
    }
    absl::StatusOr<uint64_t> revision = sink_->Delete(request.id());
    if (!revision.ok()) {
      call->Complete(revision.status());
      return;
    }
    v1::DeleteMeetingResponse response;
    response.set_revision(*revision);
    call->Complete(response.SerializeAsString());
  });
  return call;
}

grpc::ServerUnaryReactor* IngestServiceImpl::ListArticles(grpc::CallbackServerContext* context,
                                                          const grpc::ByteBuffer* raw_request,
                                                          grpc::ByteBuffer* raw_response) {
  return ServeUnary<v1::ListArticlesRequest, v1::ListArticlesResponse>(
      context, raw_request, raw_response, resources_, Access::kRead,
      [&](const v1::ListArticlesRequest& request,
          v1::ListArticlesResponse* response) -> absl::Status {
        absl::StatusOr<int> page_size = PageSize(request.page_size(), limits_);
        if (!page_size.ok()) {
          return page_size.status();
        }
        // Pages end early under the response limit, as ListMeetings' do.
        absl::StatusOr<ArticlePage> page =
            store_->ListArticles(request.after_id(), *page_size, limits_.max_response_bytes);
        if (!page.ok()) {
          return page.status();
        }
        for (v1::StoredArticle& article : page->articles) {
          *response->add_articles() = std::move(article);
        }
        response->set_next_after_id(page->next_after_id);
        return absl::OkStatus();
      });
}

}  // namespace parley
