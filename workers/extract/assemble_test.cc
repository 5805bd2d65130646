// Stage 6 (Assemble) on short articles written for the tests: one record per meeting, the main
// meeting first, events and side meetings as records of their own, the gate for articles that
// report no meeting, evidence as byte spans of the body, and records in canonical form. Records
// are compared with the shared fixture matcher: every field an expected record lists must come
// out exactly, and the number of records must be exact.

#include "workers/extract/assemble.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/testing_util/meeting_matchers.h"
#include "workers/extract/annotate.h"
#include "workers/extract/grouping.h"
#include "workers/extract/meeting_mentions.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

namespace parley::extract {
namespace {

using ::parley::testing_util::MeetingsMatch;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class AssembleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::shared_ptr<const Dictionaries>> dict =
        Dictionaries::Load(EmbeddedDictionaryFiles());
    ASSERT_TRUE(dict.ok()) << dict.status();
    dict_ = new std::shared_ptr<const Dictionaries>(*std::move(dict));
  }
  static void TearDownTestSuite() {
    delete dict_;
    dict_ = nullptr;
  }

  // Runs stages 1-6 as the extractor does over an article published on `published` (Saturday 26
  // April 2025 unless told).
  std::vector<v1::Meeting> Run(const std::string& title, const std::string& body,
                               absl::CivilDay published = absl::CivilDay(2025, 4, 26),
                               AssembleOptions options = {}) {
    article_.Clear();
    article_.set_title(title);
    article_.set_body(body);
    article_.mutable_published_at()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(published, absl::UTCTimeZone())));
    absl::StatusOr<Annotations> a = Annotate(article_, **dict_);
    EXPECT_TRUE(a.ok()) << a.status();
    if (!a.ok()) {
      return {};
    }
    a_ = *std::move(a);
    people_ = FindPeople(a_);
    parties_ = FindParties(a_, people_);
    mm_ = FindMeetingMentions(a_, people_, parties_);
    InferPrincipalCountry(a_, parties_, mm_.principal, &people_, PrincipalDestinations(mm_));
    grouping_ = GroupMentions(a_, people_, mm_);
    const Context c{article_, a_, people_, parties_, mm_, grouping_};
    return Assemble(c, options);
  }

  // The expected records, in the text format of `parley.v1.ExtractResult`.
  static v1::ExtractResult Expected(const std::string& text) {
    v1::ExtractResult out;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &out)) << text;
    return out;
  }

  static std::shared_ptr<const Dictionaries>* dict_;
  v1::Article article_;
  Annotations a_;
  std::vector<Person> people_;
  Parties parties_;
  MeetingMentions mm_;
  Grouping grouping_;
};
std::shared_ptr<const Dictionaries>* AssembleTest::dict_ = nullptr;

// --- One record per meeting, main first.

TEST_F(AssembleTest, OneMeetingToldOfTwiceIsOneRecord) {
  const std::vector<v1::Meeting> meetings =
      Run("Kazakh and Chinese foreign ministers meet in Astana",
          "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana "
          "on Tuesday. The talks focused on trade and transit.");
  EXPECT_TRUE(
      MeetingsMatch(Expected(R"pb(
                      meetings {
                        title: "China–Kazakhstan talks in Astana, 22 April 2025"
                        kind: MEETING_KIND_BILATERAL
                        status: MEETING_STATUS_HELD
                        start_date { year: 2025 month: 4 day: 22 }
                        venue { city: "Astana" country_code: "KZ" country: "Kazakhstan" }
                        countries: [ "CN", "KZ" ]
                        people { name: "Talgat Omarov" role: "Foreign Minister" country_code: "KZ" }
                        people { name: "Li Wenhao" role: "Foreign Minister" country_code: "CN" }
                        topics: [ TOPIC_TRADE, TOPIC_TRANSPORT ]
                      }
                    )pb"),
                    meetings, {"documents", "organizations", "format", "end_date"}));
}

// "X will accompany Y": who goes along with a traveller takes part in the meeting told of.
TEST_F(AssembleTest, WhoAccompaniesTheTravellerTakesPart) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali to visit China",
          "Kazakh President Aidar Seitkali will pay a state visit to China from April 29 and hold "
          "talks in Beijing with President Zhao Wenhao. Foreign Minister Nurlan Abenov will "
          "accompany Seitkali, officials said.");
  ASSERT_EQ(meetings.size(), 1u);
  std::vector<std::string> names;
  for (const v1::Person& p : meetings[0].people()) {
    names.push_back(p.name());
  }
  EXPECT_THAT(names, UnorderedElementsAre("Aidar Seitkali", "Zhao Wenhao", "Nurlan Abenov"));
}

