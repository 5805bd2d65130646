#include "services/api/meeting_service_impl.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "services/api/page_token.h"
#include "services/api/raw_framing.h"
#include "services/domain/meeting_rules.h"
#include "services/status/grpc_status.h"

namespace parley {
namespace {

// The longest a read waits for `min_revision`, whatever its deadline.
constexpr absl::Duration kMaxRevisionWait = absl::Seconds(30);

// Read your own writes (cluster mode): returns once the store has committed `min_revision`, or
// DeadlineExceeded at the call's deadline (at most kMaxRevisionWait). Immediate for 0 or a
// revision already committed, as always in the single-process mode.
absl::Status AwaitRevision(ChangeFeed* feed, const grpc::CallbackServerContext& context,
                           uint64_t min_revision) {
  if (min_revision == 0 || feed->revision() >= min_revision) {
    return absl::OkStatus();
  }
  auto committed = std::make_shared<absl::Notification>();
  const std::optional<ChangeFeed::WaiterId> waiter =
      feed->NotifyWhenCommitted(min_revision, [committed] { committed->Notify(); });
  if (waiter.has_value()) {
    const absl::Time deadline =
        std::min(absl::FromChrono(context.deadline()), absl::Now() + kMaxRevisionWait);
    if (!committed->WaitForNotificationWithDeadline(deadline) && !feed->Cancel(*waiter)) {
      committed->WaitForNotification();  // Its wake is running: it is committed.
    }
  }
  if (feed->revision() < min_revision) {
    return absl::DeadlineExceededError(
        absl::StrCat("min_revision ", min_revision, " not reached: this replica has applied up to ",
                     feed->revision(), " (it is catching up, or the revision was never written)"));
  }
  return absl::OkStatus();
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
        if (absl::Status s = AwaitRevision(feed_, *context, request.min_revision()); !s.ok()) {
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
        if (absl::Status s = AwaitRevision(feed_, *context, request.min_revision()); !s.ok()) {
          return s;
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
        if (absl::Status s = AwaitRevision(feed_, *context, request.min_revision()); !s.ok()) {
          return s;
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
        if (absl::Status s = AwaitRevision(feed_, *context, request.min_revision()); !s.ok()) {
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

}  // namespace parley
