#ifndef PARLEY_SERVICES_STORE_MEETING_STORE_H
#define PARLEY_SERVICES_STORE_MEETING_STORE_H

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "parley/v1/meeting.pb.h"
#include "services/domain/ingest_plan.h"
#include "services/domain/meeting_rules.h"
#include "services/store/clock.h"
#include "services/store/snapshot_registry.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Snapshot;
}  // namespace rocksdb

namespace parley {

struct StoreOptions {
  // Folder of the RocksDB database. It must exist and be writable.
  std::string path;
  // Change-log retention: at most this many revisions are kept (0 = unlimited)...
  uint64_t history_max_revisions = 100000;
  // ...and none older than this (zero = unlimited). Applied by `CompactHistory`.
  absl::Duration history_max_age = absl::ZeroDuration();
  // fsync the WAL on every commit: an acknowledged write survives a machine crash, not only
  // a process crash.
  bool sync_writes = true;
  // RocksDB block cache, bytes.
  size_t block_cache_bytes = 64 << 20;
  // RocksDB memtable size per column family, bytes; all memtables together are flushed at
  // twice that (a WriteBufferManager), so they hold at most about 2x this.
  size_t write_buffer_bytes = 32 << 20;
  // The largest change-log entry (one revision's events) a write may produce, bytes; a write
  // over it is refused InvalidArgument, so every revision fits one watch response. 0 = none.
  size_t max_change_bytes = 0;
  // What listing snapshots may cost: idle time, age and count (SnapshotLimits).
  SnapshotLimits list_snapshots;
  // The time for snapshot expiry; null = the system clock. Must outlive the store.
  const Clock* clock = nullptr;
  // How large a record may grow (see RecordLimits for the keep-policy). Every record and stored
  // report is cut to it when written; a record stored larger (before this bound existed, or
  // under a larger one) is served cut to it by every read, and logged once.
  RecordLimits record_limits;
};

// What an ingest did to one meeting record.
struct MeetingChange {
  std::string meeting_id;
  v1::EventType type = v1::EVENT_TYPE_UNSPECIFIED;
};

struct IngestOutcome {
  std::string article_id;
  // For each submitted report, the record it landed in.
  std::vector<std::string> meeting_ids;
  // Records created or updated; empty when nothing changed.
  std::vector<MeetingChange> changes;
  // Store revision after the ingest.
  uint64_t revision = 0;
};

// Where a listing resumes: the revision of its snapshot and the sort key of the last meeting
// returned. A default cursor starts a new listing at the current revision.
struct ListCursor {
  uint64_t revision = 0;
  std::string after_key;
};

struct ListPage {
  std::vector<v1::Meeting> meetings;
  std::vector<std::string> raw;  // With `raw` listing: the meetings serialized, instead.
  uint64_t revision = 0;         // Revision of the snapshot the page was read from.
  std::string last_key;          // Cursor key after the last meeting; empty when the listing ended.
};

struct ArticlePage {
  std::vector<v1::StoredArticle> articles;
  std::string next_after_id;  // Empty on the last page.
};

// Durable home of merged meetings, the articles they came from, secondary indexes and the
// change log that Watch replays. One RocksDB database with column families `meetings`,
// `articles`, `index`, `changelog` and `default` (metadata: schema version, revision, id
// sequence). Every mutation is one atomic WriteBatch that also advances the store-wide
// revision by one and appends one change-log entry.
//
// Thread-safe: reads run concurrently; writes are serialised by an internal mutex (merging
// reads the records it changes). The commit listener runs under that mutex, in revision order.
class MeetingStore {
 public:
  // Called after every commit with its change-log entry. Must not block or call back into
  // the store's write methods.
  using CommitListener = std::function<void(std::shared_ptr<const v1::ChangeLogEntry>)>;

  // Opens (creating on first use) the database in `options.path`.
  // Returns FailedPrecondition if the folder is missing, not writable, locked by another
  // process or written by a newer schema version; DataLoss if it is corrupt.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<MeetingStore>> Open(
      const StoreOptions& options);

  MeetingStore(const MeetingStore&) = delete;
  MeetingStore& operator=(const MeetingStore&) = delete;
  ~MeetingStore();  // Defined in the .cc, where rocksdb::DB is complete.

