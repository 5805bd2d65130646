#include "services/store/meeting_store.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_batch.h"
#include "rocksdb/write_buffer_manager.h"
#include "services/domain/ingest_plan.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/text_fold.h"
#include "services/log/log.h"
#include "services/status/status_macros.h"
#include "services/store/data_dir_check.h"
#include "services/store/index_keys.h"
#include "services/store/list_plan.h"
#include "services/store/rocksdb_status.h"

namespace parley {
namespace {

namespace ik = index_keys;

constexpr int kSchemaVersion = 1;
constexpr char kMetaSchema[] = "schema_version";
constexpr char kMetaRevision[] = "revision";
constexpr char kMetaOldest[] = "oldest_revision";
constexpr char kMetaSequence[] = "next_sequence";
constexpr char kMetaCount[] = "meeting_count";
// Cluster mode: the position of the last replicated-log entry applied (docs/scaling.md).
constexpr char kMetaLogPosition[] = "log_position";
constexpr size_t kListScanBudget = 20000;
constexpr size_t kCandidateScanLimit = 400;

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
absl::string_view ToView(const rocksdb::Slice& s) { return absl::string_view(s.data(), s.size()); }

template <typename Message>
[[nodiscard]] absl::StatusOr<Message> ParseStored(const std::string& bytes,
                                                  absl::string_view what) {
  Message message;
  if (!message.ParseFromString(bytes)) {
    return absl::DataLossError(absl::StrCat("corrupt ", what));
  }
  return message;
}

// Start of the month `months` away from `date_key`'s month, as a YYYYMMDD key.
int32_t ShiftMonth(int32_t date_key, int months) {
  int year = date_key / 10000;
  int month = (date_key / 100) % 100;
  if (month == 0) {
    month = months > 0 ? 12 : 1;
  }
  int index = year * 12 + (month - 1) + months;
  year = index / 12;
  month = index % 12 + 1;
  return year * 10000 + month * 100;
}

// The store's side of a listing's index scans (list_plan.h): a RocksDB iterator.
class RocksDbCursor : public IndexCursor {
 public:
  explicit RocksDbCursor(std::unique_ptr<rocksdb::Iterator> it) : it_(std::move(it)) {}
  void Seek(absl::string_view key) override { it_->Seek(ToSlice(key)); }
  bool Valid() const override { return it_->Valid(); }
  void Next() override { it_->Next(); }
  absl::string_view key() const override { return ToView(it_->key()); }
  absl::string_view value() const override { return ToView(it_->value()); }
  [[nodiscard]] absl::Status status() const override {
    return FromRocksDb(it_->status(), "scan index");
  }

 private:
  std::unique_ptr<rocksdb::Iterator> it_;
};

// What an ingest plan reads of the store: the committed state, which the write lock the caller
// holds keeps still for the whole plan.
class LockedStoreView : public StoreView {
 public:
  explicit LockedStoreView(const MeetingStore& store) : store_(store) {}

  [[nodiscard]] absl::StatusOr<std::optional<v1::Meeting>> FindMeeting(
      absl::string_view id) const override {
    return Found(store_.GetMeeting(id));
  }
  [[nodiscard]] absl::StatusOr<std::optional<v1::StoredArticle>> FindArticle(
      absl::string_view id) const override {
    return Found(store_.GetArticle(id));
  }

 private:
  template <typename T>
  [[nodiscard]] static absl::StatusOr<std::optional<T>> Found(absl::StatusOr<T> got) {
    if (got.status().code() == absl::StatusCode::kNotFound) {
      return std::optional<T>();
    }
    if (!got.ok()) {
      return got.status();
    }
    return std::optional<T>(*std::move(got));
  }

  const MeetingStore& store_;
};

}  // namespace

struct MeetingStore::Handles {
  std::vector<rocksdb::ColumnFamilyHandle*> all;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* meetings = nullptr;
  rocksdb::ColumnFamilyHandle* articles = nullptr;
  rocksdb::ColumnFamilyHandle* index = nullptr;
  rocksdb::ColumnFamilyHandle* changelog = nullptr;
};

// One batch being assembled under `write_mu_`: the RocksDB batch and the change-log events of
// the records it writes.
struct MeetingStore::PendingWrite {
  rocksdb::WriteBatch batch;
  uint64_t revision = 0;
  v1::ChangeLogEntry entry;
  int64_t count_delta = 0;
  uint64_t log_position = 0;  // Written with the batch when not 0.
};

// A RocksDB snapshot kept for the pages of one listing.
class MeetingStore::ListSnapshot {
 public:
  ListSnapshot(rocksdb::DB* db, const rocksdb::Snapshot* snapshot, uint64_t revision)
      : db_(db), snapshot_(snapshot), revision_(revision) {}
  ~ListSnapshot() { db_->ReleaseSnapshot(snapshot_); }
  ListSnapshot(const ListSnapshot&) = delete;
  ListSnapshot& operator=(const ListSnapshot&) = delete;

