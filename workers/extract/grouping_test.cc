// Stage 4 (GroupMentions, ReadWindow) on short articles written for the tests: which mentions
// are one meeting, which are meetings of their own (side meetings, each of a series of
// bilaterals, follow-ups, a call and talks), how events are linked as parents, and the
// sentences the main meeting is read from.

#include "workers/extract/grouping.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/annotate.h"
#include "workers/extract/meeting_mentions.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

namespace parley::extract {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

class GroupingTest : public ::testing::Test {
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

  // Runs stages 1 to 4 over an article published on Saturday 26 April 2025, as the extractor
  // does.
  void Run(const std::string& title, const std::string& body) {
    v1::Article article;
    article.set_title(title);
    article.set_body(body);
    article.mutable_published_at()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(absl::CivilDay(2025, 4, 26), absl::UTCTimeZone())));
    absl::StatusOr<Annotations> a = Annotate(article, **dict_);
    ASSERT_TRUE(a.ok()) << a.status();
    a_ = *std::move(a);
    people_ = FindPeople(a_);
    parties_ = FindParties(a_, people_);
    mm_ = FindMeetingMentions(a_, people_, parties_);
    InferPrincipalCountry(a_, parties_, mm_.principal, &people_, PrincipalDestinations(mm_));
    grouping_ = GroupMentions(a_, people_, mm_);
  }

  const std::vector<MeetingGroup>& groups() const { return grouping_.groups; }

  std::vector<std::string> People(const MeetingGroup& g) const {
    std::vector<std::string> out;
    for (int p : g.people) {
      out.push_back(people_[p].name);
    }
    return out;
  }

  // The sentences of the mentions folded into a group.
  std::set<int> Sentences(const MeetingGroup& g) const {
    std::set<int> out;
    for (int mi : g.mentions) {
      out.insert(mm_.mentions[mi].sentence);
    }
    return out;
  }

  // The trigger words of a group's mentions.
  std::vector<std::string> Words(const MeetingGroup& g) const {
    std::vector<std::string> out;
    for (int mi : g.mentions) {
      out.emplace_back(a_.Text(mm_.mentions[mi].first, mm_.mentions[mi].end));
    }
    return out;
  }

  // The first token whose text is `word` in sentence `s`, or -1.
  int TokenOf(const std::string& word, int s) const {
    for (int i = a_.sentence(s).first_token; i < a_.sentence(s).end_token; ++i) {
      if (a_.Text(i, i + 1) == word) {
        return i;
      }
    }
    return -1;
  }

  static std::shared_ptr<const Dictionaries>* dict_;
  Annotations a_;
  std::vector<Person> people_;
  Parties parties_;
  MeetingMentions mm_;
  Grouping grouping_;
};
std::shared_ptr<const Dictionaries>* GroupingTest::dict_ = nullptr;

// --- One meeting told of several times.

