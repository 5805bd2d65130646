#ifndef PARLEY_SERVICES_STORE_LIST_PLAN_H
#define PARLEY_SERVICES_STORE_LIST_PLAN_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

namespace parley {

// How a listing reads the `index` column family (key layout in index_keys.h), with no RocksDB
// in sight: which index drives it, the suffix range the filter's dates and the cursor allow,
// the union of several prefix scans in index order, and the byte budget of a page. Pure; the
// store supplies cursors over its snapshot and reads the records.

// The scans of one page, decided by the filter and the cursor alone.
struct ListPlan {
  // The driving index: the filter's most selective dimension (person, city, format, countries,
  // topics, kinds, statuses; else all meetings). Several prefixes (two countries) are merged.
  std::vector<std::string> prefixes;
  std::string lower;      // Sort suffixes from here (inclusive): date_to's, or the cursor's key.
  std::string upper;      // ...to here (exclusive); empty for no bound: date_from's.
  std::string after_key;  // The cursor's key: that suffix was the previous page's last.
  // The driving index decides the filter (one dimension, plus dates): matched records need no
  // check against it.
  bool decided = false;
};

// The plan of a page of `filter` after `after_key` (empty for the first page).
ListPlan PlanListing(const v1::MeetingFilter& filter, absl::string_view after_key);

// A cursor over sorted keys and their values: a RocksDB iterator in the store, a vector in
// tests. Not thread-safe.
class IndexCursor {
 public:
  virtual ~IndexCursor() = default;
  virtual void Seek(absl::string_view key) = 0;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual absl::string_view key() const = 0;    // Only while Valid().
  virtual absl::string_view value() const = 0;  // Only while Valid().
  // Why the cursor stopped early (an IO error), or OK.
  [[nodiscard]] virtual absl::Status status() const = 0;
};

// The union of a plan's prefix scans in sort-suffix order (newest first), each suffix once
// (a meeting of two filtered countries is in both scans), within the plan's range. Not
// thread-safe.
class IndexMerge {
 public:
  struct Entry {
    std::string suffix;  // The sort suffix: the cursor key of a page that ends here.
    std::string id;      // The meeting id.
  };

  // `cursors` holds one cursor per plan prefix, in the same order; they are positioned here.
  IndexMerge(const ListPlan& plan, std::vector<std::unique_ptr<IndexCursor>> cursors);

  // The next entry, or nullopt when every scan is done.
  std::optional<Entry> Next();
  // True while some scan has entries left.
  bool more() const;
  // The first cursor error, or OK.
  [[nodiscard]] absl::Status status() const;

 private:
  struct Scan {
    std::unique_ptr<IndexCursor> cursor;
    std::string prefix;
    bool valid = false;
    absl::string_view suffix() const { return cursor->key().substr(prefix.size()); }
  };
  void Settle(Scan& scan) const;

  std::string upper_;
  std::vector<Scan> scans_;
};

// Bounds the serialized size of a page: records are taken while the page, with each record's
// framing (8 bytes), stays within `max_bytes` (0 = no bound). The first record is always taken,
// so every page makes progress.
class PageBudget {
 public:
  explicit PageBudget(size_t max_bytes) : max_bytes_(max_bytes) {}

  // Counts a record of `bytes` serialized bytes and returns true, or returns false (counting
  // nothing) when it would take the page over the bound.
  bool Take(size_t bytes);
  // Records taken.
  int taken() const { return taken_; }

 private:
  size_t max_bytes_;
  size_t used_ = 0;
  int taken_ = 0;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_LIST_PLAN_H
