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

// Day-first ranges joined by a word, ordinals with "of", and a range of two full dates.
TEST(DatesTest, MoreDayMonthForms) {
  const auto a = Dates("Talks run from 20 to 22 May 2025.");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(Str(a[0].start), "2025-5-20");
  EXPECT_EQ(Str(a[0].end), "2025-5-22");
  const auto b = Dates("They meet on 3 and 4 June 2025.");
  EXPECT_EQ(Str(b[0].start), "2025-6-3");
  EXPECT_EQ(Str(b[0].end), "2025-6-4");
  EXPECT_EQ(Str(Dates("They met on the 12th of May 2021.")[0].start), "2021-5-12");
  const auto c = Dates("The forum runs from 30 November to 2 December 2023.");
  EXPECT_EQ(Str(c[0].start), "2023-11-30");
  EXPECT_EQ(Str(c[0].end), "2023-12-2");
  // A cardinal before "of" is no day: "12 of the ministers".
  EXPECT_TRUE(Dates("They said 12 of the ministers came.").empty());
}

// "earlier this month", "last month", "next month" fix a month counted from the publication's;
// "this morning" is today and "last night" yesterday.
TEST(DatesTest, MonthsAndPartsOfDaysRelativeToThePublication) {
  const absl::CivilDay published(2024, 1, 10);
  EXPECT_EQ(Str(Dates("They met earlier this month.", published)[0].start), "2024-1-0");
  EXPECT_EQ(Str(Dates("They met last month.", published)[0].start), "2023-12-0");
  EXPECT_EQ(Str(Dates("They will meet next month.", published)[0].start), "2024-2-0");
  // "next January" in January is a year on; "next March", this year's.
  EXPECT_EQ(Str(Dates("They will sign it by next January.", published)[0].start), "2025-1-0");
  EXPECT_EQ(Str(Dates("They will meet next March.", published)[0].start), "2024-3-0");
  EXPECT_TRUE(Dates("They met last month.").empty());  // No publication, no month.
  EXPECT_TRUE(Dates("Last month's talks failed.", published).empty());
  const auto morning = Dates("They met this morning.", published);
  ASSERT_EQ(morning.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(morning[0], published, false)), "2024-1-10");
  const auto night = Dates("They met last night.", published);
  ASSERT_EQ(night.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(night[0], published, false)), "2024-1-9");
}