TEST_F(GroupingTest, HeadlineAndBodyTellOfOneMeeting) {
  Run("Kazakh and Chinese foreign ministers meet in Astana",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Tuesday.");
  ASSERT_EQ(groups().size(), 1u);
  const MeetingGroup& g = groups()[0];
  EXPECT_EQ(g.role, GroupRole::kMain);
  EXPECT_EQ(g.index, 0);
  EXPECT_EQ(g.anchor, 1);
  EXPECT_THAT(Sentences(g), ElementsAre(0, 1));
  EXPECT_THAT(People(g), ElementsAre("Talgat Omarov", "Li Wenhao"));
  EXPECT_THAT(g.countries, UnorderedElementsAre("KZ", "CN"));
  EXPECT_TRUE(grouping_.title_meeting);
}

// A headline that names some of the sides ("Kazakh, Chinese leaders confer by video") and a
// lead that names all of them are one meeting; a later sentence's larger meeting is not, nor is
// a headline that names its people.
// A meeting a verb plans for another day than the meeting a verb told held is another one,
// even when its sides are referred to as "the ministers".
TEST_F(GroupingTest, MeetingPlannedForAnotherDayIsAnotherMeeting) {
  Run("Ministers meet in Vientiane",
      "Foreign ministers of Laos, Vietnam and Cambodia met in Vientiane on Wednesday. On "
      "Thursday the ministers will hold talks with their counterparts from France, Germany and "
      "Italy.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("LA", "VN", "KH"));
  EXPECT_EQ(groups()[1].status, MentionStatus::kPlanned);
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("FR", "DE", "IT"));
}

// The day of an arrival is the first of the visit's programme: talks planned for the next day
// with the host are the visit's, not another meeting.
TEST_F(GroupingTest, TalksPlannedForTheDayAfterAnArrivalAreTheVisits) {
  Run("Seitkali begins state visit to China",
      "Kazakh President Aidar Seitkali arrived in Beijing on Sunday for a three-day state visit. "
      "On Monday Seitkali is to hold talks with Chinese President Zhao Wenhao.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "CN"));
  Run("Seitkali in Beijing",
      "Kazakh President Aidar Seitkali met Chinese Premier Li Wenhao in Beijing on Sunday. On "
      "Monday Seitkali will hold talks with Chinese President Zhao Wenhao.");
  EXPECT_EQ(groups().size(), 2u);
}

// Two sides meeting "separately" after a meeting whose sides the text has not named yet hold a
// meeting of their own.
TEST_F(GroupingTest, SeparateMeetingAfterAMeetingOfUnnamedSidesIsAnother) {
  Run("Ministers end talks in Capri",
      "Foreign ministers of the rich democracies wrapped up a three-day meeting in Capri on "
      "Friday. Kazakh Foreign Minister Talgat Omarov held a separate meeting with Chinese "
      "Foreign Minister Li Wenhao on Thursday.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "CN"));
  Run("Ministers end talks in Capri",
      "Foreign ministers of the rich democracies wrapped up a three-day meeting in Capri on "
      "Friday. Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao "
      "separately on Thursday.");
  EXPECT_EQ(groups().size(), 2u);
}

TEST_F(GroupingTest, HeadlineNamingSomeOfTheLeadsSidesIsOneMeeting) {
  Run("Kazakh, Chinese leaders confer by video",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held a video conference "
      "with Russian President Ivan Petrov on Monday.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "CN", "RU"));
  Run("Kazakh, Chinese leaders meet in Astana",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao met Russian President "
      "Ivan Petrov in Astana on Monday.");
  ASSERT_EQ(groups().size(), 1u);
  Run("Kazakh, Chinese leaders meet in Astana",
      "The weather in Astana was fine. Crowds waited outside. Traffic was slow. Kazakh President "
      "Aidar Seitkali and Chinese President Zhao Wenhao met Russian President Ivan Petrov on "
      "Monday.");
  EXPECT_EQ(groups().size(), 2u);
}

TEST_F(GroupingTest, AnaphoraJoinsTheMeetingReported) {
  for (const char* body :
       {"Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
        "The talks focused on trade. The meeting lasted two hours.",
        "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao "
        "in Astana. The two ministers discussed trade. They also discussed transport."}) {
    Run("", body);
    ASSERT_EQ(groups().size(), 1u) << body;
    EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1, 2, 3)) << body;
  }
}

// A meeting word referring back right after a sentence that told only of the event a side
// meeting was held at is that event, and its host is no side of the side meeting.
TEST_F(GroupingTest, AnaphorAfterASentenceOfTheEventIsTheEvent) {
  for (const char* body :
       {"Aidar Seitkali met Zhao Wenhao on the sidelines of the BRICS summit in Kazan. Leaders of "
        "20 countries are attending the summit. Ivan Petrov, who is hosting the gathering, wants "
        "to show Russia is not isolated.",
        "Aidar Seitkali met Zhao Wenhao on the sidelines of the BRICS summit in Kazan. Leaders of "
        "20 countries are attending the summit. The meeting is hosted by Ivan Petrov."}) {
    Run("", body);
    ASSERT_GE(groups().size(), 2u) << body;
    const MeetingGroup& main = groups()[0];
    EXPECT_EQ(main.role, GroupRole::kMain) << body;
    EXPECT_THAT(Sentences(main), ElementsAre(1)) << body;
    EXPECT_THAT(People(main), UnorderedElementsAre("Aidar Seitkali", "Zhao Wenhao")) << body;
  }
  // The sentence before also tells of the side meeting: "the meeting" is that one.
  Run("",
      "Aidar Seitkali met Zhao Wenhao on the sidelines of the BRICS summit in Kazan. The "
      "meeting lasted an hour.");
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1, 2));
}