// An official of no country the text gives, on a state or official visit to the one country
// named, is that visit's other side: a record, and the visitor does not become of the
// destination.
TEST_F(AssembleTest, OfficialVisitByAVisitorOfNoCountryIsAMeeting) {
  std::vector<v1::Meeting> meetings =
      Run("PM Omarov arrives in Beijing on official visit",
          "Prime Minister Talgat Omarov arrived in Beijing on Tuesday on a three-day official "
          "visit to China. During the visit, the prime minister will hold talks with Premier Zhao "
          "Wenhao.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_STATE_VISIT);
  EXPECT_THAT(meetings[0].countries(), ElementsAre("CN"));
  meetings = Run("King Leopold to make state visit to France",
                 "King Leopold and Queen Astrid will make a state visit to France in September, "
                 "the palace has announced. The visit to France was first planned for March.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].status(), v1::MEETING_STATUS_SCHEDULED);
  for (const v1::Person& p : meetings[0].people()) {
    EXPECT_NE(p.country_code(), "FR") << p.name();
  }
  // A trip that is neither state nor official stays unreported without the other side.
  meetings = Run("Omarov in Beijing", "Talgat Omarov arrived in Beijing on Tuesday.");
  EXPECT_TRUE(meetings.empty());
}

TEST_F(AssembleTest, SideMeetingFirstThenTheEventItWasHeldAt) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali meets Zhao in Tianjin",
          "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of "
          "the SCO summit in Tianjin on Monday.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_BILATERAL
                                venue { city: "Tianjin" country_code: "CN" }
                                countries: [ "CN", "KZ" ]
                                people { name: "Aidar Seitkali" }
                                people { name: "Zhao Wenhao" }
                              }
                              meetings {
                                kind: MEETING_KIND_SUMMIT
                                status: MEETING_STATUS_HELD
                                venue { city: "Tianjin" }
                                organizations: "SCO"
                              }
                            )pb"),
                            meetings, {"organizations"}));
}

// An event's own day, told in a relative clause on its name ("The SCO summit, which opened on
// Tuesday"), is its date, not the day of the side meeting held in its frame (published
// Saturday 26 April 2025: Tuesday is the 22nd, Wednesday the 23rd).
TEST_F(AssembleTest, EventTakesTheDayItsRelativeClauseTellsNotItsSideMeetings) {
  for (const char* second :
       {"The SCO summit, which opened on Tuesday and closes on Thursday, is the largest yet.",
        "The SCO summit, which began Tuesday, drew twenty leaders.",
        "The SCO summit, which was opened on Tuesday by the host, drew twenty leaders."}) {
    const std::vector<v1::Meeting> meetings =
        Run("Seitkali meets Zhao in Tianjin",
            absl::StrCat("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on "
                         "Wednesday on the sidelines of the SCO summit in Tianjin. ",
                         second));
    ASSERT_EQ(meetings.size(), 2u) << second;
    EXPECT_EQ(meetings[0].start_date().day(), 23) << second;
    EXPECT_EQ(meetings[1].kind(), v1::MEETING_KIND_SUMMIT) << second;
    EXPECT_EQ(meetings[1].start_date().day(), 22) << second;
  }
  // No day of its own: the side meeting's, one of the event's days.
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali meets Zhao in Tianjin",
          "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on Wednesday on the "
          "sidelines of the SCO summit in Tianjin. The SCO summit, which drew twenty leaders, "
          "ends on Thursday.");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[1].start_date().day(), 23);
}

// "On the eve of" an event: the event falls the day after the day of the clause, and the
// meeting held on the eve is a record of its own.
TEST_F(AssembleTest, EventOnTheEveOfWhichAMeetingWasHeldFallsTheDayAfter) {
  const std::vector<v1::Meeting> meetings =
      Run("Ministers meet before summit",
          "Kazakh Foreign Minister Aidar Seitkali met Chinese Foreign Minister Zhao Wenhao in "
          "Tianjin on Thursday on the eve of the SCO summit. The summit will gather twenty "
          "leaders.");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0].start_date().day(), 24);
  EXPECT_EQ(meetings[1].kind(), v1::MEETING_KIND_SUMMIT);
  EXPECT_EQ(meetings[1].start_date().day(), 25);
}

// A cancelling cue after a meeting framed by "after" is that meeting's, not the one the
// headline's verb and the lead tell held.
TEST_F(AssembleTest, CancellationOfAnEarlierMeetingLeavesTheHeldOneHeld) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali, Zhao hold talks after earlier meeting was called off",
          "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on Thursday in "
          "Tianjin.");
  ASSERT_FALSE(meetings.empty());
  EXPECT_EQ(meetings[0].status(), v1::MEETING_STATUS_HELD);
  EXPECT_EQ(meetings[0].start_date().day(), 24);
}