  const rocksdb::Snapshot* get() const { return snapshot_; }
  uint64_t revision() const { return revision_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
  uint64_t revision_;
};

absl::StatusOr<std::unique_ptr<MeetingStore>> MeetingStore::Open(const StoreOptions& options) {
  // Every refusal (missing, unwritable, locked, newer schema) happens before RocksDB writes
  // anything into the folder.
  PARLEY_RETURN_IF_ERROR(CheckDataDir(options.path, kMetaSchema, kSchemaVersion));

  rocksdb::Options db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.IncreaseParallelism(2);
  db_options.keep_log_file_num = 5;
  db_options.max_open_files = 512;
  // Every column family's memtables together (RocksDB would allow two per family, ten times
  // write_buffer_bytes): flushed once they reach twice one family's size.
  db_options.write_buffer_manager =
      std::make_shared<rocksdb::WriteBufferManager>(2 * options.write_buffer_bytes);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.cache_index_and_filter_blocks = true;
  // Point lookups dominate (GetMeeting, list pages): keep index and filter blocks ahead of data
  // in the cache, pin those of L0, and find keys inside a data block by hash, not bisection.
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  table.data_block_hash_table_util_ratio = 0.75;
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  cf_options.compression = rocksdb::kLZ4Compression;
  cf_options.write_buffer_size = options.write_buffer_bytes;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = {
      {rocksdb::kDefaultColumnFamilyName, cf_options},
      {"meetings", cf_options},
      {"articles", cf_options},
      {"index", cf_options},
      {"changelog", cf_options},
  };
  auto handles = std::make_unique<Handles>();
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status status =
      rocksdb::DB::Open(db_options, options.path, descriptors, &handles->all, &raw);
  if (!status.ok()) {
    if (status.IsIOError() && status.ToString().find("lock") != std::string::npos) {
      return absl::FailedPreconditionError(absl::StrCat(
          "data dir ", options.path, " is locked by another process: ", status.ToString()));
    }
    return FromRocksDb(status, absl::StrCat("open store at ", options.path));
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  handles->meta = handles->all[0];
  handles->meetings = handles->all[1];
  handles->articles = handles->all[2];
  handles->index = handles->all[3];
  handles->changelog = handles->all[4];
  std::unique_ptr<MeetingStore> store(new MeetingStore(options, std::move(db), std::move(handles)));
  PARLEY_RETURN_IF_ERROR(store->LoadMetadata());
  return store;
}

MeetingStore::MeetingStore(StoreOptions options, std::unique_ptr<rocksdb::DB> db,
                           std::unique_ptr<Handles> handles)
    : options_(std::move(options)),
      db_(std::move(db)),
      handles_(std::move(handles)),
      snapshots_(std::make_unique<SnapshotRegistry<ListSnapshot>>(options_.list_snapshots,
                                                                  options_.clock)) {}

MeetingStore::~MeetingStore() {
  snapshots_->Clear();  // Releases the RocksDB snapshots while the database is open.
  if (db_ != nullptr) {
    for (rocksdb::ColumnFamilyHandle* handle : handles_->all) {
      db_->DestroyColumnFamilyHandle(handle);
    }
    db_->Close().PermitUncheckedError();
  }
}

absl::Status MeetingStore::LoadMetadata() {
  // CheckDataDir checked the stored schema version before the open; a new store records its own.
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_->meta, kMetaSchema, &value);
  if (s.IsNotFound()) {
    rocksdb::WriteOptions write_options;
    write_options.sync = true;
    PARLEY_RETURN_IF_ERROR(FromRocksDb(
        db_->Put(write_options, handles_->meta, kMetaSchema, absl::StrCat(kSchemaVersion)),
        "write schema version"));
  } else if (!s.ok()) {
    return FromRocksDb(s, "read schema version");
  }
  auto read_u64 = [&](const char* key, uint64_t fallback) -> absl::StatusOr<uint64_t> {
    std::string bytes;
    rocksdb::Status rs = db_->Get(rocksdb::ReadOptions(), handles_->meta, key, &bytes);
    if (rs.IsNotFound()) {
      return fallback;
    }
    PARLEY_RETURN_IF_ERROR(FromRocksDb(rs, absl::StrCat("read ", key)));
    return ik::DecodeU64(bytes);
  };
  PARLEY_ASSIGN_OR_RETURN(const uint64_t revision, read_u64(kMetaRevision, 0));
  PARLEY_ASSIGN_OR_RETURN(const uint64_t oldest, read_u64(kMetaOldest, 1));
  PARLEY_ASSIGN_OR_RETURN(const uint64_t sequence, read_u64(kMetaSequence, 1));
  PARLEY_ASSIGN_OR_RETURN(const uint64_t count, read_u64(kMetaCount, 0));
  PARLEY_ASSIGN_OR_RETURN(const uint64_t log_position, read_u64(kMetaLogPosition, 0));
  log_position_.store(log_position);
  revision_.store(revision);
  oldest_revision_.store(oldest);
  meeting_count_.store(count);
  absl::MutexLock lock(&write_mu_);
  next_sequence_ = sequence;
  return absl::OkStatus();
}

absl::StatusOr<std::string> MeetingStore::ReadBytes(rocksdb::ColumnFamilyHandle* family,
                                                    absl::string_view what,
                                                    absl::string_view id) const {
  std::string bytes;
  const rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), family, ToSlice(id), &bytes);
  if (s.IsNotFound()) {
    return absl::NotFoundError(absl::StrCat(what, " ", id, " not found"));
  }
  PARLEY_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("read ", what, " ", id)));
  return bytes;
}

