#include "services/domain/ingest_plan.h"

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

const absl::Time kNow = absl::FromUnixSeconds(1745700000);
constexpr uint64_t kRevision = 42;

v1::Meeting M(const std::string& text) {
  v1::Meeting m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

// A bilateral meeting of `a` and `b` on 2024-03-`day` in `city`.
v1::Meeting Bilateral(const std::string& a, const std::string& b, int day,
                      const std::string& city = "Geneva") {
  return M(absl::StrCat(
      "kind: MEETING_KIND_BILATERAL status: MEETING_STATUS_HELD start_date { year: 2024 month: 3 "
      "day: ",
      day, " } venue { city: \"", city, "\" } countries: \"", a, "\" countries: \"", b, "\""));
}

v1::Article Article(const std::string& body) {
  v1::Article article;
  article.set_title("title");
  article.set_body(body);
  article.set_url("https://example.org/" + body);
  article.mutable_published_at()->set_seconds(1745600000);
  article.set_id(ArticleId(article));
  return article;
}

// A record as the store holds it: `report` of `article`, stored as `id` at revision 7.
v1::Meeting Stored(const std::string& id, const v1::Article& article, v1::Meeting report) {
  v1::Meeting record = PrepareReports(article, {std::move(report)}, RecordLimits())[0];
  record.set_id(id);
  record.set_create_revision(7);
  record.set_update_revision(7);
  record.mutable_create_time()->set_seconds(1700000000);
  record.mutable_update_time()->set_seconds(1700000000);
  return record;
}

// A StoreView over hash maps (on purpose: the plan must not depend on how a view finds things).
class MapView : public StoreView {
 public:
  void Add(const std::vector<v1::Meeting>& records) {
    for (const v1::Meeting& record : records) {
      meetings_[record.id()] = record;
    }
  }
  void Add(const std::vector<v1::StoredArticle>& articles) {
    for (const v1::StoredArticle& article : articles) {
      articles_[article.article().id()] = article;
    }
  }
  // Reading `id` fails with `status` from now on.
  void Fail(const std::string& id, absl::Status status) { failing_[id] = std::move(status); }

  absl::StatusOr<std::optional<v1::Meeting>> FindMeeting(absl::string_view id) const override {
    return Find(meetings_, id);
  }
  absl::StatusOr<std::optional<v1::StoredArticle>> FindArticle(
      absl::string_view id) const override {
    return Find(articles_, id);
  }

 private:
  template <typename T>
  absl::StatusOr<std::optional<T>> Find(const std::unordered_map<std::string, T>& map,
                                        absl::string_view id) const {
    const std::string key(id);
    if (auto failing = failing_.find(key); failing != failing_.end()) {
      return failing->second;
    }
    auto it = map.find(key);
    return it == map.end() ? std::optional<T>() : std::optional<T>(it->second);
  }

  std::unordered_map<std::string, v1::Meeting> meetings_;
  std::unordered_map<std::string, v1::StoredArticle> articles_;
  std::unordered_map<std::string, absl::Status> failing_;
};

const StoreView& EmptyView() {
  static const MapView* const kEmpty = new MapView();
  return *kEmpty;
}

// The article as the store holds it after an ingest of `reports` into `ids`.
v1::StoredArticle StoredArticleOf(const v1::Article& article, std::vector<v1::Meeting> reports,
                                  const std::vector<std::string>& ids,
                                  const std::string& version = "v1") {
  v1::StoredArticle stored;
  *stored.mutable_article() = article;
  stored.set_extractor_version(version);
  for (v1::Meeting& report : PrepareReports(article, std::move(reports), RecordLimits())) {
    *stored.add_reports() = std::move(report);
  }
  for (const std::string& id : ids) {
    stored.add_meeting_ids(id);
  }
  stored.set_revision(7);
  return stored;
}

IngestPlanInput Input(const v1::Article& article, std::vector<v1::Meeting> reports,
                      const std::string& version = "v1") {
  IngestPlanInput input;
  input.reports = PrepareReports(article, std::move(reports), RecordLimits());
  input.article = article;
  input.extractor_version = version;
  input.revision = kRevision;
  input.next_sequence = 5;
  input.now = kNow;
  input.store = &EmptyView();
  return input;
}

IngestPlan Plan(IngestPlanInput input) {
  absl::StatusOr<IngestPlan> plan = PlanIngest(std::move(input));
  EXPECT_THAT(plan, IsOk());
  return plan.ok() ? *std::move(plan) : IngestPlan();
}

std::vector<PlanCause> Causes(const PlannedRecord& record) {
  std::vector<PlanCause> out;
  for (const PlanReason& reason : record.reasons) {
    out.push_back(reason.cause);
  }
  return out;
}

// Everything a plan says, as bytes: equal strings mean byte-identical plans.
std::string Serialized(const IngestPlan& plan) {
  std::string out = absl::StrCat(plan.unchanged, "|", plan.next_sequence, "|");
  for (const PlannedRecord& record : plan.records) {
    absl::StrAppend(&out, record.id, "|", static_cast<int>(record.action), "|");
    for (const PlanReason& reason : record.reasons) {
      absl::StrAppend(&out, reason.ToString(), ";");
    }
    absl::StrAppend(&out, "|", record.before.has_value() ? record.before->SerializeAsString() : "-",
                    "|", record.after.has_value() ? record.after->SerializeAsString() : "-", "|");
  }
  for (const std::string& id : plan.meeting_ids) {
    absl::StrAppend(&out, id, ",");
  }
  absl::StrAppend(&out, "|", plan.article.SerializeAsString());
  return out;
}

TEST(IngestPlanTest, PrepareReportsAttributesTheArticleAndClearsIdentity) {
  const v1::Article article = Article("body");
  v1::Meeting report = Bilateral("us", "RU", 5);
  report.set_id("m-1");
  report.set_update_revision(3);
  report.add_sources()->set_attributed_to("the ministry");
  report.add_evidence()->set_field("countries");
  const std::vector<v1::Meeting> prepared = PrepareReports(article, {report}, RecordLimits());
  ASSERT_THAT(prepared, SizeIs(1));
  EXPECT_EQ(prepared[0].id(), "");
  EXPECT_EQ(prepared[0].update_revision(), 0u);
  EXPECT_THAT(prepared[0].countries(), ElementsAre("RU", "US"));
  ASSERT_THAT(prepared[0].sources(), SizeIs(1));
  EXPECT_EQ(prepared[0].sources(0).article_id(), article.id());
  EXPECT_EQ(prepared[0].sources(0).url(), article.url());
  EXPECT_EQ(prepared[0].sources(0).attributed_to(), "the ministry");
  EXPECT_EQ(prepared[0].evidence(0).article_id(), article.id());
}

TEST(IngestPlanTest, NewReportsGetSequentialIdsRevisionsAndTimes) {
  const v1::Article article = Article("body");
  const IngestPlan plan =
      Plan(Input(article, {Bilateral("US", "RU", 5), Bilateral("FR", "DE", 6)}));
  EXPECT_FALSE(plan.unchanged);
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000005", "m-000000000006"));
  EXPECT_EQ(plan.next_sequence, 7u);
  ASSERT_THAT(plan.records, SizeIs(2));
  for (int i = 0; i < 2; ++i) {
    const PlannedRecord& record = plan.records[i];
    EXPECT_EQ(record.id, plan.meeting_ids[i]);
    EXPECT_EQ(record.action, RecordAction::kCreate);
    EXPECT_FALSE(record.before.has_value());
    ASSERT_TRUE(record.after.has_value());
    EXPECT_EQ(record.after->id(), record.id);
    EXPECT_EQ(record.after->create_revision(), kRevision);
    EXPECT_EQ(record.after->update_revision(), kRevision);
    EXPECT_EQ(record.after->create_time().seconds(), absl::ToUnixSeconds(kNow));
    EXPECT_EQ(record.after->update_time().seconds(), absl::ToUnixSeconds(kNow));
    ASSERT_THAT(record.reasons, SizeIs(1));
    EXPECT_EQ(record.reasons[0].cause, PlanCause::kNewMeeting);
    EXPECT_EQ(record.reasons[0].report, i);
  }
  EXPECT_EQ(plan.article.article().id(), article.id());
  EXPECT_EQ(plan.article.extractor_version(), "v1");
  EXPECT_EQ(plan.article.revision(), kRevision);
  EXPECT_THAT(plan.article.meeting_ids(), ElementsAre("m-000000000005", "m-000000000006"));
  ASSERT_THAT(plan.article.reports(), SizeIs(2));
  EXPECT_EQ(plan.article.reports(0).id(), "");  // Reports are kept as reported.
}

TEST(IngestPlanTest, ReportMergesIntoTheBestScoringCandidate) {
  const v1::Article earlier = Article("earlier");
  const v1::Article article = Article("later");
  IngestPlanInput input = Input(article, {Bilateral("RU", "US", 5)});
  MapView view;
  view.Add({Stored("m-000000000001", earlier, Bilateral("US", "RU", 5)),
            Stored("m-000000000002", earlier, Bilateral("US", "RU", 9))});
  input.store = &view;
  input.candidate_ids = {{"m-000000000002", "m-000000000001"}};
  const IngestPlan plan = Plan(std::move(input));
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000001"));
  EXPECT_EQ(plan.next_sequence, 5u);
  ASSERT_THAT(plan.records, SizeIs(1));
  const PlannedRecord& record = plan.records[0];
  EXPECT_EQ(record.action, RecordAction::kUpdate);
  ASSERT_TRUE(record.before.has_value());
  EXPECT_EQ(record.before->update_revision(), 7u);
  ASSERT_TRUE(record.after.has_value());
  EXPECT_THAT(record.after->sources(), SizeIs(2));
  EXPECT_EQ(record.after->create_revision(), 7u);
  EXPECT_EQ(record.after->update_revision(), kRevision);
  ASSERT_THAT(record.reasons, SizeIs(1));
  EXPECT_EQ(record.reasons[0].cause, PlanCause::kMerged);
  EXPECT_GE(record.reasons[0].score, kSameMeetingThreshold);
}

TEST(IngestPlanTest, OnlyTheReportsOwnCandidatesAreConsidered) {
  const v1::Article earlier = Article("earlier");
  IngestPlanInput input = Input(Article("later"), {Bilateral("RU", "US", 5)});
  MapView view;
  view.Add({Stored("m-000000000001", earlier, Bilateral("US", "RU", 5))});
  input.store = &view;
  const IngestPlan plan = Plan(std::move(input));  // No candidate ids.
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000005"));
}

TEST(IngestPlanTest, ReportsOfOneArticleNeverMergeWithEachOther) {
  const IngestPlan plan =
      Plan(Input(Article("body"), {Bilateral("US", "RU", 5), Bilateral("US", "RU", 5)}));
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000005", "m-000000000006"));
}

TEST(IngestPlanTest, TheSameArticleAndVersionAgainIsUnchanged) {
  const v1::Article article = Article("body");
  IngestPlanInput input = Input(article, {Bilateral("US", "RU", 5)});
  input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5)}, {"m-000000000003"});
  const std::vector<v1::Meeting> stored = {
      Stored("m-000000000003", article, Bilateral("US", "RU", 5))};
  MapView view;
  view.Add(stored);
  input.store = &view;
  const IngestPlan plan = Plan(std::move(input));
  EXPECT_TRUE(plan.unchanged);
  EXPECT_TRUE(plan.records.empty());
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000003"));
  EXPECT_EQ(plan.next_sequence, 5u);
}

