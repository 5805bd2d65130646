#include "tests/testing_util/meeting_matchers.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace parley::testing_util {
namespace {

using ::testing::HasSubstr;

v1::ExtractResult Result(const std::string& text) {
  v1::ExtractResult result;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &result)) << text;
  return result;
}

v1::Meeting Meeting(const std::string& text) {
  v1::Meeting meeting;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &meeting)) << text;
  return meeting;
}

// The fixture every case starts from: one bilateral with two people and a document.
constexpr char kExpected[] = R"pb(
  meetings {
    kind: MEETING_KIND_BILATERAL
    status: MEETING_STATUS_HELD
    start_date { year: 2025 month: 4 day: 26 }
    venue { city: "Almaty" country_code: "KZ" }
    countries: "KZ"
    countries: "UZ"
    people { name: "Murat Nurtleu" country_code: "KZ" }
    people { name: "Bakhtiyor Saidov" country_code: "UZ" }
    documents { type: DOCUMENT_TYPE_AGREEMENT }
  })pb";

// What an extractor might return for it: the same fields plus ones the fixture does not list.
constexpr char kActual[] = R"pb(
  kind: MEETING_KIND_BILATERAL
  status: MEETING_STATUS_HELD
  title: "KZ-UZ talks in Almaty"
  start_date { year: 2025 month: 4 day: 26 }
  venue { city: "Almaty" country_code: "KZ" country: "Kazakhstan" }
  countries: "UZ"
  countries: "KZ"
  people { name: "Bakhtiyor Saidov" role: "Foreign Minister" country_code: "UZ" }
  people { name: "Murat Nurtleu" role: "Foreign Minister" country_code: "KZ" }
  documents { type: DOCUMENT_TYPE_AGREEMENT title: "Agreement on transit" }
  topics: TOPIC_TRADE
  evidence { field: "venue" begin: 3 end: 9 value: "Almaty" })pb";

TEST(MeetingsMatchTest, PassesOnTheListedFieldsInAnyOrder) {
  EXPECT_TRUE(MeetingsMatch(Result(kExpected), {Meeting(kActual)}));
}

TEST(MeetingsMatchTest, PassesWhenNothingIsExpectedAndNothingComes) {
  EXPECT_TRUE(MeetingsMatch(Result(""), {}));
}

TEST(MeetingsMatchTest, AnEmptyExpectedMeetingAcceptsAnyMeeting) {
  EXPECT_TRUE(MeetingsMatch(Result("meetings {}"), {Meeting(kActual)}));
}

TEST(MeetingsMatchTest, FailsOnAnExtraMeeting) {
  const testing::AssertionResult result =
      MeetingsMatch(Result(kExpected), {Meeting(kActual), Meeting(kActual)});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("expected 1 meeting(s), got 2"));
}

TEST(MeetingsMatchTest, FailsOnAMeetingForANegative) {
  EXPECT_FALSE(MeetingsMatch(Result(""), {Meeting(kActual)}));
}

TEST(MeetingsMatchTest, FailsOnAMissingMeeting) {
  const testing::AssertionResult result =
      MeetingsMatch(Result(std::string(kExpected) + "meetings { kind: MEETING_KIND_SUMMIT }"),
                    {Meeting(kActual)});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("expected 2 meeting(s), got 1"));
}

TEST(MeetingsMatchTest, FailsOnAnExtraRepeatedValue) {
  v1::Meeting actual = Meeting(kActual);
  actual.add_countries("RU");
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("meeting 0: countries: expected 2 value(s)"));
  EXPECT_THAT(result.message(), HasSubstr("unexpected \"RU\""));
}

TEST(MeetingsMatchTest, FailsOnADuplicateValue) {
  v1::Meeting actual = Meeting(kActual);
  actual.add_countries("KZ");
  EXPECT_FALSE(MeetingsMatch(Result(kExpected), {actual}));
  // Same count, but one value twice and the other missing.
  actual.clear_countries();
  actual.add_countries("KZ");
  actual.add_countries("KZ");
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("missing \"UZ\""));
}

TEST(MeetingsMatchTest, FailsOnAMissingRepeatedValue) {
  v1::Meeting actual = Meeting(kActual);
  actual.mutable_people()->RemoveLast();
  EXPECT_FALSE(MeetingsMatch(Result(kExpected), {actual}));
}

TEST(MeetingsMatchTest, FailsOnAnExtraOrDuplicatePerson) {
  v1::Meeting actual = Meeting(kActual);
  *actual.add_people() = actual.people(0);
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("people: expected 2 value(s)"));
}