absl::StatusOr<v1::Meeting> MeetingStore::GetMeeting(absl::string_view id) const {
  PARLEY_ASSIGN_OR_RETURN(const std::string bytes, GetMeetingBytes(id));
  return ParseStored<v1::Meeting>(bytes, absl::StrCat("meeting ", id));
}

absl::StatusOr<std::string> MeetingStore::GetMeetingBytes(absl::string_view id) const {
  PARLEY_ASSIGN_OR_RETURN(std::string bytes, ReadBytes(handles_->meetings, "meeting", id));
  return Servable(id, std::move(bytes));
}

absl::StatusOr<std::string> MeetingStore::Servable(absl::string_view id, std::string bytes) const {
  const RecordLimits& limits = options_.record_limits;
  if (limits.max_bytes == 0 || bytes.size() <= limits.max_bytes) {
    return bytes;  // The common case: one size comparison.
  }
  PARLEY_ASSIGN_OR_RETURN(v1::Meeting meeting,
                          ParseStored<v1::Meeting>(bytes, absl::StrCat("meeting ", id)));
  NoteOversized(id, bytes.size());
  return BoundMeeting(std::move(meeting), limits).SerializeAsString();
}

void MeetingStore::NoteOversized(absl::string_view id, size_t bytes) const {
  {
    absl::MutexLock lock(&oversized_mu_);
    if (oversized_logged_.size() >= 10000 || !oversized_logged_.emplace(id).second) {
      return;
    }
  }
  Log(LogLevel::kError,
      absl::StrCat("meeting ", id, " is ", bytes, " bytes as stored, over the record limit of ",
                   options_.record_limits.max_bytes,
                   " (written before records were bounded, or under a larger limit): served cut "
                   "to the limit; its next update stores it cut, or delete it"));
}

