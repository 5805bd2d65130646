#include "services/replication/meeting_writer.h"

#include <utility>
#include <vector>

#include "absl/time/clock.h"

namespace parley {
namespace {

absl::Time FromTimestamp(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

}  // namespace

absl::StatusOr<IngestOutcome> StoreWriter::Ingest(v1::IngestOp op) {
  std::vector<v1::Meeting> meetings(std::make_move_iterator(op.mutable_meetings()->begin()),
                                    std::make_move_iterator(op.mutable_meetings()->end()));
  return store_->IngestArticle(std::move(*op.mutable_article()), std::move(meetings),
                               op.extractor_version(), absl::Now());
}

absl::StatusOr<uint64_t> StoreWriter::Delete(const std::string& id) {
  return store_->DeleteMeeting(id, absl::Now());
}

AppliedEntry ApplyLogEntry(MeetingStore& store, const v1::LogEntry& entry, uint64_t position) {
  AppliedEntry applied;
  const absl::Time time = FromTimestamp(entry.time());
  switch (entry.op_case()) {
    case v1::LogEntry::kIngest: {
      const v1::IngestOp& op = entry.ingest();
      std::vector<v1::Meeting> meetings(op.meetings().begin(), op.meetings().end());
      absl::StatusOr<IngestOutcome> outcome = store.IngestArticle(
          op.article(), std::move(meetings), op.extractor_version(), time, position);
      if (outcome.ok()) {
        applied.ingest = *std::move(outcome);
        applied.revision = applied.ingest.revision;
      } else {
        applied.status = outcome.status();
      }
      break;
    }
    case v1::LogEntry::kDelete: {
      absl::StatusOr<uint64_t> revision = store.DeleteMeeting(entry.delete_().id(), time, position);
      if (revision.ok()) {
        applied.revision = *revision;
      } else {
        applied.status = revision.status();
      }
      break;
    }
    case v1::LogEntry::OP_NOT_SET:
      applied.status = absl::InvalidArgumentError(
          "write-log entry with no operation (written by a newer parleyd?)");
      break;
  }
  return applied;
}

}  // namespace parley
