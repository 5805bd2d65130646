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
#include "services/domain/meeting_rules.h"
#include "services/status/grpc_status.h"

namespace parley {
namespace {

grpc::ServerUnaryReactor* Done(grpc::CallbackServerContext* context, const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

absl::Status Allowed(const Authorizer* auth, const grpc::CallbackServerContext& context,
                     Access access) {
  return auth == nullptr ? absl::OkStatus() : auth->Check(context, access);
}

absl::Status ValidateId(absl::string_view field, const std::string& id, size_t max_bytes) {
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

// Parses a raw request; false when it does not parse.
bool ParseRaw(const grpc::ByteBuffer& raw, google::protobuf::Message* message) {
  std::vector<grpc::Slice> slices;
  if (!raw.Dump(&slices).ok()) {
    return false;
  }
  std::string bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return message->ParseFromString(bytes);
}

// A ByteBuffer that takes over `bytes` without copying them.
grpc::ByteBuffer OwnedBuffer(std::string bytes) {
  auto* owned = new std::string(std::move(bytes));
  grpc::Slice slice(
      owned->data(), owned->size(), [](void* p) { delete static_cast<std::string*>(p); }, owned);
  return grpc::ByteBuffer(&slice, 1);
}

absl::StatusOr<int> PageSize(int requested, const ServiceLimits& limits) {
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
                                       WatchOptions watch_options, const Authorizer* auth)
    : store_(store),
      feed_(feed),
      limits_(limits),
      watch_options_(watch_options),
      auth_(auth),
      watches_(limits.max_watch_streams) {}

grpc::ServerUnaryReactor* MeetingServiceImpl::GetMeeting(grpc::CallbackServerContext* context,
                                                         const grpc::ByteBuffer* raw_request,
                                                         grpc::ByteBuffer* raw_response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return Done(context, s);
  }
  v1::GetMeetingRequest request;
  if (!ParseRaw(*raw_request, &request)) {
    return Done(context, absl::InvalidArgumentError("GetMeetingRequest does not parse"));
  }
  if (absl::Status s = ValidateId("id", request.id(), limits_.max_id_bytes); !s.ok()) {
    return Done(context, s);
  }
  // The stored record is the response, byte for byte.
  absl::StatusOr<std::string> meeting = store_->GetMeetingBytes(request.id());
  if (meeting.ok()) {
    *raw_response = OwnedBuffer(*std::move(meeting));
  }
  return Done(context, meeting.status());
}

grpc::ServerUnaryReactor* MeetingServiceImpl::BatchGetMeetings(
    grpc::CallbackServerContext* context, const v1::BatchGetMeetingsRequest* request,
    v1::BatchGetMeetingsResponse* response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return Done(context, s);
  }
  if (request->ids_size() == 0) {
    return Done(context, absl::InvalidArgumentError("ids must not be empty"));
  }
  if (request->ids_size() > limits_.max_batch_ids) {
    return Done(context, absl::InvalidArgumentError(
                             absl::StrCat("ids has ", request->ids_size(), " entries; at most ",
                                          limits_.max_batch_ids, " are allowed")));
  }
  for (int i = 0; i < request->ids_size(); ++i) {
    if (absl::Status s =
            ValidateId(absl::StrCat("ids[", i, "]"), request->ids(i), limits_.max_id_bytes);
        !s.ok()) {
      return Done(context, s);
    }
  }
  const std::vector<std::string> ids(request->ids().begin(), request->ids().end());
  absl::StatusOr<std::vector<std::optional<v1::Meeting>>> found = store_->BatchGetMeetings(ids);
  if (!found.ok()) {
    return Done(context, found.status());
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    if ((*found)[i].has_value()) {
      *response->add_meetings() = *std::move((*found)[i]);
    } else {
      response->add_missing_ids(ids[i]);
    }
  }
  if (limits_.max_response_bytes > 0) {
    const size_t bytes = response->ByteSizeLong();
    if (bytes > limits_.max_response_bytes) {
      response->Clear();
      return Done(context, absl::ResourceExhaustedError(absl::StrCat(
                               "the ", ids.size(), " meetings take ", bytes,
                               " bytes, more than the response limit of ",
                               limits_.max_response_bytes, ": ask for fewer ids per call")));
    }
  }
  return Done(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* MeetingServiceImpl::ListMeetings(grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* raw_request,
                                                           grpc::ByteBuffer* raw_response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return Done(context, s);
  }
  v1::ListMeetingsRequest request;
  if (!ParseRaw(*raw_request, &request)) {
    return Done(context, absl::InvalidArgumentError("ListMeetingsRequest does not parse"));
  }
  if (absl::Status s = ValidateFilter(request.filter()); !s.ok()) {
    return Done(context, s);
  }
  absl::StatusOr<int> page_size = PageSize(request.page_size(), limits_);
  if (!page_size.ok()) {
    return Done(context, page_size.status());
  }
  ListCursor cursor;
  if (!request.page_token().empty()) {
    absl::StatusOr<PageToken> token = DecodePageToken(request.page_token(), request.filter());
    if (!token.ok()) {
      return Done(context, token.status());
    }
    cursor.revision = token->revision;
    cursor.after_key = token->after_key;
    if (cursor.after_key.empty()) {
      return Done(context, absl::InvalidArgumentError("page_token is malformed"));
    }
  }
  absl::StatusOr<ListPage> page = store_->ListMeetings(request.filter(), cursor, *page_size,
                                                       /*raw=*/true, limits_.max_response_bytes);
  if (!page.ok()) {
    return Done(context, page.status());
  }
  // ListMeetingsResponse framed from the stored records: field 1 `meetings` (each record's
  // bytes as stored), field 2 `next_page_token`, field 3 `revision`.
  std::string out;
  auto varint = [&out](uint64_t value) {
    while (value >= 0x80) {
      out.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out.push_back(static_cast<char>(value));
  };
  for (const std::string& meeting : page->raw) {
    out.push_back(0x0A);
    varint(meeting.size());
    out.append(meeting);
  }
  if (!page->last_key.empty()) {
    const std::string token = EncodePageToken({page->revision, page->last_key}, request.filter());
    out.push_back(0x12);
    varint(token.size());
    out.append(token);
  }
  if (page->revision != 0) {
    out.push_back(0x18);
    varint(page->revision);
  }
  *raw_response = OwnedBuffer(std::move(out));
  return Done(context, absl::OkStatus());
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* MeetingServiceImpl::WatchMeetings(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return WatchStream::Refuse(ToGrpcStatus(s));
  }
  return WatchStream::Start(context, *request, feed_, &watches_, watch_options_);
}

grpc::ServerUnaryReactor* MeetingServiceImpl::RequestWatchProgress(
    grpc::CallbackServerContext* context, const v1::RequestWatchProgressRequest* request,
    v1::RequestWatchProgressResponse* /*response*/) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return Done(context, s);
  }
  if (!watches_.RequestProgress(request->watch_id())) {
    return Done(context, absl::NotFoundError(absl::StrCat("no watch stream ", request->watch_id(),
                                                          " on this server")));
  }
  return Done(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* MeetingServiceImpl::GetArticle(grpc::CallbackServerContext* context,
                                                         const v1::GetArticleRequest* request,
                                                         v1::GetArticleResponse* response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return Done(context, s);
  }
  if (absl::Status s = ValidateId("id", request->id(), limits_.max_id_bytes); !s.ok()) {
    return Done(context, s);
  }
  absl::StatusOr<v1::StoredArticle> stored = store_->GetArticle(request->id());
  if (!stored.ok()) {
    return Done(context, stored.status());
  }
  *response->mutable_article() = stored->article();
  *response->mutable_meeting_ids() = stored->meeting_ids();
  response->set_extractor_version(stored->extractor_version());
  return Done(context, absl::OkStatus());
}

IngestServiceImpl::IngestServiceImpl(MeetingStore* store, ServiceLimits limits,
                                     const Authorizer* auth)
    : store_(store), limits_(limits), auth_(auth) {}

grpc::ServerUnaryReactor* IngestServiceImpl::IngestArticle(grpc::CallbackServerContext* context,
                                                           const v1::IngestArticleRequest* request,
                                                           v1::IngestArticleResponse* response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kWrite); !s.ok()) {
    return Done(context, s);
  }
  if (!request->has_article() || request->article().body().empty()) {
    return Done(context, absl::InvalidArgumentError("article.body must not be empty"));
  }
  if (request->article().body().size() > limits_.max_article_bytes) {
    return Done(context, absl::InvalidArgumentError(
                             absl::StrCat("article.body is ", request->article().body().size(),
                                          " bytes; at most ", limits_.max_article_bytes)));
  }
  if (absl::Status s = ValidateArticleFields(request->article()); !s.ok()) {
    return Done(context, s);
  }
  if (request->extractor_version().size() > limits_.max_id_bytes) {
    return Done(context, absl::InvalidArgumentError(absl::StrCat(
                             "extractor_version is ", request->extractor_version().size(),
                             " bytes; at most ", limits_.max_id_bytes)));
  }
  std::vector<v1::Meeting> meetings(request->meetings().begin(), request->meetings().end());
  absl::StatusOr<IngestOutcome> outcome = store_->IngestArticle(
      request->article(), std::move(meetings), request->extractor_version(), absl::Now());
  if (!outcome.ok()) {
    return Done(context, outcome.status());
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
  return Done(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* IngestServiceImpl::DeleteMeeting(grpc::CallbackServerContext* context,
                                                           const v1::DeleteMeetingRequest* request,
                                                           v1::DeleteMeetingResponse* response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kWrite); !s.ok()) {
    return Done(context, s);
  }
  if (absl::Status s = ValidateId("id", request->id(), limits_.max_id_bytes); !s.ok()) {
    return Done(context, s);
  }
  absl::StatusOr<uint64_t> revision = store_->DeleteMeeting(request->id(), absl::Now());
  if (revision.ok()) {
    response->set_revision(*revision);
  }
  return Done(context, revision.status());
}

grpc::ServerUnaryReactor* IngestServiceImpl::ListArticles(grpc::CallbackServerContext* context,
                                                          const v1::ListArticlesRequest* request,
                                                          v1::ListArticlesResponse* response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kRead); !s.ok()) {
    return Done(context, s);
  }
  absl::StatusOr<int> page_size = PageSize(request->page_size(), limits_);
  if (!page_size.ok()) {
    return Done(context, page_size.status());
  }
  absl::StatusOr<ArticlePage> page = store_->ListArticles(request->after_id(), *page_size);
  if (!page.ok()) {
    return Done(context, page.status());
  }
  for (v1::StoredArticle& article : page->articles) {
    *response->add_articles() = std::move(article);
  }
  response->set_next_after_id(page->next_after_id);
  return Done(context, absl::OkStatus());
}