absl::StatusOr<std::vector<std::optional<v1::Meeting>>> MeetingStore::BatchGetMeetings(
    const std::vector<std::string>& ids, size_t max_bytes) const {
  std::vector<std::optional<v1::Meeting>> out(ids.size());
  constexpr size_t kChunk = 16;  // Records read at once (each at most the record limit).
  size_t bytes = 0;
  for (size_t first = 0; first < ids.size(); first += kChunk) {
    const size_t n = std::min(kChunk, ids.size() - first);
    std::vector<rocksdb::Slice> keys;
    keys.reserve(n);
    for (size_t i = first; i < first + n; ++i) {
      keys.emplace_back(ids[i]);
    }
    std::vector<rocksdb::PinnableSlice> values(n);
    std::vector<rocksdb::Status> statuses(n);
    db_->MultiGet(rocksdb::ReadOptions(), handles_->meetings, n, keys.data(), values.data(),
                  statuses.data());
    for (size_t k = 0; k < n; ++k) {
      const size_t i = first + k;
      if (statuses[k].IsNotFound()) {
        continue;
      }
      PARLEY_RETURN_IF_ERROR(FromRocksDb(statuses[k], absl::StrCat("read meeting ", ids[i])));
      v1::Meeting meeting;
      if (!meeting.ParseFromArray(values[k].data(), static_cast<int>(values[k].size()))) {
        return absl::DataLossError(absl::StrCat("corrupt meeting ", ids[i]));
      }
      const RecordLimits& limits = options_.record_limits;
      size_t size = values[k].size();
      if (limits.max_bytes > 0 && size > limits.max_bytes) {
        NoteOversized(ids[i], size);
        meeting = BoundMeeting(std::move(meeting), limits);
        size = meeting.ByteSizeLong();
      }
      bytes += size + 8;  // The record, its tag and length.
      if (max_bytes > 0 && bytes > max_bytes) {
        return absl::ResourceExhaustedError(absl::StrCat(
            "the first ", i + 1, " of the ", ids.size(), " meetings already take ", bytes,
            " bytes, more than the response limit of ", max_bytes, ": ask for fewer ids per call"));
      }
      out[i] = std::move(meeting);
    }
  }
  return out;
}

absl::StatusOr<std::vector<bool>> MeetingStore::MeetingsExist(
    const std::vector<std::string>& ids) const {
  std::vector<bool> out(ids.size(), false);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) {
      continue;
    }
    std::string ignored;
    const rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), handles_->meetings, ToSlice(ids[i]), &ignored);
    if (s.IsNotFound()) {
      continue;
    }
    PARLEY_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("read meeting ", ids[i])));
    out[i] = true;
  }
  return out;
}

absl::StatusOr<v1::StoredArticle> MeetingStore::GetArticle(absl::string_view id) const {
  PARLEY_ASSIGN_OR_RETURN(const std::string bytes, ReadBytes(handles_->articles, "article", id));
  return ParseStored<v1::StoredArticle>(bytes, absl::StrCat("article ", id));
}

absl::StatusOr<ArticlePage> MeetingStore::ListArticles(absl::string_view after_id, int limit,
                                                       size_t max_bytes) const {
  ArticlePage page;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handles_->articles));
  it->Seek(ToSlice(after_id));
  if (it->Valid() && !after_id.empty() && ToView(it->key()) == after_id) {
    it->Next();
  }
  size_t bytes = 0;
  for (; it->Valid() && static_cast<int>(page.articles.size()) < limit; it->Next()) {
    const size_t size = it->value().size() + 8;  // The article, its tag and length.
    if (max_bytes > 0 && !page.articles.empty() && bytes + size > max_bytes) {
      break;  // The page is full; the next one starts here.
    }
    v1::StoredArticle article;
    if (!article.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat("corrupt article ", ToView(it->key())));
    }
    if (max_bytes > 0 && size > max_bytes) {
      // Alone over the limit: the article itself (its body is within the article limit), and
      // not the reports it produced, which GetArticle never returns either.
      article.clear_reports();
      article.clear_meeting_ids();
    }
    bytes += size;
    page.articles.push_back(std::move(article));
  }
  PARLEY_RETURN_IF_ERROR(FromRocksDb(it->status(), "list articles"));
  if (it->Valid() && !page.articles.empty()) {
    page.next_after_id = page.articles.back().article().id();
  }
  return page;
}

absl::StatusOr<std::vector<std::string>> MeetingStore::FindCandidatesLocked(
    const v1::Meeting& report) const {
  std::vector<std::string> prefixes;
  for (const std::string& c : report.countries()) {
    prefixes.push_back(ik::Prefix('c', c));
  }
  if (prefixes.empty()) {
    for (const v1::Person& p : report.people()) {
      const std::string folded = FoldForMatch(p.name());
      const size_t space = folded.rfind(' ');
      prefixes.push_back(
          ik::Prefix('p', space == std::string::npos ? folded : folded.substr(space + 1)));
    }
  }
  std::set<std::string> ids;
  const int32_t date_key = DateKey(report.start_date());
  for (const std::string& prefix : prefixes) {
    std::vector<std::pair<std::string, std::string>> ranges;  // [from, to) suffix date parts.
    if (date_key > 0) {
      // A month either side, plus the undated records.
      const int32_t end_key = HasDate(report.end_date()) ? DateKey(report.end_date()) : date_key;
      ranges.emplace_back(ik::DatePart(ShiftMonth(end_key, 2)),
                          ik::DatePart(ShiftMonth(date_key, -1) - 1));
      ranges.emplace_back(ik::DatePart(0), ik::DatePart(-1));
    } else {
      ranges.emplace_back("", "");  // Newest records of the prefix.
    }
    for (const auto& [from, to] : ranges) {
      std::unique_ptr<rocksdb::Iterator> it(
          db_->NewIterator(rocksdb::ReadOptions(), handles_->index));
      size_t scanned = 0;
      for (it->Seek(prefix + from); it->Valid() && scanned < kCandidateScanLimit;
           it->Next(), ++scanned) {
        const absl::string_view key = ToView(it->key());
        if (key.substr(0, prefix.size()) != prefix) {
          break;
        }
        if (!to.empty() && key.substr(prefix.size()) >= to) {
          break;
        }
        ids.insert(std::string(ToView(it->value())));
      }
      PARLEY_RETURN_IF_ERROR(FromRocksDb(it->status(), "scan merge candidates"));
    }
  }
  return std::vector<std::string>(ids.begin(), ids.end());
}

