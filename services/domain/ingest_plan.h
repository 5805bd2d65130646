#ifndef PARLEY_SERVICES_DOMAIN_INGEST_PLAN_H
#define PARLEY_SERVICES_DOMAIN_INGEST_PLAN_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "parley/v1/meeting.pb.h"
#include "services/domain/meeting_rules.h"

namespace parley {

// What ingesting one article does to the meeting records, decided without IO: which reports
// merge into which records, which records are created (with which ids), rebuilt or deleted, and
// why. The store finds each report's merge candidates (its index), reads the article's earlier
// ingest, asks for a plan and writes it in one batch. Pure and deterministic: no clock (time is
// an argument), no randomness, and the result does not depend on the order of each report's
// candidate ids nor on how the StoreView finds what it is asked for; the same inputs give
// byte-identical records, so replicas applying a plan agree.

// What a plan may read of the store: records and articles by id, as stored. The store answers
// from its database under its write lock (so every answer holds for the whole plan); tests
// answer from a map. The plan reads records one at a time and keeps only those it writes, so its
// memory stays bounded whatever the candidates weigh (a record may be 1 MiB; a report may have
// hundreds of candidates). Implementations must be deterministic: the same id, the same answer.
class StoreView {
 public:
  virtual ~StoreView() = default;
  // Record `id` as stored (within the record limits), or nullopt when there is none. An error
  // (an IO error, a corrupt record) ends the plan with it.
  [[nodiscard]] virtual absl::StatusOr<std::optional<v1::Meeting>> FindMeeting(
      absl::string_view id) const = 0;
  // Stored article `id`, or nullopt when there is none; errors as FindMeeting.
  [[nodiscard]] virtual absl::StatusOr<std::optional<v1::StoredArticle>> FindArticle(
      absl::string_view id) const = 0;
};

// Returns the reports of `article` (its id set) as the store keeps them: identity, revisions
// and times cleared, the article as their one source (keeping the report's `attributed_to`),
// evidence pointing at the article, in canonical form and cut to `limits`. `parent_id` is left
// as given (PlanIngest resolves "#k").
std::vector<v1::Meeting> PrepareReports(const v1::Article& article,
                                        std::vector<v1::Meeting> reports,
                                        const RecordLimits& limits);

// True when `parent_id` refers to another report of the same request: it starts with '#'. "#k",
// k a decimal index into the request's meetings, is well formed; other such values are not.
// A parent id without '#' names a stored meeting and is kept as given.
bool IsReportReference(absl::string_view parent_id);

// The order in which the reports are planned: request order, except that a report whose
// `parent_id` is "#k" comes after report k (parents first, so that "#k" can become the id that
// report k landed in). Returns InvalidArgument naming the report and the value
// (`meetings[i].parent_id "#x" ...`) when a reference is malformed, out of range, refers to the
// report itself or closes a cycle.
[[nodiscard]] absl::StatusOr<std::vector<int>> PlanningOrder(
    const std::vector<v1::Meeting>& reports);

// True when `previous` (the stored article, if any) was ingested with `extractor_version`: a
// repeated ingest, which changes nothing.
bool AlreadyIngested(const std::optional<v1::StoredArticle>& previous,
                     absl::string_view extractor_version);

// `time` as a protobuf Timestamp (the form records and change-log entries carry).
google::protobuf::Timestamp ToTimestamp(absl::Time time);

struct IngestPlanInput {
  v1::Article article;            // With its id set (`ArticleId`).
  std::string extractor_version;  // Stored with the article.
  // The article's reports in request order, as `PrepareReports` returns them.
  std::vector<v1::Meeting> reports;
  // For each report (same index), the ids of the stored records it may describe (the store's
  // index lookup). Missing entries mean none; an id with no record is skipped (a stale index
  // entry). Records planned earlier in the same ingest are candidates of every later report.
  std::vector<std::vector<std::string>> candidate_ids;
  // The article as stored by an earlier ingest, if any.
  std::optional<v1::StoredArticle> previous;
  // Where stored records (candidates, the records of `previous`) and the other articles those
  // records cite (for rebuilds) are read. Not owned; must outlive the call.
  const StoreView* store = nullptr;
  uint64_t revision = 0;       // The revision the plan will be committed at.
  uint64_t next_sequence = 1;  // The sequence number of the next new meeting id.
  absl::Time now;              // The ingest time, for create/update times.
  RecordLimits limits;         // Every planned record is cut to these.
};

enum class RecordAction { kCreate, kUpdate, kDelete };

// Why a record is written.
enum class PlanCause {
  kNewMeeting,    // A report matched no record: a new record with a new id.
  kVacatedId,     // A report matched no record: a new record in an id its article vacated.
  kMerged,        // A report was merged into the record.
  kRebuilt,       // Re-extraction: rebuilt from the reports of its other sources.
  kNoSourceLeft,  // Re-extraction: no other source reports it any more.
};

struct PlanReason {
  PlanCause cause = PlanCause::kNewMeeting;
  int report = -1;   // The report (request index) for kNewMeeting, kVacatedId and kMerged.
  double score = 0;  // kMerged: SameMeetingScore of the record and the report.

  std::string ToString() const;
};

// One record write: the record's state before the ingest and after it, so the store can drop
// the old index entries and write the new ones.
struct PlannedRecord {
  std::string id;
  // Also the change-log event's type, from the record's state before and after the plan: a
  // record deleted and written again (an id reused) is kUpdate and keeps its create revision.
  RecordAction action = RecordAction::kCreate;
  std::optional<v1::Meeting> before;  // As stored before the ingest; nullopt for a new id.
  std::optional<v1::Meeting> after;   // As it is to be stored; nullopt for kDelete.
  std::vector<PlanReason> reasons;    // What happened to it, in order.
};

struct IngestPlan {
  // True when the article was already ingested with this extractor version: nothing to write,
  // `meeting_ids` are the stored ones (empty where that record no longer exists: a deleted
  // record stays deleted) and the rest is empty.
  bool unchanged = false;
  // One entry per record written, in the order the plan first touched them (the order of the
  // change-log events).
  std::vector<PlannedRecord> records;
  // For each report (request order), the record it landed in.
  std::vector<std::string> meeting_ids;
  // The article to store: its reports with "#k" parents resolved, and `meeting_ids`.
  v1::StoredArticle article;
  // The sequence number of the next new meeting id after this plan.
  uint64_t next_sequence = 1;
};

// Decides what ingesting `input.article` does to the records:
// - With `previous` of another extractor version (re-extraction), each record its earlier
//   reports landed in is rebuilt from the reports of its other sources, or deleted when none is
//   left; the deleted ids are reused, in order, by the new reports that match no record.
// - Each report, parents first (see PlanningOrder), is merged into the candidate record with the
//   highest `SameMeetingScore` at or above `kSameMeetingThreshold` (ties: the greatest id), never
//   into a record another report of the same article landed in; otherwise it becomes a new
//   record (`MeetingId(next_sequence)`). A "#k" `parent_id` first becomes the id report k
//   landed in (created or merged into); any other parent id is kept. A rebuild resolves a "#k"
//   left in an older stored report through that article's meeting ids.
// Returns InvalidArgument for a malformed parent reference (see PlanningOrder), Internal without
// a store view, and what the store view returns when a read fails.
[[nodiscard]] absl::StatusOr<IngestPlan> PlanIngest(IngestPlanInput input);

}  // namespace parley

#endif  // PARLEY_SERVICES_DOMAIN_INGEST_PLAN_H