TEST(IngestPlanTest, TheSameArticleAgainAnswersAnEmptyIdForADeletedRecord) {
  const v1::Article article = Article("body");
  IngestPlanInput input = Input(article, {Bilateral("US", "RU", 5), Bilateral("FR", "DE", 9)});
  input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5), Bilateral("FR", "DE", 9)},
                                   {"m-000000000003", "m-000000000004"});
  const std::vector<v1::Meeting> stored = {
      Stored("m-000000000004", article, Bilateral("FR", "DE", 9))};  // 3 was deleted.
  MapView view;
  view.Add(stored);
  input.store = &view;
  const IngestPlan plan = Plan(std::move(input));
  EXPECT_TRUE(plan.unchanged);
  EXPECT_TRUE(plan.records.empty());
  EXPECT_THAT(plan.meeting_ids, ElementsAre("", "m-000000000004"));
}

TEST(IngestPlanTest, ReextractionDeletesWhatOnlyItReportedAndReusesTheIds) {
  const v1::Article article = Article("body");
  const v1::Meeting old_record = Stored("m-000000000003", article, Bilateral("US", "RU", 5));
  {
    IngestPlanInput input = Input(article, {Bilateral("FR", "DE", 9)}, "v2");
    input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5)}, {"m-000000000003"});
    MapView view;
    view.Add({old_record});
    input.store = &view;
    const IngestPlan plan = Plan(std::move(input));
    EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000003"));
    EXPECT_EQ(plan.next_sequence, 5u);
    ASSERT_THAT(plan.records, SizeIs(1));
    const PlannedRecord& record = plan.records[0];
    // A new meeting in a reused id: to everyone outside, the record was updated.
    EXPECT_EQ(record.action, RecordAction::kUpdate);
    EXPECT_THAT(Causes(record), ElementsAre(PlanCause::kNoSourceLeft, PlanCause::kVacatedId));
    ASSERT_TRUE(record.before.has_value());
    EXPECT_THAT(record.before->countries(), ElementsAre("RU", "US"));
    ASSERT_TRUE(record.after.has_value());
    EXPECT_THAT(record.after->countries(), ElementsAre("DE", "FR"));
    EXPECT_EQ(record.after->create_revision(), 7u);  // Its birth is kept.
    EXPECT_EQ(record.after->create_time().seconds(), 1700000000);
    EXPECT_EQ(record.after->update_revision(), kRevision);
    EXPECT_EQ(plan.article.extractor_version(), "v2");
  }
  {
    IngestPlanInput input = Input(article, {}, "v2");  // Now it reports nothing.
    input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5)}, {"m-000000000003"});
    MapView view;
    view.Add({old_record});
    input.store = &view;
    const IngestPlan plan = Plan(std::move(input));
    ASSERT_THAT(plan.records, SizeIs(1));
    EXPECT_EQ(plan.records[0].action, RecordAction::kDelete);
    EXPECT_FALSE(plan.records[0].after.has_value());
    ASSERT_TRUE(plan.records[0].before.has_value());
    EXPECT_EQ(plan.records[0].before->id(), "m-000000000003");
  }
}