TEST_F(GroupingTest, CallThenFollowingWordsOfTheCallAreOneMeeting) {
  Run("",
      "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
      "Monday. During the conversation, the two presidents discussed trade.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kPhone);
}

TEST_F(GroupingTest, TheMostTellingWordGivesTheKind) {
  Run("Seitkali and Zhao hold talks",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held a summit in Astana "
      "on Monday.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kSummit);
}

TEST_F(GroupingTest, NamedEventToldOfAgainIsOneGroup) {
  Run("",
      "The 31st ASEAN Summit opened in Manila on Monday. Leaders of ASEAN states gathered for "
      "the summit. The ASEAN Summit will end on Tuesday.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1, 2, 3));
  EXPECT_THAT(groups()[0].orgs, ElementsAre("ASEAN"));
}

// A summit told of without a name (in the headline, "their summit") and then named in the body
// is one meeting; a named one of another status is another.
TEST_F(GroupingTest, NameOfTheSummitToldOfSoFarWithoutOne) {
  Run("Visegrad summit postponed",
      "A summit of the Visegrad Group that had been planned for March 5 in Bratislava has been "
      "postponed to June 16.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].format, "Visegrad Group");
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(0, 1));

  Run("G20 leaders call for tax reform at summit",
      "Leaders of the Group of 20 major economies ended their summit in Rio de Janeiro on "
      "Tuesday with a declaration on taxation.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].format, "G20");

  Run("Leaders hold summit in Astana",
      "The leaders of Kazakhstan, Kyrgyzstan and Uzbekistan held a summit in Astana on Friday. "
      "A summit of the Visegrad Group was held in Prague on Friday.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_TRUE(groups()[0].format.empty());
}

// --- Side meetings and their events.

// An event told of in a frame ("on the sidelines of the SCO summit", "at the ASEAN summit") and
// reported again under its name is one meeting; a later one of the same body (another status)
// is another.
TEST_F(GroupingTest, EventReportedAgainUnderItsNameIsOneGroup) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of "
      "the SCO summit in Astana. SCO Secretary-General Zhang Ming opened the SCO summit on "
      "Friday.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[1].role, GroupRole::kEvent);
  EXPECT_THAT(Sentences(groups()[1]), ElementsAre(1, 2));
  EXPECT_THAT(People(groups()[1]), ElementsAre("Zhang Ming"));
  EXPECT_EQ(groups()[0].parent, 1);

  Run("Trade pact signed at ASEAN summit",
      "Leaders of ten countries signed a trade agreement on Sunday at the end of the 37th ASEAN "
      "Summit, held in Hanoi.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(0, 1));
  EXPECT_THAT(groups()[0].orgs, ElementsAre("ASEAN"));

  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of "
      "the SCO summit in Astana on Friday. Kyrgyzstan will host the SCO summit in 2026.");
  ASSERT_EQ(groups().size(), 3u);
  EXPECT_EQ(groups()[1].status, MentionStatus::kHeld);
  EXPECT_EQ(groups()[2].status, MentionStatus::kPlanned);
}

TEST_F(GroupingTest, SideMeetingIsSeparateFromItsEventAndLinkedToIt) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of "
      "the SCO summit in Astana.");
  ASSERT_EQ(groups().size(), 2u);
  const MeetingGroup& talks = groups()[0];
  const MeetingGroup& summit = groups()[1];
  EXPECT_EQ(talks.role, GroupRole::kMain);
  EXPECT_THAT(People(talks), ElementsAre("Aidar Seitkali", "Zhao Wenhao"));
  EXPECT_EQ(summit.role, GroupRole::kEvent);
  EXPECT_EQ(summit.kind, TriggerKind::kSummit);
  EXPECT_THAT(summit.orgs, ElementsAre("SCO"));
  EXPECT_EQ(talks.parent, 1);
  EXPECT_EQ(summit.parent, -1);
}

TEST_F(GroupingTest, SideMeetingOfAMultilateralMeetingAlreadyReported) {
  Run("",
      "The leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in "
      "Astana on Friday. On the sidelines, Kazakh President Aidar Seitkali held talks with "
      "Kyrgyz President Bolot Toktogulov.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "KG", "TJ", "TM", "UZ"));
  const MeetingGroup& side = groups()[1];
  EXPECT_EQ(side.role, GroupRole::kOther);
  EXPECT_THAT(People(side), ElementsAre("Aidar Seitkali", "Bolot Toktogulov"));
  EXPECT_THAT(side.countries, UnorderedElementsAre("KZ", "KG"));
  EXPECT_EQ(side.parent, 0);
}

// A meeting told "on the sidelines" of the summit reported is a side meeting even when only
// one of its sides is a country (the other an organisation's officials).
TEST_F(GroupingTest, MeetingOnTheSidelinesOfTheReportedSummitIsASideMeeting) {
  Run("Seitkali wraps up SCO summit",
      "Kazakh President Aidar Seitkali has wrapped up the SCO summit in Astana. He earlier met "
      "UN Secretary-General Antonio Guterres on the sidelines of the summit.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kSummit);
  const MeetingGroup& side = groups()[1];
  EXPECT_EQ(side.role, GroupRole::kOther);
  EXPECT_EQ(side.kind, TriggerKind::kMeet);
  EXPECT_THAT(People(side), ElementsAre("Aidar Seitkali", "Antonio Guterres"));
  EXPECT_EQ(side.parent, 0);
}

// "addressed the ministers via video conference": how one side takes part in the meeting told
// of, not a video conference of its own.
TEST_F(GroupingTest, TakingPartViaVideoIsNoMeetingOfItsOwn) {
  Run("",
      "The foreign ministers of Kazakhstan, Kyrgyzstan and Uzbekistan met in Astana on Friday. "
      "Tajik Foreign Minister Rustam Nazarov addressed the ministers via video conference.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kMeet);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "KG", "UZ", "TJ"));
  EXPECT_THAT(People(groups()[0]), ElementsAre("Rustam Nazarov"));
  Run("",
      "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao "
      "via video link.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kVideo);
}

TEST_F(GroupingTest, TalksOfTwoPartiesOfASummitWithNoDayOrPlaceAreHeldAtIt) {
  Run("",
      "Kazakh President Aidar Seitkali hosted Kyrgyz President Bolot Toktogulov and Tajik "
      "President Rustam Nazarov at a three-way summit in Astana on Friday. Seitkali also held "
      "talks with Toktogulov alone.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "KG"));
  EXPECT_EQ(groups()[1].parent, 0);
}

TEST_F(GroupingTest, CancelledMeetingIsNotTheOneToldHeld) {
  Run("",
      "Kazakh President Aidar Seitkali met Kyrgyz President Bolot Toktogulov in Astana on "
      "Friday. A planned meeting in Bishkek, which had been scheduled for May, was cancelled.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[0].status, MentionStatus::kHeld);
  EXPECT_EQ(groups()[1].status, MentionStatus::kCancelled);
}

TEST_F(GroupingTest, PairMeetingAtAMultilateralMeetingIsItsOwnMeeting) {
  Run("",
      "The foreign ministers of Kazakhstan, Kyrgyzstan and Uzbekistan met in Astana on "
      "Friday. Kazakh Foreign Minister Talgat Omarov also held talks with Kyrgyz Foreign "
      "Minister Bolot Toktogulov.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "KG"));
}

TEST_F(GroupingTest, TheSummitRefersBackToTheEventNotTheSideMeeting) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of "
      "the SCO summit in Astana. The summit ended on Friday.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(Sentences(groups()[1]), ElementsAre(1, 2));
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1));
}

// The event a relative clause on the subject tells of ("X, who is in Brussels to take part in
// the summit, held talks with Y") is the setting of the meeting the sentence reports: that
// meeting is the main one, the event its parent.
TEST_F(GroupingTest, EventAttendedInARelativeClauseIsNotTheMainMeeting) {
  Run("",
      "Kazakh President Aidar Seitkali, who is in Brussels, Belgium, to take part in the EU-AU "
      "summit, held talks with European Council President Jean Moreau on Friday.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[0].role, GroupRole::kMain);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kMeet);
  EXPECT_EQ(groups()[1].kind, TriggerKind::kSummit);
  EXPECT_EQ(groups()[0].parent, 1);
}

TEST_F(GroupingTest, EventAttendedToldOfFirstIsTheMainMeeting) {
  Run("Seitkali to attend SCO summit",
      "Kazakh President Aidar Seitkali will attend the SCO summit in Tianjin next week. He is "
      "expected to meet Chinese President Zhao Wenhao there.");
  ASSERT_EQ(groups().size(), 2u);
  const MeetingGroup& summit = groups()[0];
  EXPECT_EQ(summit.role, GroupRole::kMain);
  EXPECT_EQ(summit.kind, TriggerKind::kSummit);
  EXPECT_TRUE(summit.attended);
  EXPECT_EQ(summit.status, MentionStatus::kPlanned);
  EXPECT_THAT(People(summit), ElementsAre("Aidar Seitkali"));
  const MeetingGroup& talks = groups()[1];
  EXPECT_EQ(talks.role, GroupRole::kOther);
  EXPECT_THAT(People(talks), ElementsAre("Aidar Seitkali", "Zhao Wenhao"));
  EXPECT_EQ(talks.status, MentionStatus::kPlanned);
}

// --- Several meetings of one person.

TEST_F(GroupingTest, SeriesOfBilateralsIsOneGroupPerCounterpart) {
  Run("",
      "Kazakh President Aidar Seitkali met French President Jean Moreau, German Chancellor "
      "Karl Kessler and Italian Prime Minister Marco Marchetti in Brussels on Monday.");
  ASSERT_EQ(groups().size(), 3u);
  EXPECT_EQ(groups()[0].role, GroupRole::kMain);
  EXPECT_THAT(People(groups()[0]), ElementsAre("Aidar Seitkali", "Jean Moreau"));
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "FR"));
  EXPECT_EQ(groups()[1].role, GroupRole::kOther);
  EXPECT_THAT(People(groups()[1]), ElementsAre("Aidar Seitkali", "Karl Kessler"));
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "DE"));
  EXPECT_THAT(People(groups()[2]), ElementsAre("Aidar Seitkali", "Marco Marchetti"));
  EXPECT_THAT(groups()[2].countries, UnorderedElementsAre("KZ", "IT"));
}

TEST_F(GroupingTest, SeparatelyWithCountriesIsOneGroupPerCountry) {
  Run("",
      "Kazakh President Aidar Seitkali met the leaders of France and Germany separately in "
      "Brussels.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "FR"));
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "DE"));
}

TEST_F(GroupingTest, AlsoMetAnotherIsAnotherMeeting) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on Monday. "
      "He also met Japanese Prime Minister Kenji Takeda.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(People(groups()[0]), ElementsAre("Aidar Seitkali", "Zhao Wenhao"));
  EXPECT_THAT(People(groups()[1]), ElementsAre("Aidar Seitkali", "Kenji Takeda"));
  EXPECT_THAT(groups()[1].countries, Not(Contains("CN")));
}

// "also discussed" (a weak meeting word) told of the meeting's own countries, with a
// counterpart named only now, adds to the meeting told; "also met" someone new of the same
// countries is still another meeting.
TEST_F(GroupingTest, AlsoDiscussedByTheSameCountriesIsTheMeeting) {
  for (const char* body :
       {"Chilean Foreign Minister Pablo Rivas met his Argentine counterpart in Santiago on "
        "Monday. Rivas and Argentine Foreign Minister Lucas Ferro also discussed lithium.",
        "Kazakh Foreign Minister Talgat Omarov held talks with Uzbekistan in Tashkent on Monday. "
        "Omarov and Uzbek Foreign Minister Bakhtiyor Saidov also discussed water."}) {
    Run("", body);
    ASSERT_EQ(groups().size(), 1u) << body;
  }
  Run("",
      "Chilean Foreign Minister Pablo Rivas met his Argentine counterpart in Santiago on Monday. "
      "Rivas also met Argentine Economy Minister Sergio Massa.");
  EXPECT_EQ(groups().size(), 2u);
}

// Inside a visit's programme, "also met" or "was also received by" someone of the host country
// (or of no known country) is the visit's; someone of a third country is still another meeting.
TEST_F(GroupingTest, AlsoMetInsideAVisitsProgrammeIsTheVisit) {
  for (const char* body :
       {"Kazakh President Aidar Seitkali paid a state visit to Japan on Monday and held talks with "
        "Japanese Prime Minister Kenji Takeda. He was also received by Emperor Hirotaka.",
        "Kazakh President Aidar Seitkali arrived in Tokyo on Monday for an official visit and held "
        "talks with Japanese Prime Minister Kenji Takeda. He also met Japanese Foreign Minister "
        "Yuki Mori."}) {
    Run("", body);
    ASSERT_EQ(groups().size(), 1u) << body;
  }
  Run("",
      "Kazakh President Aidar Seitkali paid a state visit to Japan on Monday and held talks with "
      "Japanese Prime Minister Kenji Takeda. He also met South Korean President Min-soo Park.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "KR"));
}

// A meeting named by its format is not the two-party talks told of just before it.
TEST_F(GroupingTest, MeetingNamedByItsFormatIsNotTheTalksBeforeIt) {
  Run("",
      "Kazakh Foreign Minister Talgat Omarov held talks with his Turkish counterpart in New York "
      "on Monday. The day began with the Quad foreign ministers meeting, which included Omarov "
      "and Japanese Foreign Minister Kenji Takeda.");
  ASSERT_GE(groups().size(), 2u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "TR"));
  EXPECT_TRUE(groups()[0].format.empty());
  EXPECT_EQ(groups()[1].format, "Quad");
}

// A planned meeting in another country than the one held is the trip's next stop.
TEST_F(GroupingTest, PlannedTalksInAnotherCountryAreTheNextStop) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Beijing on Monday. "
      "Seitkali will travel to Japan on Thursday for talks with Prime Minister Kenji Takeda.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(People(groups()[0]), ElementsAre("Aidar Seitkali", "Zhao Wenhao"));
  EXPECT_EQ(groups()[0].status, MentionStatus::kHeld);
  EXPECT_THAT(People(groups()[1]), Contains("Kenji Takeda"));
  EXPECT_EQ(groups()[1].status, MentionStatus::kPlanned);
  // A planned meeting in the country of the town is still that meeting.
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Beijing on Monday. "
      "He will travel to China again on Thursday for talks with Zhao.");
  EXPECT_THAT(People(groups()[0]), ElementsAre("Aidar Seitkali", "Zhao Wenhao"));
}

