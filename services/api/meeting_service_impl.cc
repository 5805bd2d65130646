#include "services/api/meeting_service_impl.h"

#include <unistd.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/api/page_token.h"
#include "services/api/raw_framing.h"
#include "services/domain/meeting_rules.h"
#include "services/status/grpc_status.h"

namespace parley {
namespace {

[[nodiscard]] absl::Status ValidateId(absl::string_view field, const std::string& id,
                                      size_t max_bytes) {
  if (id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, " must not be empty"));
  }
  if (id.size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is longer than ", max_bytes, " bytes"));
  }
  // Ids are minted by the service ("m-…", "a-…"); anything else cannot name a record.
  if (!std::all_of(id.begin(), id.end(), [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      })) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " may hold only letters, digits, '-' and '_'"));
  }
  return absl::OkStatus();
}

[[nodiscard]] absl::StatusOr<int> PageSize(int requested, const ServiceLimits& limits) {
  if (requested < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", requested, " must not be negative"));
  }
  if (requested == 0) {
    return limits.default_page_size;
  }
  return std::min(requested, limits.max_page_size);
}

}  // namespace

MeetingServiceImpl::MeetingServiceImpl(MeetingStore* store, ChangeFeed* feed, ServiceLimits limits,
                                       WatchOptions watch_options, CallResources resources,
                                       size_t watch_buffer_bytes)
    : store_(store),
      feed_(feed),
      limits_(limits),
      watch_options_(watch_options),
      resources_(resources),
      watches_(limits.max_watch_streams, watch_buffer_bytes) {}

grpc::ServerUnaryReactor* MeetingServiceImpl::GetMeeting(grpc::CallbackServerContext* context,
                                                         const grpc::ByteBuffer* raw_request,
                                                         grpc::ByteBuffer* raw_response) {
  return ServeUnaryBytes<v1::GetMeetingRequest>(
      context, raw_request, raw_response, resources_, Access::kRead,
      [&](const v1::GetMeetingRequest& request) -> absl::StatusOr<std::string> {
        if (absl::Status s = ValidateId("id", request.id(), limits_.max_id_bytes); !s.ok()) {
          return s;
        }
        // The stored record (within the record limits) is the response, byte for byte.
        return store_->GetMeetingBytes(request.id());
      });
}

