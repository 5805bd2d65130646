#include "tests/testing_util/extraction_score.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace parley::testing_util {
namespace {

using ::testing::Contains;
using ::testing::DoubleEq;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::Pair;

v1::ExtractResult Result(const std::string& text) {
  v1::ExtractResult result;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &result)) << text;
  return result;
}

std::vector<v1::Meeting> Meetings(const v1::ExtractResult& result) {
  return {result.meetings().begin(), result.meetings().end()};
}

constexpr char kGold[] = R"pb(
  meetings {
    status: MEETING_STATUS_HELD
    kind: MEETING_KIND_BILATERAL
    start_date { year: 2022 month: 9 day: 16 }
    venue { city: "Samarkand" country_code: "UZ" }
    countries: "IN"
    countries: "RU"
    people { name: "Narendra Modi" country_code: "IN" }
    people { name: "Vladimir Putin" country_code: "RU" }
    topics: TOPIC_ENERGY
  }
  meetings {
    status: MEETING_STATUS_HELD
    kind: MEETING_KIND_SUMMIT
    venue { city: "Samarkand" country_code: "UZ" }
    countries: "IN"
    countries: "RU"
    organizations: "SCO"
    documents { type: DOCUMENT_TYPE_DECLARATION }
  })pb";

TEST(PersonNameTest, FoldsCaseAccentsTitlesAndSuffixes) {
  EXPECT_EQ(FoldPersonName("Sheikh Tamim bin Hamad Al-Thani"), "tamim bin hamad al thani");
  EXPECT_EQ(FoldPersonName("Mr. Jean-Noël Barrot Jr."), "jean noel barrot");
  EXPECT_EQ(FoldPersonName("MEVLÜT ÇAVUŞOĞLU"), "mevlut cavusoglu");
}

TEST(PersonNameTest, SameSurnameWithACompatibleInitial) {
  EXPECT_TRUE(SamePerson("S. Jaishankar", "Subrahmanyam Jaishankar"));
  EXPECT_TRUE(SamePerson("Jaishankar", "Subrahmanyam Jaishankar"));
  EXPECT_TRUE(SamePerson("ali akbar velayati", "Ali Akbar Velayati"));
  EXPECT_FALSE(SamePerson("Hans-Dietrich Genscher", "Klaus Genscher"));
  EXPECT_FALSE(SamePerson("Vladimir Putin", "Vladimir Lenin"));
}

TEST(ExtractionScorerTest, GoldAgainstItselfScoresOneEverywhere) {
  ExtractionScorer scorer;
  const v1::ExtractResult gold = Result(kGold);
  scorer.Add("side", gold, Meetings(gold));
  scorer.Add("negative", v1::ExtractResult(), {});
  EXPECT_THAT(scorer.Figures(), Each(Pair(::testing::_, DoubleEq(1.0))));
  EXPECT_THAT(scorer.errors(), ::testing::IsEmpty());
}

TEST(ExtractionScorerTest, ScoresTheMainMeetingAgainstTheBestAlignedPrediction) {
  const v1::ExtractResult gold = Result(kGold);
  // The summit comes first and the side meeting second, with a wrong kind and an extra person.
  std::vector<v1::Meeting> predicted = {gold.meetings(1), gold.meetings(0)};
  predicted[1].set_kind(v1::MEETING_KIND_SUMMIT);
  predicted[1].add_people()->set_name("Shavkat Mirziyoyev");
  ExtractionScorer scorer;
  scorer.Add("side", gold, predicted);
  const auto& main = scorer.main_fields();
  EXPECT_EQ(main[static_cast<int>(ScoredField::kCountries)].tp, 2);
  EXPECT_EQ(main[static_cast<int>(ScoredField::kKind)].fp, 1);
  EXPECT_EQ(main[static_cast<int>(ScoredField::kKind)].fn, 1);
  EXPECT_EQ(main[static_cast<int>(ScoredField::kPeople)].tp, 2);
  EXPECT_EQ(main[static_cast<int>(ScoredField::kPeople)].fp, 1);
  EXPECT_EQ(scorer.records().tp, 2);
  EXPECT_THAT(scorer.errors(), Contains(HasSubstr("main.kind: gold MEETING_KIND_BILATERAL")));
}

