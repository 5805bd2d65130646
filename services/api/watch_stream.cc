#include "services/api/watch_stream.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/meeting_rules.h"
#include "services/status/grpc_status.h"

namespace parley {
namespace {

void AppendVarint(std::string* out, uint64_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// A ByteBuffer that takes over `bytes` without copying them.
grpc::ByteBuffer OwnedBuffer(std::string bytes) {
  auto* owned = new std::string(std::move(bytes));
  grpc::Slice slice(
      owned->data(), owned->size(), [](void* p) { delete static_cast<std::string*>(p); }, owned);
  return grpc::ByteBuffer(&slice, 1);
}

size_t VarintSize(uint64_t value) {
  size_t n = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++n;
  }
  return n;
}

// A MeetingEvent (field 1 `type`, 2 `revision`, 3 `meeting`) of a meeting of `meeting_bytes`:
// its size inside a WatchMeetingsResponse (as field 1 `events`), and its framing.
size_t EventBodySize(v1::EventType type, uint64_t revision, size_t meeting_bytes) {
  return 1 + VarintSize(static_cast<uint64_t>(type)) + 1 + VarintSize(revision) + 1 +
         VarintSize(meeting_bytes) + meeting_bytes;
}
size_t FramedEventSize(v1::EventType type, uint64_t revision, size_t meeting_bytes) {
  const size_t body = EventBodySize(type, revision, meeting_bytes);
  return 1 + VarintSize(body) + body;
}
void AppendEvent(std::string* out, v1::EventType type, uint64_t revision,
                 const std::string& meeting) {
  out->push_back(0x0A);
  AppendVarint(out, EventBodySize(type, revision, meeting.size()));
  out->push_back(0x08);
  AppendVarint(out, static_cast<uint64_t>(type));
  out->push_back(0x10);
  AppendVarint(out, revision);
  out->push_back(0x1A);
  AppendVarint(out, meeting.size());
  out->append(meeting);
}

// The tail of a WatchMeetingsResponse: field 2 `revision`, field 3 `oldest_revision`.
void AppendRevisions(std::string* out, uint64_t revision, uint64_t oldest) {
  if (revision != 0) {
    out->push_back(0x10);
    AppendVarint(out, revision);
  }
  if (oldest != 0) {
    out->push_back(0x18);
    AppendVarint(out, oldest);
  }
}

}  // namespace

uint64_t WatchRegistry::Add(WatchStream* stream) {
  absl::MutexLock lock(&mu_);
  if (shutting_down_ || streams_.size() >= max_streams_) {
    return 0;
  }
  streams_.insert(stream);
  const uint64_t id = next_id_++;
  by_id_[id] = stream;
  return id;
}

void WatchRegistry::Remove(WatchStream* stream) {
  absl::MutexLock lock(&mu_);
  streams_.erase(stream);
  by_id_.erase(stream->id());
}

bool WatchRegistry::RequestProgress(uint64_t id) {
  absl::MutexLock lock(&mu_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) {
    return false;
  }
  it->second->RequestProgress();
  return true;
}

void WatchRegistry::RequestProgressAll() {
  absl::MutexLock lock(&mu_);
  for (WatchStream* stream : streams_) {
    if (stream->progress_notify()) {
      stream->RequestProgress();
    }
  }
}

void WatchRegistry::Shutdown() {
  absl::MutexLock lock(&mu_);
  shutting_down_ = true;
  for (WatchStream* stream : streams_) {
    stream->End(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                             "server is shutting down; resume the watch from the last revision "
                             "seen + 1"));
  }
}

uint64_t WatchRegistry::MaxLag(uint64_t current) const {
  absl::MutexLock lock(&mu_);
  uint64_t lag = 0;
  for (WatchStream* stream : streams_) {
    const uint64_t next = stream->next_revision();
    if (next <= current) {
      lag = std::max(lag, current + 1 - next);
    }
  }
  return lag;
}

