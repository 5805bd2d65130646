#include "services/store/list_plan.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/domain/text_fold.h"
#include "services/store/index_keys.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

namespace ik = index_keys;
using ::parley::testing_util::IsOk;
using ::parley::testing_util::StatusIs;
using ::testing::ElementsAre;

// An index in memory: sorted keys and their meeting ids.
using Index = std::map<std::string, std::string>;

class MapCursor : public IndexCursor {
 public:
  explicit MapCursor(const Index* index, absl::Status status = absl::OkStatus())
      : index_(index), it_(index->end()), status_(std::move(status)) {}
  void Seek(absl::string_view key) override {
    it_ = index_->lower_bound(static_cast<std::string>(key));
  }
  bool Valid() const override { return it_ != index_->end(); }
  void Next() override { ++it_; }
  absl::string_view key() const override { return it_->first; }
  absl::string_view value() const override { return it_->second; }
  absl::Status status() const override { return status_; }

 private:
  const Index* index_;
  Index::const_iterator it_;
  absl::Status status_;
};

// The sort suffix of meeting `sequence` starting on `date_key` (YYYYMMDD).
std::string Suffix(int32_t date_key, uint64_t sequence) {
  return ik::DatePart(date_key) + absl::StrFormat("%012d", 999999999999ULL - sequence);
}

std::vector<std::unique_ptr<IndexCursor>> Cursors(const Index& index, size_t n) {
  std::vector<std::unique_ptr<IndexCursor>> out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(std::make_unique<MapCursor>(&index));
  }
  return out;
}

// Every id the merge yields.
std::vector<std::string> Drain(IndexMerge& merge) {
  std::vector<std::string> ids;
  while (std::optional<IndexMerge::Entry> entry = merge.Next()) {
    ids.push_back(entry->id);
  }
  return ids;
}