// A forum or conference a side meeting was held at is a meeting of many, though its record
// takes the side meeting's two countries.
TEST_F(AssembleTest, ForumOfASideMeetingIsMultilateral) {
  for (const char* body :
       {"Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of the "
        "Doha Forum on Sunday.",
        "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao on the "
        "margins of the Munich Security Conference on Friday."}) {
    const std::vector<v1::Meeting> meetings = Run("Seitkali meets Zhao", body);
    ASSERT_EQ(meetings.size(), 2u) << body;
    EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_BILATERAL) << body;
    EXPECT_EQ(meetings[1].kind(), v1::MEETING_KIND_MULTILATERAL) << body;
  }
}

TEST_F(AssembleTest, MultilateralMeetingFirstThenItsSideMeeting) {
  const std::vector<v1::Meeting> meetings = Run(
      "Central Asian leaders meet in Astana",
      "The leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in "
      "Astana on Friday. On the sidelines, Kazakh President Aidar Seitkali held talks with Kyrgyz "
      "President Bolot Toktogulov.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_MULTILATERAL
                                start_date { year: 2025 month: 4 day: 25 }
                                venue { city: "Astana" }
                                countries: [ "KG", "KZ", "TJ", "TM", "UZ" ]
                              }
                              meetings {
                                kind: MEETING_KIND_BILATERAL
                                start_date { year: 2025 month: 4 day: 25 }
                                venue { city: "Astana" }
                                countries: [ "KG", "KZ" ]
                                people { name: "Aidar Seitkali" }
                                people { name: "Bolot Toktogulov" }
                              }
                            )pb"),
                            meetings));
}

TEST_F(AssembleTest, FollowUpIsAScheduledRecordAfterTheMain) {
  const std::vector<v1::Meeting> meetings =
      Run("Kazakhstan and China hold talks",
          "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held talks in Astana "
          "on Friday. They agreed that the second China-Central Asia Summit will be held in "
          "Astana in 2026.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_BILATERAL
                                status: MEETING_STATUS_HELD
                                countries: [ "CN", "KZ" ]
                              }
                              meetings {
                                title: "Second China-Central Asia Summit in Astana"
                                kind: MEETING_KIND_SUMMIT
                                status: MEETING_STATUS_SCHEDULED
                                venue { city: "Astana" }
                              }
                            )pb"),
                            meetings));
}

TEST_F(AssembleTest, CallAndTalksAreTwoRecords) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali and Zhao talk",
          "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
          "Monday. On Wednesday, Kazakh President Aidar Seitkali held talks with Chinese "
          "President Zhao Wenhao in Beijing.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_PHONE_CALL
                                start_date { year: 2025 month: 4 day: 21 }
                                countries: [ "CN", "KZ" ]
                              }
                              meetings {
                                kind: MEETING_KIND_BILATERAL
                                start_date { year: 2025 month: 4 day: 23 }
                                venue { city: "Beijing" }
                                countries: [ "CN", "KZ" ]
                              }
                            )pb"),
                            meetings));
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0].venue().city(), "");
  EXPECT_EQ(meetings[0].venue().country_code(), "");
}

// The venue of a call is unset (meeting.proto).
TEST_F(AssembleTest, CallHasNoVenueMessage) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali and Zhao talk",
          "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
          "Monday.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_FALSE(meetings[0].has_venue());
}

TEST_F(AssembleTest, SeriesOfBilateralsIsOneRecordPerCounterpart) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali in Brussels",
          "Kazakh President Aidar Seitkali met French President Jean Moreau, German Chancellor "
          "Karl Kessler and Italian Prime Minister Marco Marchetti in Brussels on Monday.");
  ASSERT_EQ(meetings.size(), 3u);
  EXPECT_THAT(meetings[1].countries(), ElementsAre("DE", "KZ"));
  EXPECT_THAT(meetings[2].countries(), ElementsAre("IT", "KZ"));
  for (const v1::Meeting& m : meetings) {
    EXPECT_EQ(m.venue().city(), "Brussels");
  }
}

TEST_F(AssembleTest, FirstOfASeriesOfBilateralsIsBilateral) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali in Brussels",
          "Kazakh President Aidar Seitkali met French President Jean Moreau, German Chancellor "
          "Karl Kessler and Italian Prime Minister Marco Marchetti in Brussels on Monday.");
  ASSERT_EQ(meetings.size(), 3u);
  EXPECT_THAT(meetings[0].countries(), ElementsAre("FR", "KZ"));
  EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_BILATERAL);
}