// "on the 15th": the day of the month nearest the publication; an ordinal before a noun is none.
TEST(DatesTest, DayOfTheMonthAloneIsTheNearestOne) {
  auto first = [](const std::string& body, absl::CivilDay published) {
    const auto d = Dates(body, published);
    return d.empty() ? std::string("none") : Str(d[0].start);
  };
  EXPECT_EQ(first("He will meet Prime Minister Rishi Sunak in London on the 15th.",
                  absl::CivilDay(2023, 5, 12)),
            "2023-5-15");
  EXPECT_EQ(first("The envoys are due to meet again on the 2nd, officials said.",
                  absl::CivilDay(2023, 5, 28)),
            "2023-6-2");
  EXPECT_EQ(
      first("The ministers met on the 27th and agreed to talk again.", absl::CivilDay(2023, 3, 2)),
      "2023-2-27");
  EXPECT_EQ(first("Talks must end by the 1st.", absl::CivilDay(2024, 12, 20)), "2025-1-1");
  EXPECT_EQ(first("It was the 29th summit of the two sides.", absl::CivilDay(2023, 5, 12)), "none");
  EXPECT_EQ(first("They met on the 29th anniversary of the treaty.", absl::CivilDay(2023, 5, 12)),
            "none");
  EXPECT_TRUE(Dates("They met on the 15th.").empty());  // No publication, no month.
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
  const auto d = Dates("Talks with Tokayev on Tuesday.", thursday);
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

// The tense of the verb right before a weekday decides its direction over the meeting's
// status: a present of schedule in the body is to come, a past form is past; the passive of
// what is to come, a participle of planning, a name in "-ed" and a headline decide nothing.
TEST(DatesTest, TenseOfTheVerbBeforeAWeekday) {
  const absl::CivilDay monday(2023, 9, 4);
  auto resolve = [&](const std::string& title, const std::string& body, bool future) {
    absl::StatusOr<Document> doc = BuildDocument(title, body);
    EXPECT_TRUE(doc.ok());
    const auto d = FindDates(*doc, monday);
    if (d.empty()) {
      return std::string("none");
    }
    return Str(*ResolveRelative(d.back(), monday, future));
  };
  // To come, though the meeting told is held.
  EXPECT_EQ(resolve("T", "Ministers met on the eve of the summit, which opens on Tuesday.", false),
            "2023-9-5");
  EXPECT_EQ(resolve("T", "Talks resume Thursday in Geneva.", false), "2023-9-7");
  EXPECT_EQ(resolve("T", "The forum begins on Monday.", false), "2023-9-4");
  // Past, though the meeting told is planned.
  EXPECT_EQ(resolve("T", "Lula, who met Biden on Friday, will visit Paris.", true), "2023-9-1");
  EXPECT_EQ(resolve("T", "The visit was postponed on Saturday.", true), "2023-9-2");
  EXPECT_EQ(resolve("T", "The ministers agreed Tuesday to meet again.", true), "2023-8-29");
  // Nothing decided: the status does.
  EXPECT_EQ(resolve("T", "Talks will be held on Friday.", true), "2023-9-8");
  EXPECT_EQ(resolve("T", "The talks are scheduled on Friday.", true), "2023-9-8");
  EXPECT_EQ(resolve("T", "Biden will meet Crown Prince Mohammed on Friday.", true), "2023-9-8");
  EXPECT_EQ(resolve("T", "Talks proceed on Friday.", true), "2023-9-8");
  // A headline's present may tell the past.
  EXPECT_EQ(resolve("Summit opens on Friday", "Leaders gathered.", false), "2023-9-1");
  // A schedule word after an article is a noun: "got off to a contentious start on Thursday".
  EXPECT_EQ(resolve("T", "The talks got off to a contentious start on Thursday.", false),
            "2023-8-31");
  EXPECT_EQ(resolve("T", "The talks got off to a start on Thursday.", false), "2023-8-31");
}

// "earlier this week" is the publication's month when the week's days so far lie in it; none
// when the week began in the month before, none for "this week", "last week" or "this week's".
TEST(DatesTest, EarlierThisWeekIsTheMonthWhenTheWeekLiesInIt) {
  const absl::CivilDay friday(2023, 3, 17);
  auto month = [](const std::vector<DateMention>& d) {
    return d.empty() ? std::string("none") : Str(d[0].start) + (d[0].month_relative ? "" : "?");
  };
  EXPECT_EQ(month(Dates("The ministers met in Santiago earlier this week.", friday)), "2023-3-0");
  EXPECT_EQ(month(Dates("Talks held early this week ended without a deal.", friday)), "2023-3-0");
  // The week began on Monday 27 February.
  EXPECT_EQ(month(Dates("They met earlier this week.", absl::CivilDay(2023, 3, 2))), "none");
  EXPECT_EQ(month(Dates("They will meet this week.", friday)), "none");
  EXPECT_EQ(month(Dates("They met last week.", friday)), "none");
  EXPECT_EQ(month(Dates("Earlier this week's talks failed.", friday)), "none");
  EXPECT_EQ(month(Dates("They met earlier this week.")), "none");
}

// "next" and "last" before a weekday decide its direction over the tense, and skip the
// publication day; "the day before yesterday" and "the day after tomorrow" are two days off.
TEST(DatesTest, NextOrLastWeekdayAndTwoDaysOff) {
  const absl::CivilDay thursday(2024, 3, 14);
  const auto next = Dates("They will meet next Tuesday.", thursday);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(next[0], thursday, false)), "2024-3-19");
  const auto last = Dates("They met last Thursday.", thursday);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(last[0], thursday, true)), "2024-3-7");
  const auto coming = Dates("Talks this coming Thursday.", thursday);
  ASSERT_EQ(coming.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(coming[0], thursday, false)), "2024-3-21");
  const auto before = Dates("They met the day before yesterday.", thursday);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(before[0], thursday, false)), "2024-3-12");
  const auto after = Dates("They meet the day after tomorrow.", thursday);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(after[0], thursday, false)), "2024-3-16");
}

