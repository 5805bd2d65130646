#include "services/store/meeting_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/checkpoint.h"
#include "rocksdb/write_batch.h"
#include "rocksdb/write_buffer_manager.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/text_fold.h"
#include "services/log/log.h"
#include "services/status/status_macros.h"
#include "services/store/index_keys.h"
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
constexpr size_t kListScanBudget = 20000;
constexpr size_t kCandidateScanLimit = 400;

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
absl::string_view ToView(const rocksdb::Slice& s) { return absl::string_view(s.data(), s.size()); }

google::protobuf::Timestamp ToProto(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t nanos = absl::ToUnixNanos(t);
  ts.set_seconds(nanos / 1000000000);
  ts.set_nanos(static_cast<int32_t>(nanos % 1000000000));
  return ts;
}

template <typename Message>
absl::StatusOr<Message> ParseStored(const std::string& bytes, absl::string_view what) {
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

}  // namespace

struct MeetingStore::Handles {
  std::vector<rocksdb::ColumnFamilyHandle*> all;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* meetings = nullptr;
  rocksdb::ColumnFamilyHandle* articles = nullptr;
  rocksdb::ColumnFamilyHandle* index = nullptr;
  rocksdb::ColumnFamilyHandle* changelog = nullptr;
};

// One batch being assembled under `write_mu_`: the RocksDB batch plus an overlay of the
// meeting records it changes, so later steps of the same ingest see earlier ones.
struct MeetingStore::PendingWrite {
  rocksdb::WriteBatch batch;
  uint64_t revision = 0;
  absl::flat_hash_map<std::string, std::optional<v1::Meeting>> overlay;
  // Records this write touches, in the order it first did, and each one's state before it.
  std::vector<std::string> event_order;
  absl::flat_hash_map<std::string, std::optional<v1::Meeting>> before;
  absl::flat_hash_map<std::string, v1::Meeting> deleted_state;
  int64_t count_delta = 0;
  // MatchKeys of stored records read as merge candidates: the reports of one article mostly
  // share their candidates, which are read and parsed once per write, not once per report.
  absl::flat_hash_map<std::string, std::optional<v1::Meeting>> candidate_keys;
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

namespace {

// Discards RocksDB's info log: the read-only probe below must not write (or rotate) LOG files.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
};

// Fails when another process holds the RocksDB lock of `path`, without touching any file:
// RocksDB's own open would first rotate the LOG file of the process that holds it.
absl::Status CheckNotLocked(const std::string& path) {
  const std::string lock_path = path + "/LOCK";
  const int fd = open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::OkStatus();  // No lock file: no store yet, or nobody has opened it.
  }
  struct flock probe = {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  const int rc = fcntl(fd, F_GETLK, &probe);
  close(fd);
  if (rc == 0 && probe.l_type != F_UNLCK) {
    return absl::FailedPreconditionError(absl::StrCat("data dir ", path,
                                                      " is locked by another process (pid ",
                                                      probe.l_pid, "): one parleyd per store"));
  }
  return absl::OkStatus();
}

// Reads the schema version of an existing store read-only, writing nothing; 0 when the store
// has none yet.
absl::StatusOr<int> ProbeSchemaVersion(const std::string& path, const char* key) {
  if (access((path + "/CURRENT").c_str(), F_OK) != 0) {
    return 0;
  }
  rocksdb::Options options;
  options.info_log = std::make_shared<SilentLogger>();
  options.create_if_missing = false;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status status = rocksdb::DB::OpenForReadOnly(options, path, &raw);
  if (!status.ok()) {
    return FromRocksDb(status, absl::StrCat("read store at ", path));
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string value;
  const rocksdb::Status got = db->Get(rocksdb::ReadOptions(), key, &value);
  if (got.IsNotFound()) {
    return 0;
  }
  if (!got.ok()) {
    return FromRocksDb(got, "read schema version");
  }
  int version = 0;
  if (!absl::SimpleAtoi(value, &version)) {
    return absl::DataLossError(absl::StrCat("schema version \"", value, "\" is corrupt"));
  }
  return version;
}

}  // namespace

absl::StatusOr<std::unique_ptr<MeetingStore>> MeetingStore::Open(const StoreOptions& options) {
  if (options.path.empty()) {
    return absl::InvalidArgumentError("store path must not be empty");
  }
  if (access(options.path.c_str(), F_OK) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", options.path, " does not exist; create it first"));
  }
  struct stat st;
  if (stat(options.path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", options.path, " is not a directory"));
  }
  if (access(options.path.c_str(), W_OK | X_OK) != 0) {
    return absl::FailedPreconditionError(absl::StrCat("data dir ", options.path,
                                                      " is not writable by this user (uid ",
                                                      geteuid(), "): ", std::strerror(errno)));
  }
  // Every refusal below happens before RocksDB writes anything into the folder.
  PARLEY_RETURN_IF_ERROR(CheckNotLocked(options.path));
  PARLEY_ASSIGN_OR_RETURN(const int stored_version, ProbeSchemaVersion(options.path, kMetaSchema));
  if (stored_version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", options.path, " has schema version ", stored_version,
                     "; this build supports up to ", kSchemaVersion, ": upgrade parleyd"));
  }

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
  } else {
    int version = 0;
    if (!absl::SimpleAtoi(value, &version)) {
      return absl::DataLossError(absl::StrCat("schema version \"", value, "\" is corrupt"));
    }
    if (version > kSchemaVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("data dir ", options_.path, " has schema version ", version,
                       "; this build supports up to ", kSchemaVersion, ": upgrade parleyd"));
    }
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