TEST(IngestPlanTest, ReextractionRebuildsASharedRecordFromItsOtherSources) {
  const v1::Article article = Article("body");
  const v1::Article other = Article("other");
  v1::Meeting shared = Stored("m-000000000003", other, Bilateral("US", "RU", 5));
  shared = MergeMeetings(shared, PrepareReports(article, {Bilateral("US", "RU", 5)}, {})[0]);
  ASSERT_THAT(shared.sources(), SizeIs(2));
  v1::Meeting other_report = Bilateral("US", "RU", 5);
  other_report.add_topics(v1::TOPIC_TRADE);

  IngestPlanInput input = Input(article, {}, "v2");
  input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5)}, {"m-000000000003"});
  MapView view;
  view.Add({shared});
  input.store = &view;
  view.Add(
      std::vector<v1::StoredArticle>{StoredArticleOf(other, {other_report}, {"m-000000000003"})});
  const IngestPlan plan = Plan(std::move(input));
  ASSERT_THAT(plan.records, SizeIs(1));
  const PlannedRecord& record = plan.records[0];
  EXPECT_EQ(record.action, RecordAction::kUpdate);
  EXPECT_THAT(Causes(record), ElementsAre(PlanCause::kRebuilt));
  ASSERT_TRUE(record.after.has_value());
  ASSERT_THAT(record.after->sources(), SizeIs(1));
  EXPECT_EQ(record.after->sources(0).article_id(), other.id());
  EXPECT_THAT(record.after->topics(), ElementsAre(v1::TOPIC_TRADE));
  EXPECT_EQ(record.after->create_revision(), 7u);  // Kept.
  EXPECT_EQ(record.after->update_revision(), kRevision);
}