  // Returns NotFound if no meeting has this id. Every read returns the record within
  // `options.record_limits` (cut to them when it was stored larger).
  [[nodiscard]] absl::StatusOr<v1::Meeting> GetMeeting(absl::string_view id) const;
  // The meeting as stored (serialized parley.v1.Meeting), or NotFound.
  [[nodiscard]] absl::StatusOr<std::string> GetMeetingBytes(absl::string_view id) const;

  // `bytes`, the stored record of meeting `id`, when it is within the record limits; otherwise
  // the record cut to them (logged once per id). DataLoss when it does not parse.
  [[nodiscard]] absl::StatusOr<std::string> Servable(absl::string_view id, std::string bytes) const;
  const RecordLimits& record_limits() const { return options_.record_limits; }

  // Returns one entry per id, in order: the meeting, or nullopt when it does not exist.
  // `max_bytes` (0 = no limit) bounds the meetings' serialized size: reading stops, with
  // ResourceExhausted, as soon as the meetings read so far exceed it, so a batch never holds
  // more than that (plus one small chunk) in memory.
  [[nodiscard]] absl::StatusOr<std::vector<std::optional<v1::Meeting>>> BatchGetMeetings(
      const std::vector<std::string>& ids, size_t max_bytes = 0) const;

  // Stores `article` and merges `reports` into the meeting records, atomically. Ingesting the
  // same article (same content) with the same `extractor_version` again changes nothing, even
  // after one of its records was deleted (that record's meeting id is answered empty). With
  // another version, the article's earlier reports are replaced (re-extraction): a record it
  // alone produced is rebuilt under its id (one UPDATED event, create_revision kept); a deleted
  // one stays deleted, and a new report that matches no record gets a new id. What changes is
  // decided by `PlanIngest` (services/domain/ingest_plan.h) over the records read here; the
  // store writes the plan in one batch.
  // A report's `parent_id` "#k" (k: the index of another report of the call) is stored as the
  // id that report k landed in. Returns InvalidArgument for an article without body, an invalid
  // report, a malformed "#k" (`meetings[i].parent_id "..." ...`) or a write whose change-log
  // entry exceeds `max_change_bytes`.
  // `log_position` (cluster mode; 0 = none) is the replicated-log entry this write applies: it
  // is stored in the write's batch (see log_position()).
  [[nodiscard]] absl::StatusOr<IngestOutcome> IngestArticle(v1::Article article,
                                                            std::vector<v1::Meeting> reports,
                                                            absl::string_view extractor_version,
                                                            absl::Time now,
                                                            uint64_t log_position = 0);

  // Deletes a meeting and logs a DELETED event with its last state. Returns the revision of the
  // delete, or NotFound.
  [[nodiscard]] absl::StatusOr<uint64_t> DeleteMeeting(absl::string_view id, absl::Time now,
                                                       uint64_t log_position = 0);

  // Cluster mode: the replicated-log position of the last entry applied, stored atomically with
  // the write that applied it (0 when none has been). A replica resumes after it, exactly once.
  uint64_t log_position() const { return log_position_.load(std::memory_order_acquire); }
  // Records that the log entry at `position` was applied without a write (it changed nothing or
  // was refused); no-op when the store is already at or past it.
  [[nodiscard]] absl::Status RecordLogPosition(uint64_t position);

  // Returns NotFound for an unknown article id.
  [[nodiscard]] absl::StatusOr<v1::StoredArticle> GetArticle(absl::string_view id) const;

  // For each id, whether a meeting record has it (ids are never reused: a deleted one never
  // comes back).
  [[nodiscard]] absl::StatusOr<std::vector<bool>> MeetingsExist(
      const std::vector<std::string>& ids) const;

  // Stored articles in id order after `after_id`, at most `limit`. `max_bytes` (0 = no limit)
  // caps the page's serialized size: it ends early, with `next_after_id` set, before an article
  // that would take it over. The first article is always included; when it alone is over,
  // it comes without its reports (`reports` and `meeting_ids` cleared).
  [[nodiscard]] absl::StatusOr<ArticlePage> ListArticles(absl::string_view after_id, int limit,
                                                         size_t max_bytes = 0) const;