// A planned meeting placed in a country that is no side of a meeting held is elsewhere on the
// trip, even when the held meeting's town is not told; one in a country that is a side folds in
// (a visit's programme).
TEST_F(GroupingTest, PlannedTripToACountryThatIsNoSideIsAnotherMeeting) {
  for (const char* second :
       {"Seitkali will travel to Tokyo on Thursday, where he is expected to meet Emperor Naruhito.",
        "Seitkali will then travel to Japan on Thursday for talks.",
        "Seitkali will hold talks in Osaka on Thursday.",
        "Seitkali is scheduled to travel to Seoul on Friday."}) {
    Run("Seitkali holds talks in China",
        absl::StrCat("Kazakh President Aidar Seitkali held talks with Chinese Foreign "
                     "Minister Li Wenhao on Monday. ",
                     second));
    ASSERT_GE(groups().size(), 2u) << second;
    EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "CN")) << second;
    EXPECT_THAT(Sentences(groups()[0]), ElementsAre(0, 1)) << second;
    EXPECT_EQ(groups()[1].status, MentionStatus::kPlanned) << second;
  }
  Run("Seitkali holds talks in China",
      "Kazakh President Aidar Seitkali held talks with Chinese Foreign Minister Li Wenhao on "
      "Monday. Seitkali will travel to Shanghai on Thursday.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(0, 1, 2));
}