TEST(IngestPlanTest, ReextractionMergesIntoTheRecordItRebuilt) {
  const v1::Article article = Article("body");
  const v1::Article other = Article("other");
  v1::Meeting shared = Stored("m-000000000003", other, Bilateral("US", "RU", 5));
  shared = MergeMeetings(shared, PrepareReports(article, {Bilateral("US", "RU", 5)}, {})[0]);
  v1::Meeting improved = Bilateral("US", "RU", 5);
  improved.add_topics(v1::TOPIC_ENERGY);

  IngestPlanInput input = Input(article, {improved}, "v2");
  input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5)}, {"m-000000000003"});
  MapView view;
  view.Add({shared});
  input.store = &view;
  view.Add(std::vector<v1::StoredArticle>{
      StoredArticleOf(other, {Bilateral("US", "RU", 5)}, {"m-000000000003"})});
  const IngestPlan plan = Plan(std::move(input));  // The index lookup found nothing new.
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000003"));
  ASSERT_THAT(plan.records, SizeIs(1));
  EXPECT_THAT(Causes(plan.records[0]), ElementsAre(PlanCause::kRebuilt, PlanCause::kMerged));
  EXPECT_EQ(plan.records[0].action, RecordAction::kUpdate);
  EXPECT_THAT(plan.records[0].after->topics(), ElementsAre(v1::TOPIC_ENERGY));
  EXPECT_THAT(plan.records[0].after->sources(), SizeIs(2));
}

