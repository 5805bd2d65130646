#include "services/api/watch_stream.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/api/raw_framing.h"
#include "services/api/unary_call.h"
#include "services/domain/meeting_rules.h"
#include "services/status/grpc_status.h"

namespace parley {

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
  std::vector<std::shared_ptr<WatchStream>> wake;
  {
    absl::MutexLock lock(&mu_);
    streams_.erase(stream);
    by_id_.erase(stream->id());
    absl::MutexLock budget(&budget_mu_);
    waiting_.erase(std::remove_if(waiting_.begin(), waiting_.end(),
                                  [stream](const auto& w) { return w.first == stream; }),
                   waiting_.end());
    if (auto g = granted_.find(stream); g != granted_.end()) {
      buffered_ -= std::min(buffered_, g->second);
      granted_.erase(g);
      wake = GrantLocked();
    }
  }
  Wake(wake);
}

bool WatchRegistry::TryReserve(WatchStream* stream, size_t bytes) {
  absl::MutexLock lock(&budget_mu_);
  if (auto g = granted_.find(stream); g != granted_.end()) {
    buffered_ -= std::min(buffered_, g->second);  // Room set aside for it: take it back first.
    granted_.erase(g);
  }
  if (buffer_bytes_ > 0 && buffered_ > 0 && buffered_ + bytes > buffer_bytes_) {
    if (std::none_of(waiting_.begin(), waiting_.end(),
                     [stream](const auto& w) { return w.first == stream; })) {
      waiting_.emplace_back(stream, bytes);
    }
    return false;
  }
  buffered_ += bytes;
  buffered_peak_ = std::max(buffered_peak_, buffered_);
  return true;
}

std::vector<std::shared_ptr<WatchStream>> WatchRegistry::GrantLocked() {
  std::vector<std::shared_ptr<WatchStream>> wake;
  while (!waiting_.empty()) {
    const auto [stream, bytes] = waiting_.front();
    if (buffered_ > 0 && buffered_ + bytes > buffer_bytes_) {
      break;
    }
    waiting_.pop_front();
    if (std::shared_ptr<WatchStream> alive = stream->weak_from_this().lock()) {
      buffered_ += bytes;
      buffered_peak_ = std::max(buffered_peak_, buffered_);
      granted_[stream] = bytes;
      wake.push_back(std::move(alive));
    }
  }
  return wake;
}

void WatchRegistry::Wake(const std::vector<std::shared_ptr<WatchStream>>& streams) {
  for (const std::shared_ptr<WatchStream>& stream : streams) {
    stream->Pump();  // Uses the room set aside for it (or queues again if it now needs more).
  }
}

void WatchRegistry::ReturnGrant(WatchStream* stream) {
  std::vector<std::shared_ptr<WatchStream>> wake;
  {
    absl::MutexLock lock(&budget_mu_);
    auto g = granted_.find(stream);
    if (g == granted_.end()) {
      return;
    }
    buffered_ -= std::min(buffered_, g->second);
    granted_.erase(g);
    wake = GrantLocked();
  }
  Wake(wake);
}

void WatchRegistry::Release(size_t bytes) {
  std::vector<std::shared_ptr<WatchStream>> wake;
  {
    absl::MutexLock lock(&budget_mu_);
    buffered_ -= std::min(buffered_, bytes);
    wake = GrantLocked();
  }
  Wake(wake);
}

size_t WatchRegistry::EndStalled(absl::Time stalled_before) {
  {
    absl::MutexLock budget(&budget_mu_);
    if (waiting_.empty()) {
      return 0;  // Nobody needs the room: a slow reader costs nothing more than its response.
    }
  }
  absl::MutexLock lock(&mu_);
  size_t ended = 0;
  for (WatchStream* stream : streams_) {
    if (stream->write_started() < stalled_before) {
      stream->Cancel();
      ++ended;
    }
  }
  return ended;
}

size_t WatchRegistry::buffered_bytes() const {
  absl::MutexLock lock(&budget_mu_);
  return buffered_;
}

size_t WatchRegistry::buffered_bytes_peak() const {
  absl::MutexLock lock(&budget_mu_);
  return buffered_peak_;
}

size_t WatchRegistry::waiting_for_room() const {
  absl::MutexLock lock(&budget_mu_);
  return waiting_.size();
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
    raw_framing::AppendWatchTail(&header, next - 1, oldest, stream->id_);
    stream->response_ = OwnedBuffer(std::move(header));
    stream->writing_ = true;
    stream->write_started_ = absl::Now();
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
  size_t reserved = 0;
  {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    write_started_ = absl::InfiniteFuture();
    response_.Clear();
    reserved = reserved_;
    reserved_ = 0;
    if (!ok && !end_status_.has_value()) {
      end_status_ = grpc::Status(grpc::StatusCode::CANCELLED, "write failed: client went away");
    }
  }
  if (reserved > 0) {
    registry_->Release(reserved);
  }
  Pump();
}

absl::Time WatchStream::write_started() {
  absl::MutexLock lock(&mu_);
  return write_started_;
}

void WatchStream::Cancel() { context_->TryCancel(); }

