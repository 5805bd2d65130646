#ifndef PARLEY_SERVICES_STORE_SNAPSHOT_REGISTRY_H
#define PARLEY_SERVICES_STORE_SNAPSHOT_REGISTRY_H

#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/store/clock.h"

namespace parley {

// What the listing snapshots a server holds may cost. A snapshot pins the versions RocksDB would
// otherwise compact away, so what it costs grows with its age, not with how many there are:
// each is dropped when idle too long or too old, and the count cap is a backstop, high enough
// for thousands of concurrent listings.
struct SnapshotLimits {
  absl::Duration idle = absl::Minutes(5);      // Since its last page.
  absl::Duration max_age = absl::Minutes(30);  // Since its first page: the longest listing.
  size_t max_count = 10000;                    // Beyond it the least recently used goes.
};

// The listing snapshots of one store, by revision, each shared by every listing of that
// revision. Find() of a snapshot that is gone answers OUT_OF_RANGE naming the limit that
// dropped it (idle, age, count) or, for one this server never held, that it is unknown. Time
// comes from the injected clock. Thread-safe. `Snapshot` is whatever the store keeps (a RocksDB
// snapshot; any type in tests), released when its last shared_ptr goes.
template <typename Snapshot>
class SnapshotRegistry {
 public:
  SnapshotRegistry(SnapshotLimits limits, const Clock* clock)
      : limits_(limits), clock_(clock != nullptr ? clock : Clock::Real()) {}

  // The snapshot of `revision` for a next page; its idle time starts again.
  [[nodiscard]] absl::StatusOr<std::shared_ptr<Snapshot>> Find(uint64_t revision) {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_->Now();
    ExpireLocked(now);
    auto it = held_.find(revision);
    if (it == held_.end()) {
      return absl::OutOfRangeError(WhyGoneLocked(revision));
    }
    Touch(it, now);
    return it->second.snapshot;
  }

  // The snapshot of `revision` when one is held (a new listing at the current revision shares
  // it), else nullptr.
  std::shared_ptr<Snapshot> FindForNewListing(uint64_t revision) {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_->Now();
    ExpireLocked(now);
    auto it = held_.find(revision);
    if (it == held_.end()) {
      return nullptr;
    }
    Touch(it, now);
    return it->second.snapshot;
  }

  // Holds `snapshot` as the one of `revision`; returns the one already held for it, if any.
  std::shared_ptr<Snapshot> Add(uint64_t revision, std::shared_ptr<Snapshot> snapshot) {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_->Now();
    ExpireLocked(now);
    if (auto it = held_.find(revision); it != held_.end()) {
      Touch(it, now);
      return it->second.snapshot;
    }
    lru_.push_back(revision);
    held_.emplace(revision, Held{std::move(snapshot), now, now, std::prev(lru_.end())});
    while (held_.size() > limits_.max_count) {
      DropLocked(lru_.front(), Reason::kCount);
    }
    return held_.find(revision)->second.snapshot;
  }

  size_t size() const {
    absl::MutexLock lock(&mu_);
    return held_.size();
  }

  void Clear() {
    absl::MutexLock lock(&mu_);
    held_.clear();
    lru_.clear();
  }

 private:
  struct Held {
    std::shared_ptr<Snapshot> snapshot;
    absl::Time created;
    absl::Time last_used;
    std::list<uint64_t>::iterator lru;  // Position in lru_.
  };

  void Touch(typename std::map<uint64_t, Held>::iterator it, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    it->second.last_used = now;
    lru_.splice(lru_.end(), lru_, it->second.lru);
  }

  // Drops what is idle too long (least recently used first) or too old (lowest revision
  // first: snapshots are taken of the current revision, so revision order is age order).
  void ExpireLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    while (!lru_.empty() && now - held_.at(lru_.front()).last_used > limits_.idle) {
      DropLocked(lru_.front(), Reason::kIdle);
    }
    while (!held_.empty() && now - held_.begin()->second.created > limits_.max_age) {
      DropLocked(held_.begin()->first, Reason::kAge);
    }
  }

  enum class Reason { kIdle, kAge, kCount };

  void DropLocked(uint64_t revision, Reason why) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = held_.find(revision);
    lru_.erase(it->second.lru);
    held_.erase(it);
    // Remember why, for the listings that come back for it (a bounded memory of reasons).
    if (gone_.insert_or_assign(revision, why).second) {
      gone_order_.push_back(revision);
    }
    while (gone_order_.size() > kRememberedReasons) {
      gone_.erase(gone_order_.front());
      gone_order_.pop_front();
    }
  }

  std::string WhyGoneLocked(uint64_t revision) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    std::string why =
        "is not held by this server (it restarted, or the listing began on another "
        "server)";
    if (auto it = gone_.find(revision); it != gone_.end()) {
      switch (it->second) {
        case Reason::kIdle:
          why = absl::StrCat("expired: its listing was idle for more than ",
                             absl::FormatDuration(limits_.idle), " (--list_snapshot_idle)");
          break;
        case Reason::kAge:
          why = absl::StrCat("expired: it is older than ", absl::FormatDuration(limits_.max_age),
                             ", the longest a listing may take (--list_snapshot_max_age)");
          break;
        case Reason::kCount:
          why = absl::StrCat("was released: more than ", limits_.max_count,
                             " listings were open at once (--max_list_snapshots) and it was the "
                             "least recently used");
          break;
      }
    }
    return absl::StrCat("the listing snapshot of revision ", revision, " ", why,
                        "; start the listing again");
  }

  static constexpr size_t kRememberedReasons = 10000;

  const SnapshotLimits limits_;
  const Clock* const clock_;
  mutable absl::Mutex mu_;
  std::map<uint64_t, Held> held_ ABSL_GUARDED_BY(mu_);
  std::list<uint64_t> lru_ ABSL_GUARDED_BY(mu_);  // Least recently used first.
  std::map<uint64_t, Reason> gone_ ABSL_GUARDED_BY(mu_);
  std::deque<uint64_t> gone_order_ ABSL_GUARDED_BY(mu_);
};

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_SNAPSHOT_REGISTRY_H