TEST(IngestPlanTest, ARecordDeletedByAnOperatorStaysDeletedAndItsIdUnused) {
  const v1::Article article = Article("body");
  IngestPlanInput input = Input(article, {Bilateral("FR", "DE", 9)}, "v2");
  input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5)}, {"m-000000000003"});
  const IngestPlan plan = Plan(std::move(input));  // m-000000000003 is not stored any more.
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000005"));
  ASSERT_THAT(plan.records, SizeIs(1));
  EXPECT_EQ(plan.records[0].id, "m-000000000005");
}

TEST(IngestPlanTest, PlannedRecordsAreCutToTheLimits) {
  v1::Meeting report = Bilateral("US", "RU", 5);
  for (int i = 0; i < 5; ++i) {
    report.add_statements()->set_text(absl::StrCat("statement number ", i));
  }
  const v1::Article article = Article("body");
  IngestPlanInput input;
  input.limits.max_statements = 2;
  input.reports = PrepareReports(article, {report}, input.limits);
  input.article = article;
  input.store = &EmptyView();
  const IngestPlan plan = Plan(std::move(input));
  ASSERT_THAT(plan.records, SizeIs(1));
  EXPECT_THAT(plan.records[0].after->statements(), SizeIs(2));
  EXPECT_THAT(plan.article.reports(0).statements(), SizeIs(2));
}

TEST(IngestPlanTest, AFailedReadEndsThePlanWithItsError) {
  const v1::Article earlier = Article("earlier");
  IngestPlanInput input = Input(Article("later"), {Bilateral("US", "RU", 5)});
  MapView view;
  view.Add({Stored("m-000000000001", earlier, Bilateral("US", "RU", 5))});
  view.Fail("m-000000000001", absl::DataLossError("corrupt meeting m-000000000001"));
  input.store = &view;
  input.candidate_ids = {{"m-000000000001"}};
  EXPECT_THAT(PlanIngest(std::move(input)), StatusIs(absl::StatusCode::kDataLoss));
  IngestPlanInput without_view = Input(Article("later"), {Bilateral("US", "RU", 5)});
  without_view.store = nullptr;
  EXPECT_THAT(PlanIngest(std::move(without_view)), StatusIs(absl::StatusCode::kInternal));
}

