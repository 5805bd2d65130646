#ifndef PARLEY_SERVICES_REPLICATION_MEETING_WRITER_H
#define PARLEY_SERVICES_REPLICATION_MEETING_WRITER_H

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "parley/v1/replication.pb.h"
#include "services/store/meeting_store.h"

namespace parley {

// Where the write RPCs send their writes, already validated and authorised: the store itself
// (the default, one process) or the replicated log (cluster mode, `Replica`). Thread-safe.
class MeetingWriter {
 public:
  virtual ~MeetingWriter() = default;
  // MeetingStore::IngestArticle's contract, at the writer's time.
  [[nodiscard]] virtual absl::StatusOr<IngestOutcome> Ingest(v1::IngestOp op) = 0;
  // MeetingStore::DeleteMeeting's contract: the revision of the delete, or NotFound.
  [[nodiscard]] virtual absl::StatusOr<uint64_t> Delete(const std::string& id) = 0;
};

// Writes straight into the local store, timed by the local clock.
class StoreWriter final : public MeetingWriter {
 public:
  explicit StoreWriter(MeetingStore* store) : store_(store) {}
  [[nodiscard]] absl::StatusOr<IngestOutcome> Ingest(v1::IngestOp op) override;
  [[nodiscard]] absl::StatusOr<uint64_t> Delete(const std::string& id) override;

 private:
  MeetingStore* const store_;
};

// Applies one log entry (cluster mode) to `store` at `position`, with the entry's own time.
// Deterministic: every replica applying the same entries in the same order reaches
// byte-identical records and the same revisions.
struct AppliedEntry {
  absl::Status status;    // The write's answer (an error is an answer, too).
  IngestOutcome ingest;   // For an ingest.
  uint64_t revision = 0;  // For a delete.
};
AppliedEntry ApplyLogEntry(MeetingStore& store, const v1::LogEntry& entry, uint64_t position);

}  // namespace parley

#endif  // PARLEY_SERVICES_REPLICATION_MEETING_WRITER_H