TEST(MeetingsMatchTest, FailsOnAnExtraDocument) {
  v1::Meeting actual = Meeting(kActual);
  actual.add_documents()->set_type(v1::DOCUMENT_TYPE_AGREEMENT);
  EXPECT_FALSE(MeetingsMatch(Result(kExpected), {actual}));
}

TEST(MeetingsMatchTest, FailsOnAWrongScalar) {
  v1::Meeting actual = Meeting(kActual);
  actual.set_kind(v1::MEETING_KIND_MULTILATERAL);
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("meeting 0: kind: expected MEETING_KIND_BILATERAL, got "
                                          "MEETING_KIND_MULTILATERAL"));
}

TEST(MeetingsMatchTest, FailsOnAWrongNestedSubfield) {
  v1::Meeting actual = Meeting(kActual);
  actual.mutable_start_date()->set_day(27);
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("start_date.day: expected 26, got 27"));
}

TEST(MeetingsMatchTest, FailsOnAnUnsetNestedMessage) {
  v1::Meeting actual = Meeting(kActual);
  actual.clear_venue();
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("venue: expected {city: \"Almaty\""));
}

TEST(MeetingsMatchTest, FailsOnAPersonWithTheWrongCountry) {
  v1::Meeting actual = Meeting(kActual);
  actual.mutable_people(0)->set_country_code("KZ");
  const testing::AssertionResult result = MeetingsMatch(Result(kExpected), {actual});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("missing {name: \"Bakhtiyor Saidov\""));
}

TEST(MeetingsMatchTest, ComparesMeetingsInOrder) {
  const v1::ExtractResult expected = Result(R"pb(
    meetings { kind: MEETING_KIND_BILATERAL }
    meetings { kind: MEETING_KIND_SUMMIT })pb");
  const v1::Meeting bilateral = Meeting("kind: MEETING_KIND_BILATERAL");
  const v1::Meeting summit = Meeting("kind: MEETING_KIND_SUMMIT");
  EXPECT_TRUE(MeetingsMatch(expected, {bilateral, summit}));
  const testing::AssertionResult result = MeetingsMatch(expected, {summit, bilateral});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("meeting 1: kind: expected MEETING_KIND_SUMMIT"));
}

TEST(MeetingsMatchTest, PairsPartialRepeatedMessagesOneToOne) {
  // The first expected person fits both actual people; a greedy pairing that gave it the
  // first would leave the second expected person unpaired.
  const v1::ExtractResult expected = Result(R"pb(
    meetings {
      people { name: "A" }
      people { name: "A" country_code: "KZ" }
    })pb");
  const v1::Meeting actual = Meeting(R"pb(
    people { name: "A" country_code: "KZ" }
    people { name: "A" country_code: "UZ" })pb");
  EXPECT_TRUE(MeetingsMatch(expected, {actual}));
}

TEST(MeetingsMatchTest, AlwaysCompareRequiresAnEmptyField) {
  v1::Meeting actual = Meeting(kActual);
  const v1::ExtractResult expected = Result(R"pb(meetings { kind: MEETING_KIND_BILATERAL })pb");
  EXPECT_TRUE(MeetingsMatch(expected, {actual}));
  const testing::AssertionResult result = MeetingsMatch(expected, {actual}, {"documents", "venue"});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("meeting 0: documents: expected 0 value(s)"));
  EXPECT_THAT(result.message(), HasSubstr("meeting 0: venue: expected unset"));
  actual.clear_documents();
  actual.clear_venue();
  EXPECT_TRUE(MeetingsMatch(expected, {actual}, {"documents", "venue"}));
}

TEST(MeetingsMatchTest, RejectsAnUnknownFieldName) {
  const testing::AssertionResult result = MeetingsMatch(Result(""), {}, {"venu"});
  EXPECT_FALSE(result);
  EXPECT_THAT(result.message(), HasSubstr("no field `venu`"));
}

TEST(MessageMatchesTest, ComparesAnyMessageOnTheExpectedFields) {
  v1::Person expected;
  expected.set_name("Murat Nurtleu");
  v1::Person actual = expected;
  actual.set_role("Foreign Minister");
  EXPECT_TRUE(MessageMatches(expected, actual));
  actual.set_name("Murat Nurtleev");
  EXPECT_FALSE(MessageMatches(expected, actual));
  EXPECT_FALSE(MessageMatches(expected, v1::Meeting()));
}

}  // namespace
}  // namespace parley::testing_util