// Another meeting whose own date is after the publication has not been held, whatever the
// tense of the clause that tells it.
TEST_F(AssembleTest, OtherMeetingDatedAfterThePublicationIsScheduled) {
  for (const char* body :
       {"Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
        "Tuesday. They discussed the SCO summit in Tianjin in July 2025.",
        "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
        "Tuesday. They discussed the SCO summit, held in Tianjin on July 2, 2025."}) {
    const std::vector<v1::Meeting> meetings = Run("Seitkali and Zhao talk", body);
    ASSERT_EQ(meetings.size(), 2u) << body;
    EXPECT_EQ(meetings[0].status(), v1::MEETING_STATUS_HELD) << body;
    EXPECT_EQ(meetings[1].status(), v1::MEETING_STATUS_SCHEDULED) << body;
  }
}

// A meeting the record's date makes scheduled keeps the documents planned for it, whatever
// the tense its own clause has ("will meet ... gather").
TEST_F(AssembleTest, DocumentsPlannedForAMeetingDatedAfterThePublicationAreItsOwn) {
  const std::vector<v1::Meeting> meetings =
      Run("Central Asian leaders gather in Dushanbe",
          "The presidents of the five Central Asian states will meet in Dushanbe on 14 June. The "
          "leaders plan to adopt a declaration on regional security.");
  ASSERT_FALSE(meetings.empty());
  EXPECT_EQ(meetings[0].status(), v1::MEETING_STATUS_SCHEDULED);
  ASSERT_EQ(meetings[0].documents_size(), 1);
  EXPECT_EQ(meetings[0].documents(0).type(), v1::DOCUMENT_TYPE_DECLARATION);
}

// Another meeting told of "earlier in the day", "later that day" or "on the same day" is of
// the main meeting's day (published Saturday 26 April 2025).
TEST_F(AssembleTest, MeetingEarlierInTheDayIsOfTheMainMeetingsDay) {
  for (const char* when : {"Earlier in the day", "Later that day", "On the same day"}) {
    const std::vector<v1::Meeting> meetings =
        Run("Seitkali meets Zhao",
            std::string("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in "
                        "Astana on Friday. ") +
                when + ", Seitkali received Kyrgyz Foreign Minister Almaz Toktobaev.");
    ASSERT_EQ(meetings.size(), 2u) << when;
    EXPECT_EQ(meetings[1].start_date().day(), 25) << when;
  }
}

// A meeting held alongside a main meeting with no date has no date either (not an empty one).
TEST_F(AssembleTest, MeetingAlongsideAnUndatedMainMeetingHasNoDate) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali meets Zhao",
          "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana. Seitkali "
          "also met Kyrgyz President Sadyr Japarov.");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_FALSE(meetings[0].has_start_date());
  EXPECT_FALSE(meetings[1].has_start_date());
}

// The same report published after that date keeps the meeting held: only the publication day
// decides, not the tense.
TEST_F(AssembleTest, OtherMeetingDatedBeforeThePublicationStaysHeld) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali and Zhao talk",
          "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
          "Tuesday. They discussed the SCO summit, held in Tianjin on July 2, 2025.",
          absl::CivilDay(2025, 7, 20));
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[1].status(), v1::MEETING_STATUS_HELD);
  EXPECT_EQ(meetings[1].start_date().month(), 7);
}