AdminServiceImpl::AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir,
                                   const Authorizer* auth)
    : store_(store), checkpoint_dir_(std::move(checkpoint_dir)), auth_(auth) {}

grpc::ServerUnaryReactor* AdminServiceImpl::CreateCheckpoint(
    grpc::CallbackServerContext* context, const v1::CreateCheckpointRequest* request,
    v1::CreateCheckpointResponse* response) {
  if (absl::Status s = Allowed(auth_, *context, Access::kWrite); !s.ok()) {
    return Done(context, s);
  }
  if (checkpoint_dir_.empty()) {
    return Done(context, absl::FailedPreconditionError(
                             "this server has no --checkpoint_dir; checkpoints are disabled"));
  }
  const std::string& name = request->name();
  const bool valid = !name.empty() && name.size() <= 128 && name != "." && name != ".." &&
                     std::all_of(name.begin(), name.end(), [](char c) {
                       return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                              c == '_' || c == '.';
                     });
  if (!valid) {
    return Done(context,
                absl::InvalidArgumentError("name must be 1-128 letters, digits, '-', '_' or '.'"));
  }
  const std::string path = checkpoint_dir_ + "/" + name;
  if (access(path.c_str(), F_OK) == 0) {
    return Done(context, absl::AlreadyExistsError(absl::StrCat("checkpoint ", path, " exists")));
  }
  const uint64_t revision = store_->revision();
  if (absl::Status s = store_->Checkpoint(path); !s.ok()) {
    return Done(context, s);
  }
  response->set_path(path);
  response->set_revision(revision);
  return Done(context, absl::OkStatus());
}

}  // namespace parley