v1::Date D(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

TEST(ListPlanTest, TheMostSelectiveDimensionDrivesTheListing) {
  v1::MeetingFilter filter;
  EXPECT_THAT(PlanListing(filter, "").prefixes, ElementsAre(ik::Prefix('a', "")));
  EXPECT_TRUE(PlanListing(filter, "").decided);
  filter.add_statuses(v1::MEETING_STATUS_HELD);
  EXPECT_THAT(PlanListing(filter, "").prefixes,
              ElementsAre(ik::Prefix('s', absl::StrCat(v1::MEETING_STATUS_HELD))));
  filter.add_kinds(v1::MEETING_KIND_SUMMIT);
  EXPECT_THAT(PlanListing(filter, "").prefixes,
              ElementsAre(ik::Prefix('k', absl::StrCat(v1::MEETING_KIND_SUMMIT))));
  filter.add_topics(v1::TOPIC_TRADE);
  EXPECT_THAT(PlanListing(filter, "").prefixes,
              ElementsAre(ik::Prefix('t', absl::StrCat(v1::TOPIC_TRADE))));
  filter.add_countries("kz");
  filter.add_countries("CN");
  filter.add_countries("KZ");
  EXPECT_THAT(PlanListing(filter, "").prefixes,
              ElementsAre(ik::Prefix('c', "CN"), ik::Prefix('c', "KZ")));
  filter.set_format("C5+1");
  EXPECT_THAT(PlanListing(filter, "").prefixes, ElementsAre(ik::Prefix('f', FoldForMatch("C5+1"))));
  filter.set_city("ALMATY");
  EXPECT_THAT(PlanListing(filter, "").prefixes,
              ElementsAre(ik::Prefix('y', FoldForMatch("ALMATY"))));
  filter.set_person("Wang Yi");
  EXPECT_THAT(PlanListing(filter, "").prefixes,
              ElementsAre(ik::Prefix('p', FoldForMatch("Wang Yi"))));
  EXPECT_FALSE(PlanListing(filter, "").decided);
}

TEST(ListPlanTest, OneDimensionPlusDatesIsDecidedByItsIndex) {
  v1::MeetingFilter filter;
  filter.add_countries("KZ");
  filter.add_countries("CN");  // Several values of one dimension: still one index.
  *filter.mutable_start_date_from() = D(2024, 1, 1);
  EXPECT_TRUE(PlanListing(filter, "").decided);
  filter.add_kinds(v1::MEETING_KIND_SUMMIT);
  EXPECT_FALSE(PlanListing(filter, "").decided);
}

TEST(ListPlanTest, DatesBoundTheSuffixesAndTheCursorRaisesTheLowerBound) {
  v1::MeetingFilter filter;
  *filter.mutable_start_date_from() = D(2024, 2, 1);
  *filter.mutable_start_date_to() = D(2024, 3, 0);  // All of March.
  ListPlan plan = PlanListing(filter, "");
  EXPECT_EQ(plan.upper, ik::DatePart(20240200));
  EXPECT_EQ(plan.lower, ik::DatePart(20240399));
  *filter.mutable_start_date_to() = D(2024, 0, 0);  // All of 2024.
  EXPECT_EQ(PlanListing(filter, "").lower, ik::DatePart(20249999));

  const std::string cursor = Suffix(20240310, 7);
  plan = PlanListing(filter, cursor);
  EXPECT_EQ(plan.lower, cursor);
  EXPECT_EQ(plan.after_key, cursor);
  // A cursor before the date range (a newer date) leaves the date bound.
  plan = PlanListing(filter, Suffix(20250101, 1));
  EXPECT_EQ(plan.lower, ik::DatePart(20249999));
}

TEST(ListPlanTest, TheMergeYieldsTheUnionNewestFirstAndEachMeetingOnce) {
  const std::string kz = ik::Prefix('c', "KZ");
  const std::string cn = ik::Prefix('c', "CN");
  const Index index = {
      {cn + Suffix(20240105, 1), "m-1"},  // In both.
      {kz + Suffix(20240105, 1), "m-1"},
      {cn + Suffix(20240301, 2), "m-2"},
      {kz + Suffix(20240201, 3), "m-3"},
      {kz + Suffix(0, 4), "m-4"},                            // Undated: last.
      {ik::Prefix('c', "RU") + Suffix(20240401, 5), "m-5"},  // Another prefix.
  };
  v1::MeetingFilter filter;
  filter.add_countries("KZ");
  filter.add_countries("CN");
  const ListPlan plan = PlanListing(filter, "");
  IndexMerge merge(plan, Cursors(index, plan.prefixes.size()));
  EXPECT_TRUE(merge.more());
  EXPECT_THAT(Drain(merge), ElementsAre("m-2", "m-3", "m-1", "m-4"));
  EXPECT_FALSE(merge.more());
  EXPECT_THAT(merge.status(), IsOk());
}

TEST(ListPlanTest, TheMergeResumesAfterTheCursorAndStopsAtTheDateBound) {
  const std::string all = ik::Prefix('a', "");
  Index index;
  for (int day = 1; day <= 9; ++day) {
    index[all + Suffix(20240300 + day, day)] = absl::StrCat("m-", day);
  }
  v1::MeetingFilter filter;
  *filter.mutable_start_date_from() = D(2024, 3, 3);
  const ListPlan plan = PlanListing(filter, Suffix(20240307, 7));
  IndexMerge merge(plan, Cursors(index, 1));
  std::optional<IndexMerge::Entry> first = merge.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->id, "m-6");
  EXPECT_EQ(first->suffix, Suffix(20240306, 6));
  EXPECT_THAT(Drain(merge), ElementsAre("m-5", "m-4", "m-3"));
}

TEST(ListPlanTest, ACursorErrorIsTheMergesStatus) {
  const Index index;
  const ListPlan plan = PlanListing(v1::MeetingFilter(), "");
  std::vector<std::unique_ptr<IndexCursor>> cursors;
  cursors.push_back(std::make_unique<MapCursor>(&index, absl::UnavailableError("io")));
  IndexMerge merge(plan, std::move(cursors));
  EXPECT_FALSE(merge.Next().has_value());
  EXPECT_THAT(merge.status(), StatusIs(absl::StatusCode::kUnavailable));
}

TEST(ListPlanTest, ThePageBudgetAlwaysTakesTheFirstRecordThenStopsAtTheBound) {
  PageBudget big_first(100);
  EXPECT_TRUE(big_first.Take(500));  // Alone over the bound: a page is never empty.
  EXPECT_FALSE(big_first.Take(1));
  EXPECT_EQ(big_first.taken(), 1);

  PageBudget budget(100);
  EXPECT_TRUE(budget.Take(40));  // 48 with its framing.
  EXPECT_TRUE(budget.Take(44));  // 100: exactly full.
  EXPECT_FALSE(budget.Take(0));  // 108.
  EXPECT_EQ(budget.taken(), 2);

  PageBudget unbounded(0);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_TRUE(unbounded.Take(1 << 20));
  }
}

}  // namespace
}  // namespace parley
