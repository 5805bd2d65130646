#include "services/domain/ingest_plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace parley {
namespace {

// The records as the plan has them so far: what is stored (read through the StoreView when
// needed, never held beyond need), overlaid with what the plan changed. Ordered containers only,
// so that nothing depends on hash iteration order.
class Records {
 public:
  Records(const StoreView& store, uint64_t revision, absl::Time now, const RecordLimits& limits)
      : store_(store), revision_(revision), now_(ToTimestamp(now)), limits_(limits) {}

  // Record `id` as it stands (a copy): planned, else stored; nullopt when there is none (or the
  // plan deleted it).
  [[nodiscard]] absl::StatusOr<std::optional<v1::Meeting>> Read(absl::string_view id) const {
    if (auto it = planned_.find(id); it != planned_.end()) {
      return it->second.after;
    }
    return store_.FindMeeting(id);
  }

  // True when the plan deleted record `id`.
  bool Deleted(const std::string& id) const {
    auto it = planned_.find(id);
    return it != planned_.end() && !it->second.after.has_value();
  }

  // Every record the plan wrote and did not delete: candidates of every later report.
  void AddPlanned(std::set<absl::string_view>* ids) const {
    for (const auto& [id, record] : planned_) {
      if (record.after.has_value()) {
        ids->insert(id);
      }
    }
  }

  // Writes `meeting` (CREATED or UPDATED) over `current`, its state now (null for none), with
  // its revisions and times, cut to the limits. A record keeps the create revision and time of
  // its stored state, also when the plan deleted it and writes it again (an id reused by
  // re-extraction): to everyone outside, it was updated.
  void Put(v1::Meeting meeting, const v1::Meeting* current, RecordAction action,
           PlanReason reason) {
    const v1::Meeting* born = current;
    if (born == nullptr) {
      if (auto it = planned_.find(meeting.id()); it != planned_.end() && it->second.before) {
        born = &*it->second.before;
      }
    }
    if (born != nullptr) {
      meeting.set_create_revision(born->create_revision());
      *meeting.mutable_create_time() = born->create_time();
    } else {
      meeting.set_create_revision(revision_);
      *meeting.mutable_create_time() = now_;
    }
    meeting.set_update_revision(revision_);
    *meeting.mutable_update_time() = now_;
    meeting = BoundMeeting(std::move(meeting), limits_);
    PlannedRecord& record = Touch(meeting.id(), current, action, reason);
    record.after = std::move(meeting);
  }

  // Deletes `current`, a record as it stands.
  void Delete(const v1::Meeting& current, PlanReason reason) {
    Touch(current.id(), &current, RecordAction::kDelete, reason).after.reset();
  }

  // The planned writes in the order they were first made, one per record, each with its action
  // (the change-log event) from its state before the plan and after it: existed and exists is
  // kUpdate (also when deleted and written again in between), did not and does is kCreate, did
  // and does not is kDelete. A record created and then deleted by the same plan is no write.
  std::vector<PlannedRecord> Take() {
    std::vector<PlannedRecord> out;
    out.reserve(order_.size());
    for (const std::string& id : order_) {
      PlannedRecord& record = planned_.at(id);
      if (!record.after.has_value()) {
        if (!record.before.has_value()) {
          continue;
        }
        record.action = RecordAction::kDelete;
      } else {
        record.action = record.before.has_value() ? RecordAction::kUpdate : RecordAction::kCreate;
      }
      out.push_back(std::move(record));
    }
    return out;
  }

 private:
  // The entry of `id`, created at its first write with `current` (then the stored state) as its
  // state before. Its action is settled by Take.
  PlannedRecord& Touch(const std::string& id, const v1::Meeting* current, RecordAction action,
                       PlanReason reason) {
    auto [it, inserted] = planned_.try_emplace(id);
    PlannedRecord& record = it->second;
    if (inserted) {
      order_.push_back(id);
      record.id = id;
      if (current != nullptr) {
        record.before = *current;
      }
    }
    record.action = action;
    record.reasons.push_back(reason);
    return record;
  }

