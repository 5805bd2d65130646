#include "services/replication/replica.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "services/domain/ingest_plan.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/sha256.h"
#include "services/log/log.h"

namespace parley {
namespace {

// `message` serialized deterministically (the de-duplication id hashes it).
std::string Deterministic(const google::protobuf::MessageLite& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

// True when `status` is the write's answer, the same on every replica (the entry is applied);
// false when it may succeed later (an IO error): the entry must be applied again.
bool IsAnswer(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kPermissionDenied:
      return true;
    default:
      return false;
  }
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

}  // namespace

Replica::Replica(MeetingStore* store, WriteLog* log, ReplicaOptions options,
                 ServingListener on_serving)
    : store_(store), log_(log), options_(options), on_serving_(std::move(on_serving)) {}

Replica::~Replica() { Stop(); }

void Replica::Start() {
  {
    absl::MutexLock lock(&mu_);
    applied_ = store_->log_position();
  }
  thread_ = std::thread([this] { ApplyLoop(); });
}

void Replica::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) {
    thread_.join();
  }
}

ReplicaState Replica::state() const {
  absl::MutexLock lock(&mu_);
  ReplicaState state;
  state.applied_position = applied_;
  state.lag_entries = lag_entries_;
  if (lag_entries_ > 0 && last_applied_time_ != absl::InfinitePast()) {
    state.lag = std::max(absl::ZeroDuration(), absl::Now() - last_applied_time_);
  }
  state.serving = serving_;
  state.last_error = last_error_;
  return state;
}

void Replica::Report(uint64_t lag_entries, absl::Status error) {
  bool changed = false;
  bool serving = false;
  {
    absl::MutexLock lock(&mu_);
    lag_entries_ = lag_entries;
    if (!error.ok() && last_error_.ToString() != error.ToString()) {
      Log(LogLevel::kWarning, absl::StrCat("replica at log position ", applied_,
                                           " is not following the write log: ", error.ToString()));
    }
    last_error_ = std::move(error);
    // A log out of reach stops writes, not reads: the replica holds every write acknowledged
    // before (the log cannot take new ones meanwhile), so it goes on serving. It stops serving
    // while it lags, or when it cannot follow the log at all (a gap, a store failure).
    const bool following = last_error_.ok() ||
                           last_error_.code() == absl::StatusCode::kUnavailable ||
                           last_error_.code() == absl::StatusCode::kDeadlineExceeded;
    // Until it has reached the log once, a replica does not know how far behind it is (a
    // replica started while NATS is down may miss any number of writes): not serving.
    serving = reached_log_ && following && lag_entries_ <= options_.max_serving_lag;
    changed = serving != serving_;
    serving_ = serving;
  }
  if (changed) {
    Log(LogLevel::kInfo, absl::StrCat("replica ", serving ? "serving" : "not serving", " (lag ",
                                      lag_entries, " log entries)"));
    if (on_serving_) {
      on_serving_(serving);
    }
  }
}

void Replica::ApplyLoop() {
  std::unique_ptr<LogReader> reader;
  auto stopping = [this] {
    absl::MutexLock lock(&mu_);
    return stopping_;
  };
  auto pause = [this] {
    absl::MutexLock lock(&mu_);
    mu_.AwaitWithTimeout(absl::Condition(&stopping_), options_.retry_pause);
  };
  uint64_t lag = 0;
  while (!stopping()) {
    if (reader == nullptr) {
      const uint64_t position = store_->log_position();
      absl::StatusOr<uint64_t> last = log_->LastPosition();
      absl::StatusOr<std::unique_ptr<LogReader>> opened =
          last.ok() ? log_->OpenReader(position)
                    : absl::StatusOr<std::unique_ptr<LogReader>>(last.status());
      if (!opened.ok()) {
        Report(lag, opened.status());
        pause();
        continue;
      }
      reader = *std::move(opened);
      {
        absl::MutexLock lock(&mu_);
        reached_log_ = true;
      }
      lag = *last > position ? *last - position : 0;
      Report(lag, absl::OkStatus());
    }
    absl::StatusOr<std::optional<LogRecord>> next = reader->Next(options_.poll);
    if (!next.ok()) {
      reader.reset();
      Report(lag, next.status());
      pause();
      continue;
    }
    if (!next->has_value()) {
      lag = 0;  // Everything in the log has been read.
      Report(lag, absl::OkStatus());
      continue;
    }
    const LogRecord& record = **next;
    if (record.position <= store_->log_position()) {
      continue;  // Applied before (a reader reopened at an older position).
    }
    if (!ApplyRecord(record, lag)) {
      return;
    }
    lag = record.pending;
    Report(lag, absl::OkStatus());
  }
}