// "at the weekend", "over the weekend", "last weekend", "next weekend": the weekend's Saturday,
// resolved as a weekday; "the weekend's talks" is none.
TEST(DatesTest, WeekendIsItsSaturday) {
  const absl::CivilDay monday(2024, 3, 18);
  const auto at = Dates("The leaders met at the weekend in Rome.", monday);
  ASSERT_EQ(at.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(at[0], monday, false)), "2024-3-16");
  const auto over = Dates("They held talks over the weekend.", monday);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(over[0], monday, false)), "2024-3-16");
  const auto next = Dates("They will meet next weekend.", monday);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(next[0], monday, false)), "2024-3-23");
  EXPECT_TRUE(Dates("The weekend's talks were cordial.", monday).empty());
}

// Numeric dates with a year: dots are day first, slashes day or month first as a number above
// 12 shows (neither: not read), a year first is year-month-day; a time is no date.
// "the following day", "the next day", "a day later", "two days later", "the previous day",
// "the day before,", "the previous evening", ", a day after <event>": a day counted from the date
// told just before, to the day; none without one.
TEST(DatesTest, DayCountedFromTheDateToldBefore) {
  const absl::CivilDay published(2025, 4, 26);  // A Saturday.
  auto last = [&](const std::string& body) {
    const auto d = Dates(body, published);
    if (d.size() < 2) {
      return std::string("none");
    }
    const std::optional<v1::Date> day = ResolveRelative(d.back(), published, false);
    return day.has_value() ? Str(*day) : std::string("none");
  };
  EXPECT_EQ(last("Lula landed in Buenos Aires on January 22. The talks he held at the palace "
                 "the following day produced a plan."),
            "2025-1-23");
  EXPECT_EQ(last("The delegation arrived on 31 March 2024 and met the minister the next day."),
            "2024-4-1");
  EXPECT_EQ(last("The ministers met on Monday. Two days later, they signed the accord."),
            "2025-4-23");
  EXPECT_EQ(last("The envoys met on April 10; a day later the leaders spoke by phone."),
            "2025-4-11");
  EXPECT_EQ(last("The ministers met yesterday. The day before, the leaders spoke by phone."),
            "2025-4-24");
  EXPECT_EQ(last("The summit opened on 12 March. Three days earlier the envoys met."), "2025-3-9");
  EXPECT_EQ(last("The leaders met on Monday. Earlier in the day, the ministers met."), "2025-4-21");
  EXPECT_EQ(last("The leaders met on 12 March. Hours earlier the envoys met."), "2025-3-12");
  EXPECT_EQ(last("The leaders met on 12 March; the ministers met the same day."), "2025-3-12");
  EXPECT_EQ(last("Pompeo met Moon on Thursday to brief him on the summit held three days ago. "
                 "Earlier in the day, the ministers met."),
            "2025-4-24");
  EXPECT_EQ(last("The minister said on Friday that talks with his counterpart the previous "
                 "evening had gone well."),
            "2025-4-24");
  EXPECT_EQ(last("The leaders met on 12 March, after a dinner the previous night."), "2025-3-11");
  // "said on Wednesday, a day after X hosted Y": what follows is a day before the date told
  // right before it; "two days before the summit", days after it.
  EXPECT_EQ(last("Officials said on Wednesday, a day after the minister hosted his counterpart "
                 "for talks."),
            "2025-4-22");
  EXPECT_EQ(last("The envoys met on 12 March, two days before the leaders held a summit."),
            "2025-3-14");
  // Counted from another event, from a month only, or from nothing: no date.
  EXPECT_TRUE(Dates("The envoys had met the previous evening.", published).empty());
  EXPECT_EQ(last("They met on 12 March. Officials said a day after the talks that it went well."),
            "none");
  EXPECT_EQ(last("They met on April 10, the day before the summit opened."), "none");
  EXPECT_EQ(last("They met in March. The next day the leaders spoke."), "none");
  EXPECT_TRUE(Dates("The leaders spoke the following day.", published).empty());
}

