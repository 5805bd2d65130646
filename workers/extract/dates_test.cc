#include "workers/extract/dates.h"

#include "gtest/gtest.h"

namespace parley::extract {
namespace {

std::vector<DateMention> Dates(const std::string& body,
                               std::optional<absl::CivilDay> published = std::nullopt) {
  absl::StatusOr<Document> doc = BuildDocument("Title", body);
  EXPECT_TRUE(doc.ok());
  return FindDates(*doc, published);
}

std::string Str(const v1::Date& d) {
  return std::to_string(d.year()) + "-" + std::to_string(d.month()) + "-" + std::to_string(d.day());
}

TEST(DatesTest, AbsoluteForms) {
  EXPECT_EQ(Str(Dates("They met on April 26, 2025.")[0].start), "2025-4-26");
  EXPECT_EQ(Str(Dates("They met on 26 April 2025.")[0].start), "2025-4-26");
  EXPECT_EQ(Str(Dates("They met on Sept. 3, 1999.")[0].start), "1999-9-3");
  EXPECT_EQ(Str(Dates("Published 2018-04-04 21:06")[0].start), "2018-4-4");
  EXPECT_EQ(Str(Dates("It was held on May 5th, 2001.")[0].start), "2001-5-5");
}

TEST(DatesTest, RangesAcrossMonths) {
  const auto d = Dates("The summit runs from Nov. 30 to Dec. 1, 2023.");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(Str(d[0].start), "2023-11-30");
  EXPECT_EQ(Str(d[0].end), "2023-12-1");
  const auto e = Dates("Talks on 26-27 April 2025.");
  EXPECT_EQ(Str(e[0].start), "2025-4-26");
  EXPECT_EQ(Str(e[0].end), "2025-4-27");
}

TEST(DatesTest, MissingYearComesFromPublication) {
  const auto d = Dates("They will meet April 13 to 16.", absl::CivilDay(1987, 3, 6));
  EXPECT_EQ(Str(d[0].start), "1987-4-13");
  EXPECT_EQ(Str(d[0].end), "1987-4-16");
  // A December date in a January article is last year's.
  EXPECT_EQ(Str(Dates("They met on December 28.", absl::CivilDay(2020, 1, 3))[0].start),
            "2019-12-28");
  // Without a publication date the year stays unknown.
  EXPECT_EQ(Dates("They met on December 28.")[0].start.year(), 0);
}

TEST(DatesTest, MonthOnlyNeedsAPreposition) {
  EXPECT_EQ(
      Str(Dates("The summit was postponed to September.", absl::CivilDay(2018, 4, 4))[0].start),
      "2018-9-0");
  EXPECT_EQ(Str(Dates("They meet in mid-April.", absl::CivilDay(1987, 3, 6))[0].start), "1987-4-0");
  // "may" the verb is no month.
  EXPECT_TRUE(Dates("Ministers may meet again.").empty());
}

TEST(DatesTest, WeekdaysResolveAgainstPublication) {
  const absl::CivilDay thursday(2024, 3, 14);
  const auto d = Dates("They met on Tuesday.", thursday);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d[0].relative);
  EXPECT_EQ(Str(*ResolveRelative(d[0], thursday, false)), "2024-3-12");
  EXPECT_EQ(Str(*ResolveRelative(d[0], thursday, true)), "2024-3-19");
  // The publication day itself.
  const auto same = Dates("Talks on Thursday.", thursday);
  EXPECT_EQ(Str(*ResolveRelative(same[0], thursday, false)), "2024-3-14");
  const auto y = Dates("They met yesterday.", thursday);
  EXPECT_EQ(Str(*ResolveRelative(y[0], thursday, false)), "2024-3-13");
}

// "Monday (20/10)": day-first or month-first, whichever falls on the weekday named.
TEST(DatesTest, NumericDateAfterAWeekdayIsReadByTheWeekday) {
  const absl::CivilDay published(2014, 10, 23);
  auto d = Dates("They met on Monday (20/10) in Jakarta.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].relative);
  EXPECT_EQ(Str(d[0].start), "2014-10-20");
  d = Dates("They met on Monday (10/20) in Jakarta.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2014-10-20");
  d = Dates("They met on Monday (20/10/2014).", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2014-10-20");
  // 21/10 is a Tuesday: no reading holds, so the weekday alone is the date.
  d = Dates("They met on Monday (21/10).", published);
  ASSERT_FALSE(d.empty());
  EXPECT_TRUE(d[0].relative);
}

TEST(DatesTest, DatelineIsMarked) {
  const auto d =
      Dates("WASHINGTON, March 11 - Talks began on March 12.", absl::CivilDay(1987, 3, 11));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(d[0].dateline);
  EXPECT_FALSE(d[1].dateline);
}

TEST(DatesTest, ImpossibleDatesAreIgnored) {
  EXPECT_TRUE(Dates("They met on February 30, 2021.").empty());
}

}  // namespace
}  // namespace parley::extract