absl::StatusOr<std::optional<v1::Meeting>> MeetingStore::ReadMeetingLocked(
    const PendingWrite& write, const std::string& id) const {
  if (auto it = write.overlay.find(id); it != write.overlay.end()) {
    return it->second;
  }
  absl::StatusOr<v1::Meeting> stored = GetMeeting(id);
  if (stored.status().code() == absl::StatusCode::kNotFound) {
    return std::optional<v1::Meeting>();
  }
  if (!stored.ok()) {
    return stored.status();
  }
  return std::optional<v1::Meeting>(*std::move(stored));
}

absl::StatusOr<std::vector<std::string>> MeetingStore::FindCandidatesLocked(
    const PendingWrite& write, const v1::Meeting& report) const {
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
  for (const auto& [id, meeting] : write.overlay) {
    if (meeting.has_value()) {
      ids.insert(id);
    }
  }
  return std::vector<std::string>(ids.begin(), ids.end());
}

absl::Status MeetingStore::PutMeetingLocked(PendingWrite& write, v1::Meeting meeting,
                                            v1::EventType type, absl::Time now) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<v1::Meeting> old, ReadMeetingLocked(write, meeting.id()));
  // The record's state before this write, kept the first time the write touches it: the event
  // is decided by it and the final state (EventTypeOf), and watchers filter on both.
  const auto [before, first_touch] = write.before.try_emplace(meeting.id(), old);
  if (first_touch) {
    write.event_order.push_back(meeting.id());
  }
  if (old.has_value()) {
    for (const std::string& key : ik::AllKeys(*old)) {
      write.batch.Delete(handles_->index, key);
    }
  }
  if (type == v1::EVENT_TYPE_DELETED) {
    if (!old.has_value()) {
      return absl::OkStatus();
    }
    write.batch.Delete(handles_->meetings, meeting.id());
    write.deleted_state[meeting.id()] = *old;
    write.overlay[meeting.id()] = std::nullopt;
    --write.count_delta;
  } else {
    if (!old.has_value()) {
      ++write.count_delta;
      if (before->second.has_value()) {
        // Removed and written again within this write (re-extraction rebuilding a record
        // under its id): to everyone outside, one update, and the record keeps its birth.
        meeting.set_create_revision(before->second->create_revision());
        *meeting.mutable_create_time() = before->second->create_time();
      } else {
        meeting.set_create_revision(write.revision);
        *meeting.mutable_create_time() = ToProto(now);
      }
    }
    meeting.set_update_revision(write.revision);
    *meeting.mutable_update_time() = ToProto(now);
    meeting = BoundMeeting(std::move(meeting), options_.record_limits);
    for (const std::string& key : ik::AllKeys(meeting)) {
      write.batch.Put(handles_->index, key, meeting.id());
    }
    write.batch.Put(handles_->meetings, meeting.id(), meeting.SerializeAsString());
    write.overlay[meeting.id()] = meeting;
  }
  return absl::OkStatus();
}