bool Replica::ApplyRecord(const LogRecord& record, uint64_t lag) {
  v1::LogEntry entry;
  AppliedEntry applied;
  const bool parsed = entry.ParseFromString(record.data);
  while (true) {
    if (parsed) {
      applied = ApplyLogEntry(*store_, entry, record.position);
    } else {
      applied.status = absl::InvalidArgumentError(absl::StrCat(
          "write-log entry ", record.position, " does not parse (", record.data.size(), " bytes)"));
    }
    if (IsAnswer(applied.status)) {
      break;
    }
    Report(lag, applied.status);
    absl::MutexLock lock(&mu_);
    if (mu_.AwaitWithTimeout(absl::Condition(&stopping_), options_.retry_pause)) {
      return false;
    }
  }
  if (store_->log_position() < record.position) {
    // Nothing was written (an answer that changed nothing): remember the entry anyway.
    if (absl::Status s = store_->RecordLogPosition(record.position); !s.ok()) {
      Log(LogLevel::kWarning,
          absl::StrCat("could not record write-log position ", record.position, ": ", s.ToString(),
                       " (the entry is applied again after a restart: harmless)"));
    }
  }
  absl::MutexLock lock(&mu_);
  applied_ = record.position;
  if (parsed) {
    last_applied_time_ = FromTimestamp(entry.time());
  }
  answers_.emplace(record.position, std::move(applied));
  while (answers_.size() > options_.answers_kept) {
    answers_.erase(answers_.begin());
  }
  return true;
}

absl::StatusOr<AppliedEntry> Replica::Submit(const v1::LogEntry& entry,
                                             const std::string& dedupe_id) {
  const absl::Time deadline = absl::Now() + options_.write_timeout;
  absl::StatusOr<uint64_t> position =
      log_->Append(Deterministic(entry), dedupe_id, options_.write_timeout);
  if (!position.ok()) {
    return position.status();
  }
  absl::MutexLock lock(&mu_);
  auto reached = [this, &position]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return applied_ >= *position || stopping_;
  };
  mu_.AwaitWithDeadline(absl::Condition(&reached), deadline);
  if (applied_ < *position) {
    const std::string why = last_error_.ok() ? "" : absl::StrCat("; ", last_error_.ToString());
    const std::string text =
        absl::StrCat("the write is in the log at position ", *position,
                     " but this replica has applied only up to ", applied_, why,
                     "; it will be applied: read it later, or retry (de-duplicated)");
    return stopping_ ? absl::UnavailableError(absl::StrCat("shutting down: ", text))
                     : absl::DeadlineExceededError(text);
  }
  auto it = answers_.find(*position);
  if (it == answers_.end()) {
    // A retry the log de-duplicated to an entry applied long ago: its answer is gone.
    return absl::NotFoundError("answer no longer kept");
  }
  return it->second;
}

absl::StatusOr<IngestOutcome> Replica::Ingest(v1::IngestOp op) {
  v1::LogEntry entry;
  *entry.mutable_time() = ToTimestamp(absl::Now());
  *entry.mutable_ingest() = std::move(op);
  const std::string dedupe_id = absl::StrCat("ingest-", Sha256Hex(Deterministic(entry.ingest())));
  absl::StatusOr<AppliedEntry> applied = Submit(entry, dedupe_id);
  if (applied.status().code() == absl::StatusCode::kNotFound) {
    // Answer as a repeated ingest does: the article's records as they stand, nothing changed.
    const std::string article_id = ArticleId(entry.ingest().article());
    absl::StatusOr<v1::StoredArticle> stored = store_->GetArticle(article_id);
    if (!stored.ok()) {
      return stored.status();
    }
    IngestOutcome outcome;
    outcome.article_id = article_id;
    outcome.meeting_ids.assign(stored->meeting_ids().begin(), stored->meeting_ids().end());
    outcome.revision = store_->revision();
    return outcome;
  }
  if (!applied.ok()) {
    return applied.status();
  }
  if (!applied->status.ok()) {
    return applied->status;
  }
  return std::move(applied->ingest);
}

absl::StatusOr<uint64_t> Replica::Delete(const std::string& id) {
  v1::LogEntry entry;
  *entry.mutable_time() = ToTimestamp(absl::Now());
  entry.mutable_delete_()->set_id(id);
  // Deletes of one id are one delete: a second is NotFound anyway.
  absl::StatusOr<AppliedEntry> applied = Submit(entry, absl::StrCat("delete-", Sha256Hex(id)));
  if (applied.status().code() == absl::StatusCode::kNotFound) {
    return absl::NotFoundError(absl::StrCat("meeting ", id, " was deleted already"));
  }
  if (!applied.ok()) {
    return applied.status();
  }
  if (!applied->status.ok()) {
    return applied->status;
  }
  return applied->revision;
}

}  // namespace parley