absl::Status MeetingStore::FindAllCandidatesLocked(IngestPlanInput& input) const {
  input.candidate_ids.reserve(input.reports.size());
  for (const v1::Meeting& report : input.reports) {
    PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> ids, FindCandidatesLocked(report));
    input.candidate_ids.push_back(std::move(ids));
  }
  return absl::OkStatus();
}

void MeetingStore::ApplyLocked(PendingWrite& write, const PlannedRecord& record) const {
  if (record.before.has_value()) {
    for (const std::string& key : ik::AllKeys(*record.before)) {
      write.batch.Delete(handles_->index, key);
    }
    --write.count_delta;
  }
  v1::MeetingEvent* event = write.entry.add_events();
  event->set_revision(write.revision);
  // What filters look at, before the change: a watcher whose filter the record leaves (or
  // enters) is told so (the Kubernetes watch cache's prevObject). One per event; set for
  // UPDATED events.
  v1::Meeting* previous = write.entry.add_previous();
  if (record.action == RecordAction::kUpdate && record.before.has_value()) {
    *previous = MatchKeys(*record.before);
  }
  if (record.after.has_value()) {
    for (const std::string& key : ik::AllKeys(*record.after)) {
      write.batch.Put(handles_->index, key, record.id);
    }
    write.batch.Put(handles_->meetings, record.id, record.after->SerializeAsString());
    ++write.count_delta;
    event->set_type(record.action == RecordAction::kCreate ? v1::EVENT_TYPE_CREATED
                                                           : v1::EVENT_TYPE_UPDATED);
    *event->mutable_meeting() = *record.after;
  } else {
    write.batch.Delete(handles_->meetings, record.id);
    event->set_type(v1::EVENT_TYPE_DELETED);
    if (record.before.has_value()) {
      *event->mutable_meeting() = *record.before;  // Its last state.
    }
    event->mutable_meeting()->set_update_revision(write.revision);
  }
}

absl::StatusOr<IngestOutcome> MeetingStore::IngestArticle(v1::Article article,
                                                          std::vector<v1::Meeting> reports,
                                                          absl::string_view extractor_version,
                                                          absl::Time now, uint64_t log_position) {
  if (article.body().empty()) {
    return absl::InvalidArgumentError("article.body must not be empty");
  }
  for (size_t i = 0; i < reports.size(); ++i) {
    if (absl::Status s = ValidateMeeting(reports[i]); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("meetings[", i, "]: ", s.message()));
    }
  }
  // "#k" parents: well formed, in range, no cycles.
  PARLEY_RETURN_IF_ERROR(PlanningOrder(reports).status());
  article.set_id(ArticleId(article));
  IngestPlanInput input;
  input.reports = PrepareReports(article, std::move(reports), options_.record_limits);
  input.article = std::move(article);
  input.extractor_version = static_cast<std::string>(extractor_version);
  input.now = now;
  input.limits = options_.record_limits;

  absl::MutexLock lock(&write_mu_);
  absl::StatusOr<v1::StoredArticle> existing = GetArticle(input.article.id());
  if (existing.ok()) {
    input.previous = *std::move(existing);
  } else if (existing.status().code() != absl::StatusCode::kNotFound) {
    return existing.status();
  }
  IngestOutcome outcome;
  outcome.article_id = input.article.id();
  input.revision = revision() + 1;
  input.next_sequence = next_sequence_;
  if (!AlreadyIngested(input.previous, input.extractor_version)) {
    PARLEY_RETURN_IF_ERROR(FindAllCandidatesLocked(input));  // A repeat merges nothing.
  }
  const LockedStoreView view(*this);  // The plan reads records and articles through it.
  input.store = &view;
  PARLEY_ASSIGN_OR_RETURN(IngestPlan plan, PlanIngest(std::move(input)));
  if (plan.unchanged) {
    // Idempotent: the same article, already ingested, changes nothing -- also when one of its
    // records was deleted since (answered with an empty id in its place).
    outcome.meeting_ids = std::move(plan.meeting_ids);
    outcome.revision = revision();
    return outcome;
  }

  PendingWrite write;
  write.revision = plan.article.revision();
  write.log_position = log_position;
  for (const PlannedRecord& record : plan.records) {
    ApplyLocked(write, record);
    if (record.action != RecordAction::kDelete) {
      outcome.changes.push_back({record.id, record.action == RecordAction::kCreate
                                                ? v1::EVENT_TYPE_CREATED
                                                : v1::EVENT_TYPE_UPDATED});
    }
  }
  write.batch.Put(handles_->articles, outcome.article_id, plan.article.SerializeAsString());
  next_sequence_ = plan.next_sequence;
  outcome.meeting_ids = std::move(plan.meeting_ids);
  PARLEY_ASSIGN_OR_RETURN(outcome.revision, CommitLocked(write, now));
  return outcome;
}