v1::EventType MeetingStore::EventTypeOf(const PendingWrite& write, const std::string& id) {
  // One event per record and write, from its state before and after: existed and exists is
  // UPDATED (also when deleted and rebuilt in between), did not and does is CREATED, did and
  // does not is DELETED, neither is nothing.
  const auto before = write.before.find(id);
  const auto after = write.overlay.find(id);
  const bool existed = before != write.before.end() && before->second.has_value();
  const bool exists = after != write.overlay.end() && after->second.has_value();
  if (existed) {
    return exists ? v1::EVENT_TYPE_UPDATED : v1::EVENT_TYPE_DELETED;
  }
  return exists ? v1::EVENT_TYPE_CREATED : v1::EVENT_TYPE_UNSPECIFIED;
}

absl::Status MeetingStore::RemoveArticleReportsLocked(PendingWrite& write,
                                                      const v1::StoredArticle& old,
                                                      absl::Time now) {
  const std::string& article_id = old.article().id();
  std::set<std::string> ids(old.meeting_ids().begin(), old.meeting_ids().end());
  for (const std::string& id : ids) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<v1::Meeting> record, ReadMeetingLocked(write, id));
    if (!record.has_value()) {
      continue;  // Deleted by an operator: stays deleted.
    }
    // Rebuild the record from the reports of its other sources.
    std::optional<v1::Meeting> rebuilt;
    for (const v1::Source& source : record->sources()) {
      if (source.article_id() == article_id) {
        continue;
      }
      absl::StatusOr<v1::StoredArticle> other = GetArticle(source.article_id());
      if (other.status().code() == absl::StatusCode::kNotFound) {
        continue;
      }
      PARLEY_RETURN_IF_ERROR(other.status());
      for (int i = 0; i < other->reports_size() && i < other->meeting_ids_size(); ++i) {
        if (other->meeting_ids(i) != id) {
          continue;
        }
        if (!rebuilt.has_value()) {
          rebuilt = other->reports(i);
          rebuilt->set_id(id);
          rebuilt->set_create_revision(record->create_revision());
          *rebuilt->mutable_create_time() = record->create_time();
        } else {
          rebuilt = MergeMeetings(*rebuilt, other->reports(i));
        }
      }
    }
    if (rebuilt.has_value()) {
      PARLEY_RETURN_IF_ERROR(
          PutMeetingLocked(write, Normalised(*std::move(rebuilt)), v1::EVENT_TYPE_UPDATED, now));
    } else {
      v1::Meeting gone;
      gone.set_id(id);
      PARLEY_RETURN_IF_ERROR(PutMeetingLocked(write, gone, v1::EVENT_TYPE_DELETED, now));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<IngestOutcome> MeetingStore::IngestArticle(v1::Article article,
                                                          std::vector<v1::Meeting> reports,
                                                          absl::string_view extractor_version,
                                                          absl::Time now) {
  if (article.body().empty()) {
    return absl::InvalidArgumentError("article.body must not be empty");
  }
  for (size_t i = 0; i < reports.size(); ++i) {
    if (absl::Status s = ValidateMeeting(reports[i]); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("meetings[", i, "]: ", s.message()));
    }
  }
  article.set_id(ArticleId(article));
  const std::string& article_id = article.id();

  // Each report carries its source and the article id in its evidence.
  v1::Source source;
  source.set_article_id(article_id);
  source.set_url(article.url());
  source.set_outlet(article.outlet());
  *source.mutable_published_at() = article.published_at();
  for (v1::Meeting& report : reports) {
    report.clear_id();
    report.clear_create_revision();
    report.clear_update_revision();
    report.clear_create_time();
    report.clear_update_time();
    const std::string attributed =
        report.sources_size() > 0 ? report.sources(0).attributed_to() : std::string();
    report.clear_sources();
    *report.add_sources() = source;
    report.mutable_sources(0)->set_attributed_to(attributed);
    for (v1::Evidence& e : *report.mutable_evidence()) {
      e.set_article_id(article_id);
    }
    report = BoundMeeting(Normalised(std::move(report)), options_.record_limits);
  }

  absl::MutexLock lock(&write_mu_);
  IngestOutcome outcome;
  outcome.article_id = article_id;

  absl::StatusOr<v1::StoredArticle> existing = GetArticle(article_id);
  if (existing.ok() && existing->extractor_version() == extractor_version) {
    // Idempotent: the same article, already ingested, changes nothing -- also when one of its
    // records was deleted since (a delete is not undone by a retry or a backfill); that
    // record's place is answered with an empty id.
    const std::vector<std::string> ids(existing->meeting_ids().begin(),
                                       existing->meeting_ids().end());
    PARLEY_ASSIGN_OR_RETURN(const std::vector<bool> exist, MeetingsExist(ids));
    for (size_t i = 0; i < ids.size(); ++i) {
      outcome.meeting_ids.push_back(exist[i] ? ids[i] : std::string());
    }
    outcome.revision = revision();
    return outcome;
  }
  if (!existing.ok() && existing.status().code() != absl::StatusCode::kNotFound) {
    return existing.status();
  }

  PendingWrite write;
  write.revision = revision() + 1;
  std::vector<std::string> vacated;
  if (existing.ok()) {
    PARLEY_RETURN_IF_ERROR(RemoveArticleReportsLocked(write, *existing, now));
    for (const std::string& id : existing->meeting_ids()) {
      if (auto it = write.overlay.find(id); it != write.overlay.end() && !it->second.has_value()) {
        vacated.push_back(id);
      }
    }
  }

  std::set<std::string> from_this_article;
  for (const v1::Meeting& report : reports) {
    PARLEY_ASSIGN_OR_RETURN(const std::vector<std::string> candidates,
                            FindCandidatesLocked(write, report));
    std::string best_id;
    double best_score = kSameMeetingThreshold;
    for (const std::string& id : candidates) {
      if (from_this_article.count(id) > 0) {
        continue;  // Two meetings of one article are two meetings.
      }
      // Scored on the candidate's MatchKeys (what SameMeetingScore reads), not the record.
      std::optional<v1::Meeting> keys;
      if (auto in_write = write.overlay.find(id); in_write != write.overlay.end()) {
        if (in_write->second.has_value()) {
          keys = MatchKeys(*in_write->second);
        }
      } else if (auto cached = write.candidate_keys.find(id);
                 cached != write.candidate_keys.end()) {
        keys = cached->second;
      } else {
        PARLEY_ASSIGN_OR_RETURN(std::optional<v1::Meeting> stored, ReadMeetingLocked(write, id));
        if (stored.has_value()) {
          keys = MatchKeys(*stored);
        }
        write.candidate_keys.emplace(id, keys);
      }
      if (!keys.has_value()) {
        continue;
      }
      const double score = SameMeetingScore(*keys, report);
      if (score >= best_score) {
        best_score = score;
        best_id = id;
      }
    }
    std::optional<v1::Meeting> best;
    if (!best_id.empty()) {
      PARLEY_ASSIGN_OR_RETURN(best, ReadMeetingLocked(write, best_id));
    }
    if (best.has_value()) {
      v1::Meeting merged = BoundMeeting(MergeMeetings(*best, report), options_.record_limits);
      from_this_article.insert(merged.id());
      outcome.meeting_ids.push_back(merged.id());
      if (ContentDiffers(merged, *best)) {
        PARLEY_RETURN_IF_ERROR(
            PutMeetingLocked(write, std::move(merged), v1::EVENT_TYPE_UPDATED, now));
      }
      continue;
    }
    v1::Meeting created = report;
    if (!vacated.empty()) {
      created.set_id(vacated.front());  // Re-extraction keeps the record's id.
      vacated.erase(vacated.begin());
    } else {
      created.set_id(ik::MeetingId(next_sequence_++));
    }
    from_this_article.insert(created.id());
    outcome.meeting_ids.push_back(created.id());
    PARLEY_RETURN_IF_ERROR(
        PutMeetingLocked(write, std::move(created), v1::EVENT_TYPE_CREATED, now));
  }

  v1::StoredArticle stored;
  *stored.mutable_article() = article;
  stored.set_extractor_version(static_cast<std::string>(extractor_version));
  for (const v1::Meeting& report : reports) {
    *stored.add_reports() = report;
  }
  for (const std::string& id : outcome.meeting_ids) {
    stored.add_meeting_ids(id);
  }
  stored.set_revision(write.revision);
  write.batch.Put(handles_->articles, article_id, stored.SerializeAsString());

  for (const std::string& id : write.event_order) {
    const v1::EventType type = EventTypeOf(write, id);
    if (type == v1::EVENT_TYPE_CREATED || type == v1::EVENT_TYPE_UPDATED) {
      outcome.changes.push_back({id, type});
    }
  }
  PARLEY_ASSIGN_OR_RETURN(outcome.revision, CommitLocked(write, now));
  return outcome;
}