// A re-extraction with shared and sole records, several candidates per report and new reports:
// every branch of the plan at once.
// `view` gets the stored records and articles, added in an order drawn from `rng` when given.
IngestPlanInput RichInput(MapView* view, std::mt19937* rng = nullptr) {
  const v1::Article article = Article("body");
  const v1::Article other_a = Article("other a");
  const v1::Article other_b = Article("other b");
  const v1::Article earlier = Article("earlier");
  v1::Meeting shared = Stored("m-000000000010", other_a, Bilateral("US", "RU", 5));
  shared = MergeMeetings(shared, PrepareReports(other_b, {Bilateral("US", "RU", 5)}, {})[0]);
  shared = MergeMeetings(shared, PrepareReports(article, {Bilateral("US", "RU", 5)}, {})[0]);
  const v1::Meeting sole = Stored("m-000000000011", article, Bilateral("CN", "KZ", 7, "Almaty"));
  v1::Meeting report_a = Bilateral("US", "RU", 5);
  report_a.add_topics(v1::TOPIC_TRADE);
  v1::Meeting report_b = Bilateral("US", "RU", 5);
  report_b.add_topics(v1::TOPIC_NUCLEAR);
  report_b.add_statements()->set_text("We talked.");

  v1::Meeting side = Bilateral("JP", "KR", 12, "Seoul");
  side.set_parent_id("#3");  // Planned after report 3.
  IngestPlanInput input = Input(
      article, {Bilateral("RU", "US", 5), Bilateral("FR", "DE", 9), side, Bilateral("CN", "KZ", 8)},
      "v2");
  input.previous = StoredArticleOf(article, {Bilateral("US", "RU", 5), Bilateral("CN", "KZ", 7)},
                                   {"m-000000000010", "m-000000000011"});
  std::vector<v1::Meeting> records = {
      shared,
      sole,
      Stored("m-000000000001", earlier, Bilateral("FR", "DE", 9)),
      Stored("m-000000000002", earlier, Bilateral("FR", "DE", 9, "Paris")),
      Stored("m-000000000003", earlier, Bilateral("FR", "DE", 9)),
      Stored("m-000000000004", earlier, Bilateral("JP", "KR", 20, "Seoul"))};
  std::vector<v1::StoredArticle> articles = {
      StoredArticleOf(other_a, {report_a}, {"m-000000000010"}),
      StoredArticleOf(other_b, {report_b}, {"m-000000000010"})};
  if (rng != nullptr) {
    std::shuffle(records.begin(), records.end(), *rng);
    std::shuffle(articles.begin(), articles.end(), *rng);
  }
  view->Add(records);
  view->Add(articles);
  input.store = view;
  input.candidate_ids = {{"m-000000000010"},
                         {"m-000000000001", "m-000000000002", "m-000000000003"},
                         {"m-000000000004"},
                         {"m-000000000011", "m-000000000099"}};
  return input;
}

TEST(IngestPlanTest, RichPlanDoesWhatItShould) {
  MapView view;
  const IngestPlan plan = Plan(RichInput(&view));
  // The shared record is rebuilt and takes report 0 again; of two equal candidates the greater
  // id wins; the sole record is deleted and its id goes to the first new meeting, report 3,
  // planned before report 2 whose parent it is.
  EXPECT_THAT(plan.meeting_ids,
              ElementsAre("m-000000000010", "m-000000000003", "m-000000000005", "m-000000000011"));
  ASSERT_THAT(plan.records, SizeIs(4));
  EXPECT_EQ(plan.records[0].id, "m-000000000010");
  EXPECT_THAT(Causes(plan.records[0]), ElementsAre(PlanCause::kRebuilt, PlanCause::kMerged));
  EXPECT_EQ(plan.records[1].id, "m-000000000011");
  EXPECT_THAT(Causes(plan.records[1]),
              ElementsAre(PlanCause::kNoSourceLeft, PlanCause::kVacatedId));
  EXPECT_EQ(plan.records[1].reasons[1].report, 3);
  EXPECT_EQ(plan.records[2].id, "m-000000000003");
  EXPECT_THAT(Causes(plan.records[2]), ElementsAre(PlanCause::kMerged));
  EXPECT_EQ(plan.records[3].id, "m-000000000005");
  EXPECT_THAT(Causes(plan.records[3]), ElementsAre(PlanCause::kNewMeeting));
  EXPECT_EQ(plan.records[3].after->parent_id(), "m-000000000011");
  EXPECT_EQ(plan.article.reports(2).parent_id(), "m-000000000011");
  EXPECT_EQ(plan.next_sequence, 6u);
}