// An official of a body meeting one side of two countries' talks is another meeting, not more
// of those talks; one who joins them as told of again ("the talks") is not.
TEST_F(GroupingTest, BodysOfficialMeetingOneSideIsAnotherMeeting) {
  for (const char* second :
       {"UN Secretary-General Antonio Guterres will meet Seitkali on Friday.",
        "NATO Secretary General Mark Rutte met Seitkali in the afternoon.",
        "Seitkali later held talks with IMF Managing Director Kristalina Georgieva."}) {
    Run("Seitkali holds talks in Astana",
        absl::StrCat("Kazakh President Aidar Seitkali held talks with Chinese President Zhao "
                     "Wenhao in Astana on Monday. ",
                     second));
    ASSERT_EQ(groups().size(), 2u) << second;
    EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "CN")) << second;
    EXPECT_THAT(groups()[0].orgs, IsEmpty()) << second;
    EXPECT_THAT(groups()[1].orgs, Not(IsEmpty())) << second;
  }
}

// A host verb in the relative clause on a meeting noun names that meeting's host.
TEST_F(GroupingTest, HostInARelativeClauseOnTheMeetingIsItsHost) {
  for (const char* body :
       {"A meeting between Kazakh Foreign Minister Talgat Omarov and Chinese Foreign Minister Li "
        "Wenhao that the United States had planned to host in Washington on Monday was postponed.",
        "A summit between Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao that "
        "Russia had offered to host in Moscow in May was cancelled.",
        "Talks between Kazakh Foreign Minister Talgat Omarov and Chinese Foreign Minister Li "
        "Wenhao that Turkey hosted in Istanbul on Monday ended without agreement."}) {
    Run("Ministers to meet", body);
    ASSERT_EQ(groups().size(), 1u) << body;
    EXPECT_EQ(groups()[0].countries.size(), 3u) << body;
  }
}