absl::StatusOr<uint64_t> MeetingStore::DeleteMeeting(absl::string_view id, absl::Time now,
                                                     uint64_t log_position) {
  absl::MutexLock lock(&write_mu_);
  PendingWrite write;
  write.revision = revision() + 1;
  write.log_position = log_position;
  absl::StatusOr<v1::Meeting> old = GetMeeting(id);
  if (!old.ok()) {
    return old.status();
  }
  PlannedRecord record;
  record.id = static_cast<std::string>(id);
  record.action = RecordAction::kDelete;
  record.before = *std::move(old);
  ApplyLocked(write, record);
  return CommitLocked(write, now);
}

absl::StatusOr<uint64_t> MeetingStore::CommitLocked(PendingWrite& write, absl::Time now) {
  auto entry = std::make_shared<v1::ChangeLogEntry>(std::move(write.entry));
  entry->set_revision(write.revision);
  *entry->mutable_commit_time() = ToTimestamp(now);
  std::string entry_bytes = entry->SerializeAsString();
  if (options_.max_change_bytes > 0 && entry_bytes.size() > options_.max_change_bytes) {
    // One revision must fit one watch response: refuse the write, precisely, rather than store
    // a revision no watcher can take whole.
    return absl::InvalidArgumentError(absl::StrCat(
        "this write would change ", entry->events_size(), " meeting records totalling ",
        entry_bytes.size(), " bytes in one revision; at most ", options_.max_change_bytes,
        ": send fewer meetings per article"));
  }
  write.batch.Put(handles_->changelog, ik::EncodeU64(write.revision), entry_bytes);
  write.batch.Put(handles_->meta, kMetaRevision, ik::EncodeU64(write.revision));
  write.batch.Put(handles_->meta, kMetaSequence, ik::EncodeU64(next_sequence_));
  const uint64_t count = static_cast<uint64_t>(
      std::max<int64_t>(0, static_cast<int64_t>(meeting_count()) + write.count_delta));
  write.batch.Put(handles_->meta, kMetaCount, ik::EncodeU64(count));
  if (write.log_position > 0) {
    write.batch.Put(handles_->meta, kMetaLogPosition, ik::EncodeU64(write.log_position));
  }

  // Count-based retention, in the same batch.
  uint64_t oldest = oldest_revision();
  if (options_.history_max_revisions > 0 &&
      write.revision >= oldest + options_.history_max_revisions) {
    const uint64_t new_oldest = write.revision - options_.history_max_revisions + 1;
    write.batch.DeleteRange(handles_->changelog, ik::EncodeU64(oldest), ik::EncodeU64(new_oldest));
    write.batch.Put(handles_->meta, kMetaOldest, ik::EncodeU64(new_oldest));
    oldest = new_oldest;
  }

  rocksdb::WriteOptions write_options;
  write_options.sync = options_.sync_writes;
  PARLEY_RETURN_IF_ERROR(FromRocksDb(db_->Write(write_options, &write.batch),
                                     absl::StrCat("commit revision ", write.revision)));
  oldest_revision_.store(oldest, std::memory_order_release);
  meeting_count_.store(count, std::memory_order_relaxed);
  if (write.log_position > 0) {
    log_position_.store(write.log_position, std::memory_order_release);
  }
  revision_.store(write.revision, std::memory_order_release);
  if (listener_) {
    listener_(std::move(entry));
  }
  return write.revision;
}

