#ifndef PARLEY_SERVICES_STORE_CHANGE_FEED_H
#define PARLEY_SERVICES_STORE_CHANGE_FEED_H

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "parley/v1/meeting.pb.h"
#include "services/store/meeting_store.h"

namespace parley {

// A change-log entry ready to fan out: each event's meeting serialized once (within the record
// limits), with the few fields filters look at kept parsed beside it, so sending it to many
// streams costs no per-stream encoding and filtering parses nothing.
struct EncodedEntry {
  struct Event {
    v1::EventType type = v1::EVENT_TYPE_UNSPECIFIED;
    std::string meeting;  // Serialized parley.v1.Meeting.
    v1::Meeting keys;     // MatchKeys(meeting).
    // For an UPDATED event, MatchKeys of the record before the change (absent in entries
    // written before the change log kept it).
    std::optional<v1::Meeting> previous;
  };
  uint64_t revision = 0;
  std::vector<Event> events;
  size_t bytes = 0;   // Sum of the events' serialized meetings.
  size_t memory = 0;  // What the entry holds in memory, bytes (the ring's measure).

  // Encodes `entry`. An event's meeting over `limits` (stored before records were bounded) is
  // cut to them; `*cut` (when given) tells whether any was.
  static std::shared_ptr<const EncodedEntry> Encode(const v1::ChangeLogEntry& entry,
                                                    const RecordLimits& limits,
                                                    bool* cut = nullptr);
};

// Fans the store's commits out to any number of watchers without a queue per watcher.
// The most recent change-log entries stay in a bounded ring shared by all watchers; a watcher
// that has fallen behind the ring reads from the store's change log instead (as etcd does with
// unsynced watchers), and one whose position has been compacted gets OutOfRange. So memory is
// bounded by the ring (in entries and in bytes), whatever the number or speed of watchers, and
// writers never wait for them: the commit listener only appends to the ring, and a separate
// notifier thread wakes the watchers.
//
// Thread-safe. Installs itself as the store's commit listener; `store` must outlive it.
class ChangeFeed {
 public:
  using WaiterId = uint64_t;

  // The ring keeps at most `ring_entries` entries and `ring_bytes` bytes of memory (0 = no byte
  // cap); an entry larger than that alone is not kept (watchers read it from the log).
  ChangeFeed(MeetingStore* store, size_t ring_entries, size_t ring_bytes = 0);
  ~ChangeFeed();
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;

  // Entries with revision >= `from`, in order, at most `max_entries` and about `max_bytes`;
  // empty when `from` is not committed yet. OutOfRange when `from` has been compacted.
  [[nodiscard]] absl::StatusOr<std::vector<std::shared_ptr<const EncodedEntry>>> Read(
      uint64_t from, size_t max_entries, size_t max_bytes) const;

  // Calls `wake` once (on the notifier thread) when revision `revision` has been committed.
  // Returns nullopt, registering nothing, when it already is or the feed is shut down; the
  // caller then proceeds by itself.
  std::optional<WaiterId> NotifyWhenCommitted(uint64_t revision, std::function<void()> wake);

  // Forgets a waiter. Returns false when its wake has already been called or is running.
  bool Cancel(WaiterId id);

  // Wakes every waiter and refuses new ones.
  void Shutdown();

  uint64_t revision() const { return store_->revision(); }
  uint64_t oldest_revision() const { return store_->oldest_revision(); }
  size_t waiter_count() const;
  // Memory the ring holds now, and at most so far, bytes.
  size_t ring_memory() const;
  size_t ring_memory_peak() const;

 private:
  struct Waiter {
    uint64_t revision;
    std::function<void()> wake;
  };

  void Publish(const v1::ChangeLogEntry& entry);
  void NotifierLoop();
  // EncodedEntry::Encode with the store's record limits; logs a cut entry once.
  std::shared_ptr<const EncodedEntry> Encode(const v1::ChangeLogEntry& entry) const;

  MeetingStore* const store_;
  const size_t ring_entries_;
  const size_t ring_bytes_;

  mutable absl::Mutex mu_;
  std::deque<std::shared_ptr<const EncodedEntry>> ring_ ABSL_GUARDED_BY(mu_);
  size_t ring_memory_ ABSL_GUARDED_BY(mu_) = 0;
  size_t ring_memory_peak_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<WaiterId, Waiter> waiters_ ABSL_GUARDED_BY(mu_);
  WaiterId next_waiter_ ABSL_GUARDED_BY(mu_) = 1;
  uint64_t published_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t notified_ ABSL_GUARDED_BY(mu_) = 0;
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  std::thread notifier_;

  mutable absl::Mutex cut_mu_;
  mutable std::set<uint64_t> cut_logged_ ABSL_GUARDED_BY(cut_mu_);
};

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_CHANGE_FEED_H