  // One page of meetings matching `filter`, newest first (start date, then id), read from the
  // snapshot of `cursor.revision` (a new one when the cursor is empty). Uses the most selective
  // secondary index of the filter. May return fewer than `page_size` meetings with a non-empty
  // `last_key` when the scan budget is spent. Returns OutOfRange when the cursor's snapshot has
  // expired (naming the limit: idle, age or count; see SnapshotLimits), InvalidArgument for a
  // malformed cursor.
  // With `raw`, the page is returned as stored bytes in `ListPage::raw`; records are parsed
  // only when the filter is not decided by the driving index alone.
  // `max_bytes` (0 = no limit) caps the serialized size of the page: it ends early, with a
  // `last_key` to continue from, before a meeting that would take it over (the first meeting
  // is always included), so a page always fits the transport's message limit.
  [[nodiscard]] absl::StatusOr<ListPage> ListMeetings(const v1::MeetingFilter& filter,
                                                      const ListCursor& cursor, int page_size,
                                                      bool raw = false, size_t max_bytes = 0);

  // Change-log entries with revision >= `from`, in order, up to `max_entries` entries or about
  // `max_bytes` (at least one entry is returned when one exists). Returns OutOfRange when
  // `from` is older than the oldest retained revision.
  [[nodiscard]] absl::StatusOr<std::vector<std::shared_ptr<const v1::ChangeLogEntry>>> ReadChanges(
      uint64_t from, size_t max_entries, size_t max_bytes) const;

  // Drops change-log entries beyond the retention settings. Returns the oldest retained
  // revision.
  [[nodiscard]] absl::StatusOr<uint64_t> CompactHistory(absl::Time now);

  // Drops change-log entries below `revision` (an explicit compaction, as etcd's Compact).
  [[nodiscard]] absl::StatusOr<uint64_t> CompactHistoryBefore(uint64_t revision);

  // The revision of the latest committed batch (0 for an empty store).
  uint64_t revision() const { return revision_.load(std::memory_order_acquire); }
  // The oldest revision still in the change log (revision() + 1 when it is empty).
  uint64_t oldest_revision() const { return oldest_revision_.load(std::memory_order_acquire); }
  // Number of meeting records.
  uint64_t meeting_count() const { return meeting_count_.load(std::memory_order_relaxed); }

  // Installs the commit listener (replacing any earlier one).
  void SetCommitListener(CommitListener listener);

  // Writes a consistent copy of the database to `dir` (which must not exist) for backups.
  [[nodiscard]] absl::Status Checkpoint(const std::string& dir) const;

  // Approximate size of the database files, bytes.
  uint64_t ApproximateSizeBytes() const;

 private:
  struct Handles;
  struct PendingWrite;
  class ListSnapshot;

  MeetingStore(StoreOptions options, std::unique_ptr<rocksdb::DB> db,
               std::unique_ptr<Handles> handles);

  [[nodiscard]] absl::Status LoadMetadata();
  // One record's bytes from `family`; NotFound names it as "<what> <id>".
  [[nodiscard]] absl::StatusOr<std::string> ReadBytes(rocksdb::ColumnFamilyHandle* family,
                                                      absl::string_view what,
                                                      absl::string_view id) const;
  [[nodiscard]] absl::StatusOr<uint64_t> CommitLocked(PendingWrite& write, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // The ids of the stored records `report` may describe: those sharing a country with it (or,
  // without countries, a surname) dated within a month of it, or undated.
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> FindCandidatesLocked(
      const v1::Meeting& report) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Sets `input.candidate_ids`: each report's candidates (FindCandidatesLocked).
  [[nodiscard]] absl::Status FindAllCandidatesLocked(IngestPlanInput& input) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Adds one planned record write (record, index entries, change-log event) to `write`.
  void ApplyLocked(PendingWrite& write, const PlannedRecord& record) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  [[nodiscard]] absl::StatusOr<std::shared_ptr<ListSnapshot>> AcquireSnapshot(uint64_t revision);
  // Logs, once per id, that a record was stored over the record limits.
  void NoteOversized(absl::string_view id, size_t bytes) const;

  const StoreOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<Handles> handles_;

  mutable absl::Mutex write_mu_;
  uint64_t next_sequence_ ABSL_GUARDED_BY(write_mu_) = 1;
  CommitListener listener_ ABSL_GUARDED_BY(write_mu_);

  std::atomic<uint64_t> revision_{0};
  std::atomic<uint64_t> oldest_revision_{1};
  std::atomic<uint64_t> meeting_count_{0};
  std::atomic<uint64_t> log_position_{0};

  mutable absl::Mutex oversized_mu_;
  mutable absl::flat_hash_set<std::string> oversized_logged_ ABSL_GUARDED_BY(oversized_mu_);

  std::unique_ptr<SnapshotRegistry<ListSnapshot>> snapshots_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_MEETING_STORE_H