size_t WatchRegistry::size() const {
  absl::MutexLock lock(&mu_);
  return streams_.size();
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchStream::Refuse(grpc::Status status) {
  // A minimal reactor that only reports `status`.
  class Refusal : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
   public:
    explicit Refusal(grpc::Status status) { Finish(std::move(status)); }
    void OnDone() override { delete this; }
  };
  return new Refusal(std::move(status));
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchStream::Start(grpc::CallbackServerContext* context,
                                                               const grpc::ByteBuffer& raw_request,
                                                               ChangeFeed* feed,
                                                               WatchRegistry* registry,
                                                               const WatchOptions& options) {
  v1::WatchMeetingsRequest request;
  {
    std::vector<grpc::Slice> slices;
    std::string bytes;
    if (raw_request.Dump(&slices).ok()) {
      for (const grpc::Slice& slice : slices) {
        bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
      }
    }
    if (!request.ParseFromString(bytes)) {
      return Refuse(
          grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "WatchMeetingsRequest does not parse"));
    }
  }
  if (absl::Status s = ValidateFilter(request.filter()); !s.ok()) {
    return Refuse(ToGrpcStatus(s));
  }
  const uint64_t current = feed->revision();
  uint64_t next = request.start_revision() == 0 ? current + 1 : request.start_revision();
  const uint64_t oldest = feed->oldest_revision();
  if (next < oldest) {
    context->AddTrailingMetadata(kOldestRevisionKey, absl::StrCat(oldest));
    return Refuse(grpc::Status(
        grpc::StatusCode::OUT_OF_RANGE,
        absl::StrCat("start_revision ", next, " has been compacted; the oldest retained is ",
                     oldest, ": list again and watch from the listing's revision + 1")));
  }
  auto stream = std::make_shared<WatchStream>(context, feed, registry, request.filter(), next,
                                              request.progress_notify(), options);
  stream->id_ = registry->Add(stream.get());
  if (stream->id_ == 0) {
    return Refuse(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                               "too many watch streams on this server; retry later"));
  }
  stream->self_ = stream;
  {
    // The header response: everything before `next` is behind the watcher.
    absl::MutexLock lock(&stream->mu_);
    std::string header;
    AppendRevisions(&header, next - 1, oldest);
    header.push_back(0x20);  // Field 4, `watch_id`.
    AppendVarint(&header, stream->id_);
    stream->response_ = OwnedBuffer(std::move(header));
    stream->writing_ = true;
  }
  stream->StartSendInitialMetadata();
  stream->StartWrite(&stream->response_);
  return stream.get();
}

WatchStream::WatchStream(grpc::CallbackServerContext* context, ChangeFeed* feed,
                         WatchRegistry* registry, v1::MeetingFilter filter, uint64_t next_revision,
                         bool progress_notify, const WatchOptions& options)
    : context_(context),
      feed_(feed),
      registry_(registry),
      filter_(std::move(filter)),
      progress_notify_(progress_notify),
      options_(options),
      next_revision_(next_revision) {}

void WatchStream::RequestProgress() {
  {
    absl::MutexLock lock(&mu_);
    progress_requested_ = true;
  }
  // The wake-up may be pending: run the pump from this thread instead.
  std::weak_ptr<WatchStream> weak = weak_from_this();
  if (auto self = weak.lock()) {
    self->Pump();
  }
}

uint64_t WatchStream::next_revision() {
  absl::MutexLock lock(&mu_);
  return next_revision_;
}

void WatchStream::End(grpc::Status status) {
  {
    absl::MutexLock lock(&mu_);
    if (!end_status_.has_value()) {
      end_status_ = std::move(status);
    }
  }
  Pump();
}

void WatchStream::OnWriteDone(bool ok) {
  {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok && !end_status_.has_value()) {
      end_status_ = grpc::Status(grpc::StatusCode::CANCELLED, "write failed: client went away");
    }
  }
  Pump();
}

void WatchStream::OnCancel() {
  End(grpc::Status(grpc::StatusCode::CANCELLED, "watch cancelled by the client"));
}

void WatchStream::OnDone() {
  {
    absl::MutexLock lock(&mu_);
    if (waiter_.has_value()) {
      feed_->Cancel(*waiter_);
      waiter_.reset();
    }
  }
  registry_->Remove(this);
  self_.reset();  // May delete `this`; a wake-up in flight holds its own reference.
}