absl::StatusOr<uint64_t> MeetingStore::DeleteMeeting(absl::string_view id, absl::Time now) {
  absl::MutexLock lock(&write_mu_);
  PendingWrite write;
  write.revision = revision() + 1;
  PARLEY_ASSIGN_OR_RETURN(std::optional<v1::Meeting> old,
                          ReadMeetingLocked(write, std::string(id)));
  if (!old.has_value()) {
    return absl::NotFoundError(absl::StrCat("meeting ", id, " not found"));
  }
  PARLEY_RETURN_IF_ERROR(PutMeetingLocked(write, *old, v1::EVENT_TYPE_DELETED, now));
  return CommitLocked(write, now);
}

absl::StatusOr<uint64_t> MeetingStore::CommitLocked(PendingWrite& write, absl::Time now) {
  auto entry = std::make_shared<v1::ChangeLogEntry>();
  entry->set_revision(write.revision);
  *entry->mutable_commit_time() = ToProto(now);
  for (const std::string& id : write.event_order) {
    const v1::EventType type = EventTypeOf(write, id);
    if (type == v1::EVENT_TYPE_UNSPECIFIED) {
      continue;
    }
    v1::MeetingEvent* event = entry->add_events();
    event->set_type(type);
    event->set_revision(write.revision);
    if (type == v1::EVENT_TYPE_DELETED) {
      *event->mutable_meeting() = write.deleted_state[id];
      event->mutable_meeting()->set_update_revision(write.revision);
    } else {
      *event->mutable_meeting() = *write.overlay[id];
    }
    // What filters look at, before the change: a watcher whose filter the record leaves (or
    // enters) is told so (the Kubernetes watch cache's prevObject).
    v1::Meeting* previous = entry->add_previous();
    if (type == v1::EVENT_TYPE_UPDATED) {
      *previous = MatchKeys(*write.before.at(id));
    }
  }
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
  revision_.store(write.revision, std::memory_order_release);
  if (listener_) {
    listener_(std::move(entry));
  }
  return write.revision;
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

  // The driving index: the most selective dimension the filter has.
  std::vector<std::string> prefixes;
  if (!filter.person().empty()) {
    prefixes.push_back(ik::Prefix('p', FoldForMatch(filter.person())));
  } else if (!filter.city().empty()) {
    prefixes.push_back(ik::Prefix('y', FoldForMatch(filter.city())));
  } else if (!filter.format().empty()) {
    prefixes.push_back(ik::Prefix('f', FoldForMatch(filter.format())));
  } else if (filter.countries_size() > 0) {
    std::set<std::string> codes;
    for (const std::string& c : filter.countries()) {
      std::string upper = c;
      for (char& ch : upper) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      codes.insert(upper);
    }
    for (const std::string& c : codes) {
      prefixes.push_back(ik::Prefix('c', c));
    }
  } else if (filter.topics_size() > 0) {
    std::set<int> topics(filter.topics().begin(), filter.topics().end());
    for (int t : topics) {
      prefixes.push_back(ik::Prefix('t', absl::StrCat(t)));
    }
  } else if (filter.kinds_size() > 0) {
    std::set<int> kinds(filter.kinds().begin(), filter.kinds().end());
    for (int k : kinds) {
      prefixes.push_back(ik::Prefix('k', absl::StrCat(k)));
    }
  } else if (filter.statuses_size() > 0) {
    std::set<int> statuses(filter.statuses().begin(), filter.statuses().end());
    for (int s : statuses) {
      prefixes.push_back(ik::Prefix('s', absl::StrCat(s)));
    }
  } else {
    prefixes.push_back(ik::Prefix('a', ""));
  }

  // Suffix bounds from the date range (suffixes sort newest first).
  std::string lower;  // Inclusive.
  if (HasDate(filter.start_date_to())) {
    v1::Date to = filter.start_date_to();
    lower = ik::DatePart(DateKey(to) + (to.month() == 0 ? 9999 : (to.day() == 0 ? 99 : 0)));
  }
  std::string upper;  // Exclusive.
  if (HasDate(filter.start_date_from())) {
    upper = ik::DatePart(DateKey(filter.start_date_from()) - 1);
  }
  if (!cursor.after_key.empty() && cursor.after_key > lower) {
    lower = cursor.after_key;
  }

  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot->get();
  struct Stream {
    std::unique_ptr<rocksdb::Iterator> it;
    std::string prefix;
    bool valid = false;
    absl::string_view suffix() const { return ToView(it->key()).substr(prefix.size()); }
  };
  std::vector<Stream> streams;
  auto settle = [&](Stream& s) {
    s.valid = s.it->Valid() && ToView(s.it->key()).substr(0, s.prefix.size()) == s.prefix &&
              (upper.empty() || s.suffix() < upper);
  };
  for (const std::string& prefix : prefixes) {
    Stream s{std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(read_options, handles_->index)),
             prefix};
    s.it->Seek(prefix + lower);
    if (s.it->Valid() && !cursor.after_key.empty() && s.suffix() == cursor.after_key) {
      s.it->Next();
    }
    settle(s);
    streams.push_back(std::move(s));
  }

  // A filter of one dimension (plus dates) is decided by its index: no need to parse records.
  const int dimensions = (filter.countries_size() > 0) + !filter.person().empty() +
                         !filter.city().empty() + !filter.format().empty() +
                         (filter.kinds_size() > 0) + (filter.statuses_size() > 0) +
                         (filter.topics_size() > 0);
  const bool decided = dimensions <= 1;
  ListPage page;
  page.revision = snapshot->revision();
  size_t scanned = 0;
  int matched = 0;
  size_t page_bytes = 0;
  std::string last;
  std::string last_included;
  // Takes the record unless the byte cap says the page is full (then: stop, more remain).
  auto fits = [&](size_t size) {
    if (max_bytes > 0 && matched > 0 && page_bytes + size + 8 > max_bytes) {
      page.last_key = last_included;
      return false;
    }
    page_bytes += size + 8;  // The record plus its tag and length.
    last_included = last;
    return true;
  };
  while (matched < page_size && scanned < kListScanBudget) {
    Stream* next = nullptr;
    for (Stream& s : streams) {
      if (s.valid && (next == nullptr || s.suffix() < next->suffix())) {
        next = &s;
      }
    }
    if (next == nullptr) {
      break;
    }
    last = std::string(next->suffix());
    const std::string id(ToView(next->it->value()));
    for (Stream& s : streams) {  // Advance every stream past this suffix (dedupe the union).
      while (s.valid && s.suffix() == last) {
        s.it->Next();
        settle(s);
      }
    }
    ++scanned;
    std::string bytes;
    const rocksdb::Status st = db_->Get(read_options, handles_->meetings, id, &bytes);
    if (st.IsNotFound()) {
      continue;
    }
    PARLEY_RETURN_IF_ERROR(FromRocksDb(st, absl::StrCat("read meeting ", id)));
    PARLEY_ASSIGN_OR_RETURN(bytes, Servable(id, std::move(bytes)));
    if (raw && decided) {
      if (!fits(bytes.size())) {
        return page;
      }
      page.raw.push_back(std::move(bytes));
      ++matched;
      continue;
    }
    v1::Meeting meeting;
    if (!meeting.ParseFromString(bytes)) {
      return absl::DataLossError(absl::StrCat("corrupt meeting ", id));
    }
    if (MatchesFilter(meeting, filter)) {
      if (!fits(bytes.size())) {
        return page;
      }
      ++matched;
      if (raw) {
        page.raw.push_back(std::move(bytes));
      } else {
        page.meetings.push_back(std::move(meeting));
      }
    }
  }
  for (Stream& s : streams) {
    PARLEY_RETURN_IF_ERROR(FromRocksDb(s.it->status(), "scan index"));
    if (s.valid) {
      page.last_key = last;  // More remain.
    }
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