// "attended the Steppe Investment Forum, hosted by X": the host of the event just named.
TEST_F(GroupingTest, ParticipleHostedByAfterAnEventNamesItsHost) {
  Run("Seitkali attends forum",
      "Prime Minister Aidar Seitkali of Kazakhstan on Tuesday attended the Steppe Investment "
      "Forum, hosted by Chinese President Zhao Wenhao, in Beijing.");
  std::vector<std::vector<std::string>> with_countries;
  for (const MeetingGroup& g : groups()) {
    if (!g.countries.empty()) {
      with_countries.push_back(g.countries);
    }
  }
  EXPECT_THAT(with_countries, ElementsAre(UnorderedElementsAre("KZ", "CN")));
}

// "began talks outside Lisbon on Monday hosted by X": the host of the talks a light verb
// reports, after their place and day.
TEST_F(GroupingTest, ParticipleHostedByAfterTheAdjunctsOfTalksNamesTheirHost) {
  Run("Ministers hold talks",
      "The foreign ministers of Moldova and Georgia began talks outside Lisbon on Monday hosted "
      "by Portuguese Foreign Minister Rui Vidal.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("MD", "GE", "PT"));
}

TEST_F(GroupingTest, HostingSeveralIsOneMeeting) {
  Run("",
      "Kazakh Foreign Minister Talgat Omarov hosted his counterparts from Kyrgyzstan, "
      "Tajikistan and Uzbekistan in Astana on Friday.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("KZ", "KG", "TJ", "UZ"));
}

TEST_F(GroupingTest, TravellersToTheTalksJoinThem) {
  Run("Talks in Geneva",
      "Russian and American negotiators held talks in Geneva on Monday. Russian Foreign Minister "
      "Ivan Petrovsky, US Secretary of State Tom Hollis and Swiss Foreign Minister Hans Keller "
      "arrived for the talks.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(People(groups()[0]), ElementsAre("Ivan Petrovsky", "Tom Hollis", "Hans Keller"));
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("RU", "US", "CH"));
}

TEST_F(GroupingTest, WhoIsThereForTheMeetingToldOfTakesPartInIt) {
  Run("Regional leaders hold summit in Maseru",
      "President Thabo Lekhanya chaired the regional summit in Maseru on Tuesday. Botswana's "
      "leader Kabelo Dintwe is also in the capital for the meeting.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(People(groups()[0]), Contains("Kabelo Dintwe"));
  // Saying something of the meeting is no part in it.
  Run("Regional leaders hold summit in Maseru",
      "President Thabo Lekhanya chaired the regional summit in Maseru on Tuesday. Analyst Kabelo "
      "Dintwe said the meeting was useful.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(People(groups()[0]), Not(Contains("Kabelo Dintwe")));
}
// --- Meetings of another medium or time.

TEST_F(GroupingTest, CallAndTalksAreTwoMeetings) {
  Run("",
      "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
      "Monday. On Wednesday, Kazakh President Aidar Seitkali held talks with Chinese "
      "President Zhao Wenhao in Beijing.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kPhone);
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1));
  EXPECT_EQ(groups()[1].kind, TriggerKind::kMeet);
  EXPECT_THAT(Sentences(groups()[1]), ElementsAre(2));
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("KZ", "CN"));
}

TEST_F(GroupingTest, FollowUpIsAMeetingOfItsOwn) {
  Run("",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held talks in Astana "
      "on Friday. They agreed that the second China-Central Asia Summit will be held in "
      "Astana in 2026.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[0].role, GroupRole::kMain);
  EXPECT_EQ(groups()[0].status, MentionStatus::kHeld);
  const MeetingGroup& next = groups()[1];
  EXPECT_EQ(next.role, GroupRole::kFollowUp);
  EXPECT_EQ(next.status, MentionStatus::kPlanned);
  EXPECT_EQ(next.kind, TriggerKind::kSummit);
  EXPECT_EQ(next.format, "Central Asia-China");
}

TEST_F(GroupingTest, LaterMeetingToldOfTwiceIsOneFollowUp) {
  Run("",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held talks in Astana "
      "on Friday. They discussed the upcoming summit. The second China-Central Asia Summit "
      "will be held in Astana in 2026.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[1].role, GroupRole::kFollowUp);
  EXPECT_THAT(Sentences(groups()[1]), ElementsAre(2, 3));
}

// "meet again" announces another meeting.
TEST_F(GroupingTest, MeetAgainIsAFollowUp) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on "
      "Monday. They agreed to meet again in Beijing in June.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[1].role, GroupRole::kFollowUp);
  EXPECT_EQ(groups()[1].status, MentionStatus::kPlanned);
}

// A headline's "next summit" and the body's "meet again" are one later meeting.
TEST_F(GroupingTest, NextSummitAndMeetAgainAreOneFollowUp) {
  Run("Seitkali and Zhao meet in Astana, agree to hold next summit in Beijing",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on "
      "Monday. They agreed to meet again in Beijing next year.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(groups()[1].role, GroupRole::kFollowUp);
  EXPECT_THAT(Sentences(groups()[1]), ElementsAre(0, 2));
}

// --- Mentions that are no meeting of the article.

TEST_F(GroupingTest, PreviousAndGenericMeetingsMakeNoGroup) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on "
      "Monday. The presidents recalled the 2019 summit in Bishkek. They agreed to hold "
      "regular meetings.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kMeet);
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1));
}

// An earlier summit recalled is no part of the meeting reported.
TEST_F(GroupingTest, LastYearsSummitDoesNotJoinTheMeeting) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on "
      "Monday. The presidents recalled last year's summit in Bishkek.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kMeet);
  EXPECT_THAT(Sentences(groups()[0]), ElementsAre(1));
}