void WatchStream::Pump() {
  enum class Action { kNone, kWrite, kFinish };
  Action action = Action::kNone;
  grpc::Status finish_status;
  {
    absl::MutexLock lock(&mu_);
    if (finished_ || writing_) {
      return;
    }
    if (end_status_.has_value()) {
      finished_ = true;
      finish_status = *end_status_;
      action = Action::kFinish;
    }
    while (action == Action::kNone) {
      absl::StatusOr<std::vector<std::shared_ptr<const EncodedEntry>>> entries =
          feed_->Read(next_revision_, options_.max_entries_per_read, options_.max_response_bytes);
      if (!entries.ok()) {
        if (entries.status().code() == absl::StatusCode::kOutOfRange) {
          // Fell behind the compacted history: the client must list again.
          context_->AddTrailingMetadata(kOldestRevisionKey, absl::StrCat(feed_->oldest_revision()));
        }
        finished_ = true;
        finish_status = ToGrpcStatus(entries.status());
        action = Action::kFinish;
        break;
      }
      if (entries->empty()) {
        if (progress_requested_) {
          progress_requested_ = false;
          std::string progress;
          AppendRevisions(&progress, next_revision_ - 1, feed_->oldest_revision());
          response_ = OwnedBuffer(std::move(progress));
          writing_ = true;
          action = Action::kWrite;
          break;
        }
        std::weak_ptr<WatchStream> weak = weak_from_this();
        waiter_ = feed_->NotifyWhenCommitted(next_revision_, [weak] {
          if (auto self = weak.lock()) {
            self->Pump();
          }
        });
        if (waiter_.has_value() || feed_->revision() < next_revision_) {
          break;  // Woken on the next commit (or ended at shutdown).
        }
        continue;  // Committed in the meantime: read again.
      }
      waiter_.reset();
      // Frame the pre-encoded events: field 1 (`events`), length-delimited.
      std::string out;
      size_t bytes = 0;
      int events = 0;
      bool fragment = false;
      const bool filtered = filter_.ByteSizeLong() > 0;
      const size_t hard = options_.max_message_bytes > 0 ? options_.max_message_bytes : SIZE_MAX;
      for (const auto& encoded : *entries) {
        // This stream's events of the revision (from where a split revision left off).
        const size_t first = encoded->revision == next_revision_ ? fragment_offset_ : 0;
        std::vector<size_t> picked;
        size_t entry_bytes = 0;
        for (size_t i = first; i < encoded->events.size(); ++i) {
          const EncodedEntry::Event& event = encoded->events[i];
          if (filtered && !MatchesFilter(event.keys, filter_)) {
            continue;
          }
          picked.push_back(i);
          entry_bytes += FramedEventSize(event.type, encoded->revision, event.meeting.size());
        }
        if (events > 0 && bytes + entry_bytes > options_.max_response_bytes) {
          break;  // Whole revisions only: the next response starts at this one.
        }
        for (size_t i : picked) {
          const EncodedEntry::Event& event = encoded->events[i];
          const size_t size = FramedEventSize(event.type, encoded->revision, event.meeting.size());
          if (events > 0 && bytes + size > hard) {
            // This revision alone is over the message limit (only one written before records
            // were bounded can be): send it in parts, as etcd's fragments.
            fragment = true;
            fragment_offset_ = i;
            break;
          }
          AppendEvent(&out, event.type, encoded->revision, event.meeting);
          bytes += size;
          ++events;
        }
        if (fragment) {
          break;
        }
        next_revision_ = encoded->revision + 1;
        fragment_offset_ = 0;
      }
      if (events == 0) {
        continue;  // Everything was filtered out; the position still advanced.
      }
      AppendRevisions(&out, next_revision_ - 1, feed_->oldest_revision());
      if (fragment) {
        out.push_back(0x28);  // Field 5, `fragment`.
        out.push_back(0x01);
      }
      response_ = OwnedBuffer(std::move(out));
      writing_ = true;
      action = Action::kWrite;
    }
  }
  if (action == Action::kWrite) {
    StartWrite(&response_);
  } else if (action == Action::kFinish) {
    Finish(std::move(finish_status));
  }
}

}  // namespace parley
