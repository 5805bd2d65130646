#include "services/domain/meeting_rules.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::testing::ElementsAre;

v1::Meeting Parse(const std::string& text) {
  v1::Meeting m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

v1::Date D(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

TEST(MeetingRulesTest, DateKeyOrdersPartialDatesFirst) {
  EXPECT_EQ(DateKey(D(2025, 4, 26)), 20250426);
  EXPECT_LT(DateKey(D(2025, 4, 0)), DateKey(D(2025, 4, 1)));
  EXPECT_EQ(DateKey(v1::Date()), 0);
}

TEST(MeetingRulesTest, ValidateDateRejectsImpossibleDates) {
  EXPECT_TRUE(ValidateDate(D(2024, 2, 29), "d").ok());
  EXPECT_EQ(ValidateDate(D(2023, 2, 29), "d").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateDate(D(2023, 13, 1), "d").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateDate(D(2023, 0, 5), "d").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(ValidateDate(D(2023, 4, 31), "start_date").message()),
              ::testing::HasSubstr("start_date.day"));
}

TEST(MeetingRulesTest, ValidateMeetingNamesTheBadField) {
  v1::Meeting m = Parse(R"pb(countries: "KZ" countries: "Kazakhstan")pb");
  const absl::Status status = ValidateMeeting(m);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("countries"));
  EXPECT_TRUE(ValidateMeeting(Parse(R"pb(countries: "KZ")pb")).ok());
  EXPECT_FALSE(ValidateMeeting(Parse(R"pb(start_date { year: 2025 month: 5 day: 2 }
                                          end_date { year: 2025 month: 5 day: 1 })pb"))
                   .ok());
}

TEST(MeetingRulesTest, NormalisedSortsAndDeduplicates) {
  const v1::Meeting m = Normalised(Parse(R"pb(
    countries: "uz"
    countries: "CN"
    countries: "UZ"
    topics: TOPIC_TRADE
    topics: TOPIC_SECURITY
    topics: TOPIC_TRADE
    people { name: "Wang Yi" }
    people { name: "WANG YI" role: "Foreign Minister" country_code: "cn" }
    documents { type: DOCUMENT_TYPE_JOINT_COMMUNIQUE }
    documents { type: DOCUMENT_TYPE_JOINT_COMMUNIQUE title: "Almaty Communique" }
  )pb"));
  EXPECT_THAT(m.countries(), ElementsAre("CN", "UZ"));
  EXPECT_THAT(m.topics(), ElementsAre(v1::TOPIC_TRADE, v1::TOPIC_SECURITY));
  ASSERT_EQ(m.people_size(), 1);
  EXPECT_EQ(m.people(0).role(), "Foreign Minister");
  EXPECT_EQ(m.people(0).country_code(), "CN");
  ASSERT_EQ(m.documents_size(), 1);
  EXPECT_EQ(m.documents(0).title(), "Almaty Communique");
}

TEST(MeetingRulesTest, NormalisedKeepsTheNumberOfUntitledDocuments) {
  // "The ministers signed three agreements and a memorandum": three untitled agreements are
  // three documents; a titled one is kept once.
  const v1::Meeting m = Normalised(Parse(R"pb(
    documents { type: DOCUMENT_TYPE_AGREEMENT }
    documents { type: DOCUMENT_TYPE_AGREEMENT }
    documents { type: DOCUMENT_TYPE_AGREEMENT }
    documents { type: DOCUMENT_TYPE_MEMORANDUM title: "Memorandum on Water" }
    documents { type: DOCUMENT_TYPE_MEMORANDUM title: "memorandum on water" }
  )pb"));
  ASSERT_EQ(m.documents_size(), 4);
  EXPECT_EQ(m.documents(3).type(), v1::DOCUMENT_TYPE_MEMORANDUM);
  // Merging a report of the same three agreements adds none; one of four adds one.
  const v1::Meeting three = Parse(R"pb(
    documents { type: DOCUMENT_TYPE_AGREEMENT }
    documents { type: DOCUMENT_TYPE_AGREEMENT }
    documents { type: DOCUMENT_TYPE_AGREEMENT }
  )pb");
  EXPECT_EQ(MergeMeetings(m, three).documents_size(), 4);
  v1::Meeting four = three;
  four.add_documents()->set_type(v1::DOCUMENT_TYPE_AGREEMENT);
  EXPECT_EQ(MergeMeetings(m, four).documents_size(), 5);
  EXPECT_EQ(MergeMeetings(MergeMeetings(m, four), four).documents_size(), 5);
}

TEST(MeetingRulesTest, ArticleIdIsContentHash) {
  v1::Article a;
  a.set_title("t");
  a.set_body("b");
  a.set_url("https://example.org/1");
  v1::Article b = a;
  b.set_url("https://mirror.example.org/1");
  EXPECT_EQ(ArticleId(a), ArticleId(b));
  EXPECT_EQ(ArticleId(a).size(), 34u);
  b.set_body("c");
  EXPECT_NE(ArticleId(a), ArticleId(b));
}

const char kAlmaty[] = R"pb(
  kind: MEETING_KIND_MINISTERIAL
  status: MEETING_STATUS_HELD
  start_date { year: 2025 month: 4 day: 26 }
  venue { city: "Almaty" country_code: "KZ" }
  countries: "CN"
  countries: "KZ"
  countries: "KG"
  countries: "TJ"
  countries: "UZ"
  people { name: "Wang Yi" })pb";

TEST(MeetingRulesTest, SameMeetingFromTwoReports) {
  const v1::Meeting a = Parse(kAlmaty);
  v1::Meeting b = Parse(R"pb(
    kind: MEETING_KIND_MINISTERIAL
    status: MEETING_STATUS_HELD
    start_date { year: 2025 month: 4 day: 0 }
    venue { city: "ALMATY" }
    countries: "CN"
    countries: "KZ"
    countries: "KG"
    countries: "TJ"
    countries: "UZ"
    countries: "TM")pb");
  EXPECT_GE(SameMeetingScore(a, b), kSameMeetingThreshold);
  EXPECT_GE(SameMeetingScore(b, a), kSameMeetingThreshold);
}

TEST(MeetingRulesTest, DifferentCityDateOrMediumIsNotTheSameMeeting) {
  const v1::Meeting a = Parse(kAlmaty);
  v1::Meeting other_city = a;
  other_city.mutable_venue()->set_city("Astana");
  EXPECT_LT(SameMeetingScore(a, other_city), kSameMeetingThreshold);
  v1::Meeting other_day = a;
  other_day.mutable_start_date()->set_day(27);
  EXPECT_LT(SameMeetingScore(a, other_day), kSameMeetingThreshold);
  v1::Meeting call = a;
  call.set_kind(v1::MEETING_KIND_PHONE_CALL);
  EXPECT_LT(SameMeetingScore(a, call), kSameMeetingThreshold);
}

TEST(MeetingRulesTest, SideMeetingIsNotItsSummit) {
  const v1::Meeting summit = Parse(kAlmaty);
  v1::Meeting side = Parse(R"pb(
    kind: MEETING_KIND_BILATERAL
    start_date { year: 2025 month: 4 day: 26 }
    venue { city: "Almaty" }
    countries: "CN"
    countries: "KZ")pb");
  EXPECT_LT(SameMeetingScore(summit, side), kSameMeetingThreshold);
}

TEST(MeetingRulesTest, DisjointParticipantsAreNotTheSameMeeting) {
  const v1::Meeting a = Parse(R"pb(start_date { year: 2024 month: 1 day: 5 }
                                   countries: "US"
                                   countries: "RU")pb");
  const v1::Meeting b = Parse(R"pb(start_date { year: 2024 month: 1 day: 5 }
                                   countries: "FR"
                                   countries: "DE")pb");
  EXPECT_LT(SameMeetingScore(a, b), kSameMeetingThreshold);
}

TEST(MeetingRulesTest, MergeUnionsFactsAndRefinesDates) {
  v1::Meeting base = Parse(R"pb(
    id: "m-1"
    create_revision: 3
    status: MEETING_STATUS_SCHEDULED
    start_date { year: 2025 month: 4 }
    countries: "KZ"
    topics: TOPIC_TRADE
    sources {
      article_id: "a-1"
      published_at { seconds: 100 }
    })pb");
  const v1::Meeting incoming = Parse(R"pb(
    status: MEETING_STATUS_HELD
    start_date { year: 2025 month: 4 day: 26 }
    venue { city: "Almaty" country_code: "KZ" }
    countries: "CN"
    countries: "KZ"
    topics: TOPIC_SECURITY
    documents { type: DOCUMENT_TYPE_JOINT_COMMUNIQUE }
    sources {
      article_id: "a-2"
      published_at { seconds: 200 }
    })pb");
  const v1::Meeting merged = MergeMeetings(base, incoming);
  EXPECT_EQ(merged.id(), "m-1");
  EXPECT_EQ(merged.create_revision(), 3u);
  EXPECT_EQ(merged.status(), v1::MEETING_STATUS_HELD);
  EXPECT_EQ(merged.start_date().day(), 26);
  EXPECT_EQ(merged.venue().city(), "Almaty");
  EXPECT_THAT(merged.countries(), ElementsAre("CN", "KZ"));
  EXPECT_THAT(merged.topics(), ElementsAre(v1::TOPIC_TRADE, v1::TOPIC_SECURITY));
  EXPECT_EQ(merged.sources_size(), 2);
  // Merging the same report again adds no source and changes no fact.
  const v1::Meeting again = MergeMeetings(merged, incoming);
  EXPECT_EQ(again.sources_size(), 2);
  EXPECT_EQ(again.documents_size(), 1);
}

TEST(MeetingRulesTest, FilterMatching) {
  const v1::Meeting m = Normalised(Parse(R"pb(
    kind: MEETING_KIND_MINISTERIAL
    status: MEETING_STATUS_HELD
    start_date { year: 2025 month: 4 day: 26 }
    venue { city: "Almaty" }
    countries: "KZ"
    countries: "CN"
    topics: TOPIC_TRADE
    format: "Central Asia-China"
    people { name: "Murat Nurtleu" })pb"));
  auto f = [](const std::string& text) {
    v1::MeetingFilter filter;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &filter));
    return filter;
  };
  EXPECT_TRUE(MatchesFilter(m, f("")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(countries: "US" countries: "kz")pb")));
  EXPECT_FALSE(MatchesFilter(m, f(R"pb(countries: "US")pb")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(person: "murat NURTLEU")pb")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(person: "Nurtleu")pb")));
  EXPECT_FALSE(MatchesFilter(m, f(R"pb(person: "leu")pb")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(city: "ALMATY")pb")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(format: "central asia - china")pb")));
  EXPECT_FALSE(MatchesFilter(m, f(R"pb(kinds: MEETING_KIND_SUMMIT)pb")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(statuses: MEETING_STATUS_HELD)pb")));
  EXPECT_FALSE(MatchesFilter(m, f(R"pb(topics: TOPIC_NUCLEAR)pb")));
  EXPECT_TRUE(MatchesFilter(m, f(R"pb(start_date_from { year: 2025 month: 4 day: 26 }
                                      start_date_to { year: 2025 month: 4 })pb")));
  EXPECT_FALSE(MatchesFilter(m, f(R"pb(start_date_from { year: 2025 month: 4 day: 27 })pb")));
}

TEST(MeetingRulesTest, ValidateFilterRejectsBadCodes) {
  v1::MeetingFilter filter;
  filter.add_countries("Kazakhstan");
  EXPECT_EQ(ValidateFilter(filter).code(), absl::StatusCode::kInvalidArgument);
}

TEST(MeetingRulesTest, TruncateUtf8CutsOnACharacterBoundary) {
  EXPECT_EQ(TruncateUtf8("abc", 5), "abc");
  EXPECT_EQ(TruncateUtf8("abcdef", 3), "abc");
  // "é" is two bytes, "€" three: a cut inside either drops the whole character.
  EXPECT_EQ(TruncateUtf8("aé", 2), "a");
  EXPECT_EQ(TruncateUtf8("a€b", 3), "a");
  EXPECT_EQ(TruncateUtf8("a€b", 4), "a€");
  EXPECT_EQ(TruncateUtf8("€", 0), "");
}

// Two reports of nine 1 MB statements each, merged: the record the issue found wedging every
// reader at 18.9 MB.
TEST(MeetingRulesTest, BoundMeetingKeepsAMergedRecordUnderItsBudget) {
  v1::Meeting a = Parse(R"pb(countries: "FR" countries: "DE" title: "Talks")pb");
  v1::Meeting b = a;
  for (int i = 0; i < 9; ++i) {
    v1::Statement* s = a.add_statements();
    s->set_speaker("Minister A");
    s->set_text(std::string(1 << 20, static_cast<char>('a' + i)));
    v1::Statement* t = b.add_statements();
    t->set_speaker("Minister B");
    t->set_text(std::string(1 << 20, static_cast<char>('j' + i)));
  }
  const v1::Meeting merged = MergeMeetings(a, b);
  ASSERT_GT(merged.ByteSizeLong(), 18u << 20);
  const RecordLimits limits;
  bool cut = false;
  const v1::Meeting bounded = BoundMeeting(merged, limits, &cut);
  EXPECT_TRUE(cut);
  EXPECT_LE(bounded.ByteSizeLong(), limits.max_bytes);
  ASSERT_EQ(bounded.statements_size(), 18);  // Under the count cap: each one shortened.
  EXPECT_EQ(bounded.statements(0).text(), std::string(limits.max_text_bytes, 'a'));
  EXPECT_EQ(bounded.statements(17).speaker(), "Minister B");
  EXPECT_THAT(bounded.countries(), ElementsAre("DE", "FR"));

  // A record within the limits is left alone.
  cut = true;
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
      BoundMeeting(a, RecordLimits{0}, &cut), a));
  EXPECT_FALSE(cut);
  const v1::Meeting small = Parse(R"pb(countries: "FR"
                                       statements { text: "hello" })pb");
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(BoundMeeting(small, limits, &cut), small));
  EXPECT_FALSE(cut);
}

TEST(MeetingRulesTest, BoundMeetingKeepsTheNewestSourcesAndTheFirstStatements) {
  v1::Meeting m = Parse(R"pb(countries: "FR")pb");
  for (int i = 0; i < 10; ++i) {
    v1::Source* s = m.add_sources();
    s->set_article_id(absl::StrCat("a-", i));
    // Published out of order: 3, 6, 9, 2, 5, 8, 1, 4, 7, 0 days.
    s->mutable_published_at()->set_seconds(int64_t{86400} * ((i * 3 + 3) % 10));
    v1::Evidence* e = m.add_evidence();
    e->set_field("countries");
    e->set_article_id(absl::StrCat("a-", i));
    m.add_statements()->set_text(absl::StrCat("statement ", i));
  }
  RecordLimits limits;
  limits.max_sources = 3;
  limits.max_statements = 4;
  const v1::Meeting bounded = BoundMeeting(m, limits);
  // The three newest (9, 8 and 7 days) in their original order: a-2, a-5, a-8.
  ASSERT_EQ(bounded.sources_size(), 3);
  EXPECT_EQ(bounded.sources(0).article_id(), "a-2");
  EXPECT_EQ(bounded.sources(1).article_id(), "a-5");
  EXPECT_EQ(bounded.sources(2).article_id(), "a-8");
  // Evidence from the dropped articles went with them.
  ASSERT_EQ(bounded.evidence_size(), 3);
  EXPECT_EQ(bounded.evidence(0).article_id(), "a-2");
  ASSERT_EQ(bounded.statements_size(), 4);
  EXPECT_EQ(bounded.statements(3).text(), "statement 3");

  // A tight byte budget drops evidence first, then statements, then the oldest sources.
  limits = RecordLimits();
  limits.max_bytes = 120;
  const v1::Meeting tight = BoundMeeting(m, limits);
  EXPECT_LE(tight.ByteSizeLong(), 120u);
  EXPECT_EQ(tight.evidence_size(), 0);
  EXPECT_EQ(tight.statements_size(), 0);
  EXPECT_GT(tight.sources_size(), 0);
  for (const v1::Source& s : tight.sources()) {
    EXPECT_GE(s.published_at().seconds(), 86400 * (10 - tight.sources_size()));
  }
  EXPECT_THAT(tight.countries(), ElementsAre("FR"));
}
TEST(MeetingRulesTest, CountryCodesMustBeAssigned) {
  EXPECT_TRUE(ValidateMeeting(Parse(R"pb(countries: "FR" countries: "kz")pb")).ok());
  // Codes of states that have ended, and Kosovo's two, are news' codes too.
  EXPECT_TRUE(
      ValidateMeeting(Parse(R"pb(countries: "SU" countries: "YU" countries: "DD")pb")).ok());
  EXPECT_TRUE(ValidateMeeting(Parse(R"pb(countries: "XK" countries: "KV")pb")).ok());
  for (const char* code : {"XX", "AA", "ZZ", "QQ", "EU", "UN"}) {
    v1::Meeting m;
    m.add_countries(code);
    const absl::Status status = ValidateMeeting(m);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << code;
    EXPECT_THAT(std::string(status.message()),
                ::testing::HasSubstr("is not an assigned ISO 3166-1 alpha-2 code"));
  }
  v1::MeetingFilter filter;
  filter.add_countries("XX");
  EXPECT_EQ(ValidateFilter(filter).code(), absl::StatusCode::kInvalidArgument);
  v1::Meeting venue = Parse(R"pb(venue { country_code: "XX" })pb");
  EXPECT_EQ(ValidateMeeting(venue).code(), absl::StatusCode::kInvalidArgument);
}

TEST(MeetingRulesTest, FiltersAreBoundedAndTheirDateRangeMustHoldADay) {
  v1::MeetingFilter filter;
  for (int i = 0; i < 101; ++i) {
    filter.add_statuses(v1::MEETING_STATUS_HELD);
  }
  absl::Status status = ValidateFilter(filter);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("filter.statuses has 101 entries; at most 100"));
  filter.Clear();
  filter.set_person(std::string(257, 'p'));
  status = ValidateFilter(filter);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("filter.person is 257 bytes; at most 256"));
  filter.Clear();
  *filter.mutable_start_date_from() = D(2025, 4, 0);
  *filter.mutable_start_date_to() = D(2025, 3, 31);
  status = ValidateFilter(filter);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("filter.start_date_to 2025-03-31 is before "
                                   "filter.start_date_from 2025-04"));
  *filter.mutable_start_date_to() = D(2025, 4, 1);  // One day: fine.
  EXPECT_TRUE(ValidateFilter(filter).ok());
  *filter.mutable_start_date_from() = D(2025, 0, 0);  // A year and a day in it: fine.
  EXPECT_TRUE(ValidateFilter(filter).ok());
}

TEST(MeetingRulesTest, EvidenceMustNotEndBeforeItBegins) {
  const absl::Status status =
      ValidateMeeting(Parse(R"pb(evidence { field: "countries" begin: 10 end: 12 }
                                 evidence { field: "people" begin: 40 end: 30 })pb"));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("evidence[1]: begin 40 is after end 30"));
}

}  // namespace
}  // namespace parley