// The summit a meeting was held ahead of is another, later meeting.
// DISABLED: "Ahead of the summit, X met Y": the summit, with no antecedent, opens the main group
// and the talks join it (kind summit, status planned).
TEST_F(GroupingTest, DISABLED_MeetingAheadOfASummitIsNotTheSummit) {
  Run("",
      "Ahead of the summit, Kazakh President Aidar Seitkali met Chinese President Zhao "
      "Wenhao in Astana on Monday.");
  ASSERT_FALSE(groups().empty());
  EXPECT_EQ(groups()[0].kind, TriggerKind::kMeet);
  EXPECT_EQ(groups()[0].status, MentionStatus::kHeld);
}

TEST_F(GroupingTest, NoMeetingWordsNoGroups) {
  Run("Cabinet reshuffle in Astana",
      "Kazakh President Aidar Seitkali appointed a new finance minister on Monday.");
  EXPECT_THAT(groups(), IsEmpty());
  EXPECT_FALSE(grouping_.title_meeting);
}

// --- Statuses.

TEST_F(GroupingTest, CancellationLaterInTheTextCancelsTheGroup) {
  Run("",
      "Kazakh President Aidar Seitkali and Japanese Prime Minister Kenji Takeda will hold "
      "talks in Tokyo in May. On Friday the talks were cancelled.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].status, MentionStatus::kCancelled);
}

// --- Token ownership and the window.

TEST_F(GroupingTest, EachClauseIsOwnedByItsMeeting) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on "
      "Monday. He also met Japanese Prime Minister Kenji Takeda.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(grouping_.owner[TokenOf("Zhao", 1)], 0);
  EXPECT_EQ(grouping_.owner[TokenOf("Takeda", 2)], 1);
}

