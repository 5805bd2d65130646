#ifndef PARLEY_SERVICES_REPLICATION_WRITE_LOG_H
#define PARLEY_SERVICES_REPLICATION_WRITE_LOG_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace parley {

// One entry of the replicated write log.
struct LogRecord {
  uint64_t position = 0;  // 1, 2, 3, ... in log order (gaps are possible, order is total).
  std::string data;
  uint64_t pending = 0;  // Entries after this one already in the log when it was read.
};

// Reads a log in order from a position on. Not thread-safe: one reader per thread.
class LogReader {
 public:
  virtual ~LogReader() = default;
  // The next entry, or nullopt when none arrives within `timeout`. FailedPrecondition when the
  // log no longer holds the entry after the reader's start (retention removed it: the reader
  // cannot continue without a gap); Unavailable when the log cannot be reached (open a new
  // reader after a pause).
  [[nodiscard]] virtual absl::StatusOr<std::optional<LogRecord>> Next(absl::Duration timeout) = 0;
};

// An append-only, totally ordered, replicated log of writes (cluster mode, docs/scaling.md).
// Implementations: NatsWriteLog (JetStream). Thread-safe.
class WriteLog {
 public:
  virtual ~WriteLog() = default;

  // Appends `data` and returns its position once the log has made it durable (acknowledged).
  // An append whose `dedupe_id` equals one appended within the log's de-duplication window is
  // not appended again: the first one's position is returned. Unavailable (with what failed)
  // when the log cannot be reached; DeadlineExceeded when no acknowledgement came in `timeout`
  // (the entry may still have been appended: retry with the same `dedupe_id`).
  [[nodiscard]] virtual absl::StatusOr<uint64_t> Append(absl::string_view data,
                                                        absl::string_view dedupe_id,
                                                        absl::Duration timeout) = 0;

  // A reader of the entries after `position` (0: from the start).
  [[nodiscard]] virtual absl::StatusOr<std::unique_ptr<LogReader>> OpenReader(
      uint64_t position) = 0;

  // The position of the last entry in the log (0 when it is empty).
  [[nodiscard]] virtual absl::StatusOr<uint64_t> LastPosition() = 0;

  // True while the log can be reached (a write would be tried, not refused at once).
  virtual bool Connected() const = 0;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_REPLICATION_WRITE_LOG_H