// A format named only where a meeting of the past is recalled is that meeting's, not the format
// of the meeting reported (nor part of its title).
TEST_F(AssembleTest, FormatOfARecalledMeetingIsNotTheReportedOnes) {
  const std::vector<v1::Meeting> meetings =
      Run("Leaders pledge closer ties",
          "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on "
          "Thursday. They discussed trade. Last year, the two leaders met briefly on the sidelines "
          "of the G20 summit in Rio de Janeiro.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].format(), "");
  EXPECT_EQ(meetings[0].title().find("G20"), std::string::npos) << meetings[0].title();
}

// An official of no known country met in a town of another country than the one named is the
// host: the venue's country is the other side.
TEST_F(AssembleTest, OfficialOfNoKnownCountryMetAtHomeIsTheHost) {
  std::vector<v1::Meeting> meetings =
      Run("Talks in Manila",
          "Kazakh Foreign Minister Talgat Omarov met President Ramon Dizon in Manila on Monday.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_THAT(meetings[0].countries(), ::testing::UnorderedElementsAre("KZ", "PH"));
  meetings = Run("Talks in Astana",
                 "Kazakh Foreign Minister Talgat Omarov met President Ramon Dizon in Astana on "
                 "Monday.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_THAT(meetings[0].countries(), ::testing::ElementsAre("KZ"));
}

// ... but not when a body takes part: the official the text does not place is the body's, and
// the venue's country is no side.
TEST_F(AssembleTest, OfficialOfABodyMetAbroadMakesNoHost) {
  const std::vector<v1::Meeting> meetings =
      Run("Talks in Geneva",
          "Kazakh Foreign Minister Talgat Omarov met on Monday with Maria Lindqvist, the director "
          "general of the International Atomic Energy Agency, at its office in Geneva.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_THAT(meetings[0].countries(), ::testing::ElementsAre("KZ"));
}

// A leader of no known country who hosts the meeting of two others at a venue in a third
// country is that country's.
TEST_F(AssembleTest, LeaderOfNoKnownCountryHostingAbroadIsOfTheVenue) {
  const std::vector<v1::Meeting> meetings =
      Run("Peace declaration signed",
          "The leaders of Kyrgyzstan and Tajikistan signed a declaration in Astana on Friday in a "
          "ceremony hosted by President Aidar Seitkali.");
  ASSERT_GE(meetings.size(), 1u);
  EXPECT_THAT(meetings[0].countries(), ::testing::UnorderedElementsAre("KG", "TJ", "KZ"));
}

// A signing is the meeting when the article's meeting words name nobody ("The ceremony capped a
// two-day summit meeting"): the signers are its sides, one of them of no country the text
// gives.
TEST_F(AssembleTest, SigningBesideAMeetingWordNamingNobodyIsTheMeeting) {
  const std::vector<v1::Meeting> meetings =
      Run("Leaders sign arms treaty",
          "President Aidar Seitkali and President Zhao Wenhao of China signed a treaty in Astana "
          "on Friday to cut their arsenals. The signing ceremony capped a two-day summit "
          "meeting, the third between the two leaders.");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].status(), v1::MEETING_STATUS_HELD);
  EXPECT_THAT(meetings[0].countries(), ::testing::Contains("CN"));
}

// A headline naming the meeting before the body says who meets: the mention that names both
// sides gives the meeting its other side.
TEST_F(AssembleTest, HeadlineMeetingTakesTheSidesOfTheBodysMention) {
  for (const char* title : {"Visit postponed", "News in brief"}) {
    const std::vector<v1::Meeting> meetings =
        Run(title,
            "Kazakh President Aidar Seitkali has postponed his visit to China, which had been "
            "scheduled for May 10.");
    ASSERT_EQ(meetings.size(), 1u) << title;
    EXPECT_THAT(meetings[0].countries(), ::testing::UnorderedElementsAre("KZ", "CN")) << title;
  }
}

// A body's leaders meeting as a body ("the heads of state of ECOWAS met") is the body's summit,
// though no summit word and no country is named.
TEST_F(AssembleTest, LeadersOfABodyMeetingAsABodyIsItsSummit) {
  for (const char* body :
       {"The heads of state of the Economic Community of West African States met in Abuja on "
        "Sunday.",
        "ECOWAS leaders met in Abuja on Sunday to discuss the crisis in the Sahel."}) {
    const std::vector<v1::Meeting> meetings = Run("West Africa", body);
    ASSERT_EQ(meetings.size(), 1u) << body;
    EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_SUMMIT) << body;
    EXPECT_THAT(meetings[0].organizations(), ::testing::ElementsAre("ECOWAS")) << body;
  }
  // A format's leaders at a meeting placed and dated, as a participle ("G20 leaders meeting in
  // Abuja on Sunday released a declaration").
  const std::vector<v1::Meeting> format =
      Run("G20 leaders adopt declaration",
          "G20 leaders meeting in Abuja on Sunday released a declaration calling for debt relief.");
  ASSERT_EQ(format.size(), 1u);
  EXPECT_EQ(format[0].kind(), v1::MEETING_KIND_SUMMIT);
  EXPECT_EQ(format[0].format(), "G20");
  const std::vector<v1::Meeting> pair =
      Run("Talks", "The leaders of Kazakhstan and China met in Astana on Sunday.");
  ASSERT_EQ(pair.size(), 1u);
  EXPECT_EQ(pair[0].kind(), v1::MEETING_KIND_BILATERAL);
}

// Another meeting named for its ministers or its leaders takes the kind of its name.
TEST_F(AssembleTest, OtherMeetingNamedForItsMinistersOrLeadersIsMinisterialOrSummit) {
  const std::vector<v1::Meeting> ministers =
      Run("Omarov in New York",
          "Kazakh Foreign Minister Talgat Omarov held talks with his Turkish counterpart in New "
          "York on Monday. The day began with the Quad foreign ministers meeting, which included "
          "Omarov and Japanese Foreign Minister Kenji Takeda.");
  ASSERT_EQ(ministers.size(), 2u);
  EXPECT_EQ(ministers[0].kind(), v1::MEETING_KIND_BILATERAL);
  EXPECT_EQ(ministers[1].kind(), v1::MEETING_KIND_MINISTERIAL);
  const std::vector<v1::Meeting> leaders =
      Run("Bekele meets Mwangi",
          "Ethiopian Prime Minister Tesfaye Bekele met Kenyan President Daniel Mwangi on the "
          "sidelines of the 40th Ordinary Session of the Assembly of Heads of State and Government "
          "of the African Union in Addis Ababa on Sunday.");
  ASSERT_EQ(leaders.size(), 2u);
  EXPECT_EQ(leaders[0].kind(), v1::MEETING_KIND_BILATERAL);
  EXPECT_EQ(leaders[1].kind(), v1::MEETING_KIND_SUMMIT);
  const std::vector<v1::Meeting> session =
      Run("AU session opens",
          "The Ordinary Session of the Assembly of Heads of State and Government of the African "
          "Union opened in Addis Ababa on Sunday.");
  ASSERT_EQ(session.size(), 1u);
  EXPECT_EQ(session[0].kind(), v1::MEETING_KIND_SUMMIT);
}

// A session named for no ministers (the UN General Assembly's) is a meeting of many, not a
// ministerial, even where ministers meet on its sidelines.
TEST_F(AssembleTest, SessionNamedForNoMinistersIsMultilateral) {
  const std::vector<v1::Meeting> meetings =
      Run("Omarov meets Demir",
          "Kazakh Foreign Minister Talgat Omarov met Turkish Foreign Minister Ali Demir on the "
          "sidelines of the 80th session of the UN General Assembly in New York on Tuesday.");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_BILATERAL);
  EXPECT_EQ(meetings[1].kind(), v1::MEETING_KIND_MULTILATERAL);
}