TEST(DatesTest, DaysAgoAreCountedBackFromThePublication) {
  const absl::CivilDay published(2025, 4, 26);
  auto only = [&](const std::string& body) {
    const auto d = Dates(body, published);
    if (d.size() != 1) {
      return std::string("none");
    }
    const std::optional<v1::Date> day = ResolveRelative(d[0], published, false);
    return day.has_value() ? Str(*day) : std::string("none");
  };
  EXPECT_EQ(only("The summit took place in Singapore two days ago."), "2025-4-24");
  EXPECT_EQ(only("The envoys met a day ago."), "2025-4-25");
  EXPECT_EQ(only("The leaders met 3 days ago."), "2025-4-23");
  EXPECT_EQ(only("The leaders met two weeks ago."), "none");
  EXPECT_EQ(only("The leaders met two days."), "none");
}

TEST(DatesTest, NumericDatesWithAYear) {
  EXPECT_EQ(Str(Dates("Talks on 14.03.2025 in Astana.")[0].start), "2025-3-14");
  EXPECT_EQ(Str(Dates("Talks on 2025/03/14 in Astana.")[0].start), "2025-3-14");
  EXPECT_EQ(Str(Dates("Talks on 14/3/2025 in Astana.")[0].start), "2025-3-14");
  EXPECT_EQ(Str(Dates("Talks on 3/14/2025 in Astana.")[0].start), "2025-3-14");
  EXPECT_TRUE(Dates("Talks on 3/4/2025 in Astana.").empty());
  EXPECT_TRUE(Dates("Talks at 12.30 in Astana.").empty());
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

// "Friday, April 1", "on Tuesday, 3 March", "Monday the 5th of May": one date, the absolute
// one, which the weekday only names; no relative weekday beside it.
TEST(DatesTest, WeekdayBeforeAnAbsoluteDateIsThatDate) {
  const absl::CivilDay published(2022, 3, 29);
  auto d = Dates("The visit starts on Friday, April 1.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].relative);
  EXPECT_EQ(Str(d[0].start), "2022-4-1");
  d = Dates("The ministers met on Tuesday, 22 March, in Oslo.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2022-3-22");
  d = Dates("They will meet on Monday the 4th of April 2022.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2022-4-4");
  d = Dates("The talks end Thursday Mar. 31.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2022-3-31");
  // Without a publication day the absolute date still gives the day.
  d = Dates("They met on Wednesday, 5 May 2010.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2010-5-5");
  // A weekday followed by something else stays a weekday.
  d = Dates("They met on Friday, and the leaders spoke again.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d[0].relative);
  d = Dates("On Friday the 12 ministers met.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(d[0].relative);
}

// A weekday before a day and month without a year tells the year when the nearest one to the
// publication does not fall on it; a weekday that fits the nearest year leaves it.
TEST(DatesTest, WeekdayBeforeADayAndMonthTellsTheYear) {
  const absl::CivilDay published(2024, 9, 4);
  auto d = Dates("Erdogan visited Cairo on Wednesday, February 14.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2024-2-14");
  d = Dates("The ministers met in Rome on Wednesday 10 January.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2024-1-10");
  d = Dates("The talks were held on Monday the 5th of February.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2024-2-5");
  d = Dates("The envoys met on Thursday, Feb. 1, in Doha.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2024-2-1");
  // The weekday fits the nearest year: it stays.
  d = Dates("The summit opens on Friday, January 17.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2025-1-17");
  // Without a weekday the nearest year stays.
  d = Dates("Erdogan visited Cairo on February 14.", published);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2025-2-14");
}

// "on the 10th (local time)", as translated copy tells a day abroad: a day of the month.
TEST(DatesTest, DayOfTheMonthBeforeABracket) {
  const auto d =
      Dates("The leaders met in Washington on the 10th (local time).", absl::CivilDay(2024, 4, 11));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(Str(d[0].start), "2024-4-10");
}

TEST(DatesTest, DatelineIsMarked) {
  const auto d =
      Dates("WASHINGTON, March 11 - Talks began on March 12.", absl::CivilDay(1987, 3, 11));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(d[0].dateline);
  EXPECT_FALSE(d[1].dateline);
  // Day first: "BRUSSELS, 12 May (Belga) -".
  const auto e =
      Dates("BRUSSELS, 12 May (Belga) - Talks began on 13 May.", absl::CivilDay(2020, 5, 12));
  ASSERT_EQ(e.size(), 2u);
  EXPECT_TRUE(e[0].dateline);
  EXPECT_FALSE(e[1].dateline);
}

// A translated agency report's dateline, the town in title case and a colon after the date:
// "Astana, 3 March: ..."; a town and a date in a sentence are no dateline.
TEST(DatesTest, TitleCaseDatelineWithAColon) {
  const auto d =
      Dates("Astana, 3 March: Aidar Seitkali met Zhao Wenhao today.", absl::CivilDay(1987, 3, 4));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(d[0].dateline);
  const auto e =
      Dates("In Astana, on 3 March, Aidar Seitkali met Zhao Wenhao.", absl::CivilDay(1987, 3, 4));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_FALSE(e[0].dateline);
}

// A title-case town's dateline before an agency's bracket or name, or a dash: "Hanoi, May 4
// (VNA) -", "Tashkent, 12 May, UzA."; not a weekday, nor a date a sentence goes on to use.
TEST(DatesTest, TitleCaseDatelineBeforeAnAgency) {
  for (const char* text :
       {"Hanoi, May 4 (VNA) - Ministers met today.", "Tashkent, 12 May, UzA. Ministers met today.",
        "Hanoi, May 4 - Ministers met today."}) {
    const auto d = Dates(text, absl::CivilDay(2024, 5, 4));
    ASSERT_EQ(d.size(), 2u) << text;
    EXPECT_TRUE(d[0].dateline) << text;
  }
  for (const char* text : {"Tuesday, May 4 (the day of the vote) - Ministers met.",
                           "Hanoi, May 4, was calm as ministers met.",
                           "Yesterday, May 4, President Ivan Petrov held talks with Li Wenhao.",
                           "Then, May 4, French President Ivan Petrov met Li Wenhao."}) {
    const auto d = Dates(text, absl::CivilDay(2024, 5, 4));
    ASSERT_FALSE(d.empty()) << text;
    EXPECT_FALSE(d[0].dateline) << text;
  }
}

// A line that is only a date with its year, or a town and such a date, above or below a press
// release is its dateline; a date in a sentence is not.
TEST(DatesTest, LineOfADateAloneIsADateline) {
  const auto below = Dates("The ministers met in Belgrade.\n\nBelgrade, 12 May 2020");
  ASSERT_EQ(below.size(), 1u);
  EXPECT_TRUE(below[0].dateline);
  const auto above = Dates("12.05.2020\n\nThe ministers met in Belgrade.");
  ASSERT_EQ(above.size(), 1u);
  EXPECT_TRUE(above[0].dateline);
  const auto in_text = Dates("The ministers met in Belgrade on 12 May 2020.");
  ASSERT_EQ(in_text.size(), 1u);
  EXPECT_FALSE(in_text[0].dateline);
}

TEST(DatesTest, ImpossibleDatesAreIgnored) {
  EXPECT_TRUE(Dates("They met on February 30, 2021.").empty());
}

TEST(DatesTest, IsMonthNameTakesFullNamesOnly) {
  EXPECT_TRUE(IsMonthName("september"));
  EXPECT_TRUE(IsMonthName("may"));
  EXPECT_FALSE(IsMonthName("sept"));
  EXPECT_FALSE(IsMonthName("sep"));
  EXPECT_FALSE(IsMonthName("monday"));
  EXPECT_FALSE(IsMonthName("year"));
}

}  // namespace
}  // namespace parley::extract