absl::Status MeetingStore::RecordLogPosition(uint64_t position) {
  absl::MutexLock lock(&write_mu_);
  if (position <= log_position()) {
    return absl::OkStatus();
  }
  rocksdb::WriteOptions write_options;
  write_options.sync = options_.sync_writes;
  PARLEY_RETURN_IF_ERROR(FromRocksDb(
      db_->Put(write_options, handles_->meta, kMetaLogPosition, ik::EncodeU64(position)),
      absl::StrCat("record log position ", position)));
  log_position_.store(position, std::memory_order_release);
  return absl::OkStatus();
}

void MeetingStore::SetCommitListener(CommitListener listener) {
  absl::MutexLock lock(&write_mu_);
  listener_ = std::move(listener);
}

absl::StatusOr<std::vector<std::shared_ptr<const v1::ChangeLogEntry>>> MeetingStore::ReadChanges(
    uint64_t from, size_t max_entries, size_t max_bytes) const {
  std::vector<std::shared_ptr<const v1::ChangeLogEntry>> out;
  const uint64_t oldest = oldest_revision();
  if (from < oldest) {
    return absl::OutOfRangeError(
        absl::StrCat("revision ", from, " has been compacted; the oldest retained is ", oldest));
  }
  rocksdb::ReadOptions read_options;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read_options, handles_->changelog));
  size_t bytes = 0;
  uint64_t expected = from;
  for (it->Seek(ik::EncodeU64(from)); it->Valid() && out.size() < max_entries; it->Next()) {
    const uint64_t revision = ik::DecodeU64(ToView(it->key()));
    if (revision != expected) {
      // Compacted while we read: the caller must relist.
      return absl::OutOfRangeError(absl::StrCat("revision ", expected,
                                                " has been compacted; the oldest retained is ",
                                                oldest_revision()));
    }
    auto entry = std::make_shared<v1::ChangeLogEntry>();
    if (!entry->ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat("corrupt change-log entry ", revision));
    }
    bytes += it->value().size();
    out.push_back(std::move(entry));
    ++expected;
    if (bytes >= max_bytes) {
      break;
    }
  }
  PARLEY_RETURN_IF_ERROR(FromRocksDb(it->status(), "read change log"));
  return out;
}

absl::StatusOr<uint64_t> MeetingStore::CompactHistoryBefore(uint64_t revision) {
  absl::MutexLock lock(&write_mu_);
  const uint64_t oldest = oldest_revision();
  const uint64_t target = std::min(revision, this->revision() + 1);
  if (target <= oldest) {
    return oldest;
  }
  rocksdb::WriteBatch batch;
  batch.DeleteRange(handles_->changelog, ik::EncodeU64(oldest), ik::EncodeU64(target));
  batch.Put(handles_->meta, kMetaOldest, ik::EncodeU64(target));
  rocksdb::WriteOptions write_options;
  write_options.sync = options_.sync_writes;
  PARLEY_RETURN_IF_ERROR(FromRocksDb(db_->Write(write_options, &batch), "compact change log"));
  oldest_revision_.store(target, std::memory_order_release);
  return target;
}

absl::StatusOr<uint64_t> MeetingStore::CompactHistory(absl::Time now) {
  if (options_.history_max_age <= absl::ZeroDuration()) {
    return oldest_revision();
  }
  const int64_t cutoff = absl::ToUnixSeconds(now - options_.history_max_age);
  uint64_t keep_from = oldest_revision();
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handles_->changelog));
  for (it->Seek(ik::EncodeU64(keep_from)); it->Valid(); it->Next()) {
    v1::ChangeLogEntry entry;
    if (!entry.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError("corrupt change-log entry");
    }
    if (entry.commit_time().seconds() >= cutoff) {
      break;
    }
    keep_from = entry.revision() + 1;
  }
  PARLEY_RETURN_IF_ERROR(FromRocksDb(it->status(), "scan change log"));
  return CompactHistoryBefore(keep_from);
}