// The event the main meeting was held at is a record of its own even where it shares the
// main meeting's parties, place and day.
TEST_F(AssembleTest, EventOfAMultilateralSideMeetingIsKept) {
  const std::vector<v1::Meeting> meetings =
      Run("Three presidents meet",
          "The presidents of Kazakhstan, Kyrgyzstan and Uzbekistan met on the sidelines of the SCO "
          "summit in Astana on Monday.");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_MULTILATERAL);
  EXPECT_EQ(meetings[0].parent_id(), "#1");
  EXPECT_EQ(meetings[1].kind(), v1::MEETING_KIND_SUMMIT);
}

TEST_F(AssembleTest, ReceivingACallIsAPhoneCall) {
  for (const char* body :
       {"Kazakh President Aidar Seitkali received a call from Chinese President Zhao Wenhao on "
        "Thursday.",
        "Kazakh President Aidar Seitkali took a call from Chinese President Zhao Wenhao on "
        "Thursday."}) {
    const std::vector<v1::Meeting> meetings = Run("Call", body);
    ASSERT_EQ(meetings.size(), 1u) << body;
    EXPECT_EQ(meetings[0].kind(), v1::MEETING_KIND_PHONE_CALL) << body;
    EXPECT_THAT(meetings[0].countries(), ::testing::UnorderedElementsAre("KZ", "CN")) << body;
  }
}

TEST_F(AssembleTest, PreviousAndGenericMeetingsMakeNoRecord) {
  const std::vector<v1::Meeting> meetings =
      Run("Ministers meet",
          "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana "
          "on Monday. They recalled the 2019 summit in Bishkek and agreed to hold regular "
          "meetings.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_BILATERAL
                                countries: [ "CN", "KZ" ]
                              }
                            )pb"),
                            meetings));
}

TEST_F(AssembleTest, CancelledMeeting) {
  const std::vector<v1::Meeting> meetings =
      Run("Seitkali's visit to Japan cancelled",
          "Kazakh President Aidar Seitkali's visit to Japan in May was cancelled.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_BILATERAL
                                status: MEETING_STATUS_CANCELLED
                                start_date { year: 2025 month: 5 }
                                countries: [ "JP", "KZ" ]
                              }
                            )pb"),
                            meetings));
}

TEST_F(AssembleTest, PostponedToANewDateIsScheduledOnIt) {
  const std::vector<v1::Meeting> meetings =
      Run("Summit postponed",
          "The summit of Kazakh President Aidar Seitkali and Kyrgyz President Bolot Toktogulov "
          "was postponed to September 12, 2025.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                status: MEETING_STATUS_SCHEDULED
                                start_date { year: 2025 month: 9 day: 12 }
                                countries: [ "KG", "KZ" ]
                              }
                            )pb"),
                            meetings));
}