TEST(IngestPlanTest, SameInputsInAnyOrderGiveByteIdenticalPlans) {
  MapView first_view;
  const std::string expected = Serialized(Plan(RichInput(&first_view)));
  MapView again_view;
  EXPECT_EQ(Serialized(Plan(RichInput(&again_view))), expected);
  std::mt19937 rng(2026);  // Fixed seed: the test itself is deterministic.
  for (int round = 0; round < 25; ++round) {
    MapView view;
    IngestPlanInput input = RichInput(&view, &rng);
    for (std::vector<std::string>& ids : input.candidate_ids) {
      if (!ids.empty() && round % 2 == 1) {
        ids.push_back(ids.front());  // Repeats do not matter either.
      }
      std::shuffle(ids.begin(), ids.end(), rng);
    }
    EXPECT_EQ(Serialized(Plan(std::move(input))), expected) << "round " << round;
  }
}

v1::Meeting Summit(int day) {
  return M(absl::StrCat(
      "kind: MEETING_KIND_SUMMIT status: MEETING_STATUS_HELD start_date { year: 2024 month: 3 "
      "day: ",
      day,
      " } venue { city: \"Astana\" } countries: \"KZ\" countries: \"CN\" countries: \"RU\" "
      "countries: \"UZ\""));
}

v1::Meeting SideMeeting(const std::string& parent_id) {
  v1::Meeting side = Bilateral("CN", "KZ", 4, "Astana");
  side.set_parent_id(parent_id);
  return side;
}

TEST(IngestPlanTest, PlanningOrderPutsParentsFirstAndKeepsRequestOrderOtherwise) {
  auto order = [](const std::vector<v1::Meeting>& reports) {
    absl::StatusOr<std::vector<int>> got = PlanningOrder(reports);
    EXPECT_THAT(got, IsOk());
    return got.ok() ? *got : std::vector<int>();
  };
  EXPECT_THAT(order({Summit(4), SideMeeting(""), SideMeeting("m-000000000001")}),
              ElementsAre(0, 1, 2));
  EXPECT_THAT(order({SideMeeting("#1"), SideMeeting("#2"), Summit(4), SideMeeting("#2")}),
              ElementsAre(2, 1, 0, 3));
  EXPECT_THAT(order({}), ElementsAre());
}

TEST(IngestPlanTest, MalformedParentReferencesNameTheMeetingAndTheValue) {
  const struct {
    std::vector<v1::Meeting> reports;
    std::string message;
  } kCases[] = {
      {{Summit(4), SideMeeting("#x")}, "meetings[1].parent_id \"#x\" is malformed"},
      {{Summit(4), SideMeeting("#")}, "meetings[1].parent_id \"#\" is malformed"},
      {{Summit(4), SideMeeting("#-1")}, "meetings[1].parent_id \"#-1\" is malformed"},
      {{Summit(4), SideMeeting("#0 ")}, "meetings[1].parent_id \"#0 \" is malformed"},
      {{SideMeeting("#2"), Summit(4)},
       "meetings[0].parent_id \"#2\" is out of range: the request has 2 meetings"},
      {{Summit(4), SideMeeting("#99999999999")}, "meetings[1].parent_id \"#99999999999\""},
      {{Summit(4), SideMeeting("#1")}, "meetings[1].parent_id \"#1\" refers to the meeting itself"},
      {{SideMeeting("#1"), SideMeeting("#0")},
       "meetings[1].parent_id \"#0\" closes a cycle of parents (meetings 0 -> 1 -> 0)"},
      {{Summit(4), SideMeeting("#2"), SideMeeting("#3"), SideMeeting("#1")},
       "meetings[3].parent_id \"#1\" closes a cycle of parents (meetings 1 -> 2 -> 3 -> 1)"},
  };
  for (const auto& c : kCases) {
    const absl::Status order = PlanningOrder(c.reports).status();
    EXPECT_THAT(order, StatusIs(absl::StatusCode::kInvalidArgument)) << c.message;
    EXPECT_THAT(std::string(order.message()), HasSubstr(c.message));
    const absl::Status plan = PlanIngest(Input(Article("body"), c.reports)).status();
    EXPECT_THAT(plan, StatusIs(absl::StatusCode::kInvalidArgument)) << c.message;
    EXPECT_THAT(std::string(plan.message()), HasSubstr(c.message));
  }
}