void WatchStream::OnCancel() {
  End(grpc::Status(grpc::StatusCode::CANCELLED, "watch cancelled by the client"));
}

void WatchStream::OnDone() {
  size_t reserved = 0;
  {
    absl::MutexLock lock(&mu_);
    if (waiter_.has_value()) {
      feed_->Cancel(*waiter_);
      waiter_.reset();
    }
    reserved = reserved_;
    reserved_ = 0;
  }
  registry_->Remove(this);
  if (reserved > 0) {
    registry_->Release(reserved);
  }
  self_.reset();  // May delete `this`; a wake-up in flight holds its own reference.
}

v1::EventType WatchStream::TypeFor(const EncodedEntry::Event& event) const {
  // The event as this stream's filter sees it, as Kubernetes' watch cache does: a record that
  // starts matching is new to the watcher, one that stops matching is gone from its view.
  const bool now = MatchesFilter(event.keys, filter_);
  if (event.type != v1::EVENT_TYPE_UPDATED || !event.previous.has_value()) {
    return now ? event.type : v1::EVENT_TYPE_UNSPECIFIED;
  }
  const bool before = MatchesFilter(*event.previous, filter_);
  if (now) {
    return before ? v1::EVENT_TYPE_UPDATED : v1::EVENT_TYPE_CREATED;
  }
  return before ? v1::EVENT_TYPE_DELETED : v1::EVENT_TYPE_UNSPECIFIED;
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
          raw_framing::AppendWatchTail(&progress, next_revision_ - 1, feed_->oldest_revision());
          response_ = OwnedBuffer(std::move(progress));
          writing_ = true;
          write_started_ = absl::Now();
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
      // Plan the response: which events of which revisions, and its size.
      struct Pick {
        const EncodedEntry* entry;
        size_t event;
        v1::EventType type;  // As this stream's filter sees it.
      };
      std::vector<Pick> picks;
      size_t bytes = 0;
      bool fragment = false;
      uint64_t next = next_revision_;
      size_t offset = fragment_offset_;
      const bool filtered = filter_.ByteSizeLong() > 0;
      const size_t hard = options_.max_message_bytes > 0 ? options_.max_message_bytes : SIZE_MAX;
      for (const auto& encoded : *entries) {
        // This stream's events of the revision (from where a split revision left off).
        const size_t first = encoded->revision == next ? offset : 0;
        std::vector<size_t> picked;
        size_t entry_bytes = 0;
        for (size_t i = first; i < encoded->events.size(); ++i) {
          const EncodedEntry::Event& event = encoded->events[i];
          const v1::EventType type = filtered ? TypeFor(event) : event.type;
          if (type == v1::EVENT_TYPE_UNSPECIFIED) {
            continue;
          }
          picked.push_back(i);
          entry_bytes +=
              raw_framing::FramedEventSize(type, encoded->revision, event.meeting.size());
        }
        if (!picks.empty() && bytes + entry_bytes > options_.max_response_bytes) {
          break;  // Whole revisions only: the next response starts at this one.
        }
        for (size_t i : picked) {
          const EncodedEntry::Event& event = encoded->events[i];
          const v1::EventType type = filtered ? TypeFor(event) : event.type;
          const size_t size =
              raw_framing::FramedEventSize(type, encoded->revision, event.meeting.size());
          if (!picks.empty() && bytes + size > hard) {
            // This revision alone is over the message limit (only one written before records
            // were bounded can be): send it in parts, as etcd's fragments.
            fragment = true;
            offset = i;
            break;
          }
          picks.push_back({encoded.get(), i, type});
          bytes += size;
        }
        if (fragment) {
          break;
        }
        next = encoded->revision + 1;
        offset = 0;
      }
      if (picks.empty()) {
        next_revision_ = next;  // Everything was filtered out; the position still advances.
        fragment_offset_ = offset;
        continue;
      }
      // Room in the streams' shared write budget first: a stalled reader holds at most one
      // response, and all of them together at most the budget.
      const size_t size = bytes + 32;
      if (!registry_->TryReserve(this, size)) {
        break;  // Woken (Pump) when another stream's write completes.
      }
      reserved_ = size;
      std::string out;
      out.reserve(size);
      for (const Pick& pick : picks) {
        const EncodedEntry::Event& event = pick.entry->events[pick.event];
        raw_framing::AppendEvent(&out, pick.type, pick.entry->revision, event.meeting);
      }
      next_revision_ = next;
      fragment_offset_ = offset;
      raw_framing::AppendWatchTail(&out, next_revision_ - 1, feed_->oldest_revision(),
                                   /*watch_id=*/0, fragment);
      response_ = OwnedBuffer(std::move(out));
      writing_ = true;
      write_started_ = absl::Now();
      action = Action::kWrite;
    }
  }
  if (action == Action::kWrite) {
    StartWrite(&response_);
  } else if (action == Action::kFinish) {
    Finish(std::move(finish_status));
  } else {
    registry_->ReturnGrant(this);  // Nothing to send after all: room set aside goes back.
  }
}

}  // namespace parley
