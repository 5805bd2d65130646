#include "services/store/change_feed.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/log/log.h"

namespace parley {

ChangeFeed::ChangeFeed(MeetingStore* store, size_t ring_entries, size_t ring_bytes)
    : store_(store), ring_entries_(ring_entries == 0 ? 1 : ring_entries), ring_bytes_(ring_bytes) {
  {
    absl::MutexLock lock(&mu_);
    published_ = store_->revision();
    notified_ = published_;
  }
  store_->SetCommitListener(
      [this](const std::shared_ptr<const v1::ChangeLogEntry>& entry) { Publish(*entry); });
  notifier_ = std::thread([this] { NotifierLoop(); });
}

ChangeFeed::~ChangeFeed() {
  store_->SetCommitListener(nullptr);
  Shutdown();
  notifier_.join();
}

std::shared_ptr<const EncodedEntry> EncodedEntry::Encode(const v1::ChangeLogEntry& entry,
                                                         const RecordLimits& limits, bool* cut) {
  auto encoded = std::make_shared<EncodedEntry>();
  encoded->revision = entry.revision();
  encoded->memory = sizeof(EncodedEntry);
  encoded->events.reserve(static_cast<size_t>(entry.events_size()));
  bool any_cut = false;
  for (int i = 0; i < entry.events_size(); ++i) {
    const v1::MeetingEvent& event = entry.events(i);
    Event out;
    if (event.type() == v1::EVENT_TYPE_UPDATED && i < entry.previous_size() &&
        !entry.previous(i).id().empty()) {
      out.previous = entry.previous(i);
    }
    out.type = event.type();
    out.meeting = event.meeting().SerializeAsString();
    if (limits.max_bytes > 0 && out.meeting.size() > limits.max_bytes) {
      out.meeting = BoundMeeting(event.meeting(), limits).SerializeAsString();
      any_cut = true;
    }
    out.keys = MatchKeys(event.meeting());
    encoded->bytes += out.meeting.size();
    encoded->memory += sizeof(Event) + out.meeting.capacity() + out.keys.SpaceUsedLong() +
                       (out.previous.has_value() ? out.previous->SpaceUsedLong() : 0);
    encoded->events.push_back(std::move(out));
  }
  if (cut != nullptr) {
    *cut = any_cut;
  }
  return encoded;
}

void ChangeFeed::Publish(const v1::ChangeLogEntry& entry) {
  // Encoded once here, outside the lock, for every stream that will send it.
  std::shared_ptr<const EncodedEntry> encoded = Encode(entry);
  absl::MutexLock lock(&mu_);
  published_ = encoded->revision;
  if (ring_bytes_ > 0 && encoded->memory > ring_bytes_) {
    // Too large to keep: the ring must stay a run of consecutive revisions ending at the
    // newest, so it starts over; watchers read this entry from the change log.
    ring_.clear();
    ring_memory_ = 0;
    return;
  }
  ring_memory_ += encoded->memory;
  ring_.push_back(std::move(encoded));
  while (ring_.size() > ring_entries_ || (ring_bytes_ > 0 && ring_memory_ > ring_bytes_)) {
    ring_memory_ -= ring_.front()->memory;
    ring_.pop_front();
  }
  ring_memory_peak_ = std::max(ring_memory_peak_, ring_memory_);
}

size_t ChangeFeed::ring_memory() const {
  absl::MutexLock lock(&mu_);
  return ring_memory_;
}

size_t ChangeFeed::ring_memory_peak() const {
  absl::MutexLock lock(&mu_);
  return ring_memory_peak_;
}

void ChangeFeed::NotifierLoop() {
  while (true) {
    std::vector<std::function<void()>> wakes;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](ChangeFeed* feed) ABSL_EXCLUSIVE_LOCKS_REQUIRED(feed->mu_) {
            return feed->shutdown_ || feed->published_ > feed->notified_;
          },
          this));
      const bool stopping = shutdown_;
      notified_ = published_;
      for (auto it = waiters_.begin(); it != waiters_.end();) {
        if (stopping || it->second.revision <= notified_) {
          wakes.push_back(std::move(it->second.wake));
          it = waiters_.erase(it);
        } else {
          ++it;
        }
      }
      if (stopping && wakes.empty()) {
        return;
      }
    }
    for (auto& wake : wakes) {
      wake();
    }
  }
}

absl::StatusOr<std::vector<std::shared_ptr<const EncodedEntry>>> ChangeFeed::Read(
    uint64_t from, size_t max_entries, size_t max_bytes) const {
  std::vector<std::shared_ptr<const EncodedEntry>> out;
  {
    absl::MutexLock lock(&mu_);
    if (from > published_) {
      return out;
    }
    if (!ring_.empty() && from >= ring_.front()->revision) {
      size_t bytes = 0;
      for (size_t i = from - ring_.front()->revision; i < ring_.size(); ++i) {
        if (out.size() >= max_entries || (bytes >= max_bytes && !out.empty())) {
          break;
        }
        bytes += ring_[i]->bytes;
        out.push_back(ring_[i]);
      }
      return out;
    }
  }
  // Behind the ring: read the change log (as etcd's unsynced watchers do).
  absl::StatusOr<std::vector<std::shared_ptr<const v1::ChangeLogEntry>>> entries =
      store_->ReadChanges(from, max_entries, max_bytes);
  if (!entries.ok()) {
    return entries.status();
  }
  out.reserve(entries->size());
  for (auto& entry : *entries) {
    out.push_back(Encode(*entry));
  }
  return out;
}

std::shared_ptr<const EncodedEntry> ChangeFeed::Encode(const v1::ChangeLogEntry& entry) const {
  bool cut = false;
  std::shared_ptr<const EncodedEntry> encoded =
      EncodedEntry::Encode(entry, store_->record_limits(), &cut);
  if (cut) {
    absl::MutexLock lock(&cut_mu_);
    if (cut_logged_.size() < 10000 && cut_logged_.insert(entry.revision()).second) {
      Log(LogLevel::kError,
          absl::StrCat("change-log entry ", entry.revision(),
                       " holds a meeting over the record limit of ",
                       store_->record_limits().max_bytes,
                       " bytes (written before records were bounded, or under a larger limit): "
                       "watchers get it cut to the limit"));
    }
  }
  return encoded;
}

std::optional<ChangeFeed::WaiterId> ChangeFeed::NotifyWhenCommitted(uint64_t revision,
                                                                    std::function<void()> wake) {
  absl::MutexLock lock(&mu_);
  if (shutdown_ || revision <= notified_) {
    return std::nullopt;
  }
  const WaiterId id = next_waiter_++;
  waiters_.emplace(id, Waiter{revision, std::move(wake)});
  return id;
}

bool ChangeFeed::Cancel(WaiterId id) {
  absl::MutexLock lock(&mu_);
  return waiters_.erase(id) > 0;
}

void ChangeFeed::Shutdown() {
  absl::MutexLock lock(&mu_);
  shutdown_ = true;
}

size_t ChangeFeed::waiter_count() const {
  absl::MutexLock lock(&mu_);
  return waiters_.size();
}

}  // namespace parley