TEST_F(GroupingTest, EventOwnsOnlyTheWordsThatNameIt) {
  Run("",
      "Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of "
      "the SCO summit in Astana.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_EQ(grouping_.owner[TokenOf("SCO", 1)], 1);
  EXPECT_EQ(grouping_.owner[TokenOf("Zhao", 1)], 0);
}

TEST_F(GroupingTest, WindowIsHeadlineLeadAnchorAndTheMeetingsSentencesAfterIt) {
  Run("Kazakhstan and China hold talks",
      "The weather in Astana was fine. Kazakh Foreign Minister Talgat Omarov met Chinese Foreign "
      "Minister Li Wenhao on Monday. Crowds waited outside. The talks focused on trade. He also "
      "met Japanese Foreign Minister Kenji Takeda.");
  ASSERT_EQ(groups().size(), 2u);
  const MeetingGroup& g = groups()[0];
  EXPECT_EQ(g.anchor, 2);
  EXPECT_THAT(g.window, ElementsAre(0, 1, 2, 4));
  EXPECT_THAT(g.elsewhere, ElementsAre(5));
  EXPECT_THAT(g.document_sentences, Not(Contains(5)));
  EXPECT_THAT(g.people_sentences, Contains(4));
}

// A headline's plain meeting word leaves the medium open: the lead's phone call is that
// meeting, not another one.
TEST_F(GroupingTest, HeadlineMeetingWordTakesTheLeadsMedium) {
  Run("Seitkali meets Zhao",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held a telephone "
      "conversation on Tuesday.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_EQ(groups()[0].kind, TriggerKind::kPhone);
}

TEST_F(GroupingTest, LeadAboutAnotherMeetingIsOutOfTheWindow) {
  Run("",
      "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
      "Monday. On Wednesday, Kazakh President Aidar Seitkali held talks with Chinese "
      "President Zhao Wenhao in Beijing.");
  ASSERT_EQ(groups().size(), 2u);
  MeetingGroup talks = groups()[1];
  ReadWindow(a_, mm_, grouping_, &talks);
  EXPECT_EQ(talks.anchor, 2);
  EXPECT_THAT(talks.window, Contains(2));
  EXPECT_THAT(talks.window, Not(Contains(1)));
  EXPECT_THAT(talks.elsewhere, ElementsAre(1));
}

// "At their previous meeting in Sochi, the two leaders signed a memorandum": what a meeting of
// the past concluded is no document of this one; a sentence of this meeting's signing is.
TEST_F(GroupingTest, SentenceOpenedByAPreviousMeetingIsNoDocumentSentence) {
  Run("Putin and Erdogan meet in Moscow",
      "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Moscow on Monday. "
      "They signed an agreement on tourism. At their previous meeting in Sochi, the two leaders "
      "signed a memorandum on Idlib.");
  ASSERT_FALSE(groups().empty());
  const MeetingGroup& g = groups()[0];
  EXPECT_THAT(g.document_sentences, Contains(2));
  EXPECT_THAT(g.document_sentences, Not(Contains(3)));
}

// "In Beijing on Tuesday, X held talks with Y. The two leaders signed ...": a sentence with no
// meeting word whose subject stands for the parties, right after another meeting's sentence in
// its paragraph, tells what that meeting concluded, not the main one.
TEST_F(GroupingTest, PartiesAfterAnotherMeetingsSentenceSignForThatMeeting) {
  Run("Seitkali ends tour in Tokyo",
      "TOKYO, Oct 14 - Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda in "
      "Tokyo on Saturday.\n\nIn Beijing on Tuesday, Seitkali held talks with Chinese President "
      "Zhao Wenhao. The two leaders signed 15 agreements.");
  ASSERT_FALSE(groups().empty());
  EXPECT_THAT(groups()[0].document_sentences, Not(Contains(3)));
  Run("Seitkali ends tour in Tokyo",
      "TOKYO, Oct 14 - Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda in "
      "Tokyo on Saturday.\n\nIn Beijing on Tuesday, Seitkali held talks with Chinese President "
      "Zhao Wenhao. Trade between the countries grew. An agreement on visas was signed.");
  ASSERT_FALSE(groups().empty());
  EXPECT_THAT(groups()[0].document_sentences, Contains(4));
}

// "a day after his meeting with X": a meeting before or after the one told of, with a party
// that one does not have, is another meeting; "after the talks" with no new party is the same.
TEST_F(GroupingTest, MeetingAfterOrBeforeWithANewPartyIsAnother) {
  Run("Zhao meets Takeda",
      "Chinese President Zhao Wenhao met Japanese Prime Minister Kenji Takeda in Osaka on "
      "Thursday, a day after his meeting with Kazakh President Aidar Seitkali.");
  ASSERT_EQ(groups().size(), 2u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("CN", "JP"));
  EXPECT_THAT(groups()[1].countries, UnorderedElementsAre("CN", "KZ"));
  Run("Zhao meets Takeda",
      "Chinese President Zhao Wenhao met Japanese Prime Minister Kenji Takeda in Osaka on "
      "Thursday. A day after their meeting with each other, the two flew home.");
  ASSERT_EQ(groups().size(), 1u);
  EXPECT_THAT(groups()[0].countries, UnorderedElementsAre("CN", "JP"));
}

}  // namespace
}  // namespace parley::extract