  const StoreView& store_;
  const uint64_t revision_;
  const google::protobuf::Timestamp now_;
  const RecordLimits& limits_;
  std::map<std::string, PlannedRecord, std::less<>> planned_;
  std::vector<std::string> order_;
};

// The index of a well-formed report reference ("#12" -> 12); -1 when it is malformed.
int ReferenceIndex(absl::string_view parent_id) {
  const absl::string_view digits = parent_id.substr(1);
  int index = -1;
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return absl::ascii_isdigit(c); }) ||
      !absl::SimpleAtoi(digits, &index)) {
    return -1;
  }
  return index;
}

// `meetings[i].parent_id "<value>"`, the value cut to a readable length.
std::string NameReference(size_t i, absl::string_view parent_id) {
  const absl::string_view shown = TruncateUtf8(parent_id, 64);
  return absl::StrCat("meetings[", i, "].parent_id \"", shown,
                      shown.size() < parent_id.size() ? "...\"" : "\"");
}

// A report of `article`, as stored, with a "#k" parent (written before the service resolved
// them) turned into the id report k landed in; dropped when it names no report.
v1::Meeting WithResolvedParent(const v1::StoredArticle& article, int i) {
  v1::Meeting report = article.reports(i);
  if (IsReportReference(report.parent_id())) {
    const int k = ReferenceIndex(report.parent_id());
    if (k >= 0 && k != i && k < article.meeting_ids_size()) {
      report.set_parent_id(article.meeting_ids(k));
    } else {
      report.clear_parent_id();
    }
  }
  return report;
}

// Re-extraction: every record the article's earlier reports landed in is rebuilt from the
// reports of its other sources, or deleted when no other source reports it. Returns the ids
// that were deleted, in the order of the earlier ingest: new records take them again.
[[nodiscard]] absl::StatusOr<std::vector<std::string>> WithdrawReports(
    const v1::StoredArticle& previous, const StoreView& store, Records& records) {
  const std::string& article_id = previous.article().id();
  const std::set<std::string> ids(previous.meeting_ids().begin(), previous.meeting_ids().end());
  for (const std::string& id : ids) {
    absl::StatusOr<std::optional<v1::Meeting>> record = records.Read(id);
    if (!record.ok()) {
      return record.status();
    }
    if (!record->has_value()) {
      continue;  // Deleted by an operator: stays deleted.
    }
    const v1::Meeting& current = **record;
    std::optional<v1::Meeting> rebuilt;
    for (const v1::Source& source : current.sources()) {
      if (source.article_id() == article_id) {
        continue;
      }
      absl::StatusOr<std::optional<v1::StoredArticle>> other =
          store.FindArticle(source.article_id());
      if (!other.ok()) {
        return other.status();
      }
      if (!other->has_value()) {
        continue;
      }
      const v1::StoredArticle& article = **other;
      for (int i = 0; i < article.reports_size() && i < article.meeting_ids_size(); ++i) {
        if (article.meeting_ids(i) != id) {
          continue;
        }
        if (!rebuilt.has_value()) {
          rebuilt = WithResolvedParent(article, i);
          rebuilt->set_id(id);
          rebuilt->set_create_revision(current.create_revision());
          *rebuilt->mutable_create_time() = current.create_time();
        } else {
          rebuilt = MergeMeetings(*rebuilt, WithResolvedParent(article, i));
        }
      }
    }
    if (rebuilt.has_value()) {
      records.Put(Normalised(*std::move(rebuilt)), &current, RecordAction::kUpdate,
                  {PlanCause::kRebuilt, -1, 0});
    } else {
      records.Delete(current, {PlanCause::kNoSourceLeft, -1, 0});
    }
  }
  std::vector<std::string> vacated;
  for (const std::string& id : previous.meeting_ids()) {
    if (records.Deleted(id)) {
      vacated.push_back(id);
    }
  }
  return vacated;
}

}  // namespace