// --- The gate.

TEST_F(AssembleTest, CabinetReshuffleYieldsNothing) {
  EXPECT_THAT(Run("Cabinet reshuffle in Astana",
                  "Kazakh President Aidar Seitkali appointed Talgat Omarov foreign minister on "
                  "Monday in a cabinet reshuffle. The new cabinet met for the first time on "
                  "Tuesday."),
              IsEmpty());
}

TEST_F(AssembleTest, ElectionYieldsNothing) {
  EXPECT_THAT(Run("Kazakhstan votes",
                  "Kazakhs voted in parliamentary elections on Sunday. "
                  "Turnout was 60 percent, the election commission said."),
              IsEmpty());
}

TEST_F(AssembleTest, ElectionWhereThePresidentMetVotersYieldsNothing) {
  EXPECT_THAT(Run("Kazakhstan votes",
                  "Kazakhs voted in parliamentary elections on Sunday. President Aidar Seitkali "
                  "met voters in Almaty and said the election was fair."),
              IsEmpty());
}

TEST_F(AssembleTest, PressConferenceYieldsNothing) {
  EXPECT_THAT(Run("Minister gives press conference",
                  "Kazakh Foreign Minister Talgat Omarov told a press conference in Astana that "
                  "relations with China were strong."),
              IsEmpty());
}

TEST_F(AssembleTest, DomesticMeetingOfOneSideYieldsNothing) {
  EXPECT_THAT(Run("Government meets",
                  "The Kazakh government held a meeting in Astana on Monday "
                  "to discuss the budget."),
              IsEmpty());
}

// Meeting nouns nobody holds, with no side, date or place, under a headline that reports no
// meeting, tell of no meeting.
TEST_F(AssembleTest, BareMeetingNounsUnderAHeadlineWithoutAMeetingYieldNothing) {
  const std::vector<v1::Meeting> meetings =
      Run("Europe must send more shells to Ukraine, minister writes",
          "Ukrainian Foreign Minister Andriy Koval wrote in Le Figaro that Europe must act. "
          "Polish Prime Minister Jan Nowak agreed. Koval said discussions about sending troops "
          "made no sense.");
  EXPECT_THAT(meetings, IsEmpty());
}

// A council told of only by its name is the body, not a session of it.
TEST_F(AssembleTest, CouncilNamedOnlyUnderAHeadlineWithoutAMeetingYieldsNothing) {
  const std::vector<v1::Meeting> meetings =
      Run("Washington imposes sanctions on Kyrgyz officials",
          "The US Treasury on Monday announced sanctions against Kyrgyzstan's State Defence "
          "Council and nine senior officials. The Treasury said the State Defence Council had "
          "been formed by the army. Power in Kyrgyzstan was handed to the chair of the State "
          "Defence Council.");
  EXPECT_THAT(meetings, IsEmpty());
}

// "Discussions with X will continue": a meeting noun that nobody holds, naming only one country
// on its other side, under a headline that reports no meeting, tells of no meeting.
TEST_F(AssembleTest, BareMeetingNounWithOneCountryUnderAHeadlineWithoutAMeetingYieldsNothing) {
  const std::vector<v1::Meeting> meetings =
      Run("Finland and Sweden approve fishing law",
          "Finland and Sweden approved the new fishing law on Tuesday. 150 deputies voted in "
          "favour. Discussions with Norway will continue.");
  EXPECT_THAT(meetings, IsEmpty());
}

// A held meeting first told of after the lead, under a headline that reports none, with no day
// or one weeks before the publication, is background to other news.
TEST_F(AssembleTest, StaleMeetingFirstToldOfAfterTheLeadYieldsNothing) {
  const std::string lead =
      "ASTANA - Kazakhstan's grain exports rose by a fifth in the first quarter, the "
      "agriculture ministry said on Friday.\n\n"
      "Shipments to Central Asian neighbours made up most of the increase. Wheat prices fell "
      "slightly.\n\n";
  EXPECT_THAT(Run("Kazakh grain exports climb",
                  lead + "The rise comes months after President Aidar Seitkali and Chinese "
                         "President Li Wen met in Beijing and agreed to open the market."),
              IsEmpty());
  EXPECT_THAT(Run("Kazakh grain exports climb",
                  lead + "President Aidar Seitkali, who met Chinese President Li Wen in Beijing "
                         "in February, has promised farmers new markets."),
              IsEmpty());
  // Within the week before the publication it is news.
  EXPECT_THAT(Run("Kazakh grain exports climb",
                  lead + "President Aidar Seitkali, who met Chinese President Li Wen in Beijing "
                         "on Tuesday, has promised farmers new markets."),
              ::testing::SizeIs(1));
}