TEST(ExtractionScorerTest, MissedAndSpuriousRecords) {
  const v1::ExtractResult gold = Result(kGold);
  v1::Meeting spurious;
  spurious.set_kind(v1::MEETING_KIND_PHONE_CALL);
  spurious.add_countries("FR");
  ExtractionScorer scorer;
  scorer.Add("side", gold, {gold.meetings(0), spurious});
  EXPECT_EQ(scorer.records().tp, 1);
  EXPECT_EQ(scorer.records().fn, 1);  // The summit.
  EXPECT_EQ(scorer.records().fp, 1);  // The phone call shares nothing with the summit.
  // The missed summit scores all its fields as misses.
  const auto& every = scorer.every_fields();
  EXPECT_EQ(every[static_cast<int>(ScoredField::kOrganizations)].fn, 1);
  EXPECT_EQ(every[static_cast<int>(ScoredField::kDocuments)].fn, 1);
  EXPECT_EQ(every[static_cast<int>(ScoredField::kCountries)].fn, 2);
  EXPECT_EQ(every[static_cast<int>(ScoredField::kDate)].fn, 0);  // No gold date: not scored.
}

TEST(ExtractionScorerTest, Detection) {
  const v1::ExtractResult gold = Result(kGold);
  ExtractionScorer scorer;
  scorer.Add("missed", gold, {});
  scorer.Add("false alarm", v1::ExtractResult(), {gold.meetings(0)});
  scorer.Add("negative", v1::ExtractResult(), {});
  EXPECT_EQ(scorer.detection().tp, 0);
  EXPECT_EQ(scorer.detection().fn, 1);
  EXPECT_EQ(scorer.detection().fp, 1);
  EXPECT_EQ(scorer.records().fp, 1);
  EXPECT_EQ(scorer.records().fn, 2);
  // A missed article scores every gold field of its main meeting as a miss.
  EXPECT_EQ(scorer.main_fields()[static_cast<int>(ScoredField::kVenueCity)].fn, 1);
}

TEST(ExtractionScorerTest, DatesAtTheGoldsPrecisionAndCitiesIgnoringCase) {
  v1::ExtractResult gold = Result(kGold);
  gold.mutable_meetings(0)->mutable_start_date()->set_day(0);  // September 2022.
  std::vector<v1::Meeting> predicted = Meetings(Result(kGold));
  predicted[0].mutable_venue()->set_city("SAMARKAND");
  ExtractionScorer scorer;
  scorer.Add("month", gold, predicted);
  EXPECT_EQ(scorer.main_fields()[static_cast<int>(ScoredField::kDate)].tp, 1);
  EXPECT_EQ(scorer.main_fields()[static_cast<int>(ScoredField::kVenueCity)].tp, 1);
}

TEST(ExtractionScorerTest, DocumentsAreAMultiset) {
  v1::ExtractResult gold = Result(kGold);
  gold.mutable_meetings(1)->add_documents()->set_type(v1::DOCUMENT_TYPE_DECLARATION);
  std::vector<v1::Meeting> predicted = Meetings(Result(kGold));
  ExtractionScorer scorer;
  scorer.Add("two declarations", gold, predicted);
  const FieldCounts& documents = scorer.every_fields()[static_cast<int>(ScoredField::kDocuments)];
  EXPECT_EQ(documents.tp, 1);
  EXPECT_EQ(documents.fn, 1);
}

TEST(ExtractionScorerTest, TableNamesEveryField) {
  ExtractionScorer scorer;
  scorer.Add("negative", v1::ExtractResult(), {});
  const std::string table = scorer.Table();
  for (const char* field :
       {"date", "venue_city", "topics", "detection", "records", "headline_f1", "all_meetings_f1"}) {
    EXPECT_THAT(table, HasSubstr(field));
  }
}

}  // namespace
}  // namespace parley::testing_util