std::vector<v1::Meeting> PrepareReports(const v1::Article& article,
                                        std::vector<v1::Meeting> reports,
                                        const RecordLimits& limits) {
  v1::Source source;
  source.set_article_id(article.id());
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
      e.set_article_id(article.id());
    }
    report = BoundMeeting(Normalised(std::move(report)), limits);
  }
  return reports;
}

bool IsReportReference(absl::string_view parent_id) {
  return !parent_id.empty() && parent_id[0] == '#';
}

absl::StatusOr<std::vector<int>> PlanningOrder(const std::vector<v1::Meeting>& reports) {
  const size_t n = reports.size();
  std::vector<int> parent(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const std::string& parent_id = reports[i].parent_id();
    if (!IsReportReference(parent_id)) {
      continue;
    }
    const int k = ReferenceIndex(parent_id);
    if (k < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(NameReference(i, parent_id),
                       " is malformed: a reference to another meeting of the request is \"#\" "
                       "and the meeting's index"));
    }
    if (static_cast<size_t>(k) >= n) {
      return absl::InvalidArgumentError(absl::StrCat(
          NameReference(i, parent_id), " is out of range: the request has ", n, " meetings"));
    }
    if (static_cast<size_t>(k) == i) {
      return absl::InvalidArgumentError(
          absl::StrCat(NameReference(i, parent_id), " refers to the meeting itself"));
    }
    parent[i] = k;
  }
  // Parents first: follow each chain of parents up to a planned report (or one without a
  // parent), then plan the chain from its top. A chain that comes back to itself is a cycle.
  enum class State { kNew, kOnPath, kPlanned };
  std::vector<State> state(n, State::kNew);
  std::vector<int> order;
  order.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::vector<int> path;
    int j = static_cast<int>(i);
    while (j >= 0 && state[j] == State::kNew) {
      state[j] = State::kOnPath;
      path.push_back(j);
      j = parent[j];
    }
    if (j >= 0 && state[j] == State::kOnPath) {
      const int last = path.back();
      std::string cycle;
      for (auto it = std::find(path.begin(), path.end(), j); it != path.end(); ++it) {
        absl::StrAppend(&cycle, *it, " -> ");
      }
      absl::StrAppend(&cycle, j);
      return absl::InvalidArgumentError(absl::StrCat(NameReference(last, reports[last].parent_id()),
                                                     " closes a cycle of parents (meetings ", cycle,
                                                     ")"));
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      state[*it] = State::kPlanned;
      order.push_back(*it);
    }
  }
  return order;
}

bool AlreadyIngested(const std::optional<v1::StoredArticle>& previous,
                     absl::string_view extractor_version) {
  return previous.has_value() && previous->extractor_version() == extractor_version;
}

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  google::protobuf::Timestamp ts;
  const int64_t nanos = absl::ToUnixNanos(time);
  ts.set_seconds(nanos / 1000000000);
  ts.set_nanos(static_cast<int32_t>(nanos % 1000000000));
  return ts;
}

std::string PlanReason::ToString() const {
  switch (cause) {
    case PlanCause::kNewMeeting:
      return absl::StrCat("report ", report, " matched no record");
    case PlanCause::kVacatedId:
      return absl::StrCat("report ", report,
                          " matched no record; reuses an id its article vacated");
    case PlanCause::kMerged:
      return absl::StrCat("report ", report, " merged (score ", score, ")");
    case PlanCause::kRebuilt:
      return "re-extraction: rebuilt from its other sources";
    case PlanCause::kNoSourceLeft:
      return "re-extraction: no source left";
  }
  return "unknown";
}