absl::StatusOr<std::shared_ptr<MeetingStore::ListSnapshot>> MeetingStore::AcquireSnapshot(
    uint64_t revision) {
  if (revision != 0) {
    return snapshots_->Find(revision);  // OutOfRange names the limit that dropped it.
  }
  // The current revision's snapshot, when one is held, serves a new listing as well.
  if (std::shared_ptr<ListSnapshot> current = snapshots_->FindForNewListing(this->revision())) {
    return current;
  }
  const rocksdb::Snapshot* raw = db_->GetSnapshot();
  rocksdb::ReadOptions read_options;
  read_options.snapshot = raw;
  std::string bytes;
  const rocksdb::Status s = db_->Get(read_options, handles_->meta, kMetaRevision, &bytes);
  if (!s.ok() && !s.IsNotFound()) {
    db_->ReleaseSnapshot(raw);
    return FromRocksDb(s, "read revision");
  }
  const uint64_t at = s.ok() ? ik::DecodeU64(bytes) : 0;
  return snapshots_->Add(at, std::make_shared<ListSnapshot>(db_.get(), raw, at));
}

absl::StatusOr<ListPage> MeetingStore::ListMeetings(const v1::MeetingFilter& filter,
                                                    const ListCursor& cursor, int page_size,
                                                    bool raw, size_t max_bytes) {
  if (!cursor.after_key.empty() && cursor.after_key.size() != ik::kSuffixSize) {
    return absl::InvalidArgumentError("page cursor is malformed");
  }
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<ListSnapshot> snapshot, AcquireSnapshot(cursor.revision));
  const ListPlan plan = PlanListing(filter, cursor.after_key);
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot->get();
  std::vector<std::unique_ptr<IndexCursor>> cursors;
  cursors.reserve(plan.prefixes.size());
  for (size_t i = 0; i < plan.prefixes.size(); ++i) {
    cursors.push_back(std::make_unique<RocksDbCursor>(
        std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(read_options, handles_->index))));
  }
  IndexMerge merge(plan, std::move(cursors));

  ListPage page;
  page.revision = snapshot->revision();
  PageBudget budget(max_bytes);
  size_t scanned = 0;
  std::string last;           // The suffix of the last meeting scanned...
  std::string last_included;  // ...and of the last one on the page.
  while (budget.taken() < page_size && scanned < kListScanBudget) {
    std::optional<IndexMerge::Entry> entry = merge.Next();
    if (!entry.has_value()) {
      break;
    }
    last = std::move(entry->suffix);
    const std::string& id = entry->id;
    ++scanned;
    std::string bytes;
    const rocksdb::Status st = db_->Get(read_options, handles_->meetings, id, &bytes);
    if (st.IsNotFound()) {
      continue;
    }
    PARLEY_RETURN_IF_ERROR(FromRocksDb(st, absl::StrCat("read meeting ", id)));
    PARLEY_ASSIGN_OR_RETURN(bytes, Servable(id, std::move(bytes)));
    if (raw && plan.decided) {
      if (!budget.Take(bytes.size())) {
        page.last_key = last_included;  // The page is full; more remain.
        return page;
      }
      last_included = last;
      page.raw.push_back(std::move(bytes));
      continue;
    }
    v1::Meeting meeting;
    if (!meeting.ParseFromString(bytes)) {
      return absl::DataLossError(absl::StrCat("corrupt meeting ", id));
    }
    if (MatchesFilter(meeting, filter)) {
      if (!budget.Take(bytes.size())) {
        page.last_key = last_included;
        return page;
      }
      last_included = last;
      if (raw) {
        page.raw.push_back(std::move(bytes));
      } else {
        page.meetings.push_back(std::move(meeting));
      }
    }
  }
  PARLEY_RETURN_IF_ERROR(merge.status());
  if (merge.more()) {
    page.last_key = last;  // More remain.
  }
  return page;
}

absl::Status MeetingStore::Checkpoint(const std::string& dir) const {
  rocksdb::Checkpoint* raw = nullptr;
  PARLEY_RETURN_IF_ERROR(
      FromRocksDb(rocksdb::Checkpoint::Create(db_.get(), &raw), "create checkpoint object"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  return FromRocksDb(checkpoint->CreateCheckpoint(dir), absl::StrCat("checkpoint to ", dir));
}

uint64_t MeetingStore::ApproximateSizeBytes() const {
  uint64_t total = 0;
  for (rocksdb::ColumnFamilyHandle* handle : handles_->all) {
    uint64_t size = 0;
    db_->GetIntProperty(handle, "rocksdb.total-sst-files-size", &size);
    total += size;
    uint64_t mem = 0;
    db_->GetIntProperty(handle, "rocksdb.cur-size-all-mem-tables", &mem);
    total += mem;
  }
  return total;
}

}  // namespace parley
