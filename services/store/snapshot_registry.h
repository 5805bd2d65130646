#ifndef PARLEY_SERVICES_STORE_SNAPSHOT_REGISTRY_H
#define PARLEY_SERVICES_STORE_SNAPSHOT_REGISTRY_H

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace parley {

// The snapshots that listings page through, by revision. A listing's first page registers the
// snapshot of the revision it read (or reuses the one registered for it); its page tokens name
// that revision, and later pages find it here. A snapshot idle for longer than `ttl` is
// expired, and beyond `max_snapshots` the least recently used goes first; a page token of an
// expired snapshot finds nothing (the store answers OutOfRange). Expiry is checked on every
// lookup and registration, against `clock` (absl::Now when empty; tests inject their own).
//
// `Snapshot` is what the store pins (a RocksDB snapshot, released by its destructor); a page
// being read holds its own reference, so expiry never pulls a snapshot from under a reader.
// Thread-safe.
template <typename Snapshot>
class SnapshotRegistry {
 public:
  SnapshotRegistry(absl::Duration ttl, size_t max_snapshots,
                   std::function<absl::Time()> clock = nullptr)
      : ttl_(ttl), max_snapshots_(max_snapshots), clock_(std::move(clock)) {
    if (!clock_) {
      clock_ = [] { return absl::Now(); };
    }
  }

  // The snapshot registered for `revision`, marked used, or null when there is none (never
  // registered, or expired).
  std::shared_ptr<Snapshot> Find(uint64_t revision) {
    const absl::Time now = clock_();
    absl::MutexLock lock(&mu_);
    ExpireLocked(now);
    auto it = snapshots_.find(revision);
    if (it == snapshots_.end()) {
      return nullptr;
    }
    it->second.last_used = now;
    return it->second.snapshot;
  }

  // Registers `snapshot` for `revision` and returns it, or returns the one already registered
  // for `revision` (dropping `snapshot`).
  std::shared_ptr<Snapshot> Add(uint64_t revision, std::shared_ptr<Snapshot> snapshot) {
    const absl::Time now = clock_();
    absl::MutexLock lock(&mu_);
    ExpireLocked(now);
    auto [it, inserted] = snapshots_.try_emplace(revision, Entry{std::move(snapshot), now});
    it->second.last_used = now;
    return it->second.snapshot;
  }

  // Drops every snapshot.
  void Clear() {
    absl::MutexLock lock(&mu_);
    snapshots_.clear();
  }

  // Snapshots registered (expired ones included until the next lookup).
  size_t size() const {
    absl::MutexLock lock(&mu_);
    return snapshots_.size();
  }

 private:
  struct Entry {
    std::shared_ptr<Snapshot> snapshot;
    absl::Time last_used;
  };

  // Expires idle snapshots, then the least recently used beyond the cap.
  void ExpireLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    for (auto it = snapshots_.begin(); it != snapshots_.end();) {
      if (now - it->second.last_used > ttl_) {
        it = snapshots_.erase(it);
      } else {
        ++it;
      }
    }
    while (snapshots_.size() > max_snapshots_) {
      auto lru = std::min_element(snapshots_.begin(), snapshots_.end(), [](auto& a, auto& b) {
        return a.second.last_used < b.second.last_used;
      });
      snapshots_.erase(lru);
    }
  }

  const absl::Duration ttl_;
  const size_t max_snapshots_;
  std::function<absl::Time()> clock_;
  mutable absl::Mutex mu_;
  std::map<uint64_t, Entry> snapshots_ ABSL_GUARDED_BY(mu_);
};

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_SNAPSHOT_REGISTRY_H