TEST_F(AssembleTest, MeetingWithACounterpartOfOneNamedCountryPassesTheGate) {
  const std::vector<v1::Meeting> meetings =
      Run("Omarov meets Takeda",
          "Foreign Minister Talgat Omarov met Japanese Foreign Minister Kenji Takeda in Tokyo.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                countries: "JP"
                                people { name: "Talgat Omarov" }
                                people { name: "Kenji Takeda" }
                              }
                            )pb"),
                            meetings));
}

TEST_F(AssembleTest, BodyMeetingOfOneBodyPassesTheGate) {
  const std::vector<v1::Meeting> meetings =
      Run("EU summit opens", "The EU summit opened in Brussels on Thursday.");
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                kind: MEETING_KIND_SUMMIT
                                organizations: "EU"
                                venue { city: "Brussels" }
                              }
                            )pb"),
                            meetings));
}

// --- Fields of the records.

TEST_F(AssembleTest, PlacesAreCodedAsTheStatesOfTheMeetingsTime) {
  const std::vector<v1::Meeting> meetings =
      Run("US and Soviet ministers meet",
          "US Secretary of State Tom Hollis met Soviet Foreign Minister Ivan Petrovsky in Moscow "
          "on Monday.",
          absl::CivilDay(1987, 3, 12));
  EXPECT_TRUE(MeetingsMatch(Expected(R"pb(
                              meetings {
                                start_date { year: 1987 month: 3 day: 9 }
                                venue { city: "Moscow" country_code: "SU" country: "Soviet Union" }
                                countries: [ "SU", "US" ]
                              }
                            )pb"),
                            meetings));
}

TEST_F(AssembleTest, EvidenceSpansPointIntoTheBody) {
  const std::vector<v1::Meeting> meetings =
      Run("Ministers meet in Astana",
          "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana "
          "on Tuesday.");
  ASSERT_EQ(meetings.size(), 1u);
  const std::string& body = article_.body();
  std::vector<std::string> seen;
  for (const v1::Evidence& e : meetings[0].evidence()) {
    ASSERT_LT(e.begin(), e.end());
    ASSERT_LE(e.end(), body.size());
    const std::string span = body.substr(e.begin(), e.end() - e.begin());
    seen.push_back(e.field() + ":" + span);
  }
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre("countries:Kazakh", "countries:Chinese",
                                                    "people:Talgat Omarov", "people:Li Wenhao",
                                                    "start_date:Tuesday", "venue:Astana"));
}

TEST_F(AssembleTest, SourceCarriesAttributionAndPublication) {
  const std::vector<v1::Meeting> meetings =
      Run("Ministers meet in Astana",
          "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana, "
          "as reported by Liter.kz citing the MFA of Kazakhstan.");
  ASSERT_EQ(meetings.size(), 1u);
  ASSERT_EQ(meetings[0].sources_size(), 1);
  EXPECT_EQ(meetings[0].sources(0).attributed_to(), "Liter.kz citing the MFA of Kazakhstan");
  EXPECT_EQ(meetings[0].sources(0).published_at().seconds(), article_.published_at().seconds());
}

TEST_F(AssembleTest, StatementsAreCappedByTheOptions) {
  const std::string body =
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Omarov said that the talks were useful. Li Wenhao said that trade had doubled. Omarov "
      "said that transit must grow.";
  std::vector<v1::Meeting> meetings = Run("Ministers meet", body);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].statements_size(), 3);
  meetings = Run("Ministers meet", body, absl::CivilDay(2025, 4, 26), AssembleOptions{1});
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0].statements_size(), 1);
}

TEST_F(AssembleTest, RecordsAreCanonical) {
  const std::vector<v1::Meeting> meetings =
      Run("Uzbekistan, Kazakhstan and Kyrgyzstan meet",
          "The foreign ministers of Uzbekistan, Kazakhstan and Kyrgyzstan met in Tashkent on "
          "Monday. Uzbek, Kazakh and Kyrgyz officials discussed water and energy and energy "
          "again.");
  ASSERT_FALSE(meetings.empty());
  EXPECT_THAT(meetings[0].countries(), ElementsAre("KG", "KZ", "UZ"));
  const auto& topics = meetings[0].topics();
  EXPECT_TRUE(std::is_sorted(topics.begin(), topics.end()));
  EXPECT_EQ(std::adjacent_find(topics.begin(), topics.end()), topics.end());
}

TEST_F(AssembleTest, NoMeetingWordsNoRecords) {
  EXPECT_THAT(Run("Weather", "It rained in Astana on Monday."), IsEmpty());
}

}  // namespace
}  // namespace parley::extract