TEST(IngestPlanTest, ParentsArePlannedFirstAndReferencesBecomeTheirIds) {
  // The extractor lists the main meeting first, and it may have been held at an event listed
  // after it.
  const IngestPlan plan = Plan(
      Input(Article("body"), {SideMeeting("#2"), Bilateral("RU", "UZ", 4, "Astana"), Summit(4)}));
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000006", "m-000000000007", "m-000000000005"));
  ASSERT_THAT(plan.records, SizeIs(3));
  EXPECT_EQ(plan.records[0].id, "m-000000000005");  // The summit, planned first.
  EXPECT_EQ(plan.records[1].id, "m-000000000006");
  EXPECT_EQ(plan.records[1].after->parent_id(), "m-000000000005");
  EXPECT_EQ(plan.records[2].after->parent_id(), "");
  EXPECT_EQ(plan.article.reports(0).parent_id(), "m-000000000005");
}

TEST(IngestPlanTest, AReferenceToAReportThatMergedBecomesTheRecordItMergedInto) {
  const v1::Article earlier = Article("earlier");
  IngestPlanInput input = Input(Article("later"), {Summit(4), SideMeeting("#0")});
  MapView view;
  view.Add({Stored("m-000000000001", earlier, Summit(4))});
  input.store = &view;
  input.candidate_ids = {{"m-000000000001"}, {}};
  const IngestPlan plan = Plan(std::move(input));
  EXPECT_THAT(plan.meeting_ids, ElementsAre("m-000000000001", "m-000000000005"));
  ASSERT_THAT(plan.records, SizeIs(2));
  EXPECT_EQ(plan.records[1].after->parent_id(), "m-000000000001");
}

TEST(IngestPlanTest, AParentIdThatIsNotAReferenceIsKept) {
  const IngestPlan plan = Plan(Input(Article("body"), {SideMeeting("m-000000000009")}));
  ASSERT_THAT(plan.records, SizeIs(1));
  EXPECT_EQ(plan.records[0].after->parent_id(), "m-000000000009");
}

TEST(IngestPlanTest, ARebuildResolvesReferencesStoredBeforeTheyWereResolved) {
  const v1::Article article = Article("body");
  const v1::Article other = Article("other");
  // `other` was stored with its side meeting's parent still "#0".
  v1::Meeting shared = Stored("m-000000000002", other, SideMeeting("#0"));
  shared = MergeMeetings(shared, PrepareReports(article, {SideMeeting("")}, {})[0]);
  IngestPlanInput input = Input(article, {}, "v2");
  input.previous = StoredArticleOf(article, {SideMeeting("")}, {"m-000000000002"});
  MapView view;
  view.Add({shared});
  input.store = &view;
  view.Add(std::vector<v1::StoredArticle>{StoredArticleOf(other, {Summit(4), SideMeeting("#0")},
                                                          {"m-000000000001", "m-000000000002"})});
  const IngestPlan plan = Plan(std::move(input));
  ASSERT_THAT(plan.records, SizeIs(1));
  EXPECT_THAT(Causes(plan.records[0]), ElementsAre(PlanCause::kRebuilt));
  EXPECT_EQ(plan.records[0].after->parent_id(), "m-000000000001");
}

}  // namespace
}  // namespace parley