absl::StatusOr<IngestPlan> PlanIngest(IngestPlanInput input) {
  absl::StatusOr<std::vector<int>> order = PlanningOrder(input.reports);
  if (!order.ok()) {
    return order.status();
  }
  IngestPlan plan;
  plan.next_sequence = input.next_sequence;
  if (input.store == nullptr) {
    return absl::InternalError("plan input has no store view");
  }
  if (AlreadyIngested(input.previous, input.extractor_version)) {
    // A delete is not undone by a retry or a backfill: a record of the earlier ingest that no
    // longer exists is answered with an empty id in its place.
    plan.unchanged = true;
    for (const std::string& id : input.previous->meeting_ids()) {
      absl::StatusOr<std::optional<v1::Meeting>> record = input.store->FindMeeting(id);
      if (!record.ok()) {
        return record.status();
      }
      plan.meeting_ids.push_back(record->has_value() ? id : std::string());
    }
    return plan;
  }
  Records records(*input.store, input.revision, input.now, input.limits);

  std::vector<std::string> vacated;
  if (input.previous.has_value()) {
    absl::StatusOr<std::vector<std::string>> withdrawn =
        WithdrawReports(*input.previous, *input.store, records);
    if (!withdrawn.ok()) {
      return withdrawn.status();
    }
    vacated = *std::move(withdrawn);
  }
  size_t next_vacated = 0;

  plan.meeting_ids.resize(input.reports.size());
  std::set<std::string, std::less<>> from_this_article;
  for (const int index : *order) {
    const size_t i = static_cast<size_t>(index);
    v1::Meeting& report = input.reports[i];
    if (IsReportReference(report.parent_id())) {  // Planned already: parents come first.
      report.set_parent_id(
          plan.meeting_ids[static_cast<size_t>(ReferenceIndex(report.parent_id()))]);
    }
    std::set<absl::string_view> candidates;  // Views of the input's ids and the planned ones.
    if (i < input.candidate_ids.size()) {
      candidates.insert(input.candidate_ids[i].begin(), input.candidate_ids[i].end());
    }
    records.AddPlanned(&candidates);
    // Candidates are read one at a time and only the best is kept: a record may be 1 MiB and a
    // report may have hundreds of candidates.
    std::optional<v1::Meeting> best;
    double best_score = kSameMeetingThreshold;
    for (const absl::string_view id : candidates) {  // In id order: ties go to the greatest.
      if (from_this_article.count(id) > 0) {
        continue;  // Two meetings of one article are two meetings.
      }
      absl::StatusOr<std::optional<v1::Meeting>> candidate = records.Read(id);
      if (!candidate.ok()) {
        return candidate.status();
      }
      if (!candidate->has_value()) {
        continue;
      }
      const double score = SameMeetingScore(**candidate, report);
      if (score >= best_score) {
        best_score = score;
        best = *std::move(*candidate);
      }
    }
    if (best.has_value()) {
      v1::Meeting merged = BoundMeeting(MergeMeetings(*best, report), input.limits);
      from_this_article.insert(merged.id());
      plan.meeting_ids[i] = merged.id();
      if (ContentDiffers(merged, *best)) {
        records.Put(std::move(merged), &*best, RecordAction::kUpdate,
                    {PlanCause::kMerged, index, best_score});
      }
      continue;
    }
    v1::Meeting created = report;
    PlanReason reason{PlanCause::kNewMeeting, index, 0};
    if (next_vacated < vacated.size()) {
      created.set_id(vacated[next_vacated++]);  // Re-extraction keeps the record's id.
      reason.cause = PlanCause::kVacatedId;
    } else {
      created.set_id(MeetingId(plan.next_sequence++));
    }
    // A vacated id is planned deleted; a new one is normally stored nowhere, but a record found
    // under it is written over as it would be by any write.
    absl::StatusOr<std::optional<v1::Meeting>> current = records.Read(created.id());
    if (!current.ok()) {
      return current.status();
    }
    from_this_article.insert(created.id());
    plan.meeting_ids[i] = created.id();
    records.Put(std::move(created), current->has_value() ? &**current : nullptr,
                RecordAction::kCreate, reason);
  }

  plan.records = records.Take();
  *plan.article.mutable_article() = std::move(input.article);
  plan.article.set_extractor_version(std::move(input.extractor_version));
  for (v1::Meeting& report : input.reports) {
    *plan.article.add_reports() = std::move(report);
  }
  for (const std::string& id : plan.meeting_ids) {
    plan.article.add_meeting_ids(id);
  }
  plan.article.set_revision(input.revision);
  return plan;
}

}  // namespace parley