grpc::ServerUnaryReactor* MeetingServiceImpl::BatchGetMeetings(grpc::CallbackServerContext* context,
                                                               const grpc::ByteBuffer* raw_request,
                                                               grpc::ByteBuffer* raw_response) {
  return ServeUnary<v1::BatchGetMeetingsRequest, v1::BatchGetMeetingsResponse>(
      context, raw_request, raw_response, resources_, Access::kRead,
      [&](const v1::BatchGetMeetingsRequest& request,
          v1::BatchGetMeetingsResponse* response) -> absl::Status {
        if (request.ids_size() == 0) {
          return absl::InvalidArgumentError("ids must not be empty");
        }
        if (request.ids_size() > limits_.max_batch_ids) {
          return absl::InvalidArgumentError(absl::StrCat("ids has ", request.ids_size(),
                                                         " entries; at most ",
                                                         limits_.max_batch_ids, " are allowed"));
        }
        for (int i = 0; i < request.ids_size(); ++i) {
          if (absl::Status s =
                  ValidateId(absl::StrCat("ids[", i, "]"), request.ids(i), limits_.max_id_bytes);
              !s.ok()) {
            return s;
          }
        }
        const std::vector<std::string> ids(request.ids().begin(), request.ids().end());
        // The store stops reading as soon as the meetings exceed the response limit.
        absl::StatusOr<std::vector<std::optional<v1::Meeting>>> found =
            store_->BatchGetMeetings(ids, limits_.max_response_bytes);
        if (!found.ok()) {
          return found.status();
        }
        for (size_t i = 0; i < ids.size(); ++i) {
          if ((*found)[i].has_value()) {
            *response->add_meetings() = *std::move((*found)[i]);
          } else {
            response->add_missing_ids(ids[i]);
          }
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* MeetingServiceImpl::ListMeetings(grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* raw_request,
                                                           grpc::ByteBuffer* raw_response) {
  return ServeUnaryBytes<v1::ListMeetingsRequest>(
      context, raw_request, raw_response, resources_, Access::kRead,
      [&](const v1::ListMeetingsRequest& request) -> absl::StatusOr<std::string> {
        if (absl::Status s = ValidateFilter(request.filter()); !s.ok()) {
          return s;
        }
        absl::StatusOr<int> page_size = PageSize(request.page_size(), limits_);
        if (!page_size.ok()) {
          return page_size.status();
        }
        ListCursor cursor;
        if (!request.page_token().empty()) {
          absl::StatusOr<PageToken> token = DecodePageToken(request.page_token(), request.filter());
          if (!token.ok()) {
            return token.status();
          }
          cursor.revision = token->revision;
          cursor.after_key = token->after_key;
          if (cursor.after_key.empty()) {
            return absl::InvalidArgumentError("page_token is malformed");
          }
        }
        absl::StatusOr<ListPage> page = store_->ListMeetings(
            request.filter(), cursor, *page_size, /*raw=*/true, limits_.max_response_bytes);
        if (!page.ok()) {
          return page.status();
        }
        // The response framed from the stored records, each record's bytes as stored.
        const std::string token =
            page->last_key.empty()
                ? std::string()
                : EncodePageToken({page->revision, page->last_key}, request.filter());
        return raw_framing::ListMeetingsResponse(page->raw, token, page->revision);
      });
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* MeetingServiceImpl::WatchMeetings(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) {
  if (resources_.auth != nullptr) {
    if (absl::Status s = resources_.auth->Check(*context, Access::kRead); !s.ok()) {
      return WatchStream::Refuse(ToGrpcStatus(s));
    }
  }
  return WatchStream::Start(context, *request, feed_, &watches_, watch_options_);
}

grpc::ServerUnaryReactor* MeetingServiceImpl::RequestWatchProgress(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* raw_request,
    grpc::ByteBuffer* raw_response) {
  return ServeUnary<v1::RequestWatchProgressRequest, v1::RequestWatchProgressResponse>(
      context, raw_request, raw_response, resources_, Access::kRead,
      [&](const v1::RequestWatchProgressRequest& request,
          v1::RequestWatchProgressResponse* /*response*/) -> absl::Status {
        if (!watches_.RequestProgress(request.watch_id())) {
          return absl::NotFoundError(
              absl::StrCat("no watch stream ", request.watch_id(), " on this server"));
        }
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* MeetingServiceImpl::GetArticle(grpc::CallbackServerContext* context,
                                                         const grpc::ByteBuffer* raw_request,
                                                         grpc::ByteBuffer* raw_response) {
  return ServeUnary<v1::GetArticleRequest, v1::GetArticleResponse>(
      context, raw_request, raw_response, resources_, Access::kRead,
      [&](const v1::GetArticleRequest& request, v1::GetArticleResponse* response) -> absl::Status {
        if (absl::Status s = ValidateId("id", request.id(), limits_.max_id_bytes); !s.ok()) {
          return s;
        }
        absl::StatusOr<v1::StoredArticle> stored = store_->GetArticle(request.id());
        if (!stored.ok()) {
          return stored.status();
        }
        *response->mutable_article() = std::move(*stored->mutable_article());
        // The meetings it contributed to that still exist (a deleted one is gone for good).
        const std::vector<std::string> ids(stored->meeting_ids().begin(),
                                           stored->meeting_ids().end());
        absl::StatusOr<std::vector<bool>> exist = store_->MeetingsExist(ids);
        if (!exist.ok()) {
          return exist.status();
        }
        for (size_t i = 0; i < ids.size(); ++i) {
          if ((*exist)[i]) {
            response->add_meeting_ids(ids[i]);
          }
        }
        response->set_extractor_version(stored->extractor_version());
        return absl::OkStatus();
      });
}

IngestServiceImpl::IngestServiceImpl(MeetingStore* store, ServiceLimits limits,
                                     CallResources resources, ByteBudget* write_queue,
                                     IngestObserver observer)
    : store_(store),
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
  std::vector<v1::Meeting> meetings(request.meetings().begin(), request.meetings().end());
  absl::StatusOr<IngestOutcome> outcome = store_->IngestArticle(
      request.article(), std::move(meetings), request.extractor_version(), absl::Now());
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
    absl::StatusOr<uint64_t> revision = store_->DeleteMeeting(request.id(), absl::Now());
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

AdminServiceImpl::AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir,
                                   CallResources resources)
    : store_(store), checkpoint_dir_(std::move(checkpoint_dir)), resources_(resources) {}

grpc::ServerUnaryReactor* AdminServiceImpl::CreateCheckpoint(grpc::CallbackServerContext* context,
                                                             const grpc::ByteBuffer* raw_request,
                                                             grpc::ByteBuffer* raw_response) {
  return ServeUnary<v1::CreateCheckpointRequest, v1::CreateCheckpointResponse>(
      context, raw_request, raw_response, resources_, Access::kWrite,
      [&](const v1::CreateCheckpointRequest& request,
          v1::CreateCheckpointResponse* response) -> absl::Status {
        if (checkpoint_dir_.empty()) {
          return absl::FailedPreconditionError(
              "this server has no --checkpoint_dir; checkpoints are disabled");
        }
        const std::string& name = request.name();
        const bool valid = !name.empty() && name.size() <= 128 && name != "." && name != ".." &&
                           std::all_of(name.begin(), name.end(), [](char c) {
                             return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                                    c == '-' || c == '_' || c == '.';
                           });
        if (!valid) {
          return absl::InvalidArgumentError("name must be 1-128 letters, digits, '-', '_' or '.'");
        }
        const std::string path = checkpoint_dir_ + "/" + name;
        if (access(path.c_str(), F_OK) == 0) {
          return absl::AlreadyExistsError(absl::StrCat("checkpoint ", path, " exists"));
        }
        const uint64_t revision = store_->revision();
        if (absl::Status s = store_->Checkpoint(path); !s.ok()) {
          return s;
        }
        response->set_path(path);
        response->set_revision(revision);
        return absl::OkStatus();
      });
}

}  // namespace parley
