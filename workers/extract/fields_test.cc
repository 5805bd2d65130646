// Stage 5 (fields/fields.h) on short articles written for the tests: each resolver on the
// groups stages 1-4 found, one suite per resolver group (participants, organisations and
// format; venue; date and status; kind; documents; topics; statements, tags and attribution;
// title).

#include "workers/extract/fields/fields.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/annotate.h"
#include "workers/extract/grouping.h"
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

std::string Str(const v1::Date& d) {
  return std::to_string(d.year()) + "-" + std::to_string(d.month()) + "-" + std::to_string(d.day());
}

// Stages 1-4 over one article, and the context the resolvers read.
class FieldsTest : public ::testing::Test {
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

  // Runs stages 1-4 as the extractor does, over an article published on `published` (Saturday
  // 26 April 2025 unless told).
  void Run(const std::string& title, const std::string& body,
           std::optional<absl::CivilDay> published = absl::CivilDay(2025, 4, 26)) {
    article_.Clear();
    article_.set_title(title);
    article_.set_body(body);
    if (published.has_value()) {
      article_.mutable_published_at()->set_seconds(
          absl::ToUnixSeconds(absl::FromCivil(*published, absl::UTCTimeZone())));
    }
    absl::StatusOr<Annotations> a = Annotate(article_, **dict_);
    ASSERT_TRUE(a.ok()) << a.status();
    a_ = *std::move(a);
    people_ = FindPeople(a_);
    parties_ = FindParties(a_, people_);
    mm_ = FindMeetingMentions(a_, people_, parties_);
    InferPrincipalCountry(a_, parties_, mm_.principal, &people_, PrincipalDestinations(mm_));
    grouping_ = GroupMentions(a_, people_, mm_);
    ASSERT_FALSE(grouping_.groups.empty()) << "no meeting in: " << body;
  }
  void Run(const std::string& body) { Run("", body); }

  Context c() const { return Context{article_, a_, people_, parties_, mm_, grouping_}; }
  const MeetingGroup& main() const { return grouping_.groups[0]; }
  // Group `i` with its window read as the main meeting's would be.
  MeetingGroup AsMain(size_t i) const {
    MeetingGroup g = grouping_.groups[i];
    ReadWindow(a_, mm_, grouping_, &g);
    return g;
  }

  // The parties of a group as the main record has them: countries, people, organisations and
  // format (what the kind and title resolvers read).
  v1::Meeting Parties(const MeetingGroup& g) const {
    v1::Meeting m;
    const Participants parts = ResolveParticipants(c(), g);
    for (const std::string& code : parts.countries) {
      m.add_countries(code);
    }
    for (const Person* p : parts.people) {
      v1::Person* out = m.add_people();
      out->set_name(p->name);
      out->set_country_code(p->country);
    }
    for (const std::string& org : ResolveOrganizations(c(), g.window, g.index)) {
      m.add_organizations(org);
    }
    m.set_format(ResolveFormat(c(), g));
    return m;
  }

  v1::MeetingKind Kind(const MeetingGroup& g) const {
    const v1::Meeting m = Parties(g);
    return ResolveKind(c(), g, m, ResolveParticipants(c(), g).people);
  }

  v1::Place Venue(const MeetingGroup& g, bool use_dateline = true) const {
    std::vector<FieldEvidence> evidence;
    return ResolveVenue(c(), g, use_dateline, &evidence);
  }

  // The start date of a group ("" when none), resolved forward for a meeting not yet held.
  std::string Date(const MeetingGroup& g) const {
    v1::Meeting m;
    m.set_status(ResolveStatus(c(), g));
    std::vector<FieldEvidence> evidence;
    const Participants parts = ResolveParticipants(c(), g);
    ResolveDate(c(), g, m.status() != v1::MEETING_STATUS_HELD, &m, &evidence, &parts.people);
    return m.has_start_date() ? Str(m.start_date()) : "";
  }

  std::vector<std::string> PeopleNames(const Participants& parts) const {
    std::vector<std::string> out;
    for (const Person* p : parts.people) {
      out.push_back(p->name);
    }
    return out;
  }

  std::vector<v1::Document> Documents(const MeetingGroup& g) const {
    std::vector<FieldEvidence> evidence;
    return ResolveDocuments(c(), g.document_sentences, &evidence, IndexOf(c(), g));
  }

  std::vector<v1::Statement> Statements(const MeetingGroup& g, size_t max = 12) const {
    return ResolveStatements(c(), g, ResolveParticipants(c(), g).people, max);
  }

  static std::shared_ptr<const Dictionaries>* dict_;
  v1::Article article_;
  Annotations a_;
  std::vector<Person> people_;
  parley::extract::Parties parties_;
  MeetingMentions mm_;
  Grouping grouping_;
};
std::shared_ptr<const Dictionaries>* FieldsTest::dict_ = nullptr;

std::vector<v1::DocumentType> Types(const std::vector<v1::Document>& docs) {
  std::vector<v1::DocumentType> out;
  out.reserve(docs.size());
  for (const v1::Document& d : docs) {
    out.push_back(d.type());
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<v1::Statement>& statements) {
  std::vector<std::string> out;
  out.reserve(statements.size());
  for (const v1::Statement& s : statements) {
    out.push_back(s.text());
  }
  return out;
}

// ===== Participants, organisations, format.

using ParticipantsTest = FieldsTest;

TEST_F(ParticipantsTest, CountriesInPartySlotsNotVenuesOrSubjects) {
  Run("Chinese Foreign Minister Li Wenhao met Kazakh Foreign Minister Talgat Omarov in Japan for "
      "talks on Ukraine and Russia's war.");
  const Participants parts = ResolveParticipants(c(), main());
  EXPECT_THAT(parts.countries, ElementsAre("CN", "KZ"));
  EXPECT_THAT(PeopleNames(parts), ElementsAre("Li Wenhao", "Talgat Omarov"));
}

// A country the parties discuss is a subject of the talks.
TEST_F(ParticipantsTest, CountryDiscussedIsNoParty) {
  Run("Chinese Foreign Minister Li Wenhao met Kazakh Foreign Minister Talgat Omarov in Astana to "
      "discuss Ukraine.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, ElementsAre("CN", "KZ"));
}

TEST_F(ParticipantsTest, BareNamesInTheLeadArePartiesButNotInLaterSentences) {
  Run("Kazakhstan and China held talks in Astana on Monday. The ministers discussed exports to "
      "Russia and Iran.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, ElementsAre("CN", "KZ"));
}

TEST_F(ParticipantsTest, RegionalGroupStandsForItsMembers) {
  Run("Chinese President Zhao Wenhao met the leaders of the Central Asian states in Xian.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries,
              UnorderedElementsAre("CN", "KZ", "KG", "TJ", "TM", "UZ"));
}

TEST_F(ParticipantsTest, RegionalGroupIsNotExpandedWhenItsMembersAreNamed) {
  Run("Kazakh Foreign Minister Talgat Omarov met Kyrgyz Foreign Minister Bolot Toktogulov, the "
      "two Central Asian states agreeing on water.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, UnorderedElementsAre("KZ", "KG"));
}

// A regional group after a locative or a preposition of subject is a place or a topic.
TEST_F(ParticipantsTest, RegionalGroupAfterInOrOnIsNotItsMembers) {
  Run("Chinese President Zhao Wenhao met Russian President Pavel Orlov in Moscow to counter "
      "Western "
      "influence in Central Asia.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, UnorderedElementsAre("CN", "RU"));
  Run("Chinese President Zhao Wenhao met Russian President Pavel Orlov in Moscow for talks on the "
      "Baltic states.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, UnorderedElementsAre("CN", "RU"));
}

// With one country known and a participant of none, the other name of a pair of countries before
// "ties" or "relations" is that participant's.
TEST_F(ParticipantsTest, OtherCountryOfARelationsPairIsTheUnknownSides) {
  Run("Foreign Minister Bat Erdene held a meeting with his Kazakh counterpart Aidar Seitkali in "
      "Astana on Monday. The two discussed Mongolia-Kazakhstan ties.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, UnorderedElementsAre("KZ", "MN"));
}

TEST_F(ParticipantsTest, SpokespeopleAndPeopleWithoutARoleDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Foreign Ministry spokesperson Lin Zhenyu said the talks were useful. Erik "
      "Lindgren said the talks mattered.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// "X, the president's chief of staff, joined the talks": an official who joins the meeting told of
// takes part in it, wherever in the report it is told.
TEST_F(ParticipantsTest, OfficialWhoJoinedTheTalksTakesPart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The two ministers discussed transit routes. The president's chief of staff, Arman "
      "Sadykov, joined the talks.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao", "Arman Sadykov"));
}

// "Brazil's A, Argentina's B and Uruguay's C said": a list of names each after the possessive of a
// party's country names the parties' people; one such name alone ("Ukraine's Peace Formula")
// is not enough.
TEST_F(ParticipantsTest, ListOfNamesAfterThePartiesPossessivesTakesPart) {
  Run("The foreign ministers of Kazakhstan, Kyrgyzstan and Tajikistan met in Almaty on Friday. "
      "Kazakhstan's Talgat Omarov, Kyrgyzstan's Emil Sadyrov and Tajikistan's Farid Rahimov said "
      "in a joint statement that the border talks would go on.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Emil Sadyrov", "Farid Rahimov"));
  Run("The foreign ministers of Kazakhstan and Ukraine met in Almaty on Friday. They backed "
      "Ukraine's Peace Formula, the basis for a just peace.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())), IsEmpty());
}

// "Prime Minister X had called for a ceasefire last week": an official of a party's country who
// only did something before the meeting is background, not a participant.
TEST_F(ParticipantsTest, OfficialOfAPartyWhoHadDoneSomethingBeforeDoesNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The ministers discussed transit routes. Chinese Premier Zhao Wenhao had called for "
      "closer rail links last month.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// "X was accompanied by deputy director general Y": a lower-case "deputy", "senior", "acting" or
// "assistant" before a role goes on the list of those who attend.
TEST_F(ParticipantsTest, OfficialAfterALowerCaseDeputyInAnAttendanceListTakesPart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The two ministers discussed transit routes. Li was accompanied by deputy director "
      "general Zhou Peng.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao", "Zhou Peng"));
}

// "The visit was the first since President X was ousted": a leader only told of as removed from
// office is of the past, not a participant.
TEST_F(ParticipantsTest, LeaderOnlyToldOfAsOustedDoesNotTakePart) {
  Run("Kazakh President Talgat Omarov hosted Kyrgyz President Emil Sadyrov in Astana on Monday. "
      "The visit was the first by a Kyrgyz leader since Kyrgyz President Bakyt Aliev was "
      "ousted.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Emil Sadyrov"));
}

// An official who only reacts to the meeting ("Opposition leader X criticised the visit") is a
// commentator, not a participant.
TEST_F(ParticipantsTest, OfficialReactingToTheMeetingDoesNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Opposition leader Arman Bekov criticised the talks. Nurlan Dosov, the Kazakh "
      "Prime Minister, welcomed the visit.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// An official who only tells of the meeting of others ("X told a briefing that the two
// presidents discussed ...") reports it and takes no part.
TEST_F(ParticipantsTest, OfficialReportingTheMeetingOfOthersDoesNotTakePart) {
  Run("Kazakh President Aidar Seitkali held talks with his Chinese counterpart Zhao Wenhao in "
      "Astana on Monday. Deputy Foreign Minister Marat Bekov told a media briefing that the two "
      "presidents also discussed water sharing.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Aidar Seitkali", "Zhao Wenhao"));
}

// "The summit comes a week after X attended a forum in Y, where he met Z briefly": a side of a
// meeting of the past, told in the meeting's own sentence, takes no part in it.
TEST_F(ParticipantsTest, SideOfAPastMeetingDoesNotTakePart) {
  Run("Kazakh President Aidar Seitkali held a summit with Chinese President Zhao Wenhao and "
      "Kyrgyz President Bolot Toktogulov in Astana on Monday. The summit comes a week after "
      "Seitkali attended the Asia-Pacific Economic Cooperation forum in Tashkent, where he met "
      "Russian President Ivan Petrov briefly.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Aidar Seitkali", "Zhao Wenhao", "Bolot Toktogulov"));
}

// "The summit recalled the 1986 meeting between X and Y, when the Soviet leader proposed ...":
// the countries told of a meeting of the past take no part in the meeting reported.
TEST_F(ParticipantsTest, CountryOfAPastMeetingDoesNotTakePart) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on Monday. The "
      "talks were held in the presence of the foreign ministers. The summit recalled the 1986 "
      "meeting between Dinmukhamed Kunayev and Ivan Petrov, when the Soviet leader proposed "
      "sweeping cuts.");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, UnorderedElementsAre("CN", "KZ"));
}

// An official named for an office held in the past ("then-President X") is recalled, not present,
// though of a participating country.
TEST_F(ParticipantsTest, PeopleNamedForAPastOfficeDoNotTakePart) {
  for (const char* recalled :
       {"The partnership was set up in 2013 during a visit by then-Chinese President Wang Dehai.",
        "The then-Chinese Foreign Minister Wang Dehai signed the first accord in 1992."}) {
    Run(std::string("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana "
                    "on Monday. ") +
        recalled);
    EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
                UnorderedElementsAre("Aidar Seitkali", "Zhao Wenhao"))
        << recalled;
  }
}

TEST_F(ParticipantsTest, PeopleOfAnotherMeetingAreNotParticipants) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on Monday. He "
      "also met Japanese Prime Minister Kenji Takeda.");
  const Participants main_parts = ResolveParticipants(c(), main());
  EXPECT_THAT(PeopleNames(main_parts), UnorderedElementsAre("Aidar Seitkali", "Zhao Wenhao"));
  EXPECT_THAT(main_parts.countries, UnorderedElementsAre("KZ", "CN"));
  const Participants other = ResolveParticipants(c(), AsMain(1));
  EXPECT_THAT(PeopleNames(other), UnorderedElementsAre("Aidar Seitkali", "Kenji Takeda"));
  EXPECT_THAT(other.countries, UnorderedElementsAre("KZ", "JP"));
}

// Officials told of as background (a funeral, a death, a swearing-in, a government) do not
// take part, even when their country does.
TEST_F(ParticipantsTest, OfficialsHeldAsBackgroundDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Omarov offered condolences on the passing of Chinese Vice President Wang Jun.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Li later left for the swearing-in of the Kazakh Prime Minister Arman Sadykov.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The talks came days after a crash that killed Kazakh Energy Minister Ruslan "
      "Abenov.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// A leader whose greetings, message or letter an official conveys or hands over is told of,
// not taking part: "conveyed the greetings of President X", "handed over a message of Y".
TEST_F(ParticipantsTest, OfficialsWhoseGreetingsAreConveyedDoNotTakePart) {
  Run("Kazakh President Aidar Seitkali received Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Li conveyed the greetings of Chinese President Zhao Wenhao.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Aidar Seitkali", "Li Wenhao"));
  Run("Kazakh President Aidar Seitkali received Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Li handed over a personal message of President Zhao Wenhao.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Aidar Seitkali", "Li Wenhao"));
  Run("Kazakh President Aidar Seitkali received Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Li passed on the best wishes of Chinese President Zhao Wenhao.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Aidar Seitkali", "Li Wenhao"));
}

// The holder's role may be qualified by an ordinal and adverbs or participles ("the first
// democratically elected President X").
TEST_F(ParticipantsTest, OfficialsHeldAsBackgroundInALongAppositiveDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Ties cooled after the ouster of the first democratically elected Kazakh "
      "President Nurlan Beisen, an ally of Beijing.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// "under President X" tells the time of X's office, not X taking part.
TEST_F(ParticipantsTest, OfficialNamedForTheTimeOfTheirOfficeDoesNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The talks were also attended by Arman Sadykov, a Kazakh adviser under President "
      "Aidar Seitkali.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())), Not(Contains("Aidar Seitkali")));
}

// An official of a participating country who speaks from a town of another country than the
// meeting's is not at it.
TEST_F(ParticipantsTest, OfficialSpeakingFromAnotherCountryDoesNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing on "
      "Monday. Kazakh Prime Minister Arman Sadykov said in Astana that trade mattered most.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing on "
      "Monday. Kazakh Prime Minister Arman Sadykov said in Beijing that trade mattered most.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())), Contains("Arman Sadykov"));
}

// "X, speaking in Brussels on Monday, said": the participle too, and for an official of a body
// named in the meeting's sentences.
TEST_F(ParticipantsTest, BodyOfficialSpeakingFromAnotherCountryDoesNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing on "
      "Monday. NATO Secretary-General Erik Lindgren, speaking in Brussels, said the talks "
      "mattered.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// Named once as background and once taking part: the official takes part.
TEST_F(ParticipantsTest, OfficialAlsoNamedOutsideTheBackgroundTakesPart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The government of Kazakh Prime Minister Arman Sadykov backed the talks, and "
      "Sadykov said the two ministers agreed on trade.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao", "Arman Sadykov"));
}

// An official named only as the owner of a thing ("X's domestic agenda") or of an aide ("X's
// foreign policy adviser") is told of, not taking part; one named for a meeting of theirs ("X's
// talks") may be.
TEST_F(ParticipantsTest, OfficialsNamedOnlyAsOwnersOfAThingDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Since then, Kazakh President Aidar Seitkali's domestic agenda has taken a "
      "protectionist turn.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Kazakh President Aidar Seitkali's talks with Li followed.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())), Contains("Aidar Seitkali"));
  Run("VILNIUS, May 4 (Newswire) - Chinese Foreign Minister Li Wenhao met Kazakh President "
      "Aidar Seitkali's foreign policy adviser on Monday.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())), UnorderedElementsAre("Li Wenhao"));
}

// A former holder of a role told of in the report is no official taking part.
TEST_F(ParticipantsTest, FormerOfficialsDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Omarov recalled that former Kazakh President Aidar Seitkali had opened the "
      "border crossing, and Li agreed.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// An official of a participating country named only in sentences of an earlier year is
// background: "Chinese President X launched the initiative in Astana in 2013".
TEST_F(ParticipantsTest, OfficialsNamedOnlyInSentencesOfAnEarlierYearDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. The ministers agreed to build a second border crossing. Chinese President Zhao "
      "Ming launched the trade initiative in a speech in Astana in 2013. Kazakhstan's first "
      "president, Aidar Seitkali, established ties with Beijing in 1992.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// A past year that dates no deed of the sentence ("in office since 2021"), or a sentence in which
// an official says something, leaves the official named there a participant.
TEST_F(ParticipantsTest, OfficialsSpeakingBesideAnEarlierYearTakePart) {
  Run("The foreign ministers of Kazakhstan and China held talks in Astana on Monday. Kazakh "
      "Foreign Minister Talgat Omarov, in office since 2021, called relations excellent. Chinese "
      "Foreign Minister Li Wenhao said Beijing valued the partnership signed in 2019.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
  Run("The foreign ministers of Kazakhstan and China held talks in Astana on Monday. Kazakh "
      "Foreign Minister Talgat Omarov, who took office in 2021, called relations excellent. "
      "Chinese Foreign Minister Li Wenhao, appointed in March 2022, hoped for more flights.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao"));
}

// An official whose every mention says they were not there takes no part: "was not in",
// "did not attend" after an appositive, "stayed away".
TEST_F(ParticipantsTest, OfficialsSaidToBeAbsentDoNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday. Kazakh Prime Minister Arman Sadykov was not in Astana. Chinese Vice Premier Zhao "
      "Lifang, the minister's deputy, did not attend the talks. Kazakh Defence Minister Erik "
      "Bekov stayed away. Kazakh Trade Minister Aidar Seitkali was in the delegation.");
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())),
              UnorderedElementsAre("Talgat Omarov", "Li Wenhao", "Aidar Seitkali"));
}

// Each meeting of a series of bilaterals has its own counterpart only.
TEST_F(ParticipantsTest, FirstOfASeriesOfBilateralsHasOnlyItsCounterpart) {
  Run("Kazakh President Aidar Seitkali met French President Jean Moreau, German Chancellor Karl "
      "Kessler and Italian Prime Minister Marco Marchetti in Brussels on Monday.");
  const Participants parts = ResolveParticipants(c(), main());
  EXPECT_THAT(parts.countries, UnorderedElementsAre("KZ", "FR"));
  EXPECT_THAT(PeopleNames(parts), UnorderedElementsAre("Aidar Seitkali", "Jean Moreau"));
}

TEST_F(ParticipantsTest, EvidenceNamesEachCountryAndPerson) {
  Run("Chinese Foreign Minister Li Wenhao met Kazakh Foreign Minister Talgat Omarov in Astana.");
  const Participants parts = ResolveParticipants(c(), main());
  std::vector<std::string> values;
  for (const FieldEvidence& e : parts.evidence) {
    values.push_back(e.field + ":" + std::string(a_.Text(e.first, e.end)) + "=" + e.value);
  }
  EXPECT_THAT(values, UnorderedElementsAre("countries:Chinese=CN", "countries:Kazakh=KZ",
                                           "people:Li Wenhao=Li Wenhao",
                                           "people:Talgat Omarov=Talgat Omarov"));
}

TEST_F(ParticipantsTest, CountriesInSentencesOfAnotherMeetingAreLeftOut) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on Monday. He "
      "also met Japanese Prime Minister Kenji Takeda.");
  const std::set<int> both = {1, 2};
  EXPECT_THAT(CountriesIn(c(), both, 1, 0, nullptr), UnorderedElementsAre("KZ", "CN"));
  EXPECT_THAT(CountriesIn(c(), both, 1, -1, nullptr), UnorderedElementsAre("KZ", "CN", "JP"));
  EXPECT_TRUE(OwnedByOther(c(), a_.sentence(2).first_token + 4, 0));
  EXPECT_FALSE(OwnedByOther(c(), a_.sentence(2).first_token + 4, -1));
}

TEST_F(ParticipantsTest, OrganisationOfAnOfficialTakesPart) {
  Run("UN Secretary-General Erik Lindqvist met Kazakh Foreign Minister Talgat Omarov in Astana.");
  EXPECT_THAT(ResolveOrganizations(c(), main().window, 0), ElementsAre("UN"));
}

TEST_F(ParticipantsTest, OrganisationHoldingTheMeetingTakesPart) {
  Run("EU foreign ministers met in Brussels on Monday to discuss Ukraine.");
  EXPECT_THAT(ResolveOrganizations(c(), main().window, 0), ElementsAre("EU"));
}

TEST_F(ParticipantsTest, OrganisationNamedInPassingDoesNotTakePart) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "They discussed sanctions imposed by the European Union.");
  EXPECT_THAT(ResolveOrganizations(c(), main().window, 0), IsEmpty());
}

TEST_F(ParticipantsTest, FormatNamedInTheWindow) {
  Run("The Central Asia-China foreign ministers' meeting was held in Almaty on Saturday.");
  EXPECT_EQ(ResolveFormat(c(), main()), "Central Asia-China");
}

TEST_F(ParticipantsTest, ClubOfStatesIsAFormat) {
  Run("G7 foreign ministers met in Rome on Monday.");
  EXPECT_EQ(ResolveFormat(c(), main()), "G7");
}

TEST_F(ParticipantsTest, ClubOfStatesNamedForAThingOfItsOwnIsNoFormat) {
  Run("Kazakh Foreign Minister Talgat Omarov met Indian Foreign Minister Ravi Menon in Astana on "
      "Monday. Omarov praised India's G20 presidency.");
  EXPECT_EQ(ResolveFormat(c(), main()), "");
  EXPECT_THAT(ResolveOrganizations(c(), main().window, 0), IsEmpty());
}

TEST_F(ParticipantsTest, NoFormatNamedNoFormat) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana.");
  EXPECT_EQ(ResolveFormat(c(), main()), "");
}

// A side meeting's format is not its event's.
TEST_F(ParticipantsTest, SideMeetingDoesNotTakeItsEventsFormat) {
  Run("Indian Prime Minister Vikram Sharma and Japanese Prime Minister Kenji Takeda met on the "
      "sidelines of the G20 summit in Osaka on Friday.");
  ASSERT_EQ(main().role, GroupRole::kMain);
  ASSERT_GE(main().parent, 0);
  EXPECT_EQ(ResolveFormat(c(), main()), "");
}

// The sides of a meeting held at an event take part in the event.
TEST_F(ParticipantsTest, SideMeetingsPeopleTakePartInTheirEvent) {
  Run("Foreign ministers of Kazakhstan, China and Russia met in Astana on Monday, chaired by "
      "Kazakh Foreign Minister Talgat Omarov. Thai Foreign Minister Somchai Wong also met "
      "separately with Omarov on the sidelines.");
  ASSERT_GE(grouping_.groups.size(), 2u);
  int side = -1;
  for (size_t i = 0; i < grouping_.groups.size(); ++i) {
    side = grouping_.groups[i].parent == 0 ? static_cast<int>(i) : side;
  }
  ASSERT_GE(side, 0);
  EXPECT_THAT(PeopleNames(ResolveParticipants(c(), main())), Contains("Somchai Wong"));
}

// ===== Venue.

using VenueTest = FieldsTest;

TEST_F(VenueTest, TownAfterALocative) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday.");
  const v1::Place venue = Venue(main());
  EXPECT_EQ(venue.city(), "Astana");
  EXPECT_EQ(venue.country_code(), "KZ");
}

// ", the foreign ministry in Beijing said": where the saying was, not the meeting; the dateline
// names the venue.
TEST_F(VenueTest, PlaceOfASayingIsNotTheVenue) {
  Run("VILNIUS, May 4 (Newswire) - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign "
      "Minister Li Wenhao on Monday, the foreign ministry in Beijing said.");
  const v1::Place venue = Venue(main());
  EXPECT_EQ(venue.city(), "Vilnius");
  EXPECT_EQ(venue.country_code(), "LT");
}

// "Visiting Kazakh President X" names the guest's country: the meeting is in the host's.
TEST_F(VenueTest, VisitingGuestsCountryIsNotTheVenue) {
  for (const char* text :
       {"Visiting Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao on "
        "Monday.",
        "Chinese President Zhao Wenhao held talks with visiting Kazakh President Aidar Seitkali on "
        "Monday."}) {
    Run(text);
    const v1::Place venue = Venue(main());
    EXPECT_EQ(venue.city(), "") << text;
    EXPECT_EQ(venue.country_code(), "CN") << text;
  }
}

// A wire dateline whose town the gazetteer lacks, named with its country, is still the venue.
TEST_F(VenueTest, DatelineTownNamedWithItsCountry) {
  Run("ELMAU, Germany, June 27 (Newswire) - Kazakh President Aidar Seitkali held talks with "
      "Chinese President Zhao Wenhao on Monday.");
  v1::Place venue = Venue(main());
  EXPECT_EQ(venue.city(), "Elmau");
  EXPECT_EQ(venue.country_code(), "DE");
  EXPECT_THAT(ResolveParticipants(c(), main()).countries, UnorderedElementsAre("KZ", "CN"));
  // ... or with a region the gazetteer holds as a town, before the dateline's date.
  Run("PANAJI, Goa, May 4 (Newswire) - Kazakh President Aidar Seitkali held talks with Chinese "
      "President Zhao Wenhao on Monday.");
  venue = Venue(main());
  EXPECT_EQ(venue.city(), "Panaji");
  EXPECT_EQ(venue.country_code(), "IN");
  Run("PANAJI, Goa, officials said, Kazakh President Aidar Seitkali held talks with Chinese "
      "President Zhao Wenhao on Monday.");
  EXPECT_EQ(Venue(main()).city(), "");
  // Not a dateline: a sentence opening with a word in capitals and no country after it.
  Run("NEWS, in brief, Kazakh President Aidar Seitkali held talks with Chinese President Zhao "
      "Wenhao on Monday.");
  venue = Venue(main());
  EXPECT_EQ(venue.city(), "");
}

TEST_F(VenueTest, TownOfItsTime) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Peking on "
      "Monday.");
  const v1::Place venue = Venue(main());
  EXPECT_EQ(venue.city(), "Peking");
  EXPECT_EQ(venue.country_code(), "CN");
}

TEST_F(VenueTest, TownAfterAtOrVisited) {
  Run("The ministers met at Almaty on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Almaty");
  Run("Kazakh President Aidar Seitkali visited Tokyo on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Tokyo");
}

// "the visit of President X to Tokyo": a traveller's name and title between the travel word and
// "to"; other words there break the link.
TEST_F(VenueTest, TownAfterAVisitOfANamedTraveller) {
  Run("The official visit of Kazakh President Aidar Seitkali to Tokyo, planned for next week, was "
      "postponed indefinitely.");
  EXPECT_EQ(Venue(main()).city(), "Tokyo");
}

TEST_F(VenueTest, TownAfterTravelTo) {
  Run("Kazakh Foreign Minister Talgat Omarov travelled to Tokyo for talks with Japanese Foreign "
      "Minister Kenji Takeda.");
  EXPECT_EQ(Venue(main()).city(), "Tokyo");
}

TEST_F(VenueTest, TownAfterFromXToYIsTheDestination) {
  Run("Kazakh Foreign Minister Talgat Omarov flew from Astana to Tokyo for talks with Japanese "
      "Foreign Minister Kenji Takeda.");
  EXPECT_EQ(Venue(main()).city(), "Tokyo");
}

TEST_F(VenueTest, TownDescribedBeforeItsName) {
  Run("The leaders met in the German city of Hamburg on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Hamburg");
  EXPECT_EQ(Venue(main()).country_code(), "DE");
  Run("The leaders met in the Kazakh capital, Astana, on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Astana");
}

// Words describing the town between the article and the town noun: "in the resort city of X",
// "in the Black Sea resort of X"; not without the article.
TEST_F(VenueTest, TownDescribedByOtherWordsBeforeItsName) {
  for (const char* text :
       {"Russian President Pavel Orlov met Turkish President Kemal Aydin in the resort city of "
        "Sochi on Monday.",
        "Russian President Pavel Orlov met Turkish President Kemal Aydin in the Black Sea resort "
        "of Sochi on Monday.",
        "Russian President Pavel Orlov met Turkish President Kemal Aydin in the southern port city "
        "of Sochi on Monday."}) {
    Run(text);
    EXPECT_EQ(Venue(main()).city(), "Sochi") << text;
    EXPECT_EQ(Venue(main()).country_code(), "RU") << text;
  }
  Run("Russian President Pavel Orlov met Turkish President Kemal Aydin, whose aides praised the "
      "city of Sochi, on Monday.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// A town the gazetteer lacks is a town when the text describes it as one: "in the city of X",
// "in the Kyrgyz border town of X Y"; in the country of the description, if it names one.
TEST_F(VenueTest, UnknownTownDescribedAsOne) {
  Run("Kazakh President Aidar Seitkali met Kyrgyz President Bolot Usenov in the city of Zhanakala "
      "on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Zhanakala");
  Run("Kazakh President Aidar Seitkali met Kyrgyz President Bolot Usenov in the Kyrgyz border town "
      "of Kara-Suu Bazar on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Kara-Suu Bazar");
  EXPECT_EQ(Venue(main()).country_code(), "KG");
  Run("Kazakh President Aidar Seitkali met Kyrgyz President Bolot Usenov, who praised the city of "
      "Zhanakala, on Monday.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// "at Istana Kencana, Jakarta": a building the gazetteer lacks, then its town after a comma.
TEST_F(VenueTest, TownAfterABuildingTheGazetteerLacks) {
  Run("Kazakh President Aidar Seitkali received Japanese Prime Minister Kenji Takeda at the Ak "
      "Saray Palace, Almaty, on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Almaty");
  Run("Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda, Almaty officials "
      "said on Monday.");
  EXPECT_EQ(Venue(main()).city(), "");
  Run("Kazakh President Aidar Seitkali received Japanese Prime Minister Kenji Takeda in the Ak "
      "Saray Palace, Almaty, on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Almaty");
  // A month or a language after "in" is no building.
  Run("Kazakh President Aidar Seitkali held talks with Japanese Prime Minister Kenji Takeda on "
      "Monday, their first since they spoke in December, Moscow said.");
  EXPECT_EQ(Venue(main()).city(), "");
  Run("Kazakh President Aidar Seitkali held talks with Japanese Prime Minister Kenji Takeda on "
      "Monday in English, Moscow said.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// "a week after clashes in the border town of X", "floods in the village of Y": a town after a
// word of violence or disaster is what is talked about, known to the gazetteer or not.
TEST_F(VenueTest, TownOfClashesOrFloodsIsNoVenue) {
  Run("BISHKEK, March 4 (Reuters) - Kazakh President Aidar Seitkali held talks with Kyrgyz "
      "President Bolot Usenov on Monday, a week after deadly clashes in the border town of "
      "Kok-Tash.");
  EXPECT_EQ(Venue(main()).city(), "Bishkek");
  Run("Kazakh President Aidar Seitkali held talks with Kyrgyz President Bolot Usenov on Monday. "
      "They discussed a school damaged by floods in the village of Kok-Tash.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// "the war in Gaza", "the situation in Syria": a place after an issue noun is a subject of the
// talks, not where they were; the dateline stands.
TEST_F(VenueTest, PlaceAfterAnIssueNounIsNoVenue) {
  Run("Leaders meet",
      "CAIRO, May 2 - Egyptian President Omar Farouk hosted Jordanian King Hamad Rashid on "
      "Tuesday for talks on the war in Gaza.");
  EXPECT_EQ(Venue(main()).city(), "Cairo");
  EXPECT_EQ(Venue(main()).country_code(), "EG");
  Run("Egyptian President Omar Farouk met Jordanian King Hamad Rashid on Tuesday to discuss the "
      "situation in Syria.");
  EXPECT_EQ(Venue(main()).country_code(), "");
}

TEST_F(VenueTest, CountryAloneWhenNoTownIsNamed) {
  Run("Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda in Japan on "
      "Monday.");
  const v1::Place venue = Venue(main());
  EXPECT_EQ(venue.city(), "");
  EXPECT_EQ(venue.country_code(), "JP");
}

TEST_F(VenueTest, TownOfTheAnchorBeforeTheHeadline) {
  Run("Talks opened in Almaty",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana on "
      "Monday.");
  EXPECT_EQ(Venue(main()).city(), "Astana");
  Run("Ministers meet in Almaty",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Almaty");
}

// A main meeting with no town in its window takes the town a word of its own tells back
// later ("The talks, held at a villa outside Geneva"); not a town of another time told between
// them ("the first since ... travelled to Lahore"), nor one far from the word.
TEST_F(VenueTest, TownToldBackAfterTheWindow) {
  const std::string lead =
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao on Tuesday. "
      "Relations have been strained for years. Trade fell by a third last year. Analysts were "
      "cautious. Neither side commented. Oil prices rose. Markets were calm. ";
  Run("Ministers meet", lead +
                            "The talks, held at a lakeside villa outside Geneva, lasted six "
                            "hours, one diplomat said.");
  EXPECT_EQ(Venue(main()).city(), "Geneva");
  EXPECT_EQ(Venue(main()).country_code(), "CH");
  Run("Ministers meet",
      lead + "The talks were the first since the president travelled to Geneva in 1999.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// A town told in the clause of a meeting of the past, after its word, is that meeting's; one
// told before it ("In Astana, the leaders recalled the 2019 summit") stays this meeting's.
TEST_F(VenueTest, TownOfAPastMeetingIsNoVenue) {
  Run("Leaders meet",
      "President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Monday, their "
      "first summit since 2019, when Seitkali met Premier Li Peng in Beijing.");
  EXPECT_EQ(Venue(main(), /*use_dateline=*/false).city(), "");
  Run("Leaders meet",
      "In Astana, President Aidar Seitkali and Chinese President Zhao Wenhao recalled the 2019 "
      "summit in Beijing.");
  EXPECT_EQ(Venue(main(), /*use_dateline=*/false).city(), "Astana");
}

// A town told right after the word of a meeting earlier than this one ("days after a summit in
// Tehran"), or later and dated ("ahead of a summit in Lisbon next month"), is that meeting's;
// an event ahead of which the meeting is held with no time of its own is where it is.
TEST_F(VenueTest, TownOfAnotherTimesMeetingIsNoVenue) {
  Run("Leaders meet",
      "ANKARA - President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Monday, "
      "days after a summit in Tehran failed to agree on a ceasefire.");
  EXPECT_EQ(Venue(main()).city(), "Ankara");
  Run("Leaders meet",
      "ANKARA - President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Monday "
      "ahead of a summit in Lisbon next month.");
  EXPECT_EQ(Venue(main()).city(), "Ankara");
  Run("Leaders meet",
      "ANKARA - President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Monday "
      "ahead of the summit in Lisbon.");
  EXPECT_EQ(Venue(main()).city(), "Lisbon");
}

// "in the East Room of the White House": a room or hall named in capitals is in the building
// after "of"; not a body's name ("the Ministry of Foreign Affairs of Kazakhstan").
TEST_F(VenueTest, LandmarkAfterARoomOfIt) {
  Run("Leaders meet",
      "Kazakh President Aidar Seitkali held talks with U.S. President Joe Biden in the East Room "
      "of the White House on Tuesday.");
  EXPECT_EQ(Venue(main(), /*use_dateline=*/false).city(), "Washington");
  Run("Leaders meet",
      "Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Tuesday, "
      "the Ministry of Foreign Affairs of Kazakhstan said.");
  EXPECT_EQ(Venue(main(), /*use_dateline=*/false).city(), "");
}

// "on the Indonesian island of Bali", "in the resort island of Jeju": an island the gazetteer
// holds as a town, described before its name; "on" only before "island".
TEST_F(VenueTest, TownDescribedAsAnIsland) {
  Run("Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Monday on "
      "the Indonesian island of Bali.");
  EXPECT_EQ(Venue(main()).city(), "Bali");
  EXPECT_EQ(Venue(main()).country_code(), "ID");
  Run("Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao on Monday on "
      "the future of Bali.");
  EXPECT_EQ(Venue(main()).city(), "");
}

TEST_F(VenueTest, WireDatelineInCapitals) {
  Run("Ministers meet",
      "ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li "
      "Wenhao on Friday.");
  EXPECT_EQ(Venue(main()).city(), "Astana");
  EXPECT_EQ(Venue(main()).country_code(), "KZ");
  EXPECT_EQ(Venue(main(), /*use_dateline=*/false).city(), "");
}

// A dateline in title case: the town right before a dash or colon, or with its country before
// a dash ("Tokyo - ", "Astana: ", "Astana, Kazakhstan - "); not before a comma alone.
TEST_F(VenueTest, WireDatelineInTitleCase) {
  for (const char* dateline : {"Astana - ", "Astana: ", "Astana, Kazakhstan - "}) {
    Run("Ministers meet", std::string(dateline) +
                              "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister "
                              "Li Wenhao on Friday.");
    EXPECT_EQ(Venue(main()).city(), "Astana") << dateline;
    EXPECT_EQ(Venue(main()).country_code(), "KZ") << dateline;
  }
  Run("Ministers meet",
      "Astana, the host, was silent - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign "
      "Minister Li Wenhao on Friday.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// A town in title case before the date of a dateline: "Hanoi, May 4 (VNA) -", "Tashkent, 12
// May, UzA.".
TEST_F(VenueTest, TitleCaseTownBeforeADatelinesDate) {
  for (const char* dateline : {"Astana, April 25 (Kazinform) - ", "Astana, 25 April, KazTAG. "}) {
    Run("Ministers meet", std::string(dateline) +
                              "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister "
                              "Li Wenhao on Friday.");
    EXPECT_EQ(Venue(main()).city(), "Astana") << dateline;
  }
}

// A town in title case before a dash inside a paragraph opens a parenthesis, not a dateline.
TEST_F(VenueTest, TownBeforeADashInsideAParagraphIsNoDateline) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao on "
      "Friday. Moscow - long the dominant power in the region - is watching closely.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// "PORT ELGIN, Ont. -", "ELKO, Nev. (Newswire) -": a town the gazetteer lacks, with its state
// or province abbreviated, is a dateline's town; not a word spelt out or lower-case.
TEST_F(VenueTest, DatelineTownWithAnAbbreviatedProvince) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"PORT ELGIN, Ont. - ", "Port Elgin"}, {"KARAVAL, Nev. (Newswire) - ", "Karaval"}};
  for (const auto& [dateline, town] : cases) {
    Run("Ministers meet", dateline +
                              "Canadian Foreign Minister Claire Dubois met Japanese Foreign "
                              "Minister Kenji Takeda on Friday.");
    EXPECT_EQ(Venue(main()).city(), town) << dateline;
  }
  Run("Ministers meet",
      "PORT ELGIN, Ontario and the rest - Canadian Foreign Minister Claire Dubois met Japanese "
      "Foreign Minister Kenji Takeda on Friday.");
  EXPECT_EQ(Venue(main()).city(), "");
}

// The dateline's country an official of it is told in the lead to be returning to, or to have
// left, is where the story was filed, not where they met.
TEST_F(VenueTest, DatelineOfTheCountryReturnedToOrLeftIsNoVenue) {
  for (const char* body :
       {"ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov was on his way back to "
        "Kazakhstan after talks with Chinese Foreign Minister Li Wenhao.",
        "ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov left Kazakhstan on Friday for "
        "talks with Chinese Foreign Minister Li Wenhao."}) {
    Run("Ministers meet", body);
    EXPECT_EQ(Venue(main()).city(), "") << body;
  }
  Run("Ministers meet",
      "ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign "
      "Minister Li Wenhao before he left for Beijing.");
  EXPECT_EQ(Venue(main()).city(), "Astana");
  // A guest leaving the host country leaves the venue standing.
  Run("Ministers meet",
      "ASTANA, April 25 - Chinese Foreign Minister Li Wenhao left Kazakhstan on Friday after "
      "talks with Kazakh Foreign Minister Talgat Omarov.");
  EXPECT_EQ(Venue(main()).city(), "Astana");
}

// A dateline in another country than the one the meeting's trip or capital places it in ("on
// a visit to Japan", "visiting Japan", "in the Japanese capital") is where the story was
// filed: the venue is that country; a dateline in the same country, with no country told, or
// with a country named in passing ("investment in Japan"), stays.
TEST_F(VenueTest, DatelineInAnotherCountryThanTheToldOneIsNoVenue) {
  for (const char* body :
       {"ASTANA, April 25 - Kazakh President Aidar Seitkali, on a two-day visit to Japan, met "
        "Prime Minister Kenji Takeda on Friday.",
        "ASTANA, April 25 - Kazakh President Aidar Seitkali, visiting Japan, met Prime Minister "
        "Kenji Takeda on Friday."}) {
    Run("Leaders meet", body);
    EXPECT_EQ(Venue(main()).city(), "") << body;
    EXPECT_EQ(Venue(main()).country_code(), "JP") << body;
  }
  // The country's capital told names its town.
  Run("Leaders meet",
      "ASTANA, April 25 - Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji "
      "Takeda in the Japanese capital on Friday.");
  EXPECT_EQ(Venue(main()).city(), "Tokyo");
  // A country named in passing does not unseat the dateline.
  Run("Leaders meet",
      "ASTANA, April 25 - Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda "
      "on Friday to discuss investment in Japan.");
  EXPECT_EQ(Venue(main()).city(), "Astana");
  for (const char* body :
       {"TOKYO, April 25 - Kazakh President Aidar Seitkali, on a two-day visit to Japan, met "
        "Prime Minister Kenji Takeda on Friday.",
        "TOKYO, April 25 - Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji "
        "Takeda on Friday."}) {
    Run("Leaders meet", body);
    EXPECT_EQ(Venue(main()).city(), "Tokyo") << body;
    EXPECT_EQ(Venue(main()).country_code(), "JP") << body;
  }
}

// Capitals the source gazetteer lacks and towns known for hosting summits are towns.
TEST_F(VenueTest, CapitalsAndSummitTownsTheSourceLacks) {
  const std::pair<const char*, const char*> towns[] = {{"Naypyidaw", "MM"}, {"Gitega", "BI"},
                                                       {"Nusa Dua", "ID"},  {"Kananaskis", "CA"},
                                                       {"Biarritz", "FR"},  {"Da Nang", "VN"}};
  for (const auto& [town, code] : towns) {
    Run("Ministers meet", std::string("Kazakh Foreign Minister Talgat Omarov held talks with his "
                                      "Chinese counterpart Li Wenhao in ") +
                              town + " on Friday.");
    EXPECT_EQ(Venue(main()).city(), town);
    EXPECT_EQ(Venue(main()).country_code(), code) << town;
  }
}

// More towns known for hosting summits and conferences (European Political Community, G7,
// G20, bilateral leaders' retreats) that the source gazetteer lacks.
TEST_F(VenueTest, MoreSummitTownsTheSourceLacks) {
  const std::pair<const char*, const char*> towns[] = {
      {"Granada", "ES"}, {"Elmau", "DE"}, {"Bled", "SI"},  {"Marrakech", "MA"},
      {"AlUla", "SA"},   {"Jeju", "KR"},  {"Kyoto", "JP"}, {"Mamallapuram", "IN"},
      {"Ohrid", "MK"},   {"Cancun", "MX"}};
  for (const auto& [town, code] : towns) {
    Run("Ministers meet", std::string("Kazakh Foreign Minister Talgat Omarov held talks with his "
                                      "Chinese counterpart Li Wenhao in ") +
                              town + " on Friday.");
    EXPECT_EQ(Venue(main()).city(), town);
    EXPECT_EQ(Venue(main()).country_code(), code) << town;
  }
}

TEST_F(VenueTest, TownOpeningAnOrdinarySentenceIsNoDateline) {
  Run("Ministers meet",
      "Moscow, which hosted the talks last year, stayed silent. Kazakh Foreign Minister Talgat "
      "Omarov met Chinese Foreign Minister Li Wenhao on Friday.");
  EXPECT_EQ(Venue(main()).city(), "");
}

TEST_F(VenueTest, TownNamedAsAnOriginIsNoVenue) {
  Run("Kazakh Foreign Minister Talgat Omarov, who arrived from Almaty, met Chinese Foreign "
      "Minister Li Wenhao on Friday.");
  EXPECT_EQ(Venue(main()).city(), "");
}

TEST_F(VenueTest, LandmarkStandsForItsTown) {
  Run("Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda at the Akasaka "
      "Palace on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Tokyo");
  EXPECT_EQ(Venue(main()).country_code(), "JP");
}

// Seats of government and residences of other capitals stand for their towns too.
TEST_F(VenueTest, MoreLandmarksStandForTheirTowns) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Istana Merdeka", "Jakarta"},
      {"the Kuksaroy residence", "Tashkent"},
      {"the Akorda", "Astana"},
      {"Blair House", "Washington"},
      {"the Kantei", "Tokyo"}};
  for (const auto& [landmark, town] : cases) {
    Run("Kazakh President Aidar Seitkali met Japanese Prime Minister Kenji Takeda at " + landmark +
        " on Monday.");
    EXPECT_EQ(Venue(main()).city(), town) << landmark;
  }
}

// A landmark in a capital takes the capital's name as the article gives it ("Nur-Sultan" in
// the years the town had that name), or as the town names it right after.
TEST_F(VenueTest, LandmarkInACapitalTakesTheArticlesNameForIt) {
  // Published in 2020, when Astana was Nur-Sultan; with no publication day, as the text names it.
  Run("",
      "Kazakh President Aidar Seitkali received Japanese Prime Minister Kenji Takeda at the "
      "Akorda on Monday.",
      absl::CivilDay(2020, 6, 1));
  EXPECT_EQ(Venue(main()).city(), "Nur-Sultan");
  Run("",
      "Kazakh President Aidar Seitkali received Japanese Prime Minister Kenji Takeda at the "
      "Akorda on Monday. The city was called Nur-Sultan until 2022.",
      absl::CivilDay(2024, 6, 1));
  EXPECT_EQ(Venue(main()).city(), "Astana");
  Run("",
      "Kazakh President Aidar Seitkali received Japanese Prime Minister Kenji Takeda at the "
      "Akorda on Monday. Takeda arrived in Nur-Sultan on Sunday.",
      std::nullopt);
  EXPECT_EQ(Venue(main()).city(), "Nur-Sultan");
  // A town named right after the landmark wins, also in another country than its namesake's.
  Run("The two prime ministers met at Parliament Hill in London on Monday.");
  EXPECT_EQ(Venue(main()).city(), "London");
  Run("Turkish President Emre Kaya received Japanese Prime Minister Kenji Takeda at the "
      "Dolmabahce Palace on Monday. Takeda arrived from Ankara on Sunday.");
  EXPECT_EQ(Venue(main()).city(), "Istanbul");
  Run("Kazakh President Aidar Seitkali received Japanese Prime Minister Kenji Takeda at the "
      "Akorda in Nur-Sultan on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Nur-Sultan");
}

// "in the Kazakh capital", "in Kazakhstan's capital", "in the capital of Kazakhstan": the
// country's capital, as the article names it if it does; the town named right after wins.
TEST_F(VenueTest, CapitalNamedThroughItsCountry) {
  for (const char* where :
       {"in the Kazakh capital", "in Kazakhstan's capital", "in the capital of Kazakhstan"}) {
    Run(std::string("Japanese Prime Minister Kenji Takeda held talks with Kazakh President Aidar "
                    "Seitkali ") +
        where + " on Monday.");
    EXPECT_EQ(Venue(main()).city(), "Astana") << where;
    EXPECT_EQ(Venue(main()).country_code(), "KZ") << where;
  }
  // The capital of the publication day.
  Run("",
      "Japanese Prime Minister Kenji Takeda held talks with Kazakh President Aidar Seitkali "
      "in the Kazakh capital on Monday.",
      absl::CivilDay(1995, 6, 1));
  EXPECT_EQ(Venue(main()).city(), "Almaty");
  Run("",
      "Japanese Prime Minister Kenji Takeda held talks with Kazakh President Aidar Seitkali "
      "in the Kazakh capital on Monday.",
      absl::CivilDay(2020, 6, 1));
  EXPECT_EQ(Venue(main()).city(), "Nur-Sultan");
  // Money is no capital: "Chinese capital flowing into", "China's capital markets".
  for (const char* money : {"a surge in Chinese capital flowing into Kazakhstan",
                            "investment in China's capital markets"}) {
    Run(std::string("Japanese Prime Minister Kenji Takeda held talks with Chinese Premier Li "
                    "Wenhao on Monday. They discussed ") +
        money + ".");
    EXPECT_EQ(Venue(main()).city(), "") << money;
  }
  Run("Japanese Prime Minister Kenji Takeda held talks with Kazakh President Aidar Seitkali in the "
      "Kazakh capital, Almaty, on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Almaty");
}

// "at 10 Downing Street": a house number between the locative and the landmark.
TEST_F(VenueTest, LandmarkAfterAHouseNumber) {
  Run("Kazakh President Aidar Seitkali met British Prime Minister Oliver Grant at 10 Downing "
      "Street on Monday.");
  EXPECT_EQ(Venue(main()).city(), "London");
  EXPECT_EQ(Venue(main()).country_code(), "GB");
}

TEST_F(VenueTest, TownNamingTheMeetingIsItsVenue) {
  Run("Kazakh Foreign Minister Talgat Omarov and Japanese Foreign Minister Kenji Takeda ended the "
      "Almaty talks on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Almaty");
}

// "will visit Stockholm", "visits Stockholm": the town visited is the venue, not the dateline's.
TEST_F(VenueTest, TownAfterVisitIsTheVenueNotTheDatelines) {
  Run("BONN, April 26 (Reuters) - West German Foreign Minister Hans Fischer will visit Stockholm "
      "on May 10 for talks with Swedish Foreign Minister Erik Lund.");
  EXPECT_EQ(Venue(main()).city(), "Stockholm");
  Run("BONN, April 26 (Reuters) - West German Foreign Minister Hans Fischer is to visit Stockholm "
      "next month for talks with Swedish Foreign Minister Erik Lund.");
  EXPECT_EQ(Venue(main()).city(), "Stockholm");
}

// Regional towns where talks are often held are in the gazetteer (places_overlay.tsv).
TEST_F(VenueTest, RegionalTownsWhereTalksAreHeld) {
  Run("Leaders of Kenya, Uganda and Tanzania will gather in Arusha next Tuesday for a summit.");
  EXPECT_EQ(Venue(main()).city(), "Arusha");
  EXPECT_EQ(Venue(main()).country_code(), "TZ");
  Run("Kazakh Foreign Minister Talgat Omarov met Russian Foreign Minister Ivan Petrov in "
      "Kaliningrad on Monday.");
  EXPECT_EQ(Venue(main()).city(), "Kaliningrad");
  EXPECT_EQ(Venue(main()).country_code(), "RU");
}

TEST_F(VenueTest, EvidenceIsTheTown) {
  Run("The ministers met in Astana on Monday.");
  std::vector<FieldEvidence> evidence;
  ResolveVenue(c(), main(), true, &evidence);
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].field, "venue");
  EXPECT_EQ(a_.Text(evidence[0].first, evidence[0].end), "Astana");
}

// ===== Date and status.

using DateTest = FieldsTest;

TEST_F(DateTest, WeekdayOfAHeldMeetingIsTheLastOne) {
  Run("The ministers met in Astana on Tuesday.");
  EXPECT_EQ(Date(main()), "2025-4-22");
}

TEST_F(DateTest, WeekdayOfAPlannedMeetingIsTheNextOne) {
  Run("The ministers will meet in Astana on Tuesday.");
  EXPECT_EQ(Date(main()), "2025-4-29");
}

// A wire dateline's day is the day of the report: a held meeting with no other day took place
// then; a planned one told with no day is not fixed by it.
TEST_F(DateTest, DatelineDayIsNoPlannedMeetingsDay) {
  Run("VIENNA, April 26 (Reuters) - Austrian Chancellor Peter Huber met Czech Prime Minister Jan "
      "Novak in Vienna.");
  EXPECT_EQ(Date(main()), "2025-4-26");
  Run("VIENNA, April 26 (Reuters) - Austrian Chancellor Peter Huber will travel to Prague next "
      "week for talks with Czech Prime Minister Jan Novak.");
  EXPECT_EQ(Date(main()), "");
  Run("VIENNA, April 26 (Reuters) - Austrian Chancellor Peter Huber will hold talks with Czech "
      "Prime Minister Jan Novak in Prague today.");
  EXPECT_EQ(Date(main()), "2025-4-26");
}

// The day a meeting was told of ("On Thursday the ministry said X had met Y", "said on
// Thursday that X met Y") is not its day; the day of talks followed by what was said is.
TEST_F(DateTest, DayOfTheSayingIsNotTheMeetings) {
  Run("On Thursday the ministry said Kazakh Foreign Minister Talgat Omarov had met Chinese "
      "Foreign Minister Li Wenhao in Astana.");
  EXPECT_EQ(Date(main()), "");
  Run("On Thursday, Kazakh Foreign Minister Talgat Omarov told reporters in Astana after "
      "talks with Chinese Foreign Minister Li Wenhao that trade was growing.");
  EXPECT_EQ(Date(main()), "2025-4-24");
}

// With no other day and no dateline, a held main meeting the saying is told to come after
// ("said on Thursday that ... after hours of talks with Y") takes the saying's day; a saying
// that does not tell so leaves it undated.
TEST_F(DateTest, DayOfASayingAfterTheTalksWhenNoOtherDay) {
  Run("Kazakh Foreign Minister Talgat Omarov said on Thursday that trade was growing, after "
      "hours of talks with Chinese Foreign Minister Li Wenhao in Astana.");
  EXPECT_EQ(Date(main()), "2025-4-24");
  Run("Kazakh Foreign Minister Talgat Omarov said on Thursday that he had met Chinese Foreign "
      "Minister Li Wenhao in Astana.");
  EXPECT_EQ(Date(main()), "");
}

// A meeting told held by its own past verb and, right after, as still to discuss is reported
// live: the publication's day (Saturday 26 April 2025); told held alone, it has no day.
TEST_F(DateTest, MeetingStillToDiscussIsReportedOnTheDay) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "The two ministers are expected to discuss trade and transit.");
  EXPECT_EQ(Date(main()), "2025-4-26");
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "The two ministers discussed trade and transit.");
  EXPECT_EQ(Date(main()), "");
}

// The meeting's own predicate ("will be held", "is scheduled to take place") between its word
// and a date far from it does not set the date apart (published Saturday 26 April 2025).
TEST_F(DateTest, DateAfterTheMeetingsOwnPredicateIsItsOwn) {
  Run("Talks between Kazakh Foreign Minister Talgat Omarov and Chinese Foreign Minister Li "
      "Wenhao will be held in Astana on Monday.");
  EXPECT_EQ(Date(main()), "2025-4-28");
  Run("The next round of talks between the foreign ministers of Kazakhstan and China is "
      "scheduled to take place in Astana in early June.");
  EXPECT_EQ(Date(main()), "2025-6-0");
}

TEST_F(DateTest, YesterdayAndToday) {
  Run("The ministers met in Astana yesterday.");
  EXPECT_EQ(Date(main()), "2025-4-25");
  Run("The ministers are meeting in Astana today.");
  EXPECT_EQ(Date(main()), "2025-4-26");
}

TEST_F(DateTest, AbsoluteDateAndRange) {
  Run("The ministers met in Astana on April 2, 2025.");
  EXPECT_EQ(Date(main()), "2025-4-2");
  Run("The summit was held in Astana on 14-15 April.");
  v1::Meeting m;
  std::vector<FieldEvidence> evidence;
  ResolveDate(c(), main(), false, &m, &evidence);
  EXPECT_EQ(Str(m.start_date()), "2025-4-14");
  EXPECT_EQ(Str(m.end_date()), "2025-4-15");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].field, "start_date");
  EXPECT_EQ(a_.Text(evidence[0].first, evidence[0].end), "14-15 April");
}

TEST_F(DateTest, DateOfTheAnchorBeforeTheHeadline) {
  Run("Ministers to meet on May 5", "The ministers met in Astana on April 2, 2025.");
  EXPECT_EQ(Date(main()), "2025-4-2");
}

// Of two dates in one sentence, the one the meeting's own word takes, not the day something
// was announced about it (published Saturday 26 April 2025).
TEST_F(DateTest, DateTheMeetingWordTakesBeforeTheDayOfTheAnnouncement) {
  Run("Officials in Astana announced on Friday that the Central Asian summit planned for Sunday "
      "has been postponed indefinitely.");
  EXPECT_EQ(Date(main()), "2025-4-27");
}

// Of two days the meeting's words take in one sentence, the one told in a relative clause set
// off by commas (the arrival) yields to the main clause's (published Saturday 26 April 2025).
TEST_F(DateTest, DayInARelativeClauseYieldsToTheMainClauses) {
  Run("Chinese Foreign Minister Li Wenhao, who arrived in Astana on Sunday, met Kazakh Foreign "
      "Minister Talgat Omarov on Tuesday.");
  EXPECT_EQ(Date(main()), "2025-4-22");
}

// "the second day of a visit which began on Sunday" is the day after Sunday; "the first day"
// is Sunday itself (published Saturday 26 April 2025).
TEST_F(DateTest, NthDayOfAnEventThatBeganOnADay) {
  Run("On the second day of Li Wenhao's three-day visit, which began on Sunday, the Chinese "
      "Foreign Minister held talks with Kazakh Foreign Minister Talgat Omarov in Astana.");
  EXPECT_EQ(Date(main()), "2025-4-21");
  Run("On the first day of Li Wenhao's three-day visit, which began on Sunday, the Chinese "
      "Foreign Minister held talks with Kazakh Foreign Minister Talgat Omarov in Astana.");
  EXPECT_EQ(Date(main()), "2025-4-20");
}

// A date at the end of a long clause of the meeting word, with no cue of another event's time
// between them, is the meeting's.
TEST_F(DateTest, DateAtTheEndOfTheMeetingsOwnLongClause) {
  Run("Kazakh Foreign Minister Talgat Omarov received Chinese Foreign Minister Li Wenhao at the "
      "new headquarters of the Secretariat of the Eurasian Economic Commission in the Kazakh "
      "capital Astana yesterday.");
  EXPECT_EQ(Date(main()), "2025-4-25");
}

// The day told right after a participant's name, before the meeting's word, in the sentence
// that first reports it, is the meeting's however far the word.
TEST_F(DateTest, DayRightAfterAParticipantBeforeTheMeetingWord) {
  Run("Kazakh President Aidar Seitkali on Thursday praised what he described as the balanced and "
      "constructive position of Beijing on the transit corridor and its financing plan, which "
      "the opposition has dismissed, after talks in Astana with Chinese President Zhao Wenhao.");
  EXPECT_EQ(Date(main()), "2025-4-24");
}

// The day of a main clause is the time of a meeting told alongside it after ", as", however
// far from its word (published Saturday 26 April 2025).
TEST_F(DateTest, DayOfAMainClauseDatesTheMeetingToldAlongsideIt) {
  Run("Kazakhstan and Uzbekistan agreed on Friday to expand cooperation between their border "
      "guards, as Uzbek President Bakhtiyor Nazarov began a state visit to Astana.");
  EXPECT_EQ(Date(main()), "2025-4-25");
}

// A date after the meeting's word in a relative clause on another noun, or a span of time
// after it, is another event's (published Saturday 26 April 2025); a relative clause with a
// cue of the meeting's own course or plan tells its time.
TEST_F(DateTest, DateInTheClauseOfAnotherEventAfterTheMeetingWord) {
  Run("Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao "
      "on a gas deal that expires on March 31.");
  EXPECT_EQ(Date(main()), "");
  Run("Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao, "
      "a month after the two sides signed a trade pact on March 20.");
  EXPECT_EQ(Date(main()), "");
  Run("Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao, "
      "which took place in Astana on Friday.");
  EXPECT_EQ(Date(main()), "2025-4-25");
  Run("The visit of Kazakh Foreign Minister Talgat Omarov to Beijing, which had been scheduled "
      "for May 20, has been postponed indefinitely.");
  EXPECT_EQ(Date(main()), "2025-5-20");
}

// A weekday a word of the meeting told as planned takes as its own is to come, whatever the
// lead's tense (published Saturday 26 April 2025); one a word told as held takes too is past.
TEST_F(DateTest, WeekdayOfAWordToldAsPlannedIsToCome) {
  Run("Ministers convene in Astana",
      "Foreign ministers of Kazakhstan and Uzbekistan are gathering in Astana to discuss water. "
      "The ministers are set to convene in Astana on Monday.");
  EXPECT_EQ(Date(main()), "2025-4-28");
  Run("The foreign ministers of Kazakhstan and Uzbekistan held a meeting in Astana on Friday, "
      "agreeing to hold a new round of negotiations.");
  EXPECT_EQ(Date(main()), "2025-4-25");
}

TEST_F(DateTest, DateFarFromAnyMeetingWordIsAnotherEvents) {
  Run("The ministers met in Astana to discuss the new customs rules that both governments "
      "announced last month and that will come into force across the region on May 17.");
  EXPECT_EQ(Date(main()), "");
}

// A month told relative to the publication is the meeting's next to its meeting word only.
TEST_F(DateTest, RelativeMonthNextToTheMeetingWord) {
  Run("The foreign ministers of Serbia and Hungary met in Belgrade earlier this month.");
  EXPECT_EQ(Date(main()), "2025-4-0");
  Run("The foreign ministers of Serbia and Hungary met in Belgrade last month.");
  EXPECT_EQ(Date(main()), "2025-3-0");
}

// "said X would travel to Y for talks": a plan told in reported speech, with no cue word.
TEST_F(DateTest, WouldTravelInReportedSpeechIsScheduled) {
  Run("The ministry said Foreign Minister Aidar Seitkali would travel to Beijing on September 12 "
      "for talks with Chinese Foreign Minister Zhao Wenhao.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  Run("The ministry said Foreign Minister Aidar Seitkali met Chinese Foreign Minister Zhao "
      "Wenhao in Beijing on September 12.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
}

// "Kazakhstan and China will raise trade, X said after talks with Y": the talks were held.
TEST_F(DateTest, FutureSaidAfterTheTalksLeavesThemHeld) {
  Run("Kazakhstan and China will raise bilateral trade to $50 billion, President Aidar Seitkali "
      "said after negotiations with Chinese President Zhao Wenhao in Astana on Thursday.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
}

TEST_F(DateTest, PostponedMeetingTakesItsNewDate) {
  Run("The summit of Central Asian leaders was postponed to September 12, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ(Date(main()), "2025-9-12");
}

// A planned meeting's day and month without a year lie after the publication (26 April 2025),
// where the nearest year would put them in the months before it.
TEST_F(DateTest, PlannedDayWithoutAYearIsAfterThePublication) {
  Run("The summit of Central Asian leaders, planned for March 15 in Astana, was postponed to "
      "February 20, the ministry said.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ(Date(main()), "2026-2-20");
  Run("The summit of Central Asian leaders will be held in Astana on June 20.");
  EXPECT_EQ(Date(main()), "2025-6-20");
}

// A postponement to a day or week told relative to the publication (Saturday 26 April 2025)
// is to a new date: the meeting is planned, on that day when the text fixes one; the day of
// the postponing itself ("postponed on Monday") is no new date.
TEST_F(DateTest, PostponedToARelativeDayOrWeekIsPlanned) {
  const std::string lead =
      "The talks between Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao "
      "in Astana, planned for Thursday, have been ";
  const std::pair<const char*, const char*> planned[] = {
      {"postponed to Monday, officials said.", "2025-4-28"},
      {"put off until tomorrow.", "2025-4-27"},
      {"postponed until next week.", ""},
      {"pushed back to next month.", "2025-5-0"},
      {"postponed to September 12, 2025.", "2025-9-12"}};
  for (const auto& [tail, date] : planned) {
    Run(lead + tail);
    EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED) << tail;
    EXPECT_EQ(Date(main()), date) << tail;
  }
  for (const char* tail : {"postponed on Monday, officials said.", "postponed indefinitely.",
                           "postponed, officials said on Friday.", "postponed."}) {
    Run(lead + tail);
    EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED) << tail;
  }
}

// The new date of a postponement told after the anchor, where a word of the meeting is put
// off ("to be put off until June 10"), not the day of the asking in the anchor.
TEST_F(DateTest, PostponedMeetingTakesTheNewDateToldLater) {
  Run("Summit postponed",
      "Uzbekistan on Friday asked to postpone this month's summit with Kazakhstan in Tashkent. "
      "\"Uzbekistan asked for the summit to be put off until June 10,\" spokesman Aidar "
      "Seitkali told reporters.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ(Date(main()), "2025-6-10");
}

// The day a postponed meeting was first planned for, told after a word of the plan ("the
// summit to be held in November"), is not a new date; one told as the goal is.
TEST_F(DateTest, DayOfThePlanAfterThePostponingIsNoNewDate) {
  Run("Summit off",
      "Kazakhstan on Friday postponed the summit of Central Asian leaders to be held in "
      "November in Astana.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED);
  Run("Summit moved",
      "Kazakhstan on Friday postponed the summit of Central Asian leaders scheduled for "
      "November to December 12, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  Run("Summit moved",
      "The summit of Central Asian leaders in Astana was postponed and is now scheduled for "
      "December 12, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
}

// A meeting told as planned for a day to come, whose postponement is told with the past day
// it was first planned for, was moved to that day (publication: Saturday 26 April 2025); a
// postponement with no day of its own, or a plan whose day is past, moved it nowhere.
TEST_F(DateTest, PostponedFromAPastDayToAPlannedOneIsScheduled) {
  Run("Ministers to meet next week",
      "The foreign ministers of Kazakhstan and Uzbekistan will meet in Tashkent next Tuesday. "
      "The meeting, originally planned for last month, was postponed after the floods.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ(Date(main()), "2025-4-29");
  Run("Ministers' meeting off",
      "The foreign ministers of Kazakhstan and Uzbekistan were to meet in Tashkent next Tuesday. "
      "The meeting has been postponed, officials said.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED);
  Run("Ministers' meeting off",
      "The foreign ministers of Kazakhstan and Uzbekistan were due to meet in Tashkent on "
      "April 2. The meeting, first planned for March, was postponed.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED);
}

// A meeting told held by its own verb in a month after the one its postponement was planned
// for was held after all (publication: Saturday 26 April 2025); told held with no day of its
// own, or planned to meet ("were due to meet"), it was not.
TEST_F(DateTest, MetAfterThePostponementIsHeld) {
  for (const char* body :
       {"Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing "
        "this morning. The trip, originally planned for February, was postponed after the floods.",
        "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing "
        "on Thursday. His visit, first planned for March 3, had been postponed twice.",
        "The visit, scheduled for January, was postponed. Kazakh Foreign Minister Talgat Omarov "
        "finally met Chinese Foreign Minister Li Wenhao in Beijing on April 21."}) {
    Run("Ministers meet", body);
    EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD) << body;
  }
  Run("Ministers' meeting off",
      "Kazakh Foreign Minister Talgat Omarov and Chinese Foreign Minister Li Wenhao were due to "
      "meet in Beijing on April 21. The trip, planned for March, was postponed.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED);
}

// A postponement told in the past perfect came before the meeting the lead tells held: "Omarov,
// who had postponed the trip in March" (publication: Saturday 26 April 2025). Told in the
// simple past, or of a meeting only planned, it still moves the meeting.
TEST_F(DateTest, PostponedInThePastPerfectBeforeAHeldMeeting) {
  for (const char* body :
       {"Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao "
        "in Beijing. Omarov had postponed the trip in March after he fell ill.",
        "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao "
        "in Beijing. The visit had been delayed in March because of the floods."}) {
    Run("Ministers meet", body);
    EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD) << body;
  }
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov will hold talks with Chinese Foreign Minister Li "
      "Wenhao in Beijing. The visit had been delayed because of the floods.");
  EXPECT_NE(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
}

// A held meeting told by its words only after the lead takes the one day of the first
// sentence naming two of its participants (publication: Saturday 26 April 2025); not a day
// another meeting's word takes there, nor one of two dates, nor one for a planned meeting.
TEST_F(DateTest, DayOfTheLeadNamingTheParticipantsWhenTheMeetingHasNone) {
  const std::string later =
      " Trade has doubled since 2015. Officials said the talks covered energy and transit.";
  for (const auto& [lead, date] : std::vector<std::pair<std::string, std::string>>{
           {"Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao sought yesterday "
            "to end the row over tariffs.",
            "2025-4-25"},
           {"Kazakh President Aidar Seitkali on Thursday pledged with Chinese President Zhao "
            "Wenhao to double trade.",
            "2025-4-24"},
           {"Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao agreed on April "
            "21 to open a new border crossing.",
            "2025-4-21"},
           {"Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao sought on "
            "Thursday to end the row over tariffs that took effect on April 1.",
            ""}}) {
    Run("Leaders pledge to end row", lead + later);
    EXPECT_EQ(Date(main()), date) << lead;
  }
  Run("Leaders to end row",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao will try tomorrow to "
      "end the row over tariffs. The talks will cover energy.");
  EXPECT_NE(Date(main()), "2025-4-27");
}

// Before the meeting is first told, a lead naming two of its countries and one day stands for
// one naming two of its people; a later sentence naming them does not.
TEST_F(DateTest, DayOfTheLeadNamingTheCountriesBeforeTheMeetingIsTold) {
  Run("Leaders meet",
      "The leaders of Kazakhstan and China sought on Thursday to end the row over tariffs. "
      "Kazakh President Aidar Seitkali received Chinese President Zhao Wenhao in Astana.");
  EXPECT_EQ(Date(main()), "2025-4-24");
  Run("Leaders meet",
      "Kazakh President Aidar Seitkali received Chinese President Zhao Wenhao in Astana. "
      "Kazakhstan and China opened a border crossing on April 2.");
  EXPECT_EQ(Date(main()), "");
}

TEST_F(DateTest, DatelineDateAsALastResort) {
  Run("Ministers meet",
      "ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li "
      "Wenhao.");
  EXPECT_EQ(Date(main()), "2025-4-25");
}

// A date another meeting set apart in time takes as its own ("a week after X spoke by phone with
// Y on April 18") is not this meeting's: the dateline dates it, else nothing does.
TEST_F(DateTest, DateOfAnotherMeetingSetApartInTimeIsNotTheMeetings) {
  const std::string call =
      "The meeting came a week after Kazakh President Aidar Seitkali spoke by phone with Chinese "
      "President Zhao Wenhao on April 18.";
  Run("Ministers meet",
      "ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li "
      "Wenhao. " +
          call);
  EXPECT_EQ(Date(main()), "2025-4-25");
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao. " + call);
  EXPECT_EQ(Date(main()), "");
  // Its own date stays.
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao on April 24. " +
          call);
  EXPECT_EQ(Date(main()), "2025-4-24");
}

// A date right after the speech verb of a reporting clause set off after the meeting ("X met Y,
// the ministry said on Friday") is the day of the saying: the meeting takes its own day told
// elsewhere, else none; a date before the reporting clause is the meeting's.
TEST_F(DateTest, DayOfASayingAfterTheMeetingIsNotItsDay) {
  Run("Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao "
      "in Beijing, the ministry said on Friday. The talks, held on Thursday at a guest house, "
      "focused on trade.");
  EXPECT_EQ(Date(main()), "2025-4-24");
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing, "
      "officials said Friday.");
  EXPECT_EQ(Date(main()), "");
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing, "
      "Omarov told reporters on Friday.");
  EXPECT_EQ(Date(main()), "");
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Beijing on "
      "Friday, the ministry said.");
  EXPECT_EQ(Date(main()), "2025-4-25");
}

// A meeting held takes no day after the publication's (Saturday 26 April 2025): "The talks will
// continue tomorrow" is another time's; the dateline dates it.
TEST_F(DateTest, HeldMeetingTakesNoDayAfterThePublication) {
  Run("Ministers meet",
      "ASTANA, April 25 - Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign "
      "Minister Li Wenhao. The talks will continue tomorrow.");
  EXPECT_EQ(Date(main()), "2025-4-25");
}

// A main meeting with no date in its window takes the date its own noun takes when told back
// later ("The meeting on Tuesday was their first since ..."), past background paragraphs.
TEST_F(DateTest, DateOfTheMeetingToldBackLaterOutsideItsWindow) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao in "
      "Astana. Trade between the two countries has grown. Kazakhstan exports oil and grain. China "
      "builds roads and railways in the region. Analysts expect more investment. The railway "
      "opened in 2015. Many students study abroad. The meeting on Tuesday was their first this "
      "year.");
  EXPECT_EQ(Date(main()), "2025-4-22");
  const std::string background =
      "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li Wenhao in "
      "Astana. Trade between the two countries has grown. Kazakhstan exports oil and grain. China "
      "builds roads and railways in the region. Analysts expect more investment. The railway "
      "opened in 2015. Many students study abroad. ";
  Run("Ministers meet", background + "At Tuesday's meeting, Omarov raised the transit fees.");
  EXPECT_EQ(Date(main()), "2025-4-22");
  Run("Ministers meet", background + "The two ministers met on Tuesday, officials said.");
  EXPECT_EQ(Date(main()), "2025-4-22");
}

// "wrapped up a two-day summit on Thursday": the day told after a word of ending is the last
// of the days told; the meeting began the day before. Without the days, the day told stays.
TEST_F(DateTest, EventEndedOnADayOfItsDaysToldBeganBefore) {
  Run("Leaders of Central Asian states wrapped up a two-day summit in Astana on Thursday.");
  v1::Meeting m;
  std::vector<FieldEvidence> evidence;
  ResolveDate(c(), main(), false, &m, &evidence);
  EXPECT_EQ(Str(m.start_date()), "2025-4-23");
  EXPECT_EQ(Str(m.end_date()), "2025-4-24");
  Run("Kazakh President Aidar Seitkali concluded a 3-day visit to China on Thursday.");
  EXPECT_EQ(Date(main()), "2025-4-22");
  Run("Leaders of Central Asian states wrapped up a summit in Astana on Thursday.");
  EXPECT_EQ(Date(main()), "2025-4-24");
}

// "The talks between X and Y on gas transit opened in Astana on Thursday": a word of the
// meeting's own course after its word does not set the day apart.
TEST_F(DateTest, TalksOpenedOrEndedOnADayFarFromTheirWord) {
  Run("The talks between Kazakh Energy Minister Aidar Seitkali and Chinese Energy Minister "
      "Zhao Wenhao on gas transit opened in Astana on Thursday.");
  EXPECT_EQ(Date(main()), "2025-4-24");
  Run("Talks between Kazakh Energy Minister Aidar Seitkali and Chinese Energy Minister Zhao "
      "Wenhao on gas transit ended in Astana on Wednesday with an agreement.");
  EXPECT_EQ(Date(main()), "2025-4-23");
}

// "Two days of talks ... ended in Astana on Thursday": the days told as "N days of" count back
// from the day of the ending, as "a two-day summit" does.
TEST_F(DateTest, DaysOfTalksEndedOnADayBeganBefore) {
  Run("Two days of talks between Kazakh Energy Minister Aidar Seitkali and Chinese Energy "
      "Minister Zhao Wenhao ended in Astana on Thursday with an agreement.");
  EXPECT_EQ(Date(main()), "2025-4-23");
  // Not "within two days of" something else: the talks ended on Thursday.
  Run("Talks between Kazakh Energy Minister Aidar Seitkali and Chinese Energy Minister Zhao "
      "Wenhao ended in Astana on Thursday, within two days of the election.");
  EXPECT_EQ(Date(main()), "2025-4-24");
}

// "vowed to finalize the deal by next June, after talks": a date after "by" is a deadline, not
// the meeting's day.
TEST_F(DateTest, DeadlineIsNoMeetingsDay) {
  Run("Leaders meet",
      "Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao vowed to finalize a "
      "gas deal by next June, after talks in Astana. On Tuesday the two leaders also discussed "
      "transit fees.",
      absl::CivilDay(2025, 6, 12));
  EXPECT_EQ(Date(main()), "2025-6-10");
  Run("Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao vowed to finalize a "
      "gas deal by April, after talks in Astana.");
  EXPECT_EQ(Date(main()), "");
}

TEST_F(DateTest, MonthIsRefinedByADayOfIt) {
  Run("The leaders will meet in Astana in June. The summit will open on June 12 in Astana.");
  EXPECT_EQ(Date(main()), "2025-6-12");
}

// A meeting told in the present progressive with no day of its own is of the publication's
// day (Saturday 26 April 2025), under way or previewed; a visit told so lasts days, and a
// meeting also told in the past keeps no day.
TEST_F(DateTest, MeetingToldInTheProgressiveIsOfThePublicationDay) {
  Run("Kazakh Foreign Minister Talgat Omarov is meeting Chinese Foreign Minister Li Wenhao in "
      "Astana.");
  EXPECT_EQ(Date(main()), "2025-4-26");
  Run("The Kazakh President is welcoming the Chinese President to Astana for talks. The two "
      "leaders are expected to discuss trade.");
  EXPECT_EQ(Date(main()), "2025-4-26");
  Run("Kazakh President Aidar Seitkali is visiting China, where he met Chinese President Zhao "
      "Wenhao.");
  EXPECT_EQ(Date(main()), "");
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana.");
  EXPECT_EQ(Date(main()), "");
}

// A postponed meeting takes the new day told after the postponing word in any sentence of
// its window, not the day of the asking in the anchor.
TEST_F(DateTest, PostponedMeetingTakesTheNewDayToldLaterInItsWindow) {
  Run("Kazakhstan postpones summit",
      "Kazakhstan on Thursday asked Kyrgyzstan to postpone this month's summit in Astana. "
      "Officials said the summit would be put off until June 12, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ(Date(main()), "2025-6-12");
}

// A meeting called off takes the day it would have been held on, not the day of the calling
// off.
TEST_F(DateTest, CancelledMeetingTakesTheDayItWouldHaveBeenOn) {
  Run("Seitkali cancels trip to Japan",
      "Kazakh President Aidar Seitkali cancelled a visit to Japan on Saturday. The visit would "
      "have been on Wednesday and Thursday.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED);
  EXPECT_EQ(Date(main()), "2025-4-30");
}

TEST_F(DateTest, NoPublicationDayNoRelativeDate) {
  Run("", "The ministers met in Astana on Tuesday.", std::nullopt);
  EXPECT_EQ(Date(main()), "");
}

using StatusTest = FieldsTest;

TEST_F(StatusTest, StatusFromTheCuesOfHeadlineAndAnchor) {
  struct Case {
    const char* title;
    const char* body;
    v1::MeetingStatus status;
  };
  for (const Case& c : std::vector<Case>{
           {"", "The leaders met in Astana on Monday.", v1::MEETING_STATUS_HELD},
           {"", "The leaders are holding talks in Astana.", v1::MEETING_STATUS_HELD},
           {"", "The leaders will meet in Astana in June.", v1::MEETING_STATUS_SCHEDULED},
           {"", "The leaders plan to hold talks in Astana in June.", v1::MEETING_STATUS_SCHEDULED},
           {"", "The summit in Astana was cancelled.", v1::MEETING_STATUS_CANCELLED},
           {"", "The summit in Astana was called off.", v1::MEETING_STATUS_CANCELLED},
           {"", "The summit in Astana was postponed to September 12, 2025.",
            v1::MEETING_STATUS_SCHEDULED},
           {"", "The summit in Astana was postponed.", v1::MEETING_STATUS_CANCELLED},
           {"", "The summit in Astana was postponed indefinitely.", v1::MEETING_STATUS_CANCELLED},
           {"Summit called off", "The leaders of Central Asia were to meet in Astana.",
            v1::MEETING_STATUS_CANCELLED},
       }) {
    Run(c.title, c.body);
    EXPECT_EQ(ResolveStatus(this->c(), main()), c.status) << c.body;
  }
}

// "spoke by phone" tells its own past like "met" and "held": a cancelling cue of the headline
// and of another meeting in the anchor's frame is not the call's.
TEST_F(StatusTest, CallToldHeldByItsOwnVerbIsNotCancelledByAnotherMeetingsCue) {
  Run("Seitkali phones Zhao after Beijing trip cancelled",
      "Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
      "Wednesday after a planned visit to Beijing was cancelled.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
}

// "ended two days of talks with a pledge to meet again next year": the future cue is the
// follow-up's, the talks were held; with no other meeting there, the cue is the talks' own.
TEST_F(StatusTest, FutureCueNearerAFollowUpIsThat) {
  Run("",
      "President Aidar Seitkali and President Zhao Wenhao ended two days of summit talks today "
      "with a joint statement pledging to meet again next year in Beijing.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
  Run("",
      "President Aidar Seitkali and President Zhao Wenhao will hold two days of summit talks "
      "next year in Beijing.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
}

// A future told in what someone said at the meeting is not the meeting's; a meeting someone
// says will take place is planned.
TEST_F(StatusTest, FutureOfWhatWasSaidIsNotTheMeetings) {
  Run("",
      "In a phone call on Thursday, President Aidar Seitkali told President Zhao Wenhao that "
      "the new railway will open next year.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
  Run("",
      "President Aidar Seitkali said on Monday that he will meet President Zhao Wenhao in "
      "Astana next week.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  Run("",
      "In a phone call next Thursday, President Aidar Seitkali will tell President Zhao "
      "Wenhao that the railway will open.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
}

// A meeting told in the progressive of a word of its opening and as planned in the next
// sentence is previewed on its day; one told "is meeting" is under way, and one whose talks
// are told in the past was held.
TEST_F(StatusTest, OpeningToldInTheProgressiveWithAPlanIsAPreview) {
  Run("",
      "Kazakh President Aidar Seitkali is welcoming Chinese President Zhao Wenhao to Astana for "
      "talks. The two leaders are expected to discuss trade.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  Run("",
      "Foreign ministers of Central Asia are gathering in Astana. Kazakh Foreign Minister Talgat "
      "Omarov will host his counterparts on Sunday.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ(Date(main()), "2025-4-27");
  Run("",
      "Kazakh Foreign Minister Talgat Omarov is meeting Chinese Foreign Minister Li Wenhao in "
      "Astana. The two ministers are expected to discuss trade.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
  Run("",
      "Kazakh President Aidar Seitkali is welcoming Chinese President Zhao Wenhao to Astana. The "
      "two leaders held talks on trade.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
}

// A meeting told as planned for days that began before the publication day (Saturday 26
// April 2025) and go on to it or after is under way; one that begins on it or later is still
// to come.
TEST_F(StatusTest, PlannedDaysUnderWayOnThePublicationDayAreHeld) {
  Run("", "The summit of Central Asian leaders in Astana is scheduled for April 25-27, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
  Run("", "The summit of Central Asian leaders in Astana is scheduled for April 26-27, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
  Run("", "The summit of Central Asian leaders in Astana is scheduled for May 2-3, 2025.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
}

// A meeting told in the present as attended is under way, whatever is told of it as to come.
TEST_F(StatusTest, MeetingAttendedInThePresentIsHeld) {
  Run("",
      "Trade will be high on the agenda of the Central Asia summit in Astana. This year's summit "
      "is attended by twelve delegations.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
  Run("",
      "Trade will be high on the agenda of the Central Asia summit in Astana. This year's summit "
      "will be attended by twelve delegations.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_SCHEDULED);
}

// A meeting told in the present perfect progressive is under way, whatever the anchor tells
// of another event to come.
TEST_F(StatusTest, MeetingToldInThePresentPerfectProgressiveIsHeld) {
  Run("",
      "Kazakh Foreign Minister Talgat Omarov is set to address reporters this morning after "
      "gathering his counterparts from Central Asia. He has been hosting the foreign ministers' "
      "meeting in Astana.");
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_HELD);
}

// A meeting postponed indefinitely in a later sentence is called off.
TEST_F(StatusTest, LaterPostponementCountsToo) {
  Run("Kazakh President Aidar Seitkali and Japanese Prime Minister Kenji Takeda will hold talks in "
      "Tokyo in May. On Friday the talks were postponed indefinitely.");
  ASSERT_EQ(main().status, MentionStatus::kPostponed);
  EXPECT_EQ(ResolveStatus(c(), main()), v1::MEETING_STATUS_CANCELLED);
}

// ===== Kind.

using KindTest = FieldsTest;

TEST_F(KindTest, PhoneCall) {
  Run("Kazakh President Aidar Seitkali spoke by phone with Chinese President Zhao Wenhao on "
      "Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_PHONE_CALL);
  Run("Kazakh President Aidar Seitkali had a telephone conversation with Chinese President Zhao "
      "Wenhao.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_PHONE_CALL);
}

// A call called off is no phone call.
TEST_F(KindTest, CalledOffIsNoPhoneCall) {
  Run("Visit called off", "Kazakh President Aidar Seitkali's visit to Japan in May was cancelled.");
  EXPECT_NE(Kind(main()), v1::MEETING_KIND_PHONE_CALL);
}

TEST_F(KindTest, VideoConference) {
  Run("Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao via video "
      "link on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_VIDEO_CONFERENCE);
  Run("The leaders of Kazakhstan and China held a virtual meeting on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_VIDEO_CONFERENCE);
}

TEST_F(KindTest, StateVisitOfALeader) {
  Run("Kazakh President Aidar Seitkali arrived in Tokyo on a state visit and met Japanese Prime "
      "Minister Kenji Takeda.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_STATE_VISIT);
  Run("Kazakh President Aidar Seitkali paid an official visit to Japan, where he met Japanese "
      "Prime Minister Kenji Takeda.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_STATE_VISIT);
}

TEST_F(KindTest, OfficialVisitOfAMinisterIsBilateral) {
  Run("Kazakh Foreign Minister Talgat Omarov paid an official visit to Japan, where he met "
      "Japanese Prime Minister Kenji Takeda.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL);
}

// A leader receiving (hosting, welcoming) a visiting minister on an official visit: the visitor
// is the one received, or the one whose visit it is, not the host the article follows.
TEST_F(KindTest, LeaderReceivingAMinisterOnAnOfficialVisitIsBilateral) {
  Run("Japanese Prime Minister Kenji Takeda received Kazakh Foreign Minister Talgat Omarov, who "
      "is on an official visit to Japan, in Tokyo on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL);
  Run("Japanese Prime Minister Kenji Takeda hosted Kazakh Foreign Minister Talgat Omarov in Tokyo "
      "on Monday. The official visit is the minister's first to Japan.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL);
  Run("Japanese Prime Minister Kenji Takeda met Kazakh Foreign Minister Talgat Omarov in Tokyo on "
      "Monday. Omarov's first official visit to Japan ends on Wednesday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL);
}

// What must not change: a leader received on a state visit, a leader's own visit, and a leader
// received by someone ("was received by") who is the host.
TEST_F(KindTest, LeaderReceivedOnAStateVisitStaysAStateVisit) {
  Run("Japanese Prime Minister Kenji Takeda welcomed Kazakh President Aidar Seitkali, who arrived "
      "in Tokyo on a state visit, on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_STATE_VISIT);
  Run("Japanese Prime Minister Kenji Takeda met Kazakh President Aidar Seitkali in Tokyo on "
      "Monday. Seitkali's official visit to Japan ends on Wednesday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_STATE_VISIT);
  Run("Kazakh President Aidar Seitkali, on a state visit to Japan, was received by Japanese Prime "
      "Minister Kenji Takeda in Tokyo on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_STATE_VISIT);
}

TEST_F(KindTest, Summit) {
  Run("Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held a summit in Astana "
      "on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_SUMMIT);
}

TEST_F(KindTest, MinistersOfThreeCountriesAreAMinisterial) {
  Run("The foreign ministers of Kazakhstan, Kyrgyzstan and Uzbekistan met in Astana on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_MINISTERIAL);
}

TEST_F(KindTest, MinistersOfABodyAreAMinisterial) {
  Run("EU foreign ministers met in Brussels on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_MINISTERIAL);
}

// The meeting's own noun phrase names it a meeting of ministers: ministerial, even where a
// leader is named in its window.
TEST_F(KindTest, MeetingNamedForItsMinistersIsMinisterial) {
  for (const char* body :
       {"The ASEAN foreign ministers' meeting opened in Jakarta on Monday. Indonesian President "
        "Budi Santoso welcomed the delegates.",
        "The 30th OSCE Ministerial Council concluded in Vienna on Friday.",
        "The G7 foreign ministers meeting ended in Rome on Friday, and Italian Prime Minister "
        "Paolo Ferri spoke to the press."}) {
    Run(body);
    EXPECT_EQ(Kind(main()), v1::MEETING_KIND_MINISTERIAL) << body;
  }
}

// A body's or format's meeting named for its leaders is its summit.
TEST_F(KindTest, MeetingNamedForItsLeadersIsASummit) {
  Run("The G7 leaders meeting in Rome ended on Friday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_SUMMIT);
}

TEST_F(KindTest, TwoPartiesAreBilateral) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL);
}

// The meeting's own words name its two sides: another country the window names (a list in
// the lead, a third country's official quoted after) does not make it multilateral.
TEST_F(KindTest, TwoSidesNamedByTheMeetingAreBilateral) {
  for (const char* body :
       {"Kazakh President Aidar Seitkali met leaders of Asia and Europe in Astana on Monday, "
        "among them the presidents of Austria and Chile. Seitkali held talks with Chinese "
        "President Zhao Wenhao.",
        "Kazakh Foreign Minister Talgat Omarov held talks with Chinese Foreign Minister Li "
        "Wenhao in Astana on Monday. Japanese Foreign Minister Kenji Takeda and Korean Foreign "
        "Minister Park Minsoo said on Tuesday that the region needed more trade."}) {
    Run(body);
    EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL) << body;
  }
}

// A body meeting on its own is its members' meeting, not two-party talks.
TEST_F(KindTest, ABodyMeetingOnItsOwnIsMultilateral) {
  Run("The African Union's Peace and Security Council met in Addis Ababa on Tuesday to discuss "
      "the situation in Sudan.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_MULTILATERAL);
}

TEST_F(KindTest, ThreeLeadersWithoutASummitAreMultilateral) {
  Run("The presidents of Kazakhstan, Kyrgyzstan and Uzbekistan met in Astana on Monday.");
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_MULTILATERAL);
}

TEST_F(KindTest, SideMeetingDoesNotInheritTheSummitsKind) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of the "
      "SCO summit in Tianjin.");
  ASSERT_EQ(main().role, GroupRole::kMain);
  EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL);
}

// The event a side meeting was held at, with no sides of its own, is its own kind: a forum or
// conference multilateral, a summit a summit; not the two-party talks held at it.
TEST_F(KindTest, EventOfASideMeetingIsNotBilateral) {
  for (const char* body :
       {"Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of the "
        "Doha Forum on Sunday.",
        "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao on the "
        "margins of the Munich Security Conference.",
        "On the sidelines of the Astana International Forum, Kazakh President Aidar Seitkali held "
        "talks with Chinese President Zhao Wenhao."}) {
    Run(body);
    ASSERT_EQ(grouping_.groups.size(), 2u) << body;
    ASSERT_EQ(grouping_.groups[1].role, GroupRole::kEvent) << body;
    EXPECT_EQ(Kind(AsMain(1)), v1::MEETING_KIND_MULTILATERAL) << body;
    EXPECT_EQ(Kind(main()), v1::MEETING_KIND_BILATERAL) << body;
  }
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao on the sidelines of the "
      "G20 summit in Osaka.");
  ASSERT_EQ(grouping_.groups.size(), 2u);
  EXPECT_EQ(Kind(AsMain(1)), v1::MEETING_KIND_SUMMIT);
}

// ===== Documents.

using DocumentsTest = FieldsTest;

TEST_F(DocumentsTest, SignedDocuments) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "They signed a joint statement and a memorandum of understanding on transport.");
  EXPECT_THAT(Types(Documents(main())), UnorderedElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT,
                                                             v1::DOCUMENT_TYPE_MEMORANDUM));
}

TEST_F(DocumentsTest, AdoptedOrIssuedDocuments) {
  Run("The leaders of Kazakhstan and China met in Astana. They adopted a declaration.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_DECLARATION));
  Run("The leaders of Kazakhstan and China met in Astana. They issued a statement on trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
}

// Other forms of the verbs that conclude a document ("issuing", "inks", "sealed", "struck",
// "hammered out", "forged").
TEST_F(DocumentsTest, MoreFormsOfTheSigningVerbs) {
  for (const char* second :
       {"They ended the talks issuing a joint statement on trade.",
        "Kazakhstan inks a transit agreement with China.", "The two sides sealed a deal on gas.",
        "They struck an agreement on water.", "They hammered out a deal on gas.",
        "The two sides forged an accord on transit."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
  // A number joined by a hyphen measures the documents: "two 10-year agreements" are two,
  // "5-year agreements" one.
  Run("The leaders of Kazakhstan and China met in Astana. They signed two 10-year agreements on "
      "gas transit.");
  EXPECT_EQ(Documents(main()).size(), 2u);
  Run("The leaders of Kazakhstan and China met in Astana. They signed 5-year agreements on gas "
      "transit.");
  EXPECT_EQ(Documents(main()).size(), 1u);
}

// "put their signatures to", "affixed his signature to": the noun of signing concludes the
// document as the verb does; so does the pen ("penned in the presence of", "put pen to paper").
TEST_F(DocumentsTest, SignaturePutToADocumentSignsIt) {
  for (const char* second :
       {"The two presidents put their signatures to the treaty on borders.",
        "Each minister affixed his signature to a memorandum on transit.",
        "The memorandum on transit, penned in the presence of the two leaders, was praised.",
        "The two sides put pen to paper on a treaty on borders."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
}

// A statement qualified by one side's name or possessive ("a Kremlin statement") is its press
// release, not a text the sides adopted; a capitalised name ("the Astana Statement") is one.
TEST_F(DocumentsTest, StatementOfOneSideNamedBeforeItIsNoDocument) {
  for (const char* second :
       {"The two sides signed agreements on trade and space, according to a Kremlin statement.",
        "They signed an agreement on trade, the ministry's statement said."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT)) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They adopted the Astana Statement on "
      "water.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
}

// A plan or programme approved at the meeting is adopted; an agreement "approved" is a domestic
// step and concludes nothing.
TEST_F(DocumentsTest, PlanApprovedIsAdopted) {
  for (const char* second : {"They approved a roadmap for trade for 2025-2027.",
                             "The two presidents also approved an action plan on transit.",
                             "The ministers approved a programme of cooperation in culture."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. The government approved the agreement "
      "on trade.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A headline's collective "documents" stands for the documents the body signs, not for one
// more; with nothing signed in the body it is a document of its own.
TEST_F(DocumentsTest, HeadlineDocumentsAreTheBodysOnes) {
  Run("Kazakhstan, China sign cooperation documents",
      "The leaders of Kazakhstan and China met in Astana on Monday. They witnessed the signing of "
      "memoranda on tourism and education.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_MEMORANDUM));
  Run("Kazakhstan, China sign cooperation documents",
      "The leaders of Kazakhstan and China met in Astana on Monday to discuss trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
}

// A joint text the sides unveil is issued; a plan one side unveils concludes nothing.
TEST_F(DocumentsTest, JointTextUnveiledIsIssued) {
  Run("The leaders of Kazakhstan and China met in Astana. They unveiled a joint statement pledging "
      "closer ties.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. Beijing unveiled a roadmap for its "
      "railways.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// Plurals of the joint texts and plans ("signed two joint statements", "approved road maps")
// are documents as their singulars are.
TEST_F(DocumentsTest, PluralJointTextsAndPlansAreDocuments) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed two joint statements.");
  EXPECT_THAT(Types(Documents(main())),
              ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT, v1::DOCUMENT_TYPE_JOINT_STATEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. They adopted joint declarations on "
      "water and trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_DECLARATION));
  Run("The ministers of Kazakhstan and China met in Astana. They signed action plans for the "
      "railways.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_ACTION_PLAN));
  Run("The ministers of Kazakhstan and China met in Astana. They signed programmes of "
      "cooperation in culture.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER));
}

// "pact" is the headline word for an agreement ("sign security pact", "inked 12 pacts").
TEST_F(DocumentsTest, PactIsAnAgreement) {
  for (const char* second : {"They signed a security pact.", "The two sides inked 12 pacts.",
                             "A defence pact was signed by the ministers."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT)) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They praised the pact signed in 2015.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A conference's outcome document: "signed the Final Act", "adopted a final document".
TEST_F(DocumentsTest, FinalActOfAConferenceIsADocument) {
  for (const char* second : {"Leaders of 35 nations signed the Final Act of the Conference.",
                             "The participants adopted a final document on water."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER)) << second;
  }
}

// A contract, a letter of intent, a convention and a joint document signed or adopted are
// documents.
TEST_F(DocumentsTest, ContractLetterOfIntentConventionAreDocuments) {
  struct Case {
    const char* sentence;
    v1::DocumentType type;
  };
  for (const Case& k : std::vector<Case>{
           {"They signed a contract on the supply of gas.", v1::DOCUMENT_TYPE_AGREEMENT},
           {"They signed a letter of intent on aviation.", v1::DOCUMENT_TYPE_OTHER},
           {"They signed a convention on double taxation.", v1::DOCUMENT_TYPE_TREATY},
           {"The leaders adopted a joint document on relations.", v1::DOCUMENT_TYPE_OTHER}}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + k.sentence);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(k.type)) << k.sentence;
  }
}

// "In the communique, ..." after a joint statement issued refers back to it: one document.
TEST_F(DocumentsTest, InTheCommuniqueRefersBackToTheStatementIssued) {
  Run("The leaders of Kazakhstan and China met in Astana and issued a joint statement. In the "
      "communique, the two sides agreed to expand trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
}

// "the first such pact" after a treaty signed refers back to it: one document.
TEST_F(DocumentsTest, SuchDocumentRefersBack) {
  Run("The leaders of Kazakhstan and China met in Astana and signed a treaty on friendship, the "
      "first such pact in half a century.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_TREATY));
}

// A charter adopted or signed is a document (of no listed type).
// "Decisions were adopted on transit": the decisions of a council or summit are its documents;
// a single decision ("reached a decision to meet again") is not.
TEST_F(DocumentsTest, DecisionsAdoptedAreDocuments) {
  Run("The leaders of Kazakhstan and China met in Astana. Decisions on transit and water were "
      "adopted.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER));
  Run("The leaders of Kazakhstan and China met in Astana. They reached a decision on transit.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

TEST_F(DocumentsTest, CharterIsADocument) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed a charter on good "
      "neighbourliness.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER));
}

// Documents handed over at a ceremony are concluded: "witnessed the exchange of agreements".
TEST_F(DocumentsTest, ExchangeOfDocumentsConcludesThem) {
  Run("The leaders of Kazakhstan and China met in Astana. The two presidents then witnessed the "
      "exchange of a memorandum on transport.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_MEMORANDUM));
}

TEST_F(DocumentsTest, DraftsAndNegatedDocumentsAreNotSigned) {
  for (const char* second :
       {"They approved a draft declaration for the summit.", "They signed no agreement.",
        "They failed to agree on a joint statement.", "They ruled out a joint statement.",
        "They did not sign a treaty.", "They hope to sign a trade agreement soon.",
        "Both sides are aiming to sign a transit deal."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// A document blocked, vetoed or put off was not concluded: "China blocked a joint statement",
// "postponed the signing of the treaty".
TEST_F(DocumentsTest, DocumentBlockedOrPutOffIsNotSigned) {
  for (const char* second : {"China blocked a joint statement that the others had adopted.",
                             "The two sides postponed the signing of the treaty on borders.",
                             "They delayed the signing of a declaration on trade.",
                             "The signing of the treaty on borders was postponed.",
                             "A joint statement the others had adopted was blocked by China."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// An aim governs the signing verb after it however long the document's name: nothing signed.
TEST_F(DocumentsTest, DocumentAimedAtWithALongNameIsNotSigned) {
  for (const char* second :
       {"The two sides had hoped to conclude a bilateral currency swap agreement before the visit.",
        "Both are seeking to finalise a comprehensive economic partnership agreement.",
        "They aimed to sign a long-delayed free trade agreement by the end of the year."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They hoped to sign more deals and "
      "signed a bilateral currency swap agreement.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
}

// A commitment, a wish or a nearness before the signing verb is an aim too: "committed to
// conclude", "pledged to sign", "are close to sealing", "stand ready to sign".
TEST_F(DocumentsTest, DocumentCommittedToOrNearIsNotSigned) {
  for (const char* second : {"The two sides committed to conclude an investment agreement by 2020.",
                             "They pledged to sign a free trade agreement within a year.",
                             "Officials said they were close to sealing a deal on gas prices.",
                             "Both governments stand ready to sign a treaty on the border."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  // Nor a document before the aimed verb.
  Run("The leaders of Kazakhstan and China met in Astana. In the communique, the two sides "
      "committed to conclude negotiations on investment by 2020.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A sentence opened by "In a joint statement," tells of the statement as issued; a plain "in a
// statement" (one side's) or a joint statement inside a speech verb's clause is not.
TEST_F(DocumentsTest, SentenceOpenedByAJointStatementIssuesIt) {
  for (const char* second :
       {"In a joint statement, the two leaders called for reform of the UN Security Council.",
        "In a joint statement, the presidents pledged to double trade by 2030."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT)) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. In a joint communique, both sides "
      "condemned terrorism.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE));
  for (const char* second : {"In a statement, the ministry said the talks went well.",
                             "He said in a joint statement that trade would grow."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// Words that describe the text may stand between "In a" and the joint statement it opens with.
TEST_F(DocumentsTest, SentenceOpenedByADescribedJointStatementIssuesIt) {
  for (const char* second :
       {"In a lengthy joint statement, the two sides declared their friendship had no limits.",
        "In a 10-page joint communique, both sides condemned terrorism."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. In a separate statement, the ministry "
      "said the talks went well.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A signing put in the future, before or after the document, is no document of the meeting
// held; one signed in the same article stays.
TEST_F(DocumentsTest, SigningOnlyPlannedIsNoDocumentOfAMeetingHeld) {
  for (const char* second :
       {"They discussed a strategic partnership treaty that Astana and Beijing plan to sign soon.",
        "A treaty on legal assistance is expected to be signed at their next summit.",
        "The leaders said they would sign a treaty on strategic partnership in January.",
        "They are due to sign a free trade agreement next year.",
        "An agreement on a new railway will be signed later.",
        "The access agreement was agreed in principle and is due to be signed in spring.",
        "The two sides agreed in principle on a treaty on the border."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They signed a treaty on friendship, "
      "and said they would sign a trade agreement next year.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_TREATY));
  // A modal or "ready for" puts the signing in the future too.
  for (const char* second : {"A trade agreement should be ready for signing by December.",
                             "The treaty on the border could be signed in the autumn.",
                             // An adverb between the modal and the verb.
                             "Officials said a water memorandum would also be signed Tuesday.",
                             "The two sides will also sign a memorandum on water.",
                             "A memorandum on water is expected to be formally signed in June.",
                             // "be to": what is arranged to come.
                             "A free trade agreement is to be signed next month.",
                             "The ministers are to sign a memorandum on water."}) {
    Run("Leaders meet",
        std::string("The leaders of Kazakhstan and China met in Astana on Monday. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// "a treaty to be signed later": the infinitive right after the document puts its signing to
// come, whatever verb governs the document before it.
TEST_F(DocumentsTest, DocumentToBeSignedIsNotSignedYet) {
  for (const char* second :
       {"They agreed to work on a water agreement to be signed later this year.",
        "They finalised the text of a transit treaty to be signed in Beijing in the autumn."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// "The summit's final declaration called for ...": the final text of a meeting is the one it
// adopted, with no signing verb; a draft of it, or a final agreement, is not.
TEST_F(DocumentsTest, FinalTextOfTheMeetingIsAdopted) {
  for (const char* second : {"The summit's final declaration called for a ceasefire.",
                             "Their final joint communique urged more trade."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
  for (const char* second : {"They discussed the draft final declaration.",
                             "A final agreement on the border remains far off."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// "The summit ended with a joint communique": a meeting that ends with a document concluded
// it; no meeting word before the ending verb, or "without", concludes nothing.
TEST_F(DocumentsTest, MeetingEndingWithADocumentConcludesIt) {
  for (const char* second : {"The talks ended with a joint communique on transit.",
                             "The meeting culminated in the adoption of a declaration on water.",
                             "The talks wrapped up with a joint statement."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
  for (const char* second : {"The talks ended without a joint communique.",
                             "The border war ended with a treaty on borders."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// "agreed to" another verb makes the document that verb's object; "agreed to sign" and "agreed
// to a roadmap" conclude it.
TEST_F(DocumentsTest, AgreedToAnotherVerbIsNoSigning) {
  Run("The leaders of Kazakhstan and China met in Astana. They agreed to launch talks on a free "
      "trade agreement.");
  EXPECT_THAT(Documents(main()), IsEmpty());
  Run("The leaders of Kazakhstan and China met in Astana. They agreed to sign a transit "
      "agreement.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. They agreed to a roadmap on trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_ACTION_PLAN));
  // "agreed that" agrees on a proposition: its clause decides.
  for (const char* second :
       {"The two leaders agreed that a trade agreement should be ready for signing by December.",
        "They agreed that the border treaty had served both countries well."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
}

// A document implemented, negotiated, acted under or left ("withdrew from", "pulled out of",
// "suspended") is in force or in the making, not concluded at the meeting.
TEST_F(DocumentsTest, DocumentImplementedOrNegotiatedIsNotConcluded) {
  for (const char* second : {"They agreed on steps for the implementation of the transit "
                             "agreement.",
                             "They agreed to speed up negotiations on a trade deal.",
                             "They agreed on higher quotas under the accord.",
                             "They regretted that Washington withdrew from the arms agreement "
                             "signed in Moscow.",
                             "Both sides pulled out of the nuclear deal, signed in Vienna.",
                             "They signed nothing and suspended the border treaty."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They suspended the talks, then signed a "
      "treaty.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_TREATY));
  // A phrase of time set off by a comma governs no document after it.
  Run("The leaders of Kazakhstan and China met in Astana. After the negotiations, agreements on "
      "customs and transit were signed.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
}

// "reached an agreement to meet again": an arrangement to meet, not a text concluded.
TEST_F(DocumentsTest, AgreementToMeetIsNoDocument) {
  for (const char* second :
       {"reached an agreement to meet again in June.", "struck a deal to hold talks in Almaty."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana on Friday and ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement to boost "
      "trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
}

// Approval is a domestic step ("the cabinet approved the transit agreement"), like ratifying:
// not the meeting's signing.
TEST_F(DocumentsTest, ApprovalIsNoSigning) {
  Run("The leaders of Kazakhstan and China met in Astana. The Kazakh cabinet approved the transit "
      "agreement on Friday.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// "issue" is most often the noun ("the issue of a peace treaty"), not the verb of issuing.
TEST_F(DocumentsTest, IssueAsANounIsNoSigning) {
  Run("The leaders of Kazakhstan and China met in Astana. They talked about the issue of a peace "
      "treaty.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

TEST_F(DocumentsTest, SaidInAStatementIsNoDocument) {
  Run("The leaders of Kazakhstan and China met in Astana. The ministry said in a statement that "
      "the talks were signed off as useful.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// Words told in a joint statement, communique or joint declaration tell of it as issued by the
// sides together; a bare statement or declaration is one side's.
TEST_F(DocumentsTest, ToldInAJointTextIssuesIt) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"The two leaders said in a joint statement that they would deepen cooperation.",
       {v1::DOCUMENT_TYPE_JOINT_STATEMENT}},
      {"In their joint statement, the leaders condemned terrorism.",
       {v1::DOCUMENT_TYPE_JOINT_STATEMENT}},
      {"The sides declared in a joint communique that the border was settled.",
       {v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE}},
      {"The ministry said in a statement that the talks were useful.", {}},
      {"Kazakhstan said in a declaration that the talks were useful.", {}},
      {"They talked about a joint statement for the next summit.", {}},
      // The sides' text quoted as speaking.
      {"\"Trade must grow,\" the joint statement said.", {v1::DOCUMENT_TYPE_JOINT_STATEMENT}},
      {"The joint communique also noted progress on transit.",
       {v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE}},
      {"\"Trade must grow,\" the statement said.", {}},
      // What the sides' text tells.
      {"According to the joint communique, the two countries will open a ferry line.",
       {v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE}},
      {"According to a statement from the ministry, the talks were useful.", {}}};
  for (const auto& [second, types] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::UnorderedElementsAreArray(types)) << second;
  }
}

// A statement one side's official or office signed or issued is a press release; one the two
// sides signed is a document of the meeting.
TEST_F(DocumentsTest, StatementPutOutByOneSideIsNoDocument) {
  for (const char* second :
       {"According to the statement signed by the presidential spokesman, they discussed trade.",
        "The statement, signed by Foreign Ministry spokesman Ali Karimov, said the talks were "
        "useful.",
        "The talks were useful, the statement issued by the presidency said.",
        // A press release that follows.
        "The Foreign Ministry released the following statement: the talks were useful."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They adopted the following statement: "
      "trade must grow.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. The statement signed by the two "
      "presidents commits them to more trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. The joint statement, signed by "
      "President Seitkali, commits them to more trade.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_JOINT_STATEMENT));
}

TEST_F(DocumentsTest, DocumentFarFromTheSigningVerbIsNotSigned) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed the guest book at the "
      "palace after a long lunch and then talked about a possible future trade agreement.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// Plural document nouns name documents of their type.
TEST_F(DocumentsTest, PluralDocumentNouns) {
  // A number before the plural counts its documents.
  const std::tuple<const char*, v1::DocumentType, size_t> cases[] = {
      {"They signed seven memorandums of understanding.", v1::DOCUMENT_TYPE_MEMORANDUM, 7},
      {"They signed several memorandums on transport.", v1::DOCUMENT_TYPE_MEMORANDUM, 1},
      {"Ministers signed MoUs on trade and energy.", v1::DOCUMENT_TYPE_MEMORANDUM, 1},
      {"They signed two treaties on borders.", v1::DOCUMENT_TYPE_TREATY, 2},
      {"The leaders adopted two declarations on security.", v1::DOCUMENT_TYPE_DECLARATION, 2},
      {"They signed protocols on customs.", v1::DOCUMENT_TYPE_OTHER, 1},
      // The agreement of a memorandum of agreement is its name, not a second document.
      {"They signed a memorandum of agreement on oil supplies.", v1::DOCUMENT_TYPE_MEMORANDUM, 1},
      {"Ministers signed two memoranda of agreement.", v1::DOCUMENT_TYPE_MEMORANDUM, 2},
      {"They signed a memorandum of intent on rail.", v1::DOCUMENT_TYPE_MEMORANDUM, 1}};
  for (const auto& [second, type, count] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::Each(type)) << second;
    EXPECT_EQ(Documents(main()).size(), count) << second;
  }
}

// A document dated before the publication's year, or signed by office holders of the past, was
// signed at an earlier meeting the article recalls; a span of years or "since" dates nothing.
TEST_F(DocumentsTest, DocumentSignedInAnEarlierYearIsNotThisMeetings) {
  for (const char* second :
       {"Relations have grown since a 2016 agreement on labour mobility, signed in Astana.",
        "The leaders praised the Treaty of Friendship signed in Beijing on April 22, 2001.",
        "The friendship treaty, signed by the then-presidents, was praised by both.",
        "They praised the transit agreement signed last year in Beijing.",
        "They praised the transit agreement signed last week in Beijing.",
        "They praised the accord signed two years ago in Beijing.",
        "They reviewed a deal struck earlier this year on gas prices.",
        "They built on the accords reached by the three leaders last September."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  for (const char* second : {"They signed the 2024-2026 Action Plan on trade.",
                             "They signed a trade agreement, the first since 1992.",
                             "They signed a trade agreement on April 25, 2025."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
}

// A month well before the publication's (April 2025 here) told near a document dates it to an
// earlier meeting, unless the meeting itself is dated in that month.
TEST_F(DocumentsTest, MonthWellBeforeThePublicationDatesTheDocument) {
  for (const char* second : {"They had signed the Washington Declaration in January.",
                             "The treaty on the border, initialled on February 3, was praised."}) {
    Run("Leaders meet",
        std::string("The leaders of Kazakhstan and China met in Astana on Friday. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("Leaders meet",
      "The leaders of Kazakhstan and China met in Astana on Friday. They signed a treaty on the "
      "border on April 25.");
  EXPECT_EQ(Documents(main()).size(), 1u);
  Run("Leaders meet",
      "The leaders of Kazakhstan and China met in Astana in January and signed a treaty on the "
      "border in January.");
  EXPECT_EQ(Documents(main()).size(), 1u);
}

// The complement of the signing verb after a long document name dates the document: "a
// memorandum on ..., signed by the two governments in 2019, will be extended".
TEST_F(DocumentsTest, PastYearInTheSigningVerbsComplementDatesTheDocument) {
  Run("The leaders of Kazakhstan and China met in Astana. A memorandum on cooperation in "
      "emergency situations and natural disasters, signed by the two governments in 2019, will be "
      "extended.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A document already in force ("the existing agreement", "the previous accord") is not
// concluded again; the one that amends it is.
TEST_F(DocumentsTest, DocumentInForceIsNotConcludedAgain) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed a protocol amending the "
      "existing agreement on transit.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER));
  // The document amended is in force, whatever word qualifies it.
  Run("The leaders of Kazakhstan and China met in Astana. They signed a protocol amending the "
      "double taxation agreement.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER));
  Run("The leaders of Kazakhstan and China met in Astana. The new treaty, signed on Monday, "
      "replaces the previous accord on borders.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_TREATY));
}

// A year that qualifies another document named right after it ("a protocol to the 2018
// Sochi memorandum") dates that document, not the one signed now.
TEST_F(DocumentsTest, YearOfAnotherDocumentDoesNotDateThisOne) {
  for (const char* second :
       {"They adopted an additional protocol to the 2018 Sochi memorandum on the border.",
        "They signed a protocol amending the 2019 trade agreement."}) {
    Run("Leaders meet",
        std::string("The leaders of Kazakhstan and China met in Astana on Monday. ") + second);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_OTHER)) << second;
  }
}

// A document that is the subject of a passive signing verb is signed however long its
// complement; a relative clause's verb ("which was signed in 1991") is another signing.
TEST_F(DocumentsTest, SubjectOfAPassiveSigningIsSigned) {
  const std::pair<const char*, v1::DocumentType> cases[] = {
      {"An agreement on the construction of two new road bridges across the river was signed by "
       "the transport ministers.",
       v1::DOCUMENT_TYPE_AGREEMENT},
      {"A memorandum of understanding on cooperation between the two countries' customs services "
       "was also signed.",
       v1::DOCUMENT_TYPE_MEMORANDUM},
      {"In addition, a roadmap for the development of trade and economic cooperation until 2030 "
       "has been adopted.",
       v1::DOCUMENT_TYPE_ACTION_PLAN}};
  for (const auto& [second, type] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ElementsAre(type)) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They praised the agreement on the "
      "construction of two new road bridges, which was signed by their predecessors.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A document joined by "and" or "as well as" to one signed is signed, however long the first
// one's title.
TEST_F(DocumentsTest, DocumentJoinedToASignedOneIsSigned) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed a Memorandum of Cooperation "
      "in the field of agriculture and water management, as well as the 2025-2027 Action Plan.");
  EXPECT_THAT(Types(Documents(main())),
              UnorderedElementsAre(v1::DOCUMENT_TYPE_MEMORANDUM, v1::DOCUMENT_TYPE_ACTION_PLAN));
  // The passive verb of the document before signs the one joined after it.
  Run("The leaders of Kazakhstan and China met in Astana. A memorandum of understanding on "
      "hydrogen was signed in the presence of the two leaders, along with an agreement on nuclear "
      "energy.");
  EXPECT_THAT(Types(Documents(main())),
              UnorderedElementsAre(v1::DOCUMENT_TYPE_MEMORANDUM, v1::DOCUMENT_TYPE_AGREEMENT));
}

// "agreements on A, B and C": one document per subject listed; two subjects may be one.
TEST_F(DocumentsTest, PluralDocumentWithAListOfSubjectsCountsThem) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed agreements on customs, "
      "the protection of investments, and air transport.");
  EXPECT_THAT(Types(Documents(main())),
              ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_AGREEMENT,
                          v1::DOCUMENT_TYPE_AGREEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. They signed agreements on trade and "
      "investment.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
  // Bare nouns may be the fields of one agreement; no item is a noun phrase of its own.
  Run("The leaders of Kazakhstan and China met in Astana. They signed agreements on trade, "
      "economic, scientific and cultural cooperation.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
  // A later sentence referring back to the agreements counts none more.
  Run("The leaders of Kazakhstan and China met in Astana. They signed agreements on the "
      "protection of investments, the avoidance of double taxation, and visas. The agreements "
      "were prepared over two years.");
  EXPECT_EQ(Documents(main()).size(), 3u);
}

// "signed three agreements": a number from two to ten before a plural document word counts
// its documents; a larger tally, a collective "documents" or a sum counts one.
TEST_F(DocumentsTest, NumberBeforeAPluralDocumentCountsThem) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed three intergovernmental "
      "agreements and two memoranda.");
  EXPECT_THAT(Types(Documents(main())),
              UnorderedElementsAre(v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_AGREEMENT,
                                   v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_MEMORANDUM,
                                   v1::DOCUMENT_TYPE_MEMORANDUM));
  for (const char* second : {"They signed 15 agreements.", "They signed seven documents.",
                             "They signed $5 billion of agreements."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
}

// "an agreement on trade and an agreement on energy": singular documents of a type told with
// an indefinite article in one sentence add up; a definite one refers back.
TEST_F(DocumentsTest, IndefiniteDocumentsOfATypeAddUp) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement on rail "
      "transit and a new agreement on the protection of investments.");
  EXPECT_THAT(Types(Documents(main())),
              ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_AGREEMENT));
  // A plural that introduces its members stands for them.
  Run("The leaders of Kazakhstan and China met in Astana. They signed two agreements, including "
      "an agreement on visas.");
  EXPECT_EQ(Documents(main()).size(), 1u);
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement on visas. "
      "The ministers also signed an agreement on visas, the agreement on visas being long "
      "awaited.");
  EXPECT_EQ(Documents(main()).size(), 1u);
}

// "signed a treaty ..., the first superpower accord to ...": a definite noun phrase after a bare
// comma is an apposition of the document before, not one more.
TEST_F(DocumentsTest, DefiniteDocumentAfterACommaIsAnApposition) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed a treaty eliminating medium- "
      "and shorter-range missiles, the first accord of its kind in the region.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_TREATY));
  // A conjunction after the comma joins another document.
  Run("The leaders of Kazakhstan and China met in Astana. They signed a treaty on the border, and "
      "the accord on water quotas prepared by their ministers.");
  EXPECT_THAT(Types(Documents(main())),
              UnorderedElementsAre(v1::DOCUMENT_TYPE_TREATY, v1::DOCUMENT_TYPE_AGREEMENT));
}

// "have signed 23 agreements since 2008": a perfect signing measured from a year is a tally of
// the past; "the first agreement since 2010" is still this meeting's.
TEST_F(DocumentsTest, PerfectSigningSinceAYearIsATally) {
  Run("The leaders of Kazakhstan and China met in Astana. The two countries have signed 23 "
      "agreements since 2008.");
  EXPECT_THAT(Documents(main()), IsEmpty());
  // So are "so far", "to date", "over the years".
  for (const char* second :
       {"The two countries have signed three agreements on border trade so far this year.",
        "They have signed five agreements on transit to date.",
        "The two countries have signed four treaties over the years."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  Run("The leaders of Kazakhstan and China met in Astana. They signed a memorandum on water, the "
      "first such document since 2010.");
  EXPECT_EQ(Documents(main()).size(), 1u);
}

// "... the signing of a number of documents.\n\nIn particular, the sides signed a memorandum":
// the collective stands for the documents the next paragraph names.
TEST_F(DocumentsTest, InParticularListsTheDocumentsOfTheCollective) {
  Run("Leaders meet",
      "The leaders of Kazakhstan and China met in Astana on Monday and witnessed the signing of a "
      "number of bilateral documents.\n\nIn particular, the sides signed a memorandum on the "
      "digital economy.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_MEMORANDUM));
}

// "the Pyongyang Joint Declaration on Wednesday": a weekday ends the name of a document.
TEST_F(DocumentsTest, WeekdayEndsTheNameOfADocument) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed the Astana Declaration on "
      "Wednesday.");
  ASSERT_EQ(Documents(main()).size(), 1u);
  EXPECT_EQ(Documents(main())[0].title(), "Astana Declaration");
}

// "signed an agreement on X. The ministers also signed an agreement on Y": a document of a type
// told again with "also" and an indefinite article is one more; told again without, the same.
TEST_F(DocumentsTest, AlsoSignedAnotherDocumentOfTheType) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement on strategic "
      "partnership. The foreign ministers also signed an agreement on visas.");
  EXPECT_THAT(Types(Documents(main())),
              ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_AGREEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement on strategic "
      "partnership. The agreement was signed in the presence of the ministers.");
  EXPECT_EQ(Documents(main()).size(), 1u);
  // The "also" of another verb adds nothing.
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement on strategic "
      "partnership. The minister also praised an agreement on energy signed by the two "
      "governments.");
  EXPECT_EQ(Documents(main()).size(), 1u);
}

// The distance to the signing verb counts from the capitalised name before the document word.
TEST_F(DocumentsTest, SigningVerbNearTheNameOfTheDocument) {
  Run("The leaders of Kazakhstan and China met in Astana. They also adopted the Community Vision "
      "2025 and the Kuala Lumpur Declaration on ASEAN 2025.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_DECLARATION));
}

TEST_F(DocumentsTest, CompoundAdjectiveIsNoSigning) {
  Run("The leaders of Kazakhstan and China met in Astana. They backed the internationally-agreed "
      "roadmap.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

TEST_F(DocumentsTest, TitleWhenTheTextNamesTheDocument) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed the Treaty on Eternal "
      "Friendship.");
  const std::vector<v1::Document> docs = Documents(main());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].type(), v1::DOCUMENT_TYPE_TREATY);
  EXPECT_EQ(docs[0].title(), "Treaty on Eternal Friendship");
  Run("The leaders of Kazakhstan and China met in Astana. They signed the 2025-2027 Action Plan.");
  const std::vector<v1::Document> plans = Documents(main());
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].title(), "2025-2027 Action Plan");
  // A new noun phrase, or a phrase of time or place in lower case, ends the name.
  const std::pair<const char*, const char*> cases[] = {
      {"They adopted the Declaration on Maritime Cooperation at the close of the talks.",
       "Declaration on Maritime Cooperation"},
      {"They signed the Roadmap for trade and economic cooperation and a memorandum.",
       "Roadmap for trade and economic cooperation"},
      {"They signed the Agreement between the Government of Kazakhstan and the Government of "
       "China.",
       "Agreement between the Government of Kazakhstan and the Government of China"}};
  for (const auto& [second, title] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    const std::vector<v1::Document> got = Documents(main());
    ASSERT_FALSE(got.empty()) << second;
    EXPECT_EQ(got[0].title(), title) << second;
  }
}

// "concerning" and "regarding" open the subject of a document's name as "on" does.
TEST_F(DocumentsTest, TitleWithConcerningOrRegarding) {
  const std::pair<const char*, const char*> cases[] = {
      {"They signed the Agreement concerning the Transfer of Defence Equipment.",
       "Agreement concerning the Transfer of Defence Equipment"},
      {"The ministers initialled a Protocol regarding Fisheries in the Northern Waters.",
       "Protocol regarding Fisheries in the Northern Waters"},
      // A lower-case document has no name, whatever follows it.
      {"They signed an agreement concerning fisheries.", ""}};
  for (const auto& [second, title] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    const std::vector<v1::Document> got = Documents(main());
    ASSERT_FALSE(got.empty()) << second;
    EXPECT_EQ(got[0].title(), title) << second;
  }
}

// A name ends before a dangling conjunction and before a closing quote whose opening one lies
// outside it; a quoted name keeps both its quotes.
TEST_F(DocumentsTest, TitleEndsBeforeADanglingConjunctionOrQuote) {
  const std::pair<const char*, const char*> cases[] = {
      {"They inked a Treaty on Allied Relations and agreed a roadmap.",
       "Treaty on Allied Relations"},
      {"They signed the Agreement on Visa Facilitation, and adopted a joint statement.",
       "Agreement on Visa Facilitation"},
      {"They adopted a \"Plan of Action for the Strategic Partnership 2024-2028\", which sets "
       "targets for trade.",
       "Plan of Action for the Strategic Partnership 2024-2028"},
      {"They signed the Treaty of Friendship or signed the memorandum.", "Treaty of Friendship"},
      {"They signed the Agreement on \"Open Skies\".", "Agreement on \"Open Skies\""}};
  for (const auto& [second, title] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    const std::vector<v1::Document> got = Documents(main());
    ASSERT_FALSE(got.empty()) << second;
    EXPECT_EQ(got[0].title(), title) << second;
  }
}

// A capital a word owes to opening the sentence names nothing: a determiner before the name is
// left out, and a document word opening the sentence is named only when its complement is
// capitalised; an auxiliary or a date ends the name.
TEST_F(DocumentsTest, TitleLeavesOutCapitalsOfTheSentencesOpening) {
  const std::pair<const char*, const char*> cases[] = {
      {"The Kuala Lumpur Declaration on the Establishment of the Community was signed by the "
       "leaders.",
       "Kuala Lumpur Declaration on the Establishment of the Community"},
      {"Agreements on the construction of a gas pipeline were signed by the ministers.", ""},
      {"Agreement on Visa Facilitation was signed by the ministers.",
       "Agreement on Visa Facilitation"},
      {"They had signed the Washington Declaration in April.", "Washington Declaration"},
      {"They adopted the Declaration on Maritime Cooperation on 5 May.",
       "Declaration on Maritime Cooperation"}};
  for (const auto& [second, title] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    const std::vector<v1::Document> got = Documents(main());
    ASSERT_FALSE(got.empty()) << second;
    EXPECT_EQ(got[0].title(), title) << second;
  }
}

// A hyphen joining capitalised words belongs to the name; "in" opens a name's subject only as
// "in the field of", and "at" a time ends it.
TEST_F(DocumentsTest, TitleKeepsHyphenatedWordsAndLeavesOutAPlace) {
  const std::pair<const char*, const char*> cases[] = {
      {"They put their signatures to the Intermediate-Range Nuclear Forces Treaty in the East "
       "Room of the White House at 1:45 P.M.",
       "Intermediate-Range Nuclear Forces Treaty"},
      {"They signed the Memorandum in the Field of Education.",
       "Memorandum in the Field of Education"},
      {"They signed the Programme of Cooperation in Culture and Education for 2016-2018.",
       "Programme of Cooperation in Culture and Education for 2016-2018"},
      {"They adopted the Declaration in Moscow.", ""},
      {"They signed the Final Act of the Conference on Security and Cooperation in Europe, a long "
       "document.",
       "Final Act of the Conference on Security and Cooperation in Europe"},
      {"They signed the Treaty on Good-Neighbourly Relations at 10 o'clock.",
       "Treaty on Good-Neighbourly Relations"}};
  for (const auto& [second, title] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    const std::vector<v1::Document> got = Documents(main());
    ASSERT_FALSE(got.empty()) << second;
    EXPECT_EQ(got[0].title(), title) << second;
  }
}

// A headline in title case capitalises every word: its document has no title; a headline in
// sentence case keeps the document's name.
TEST_F(DocumentsTest, NoTitleFromAHeadlineInTitleCase) {
  for (const char* headline : {"Sadat and Begin Sign Peace Treaty at White House",
                               "Kazakhstan, China Sign Border Treaty After Talks"}) {
    Run(headline, "The leaders of Kazakhstan and China met in Astana on Monday.");
    const std::vector<v1::Document> docs = Documents(main());
    ASSERT_EQ(docs.size(), 1u) << headline;
    EXPECT_EQ(docs[0].title(), "") << headline;
  }
  Run("Kazakhstan and China sign the Treaty on Eternal Friendship",
      "The leaders of Kazakhstan and China met in Astana on Monday.");
  const std::vector<v1::Document> docs = Documents(main());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title(), "Treaty on Eternal Friendship");
}

TEST_F(DocumentsTest, NoTitleForALowerCaseDocument) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed a treaty on friendship.");
  const std::vector<v1::Document> docs = Documents(main());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title(), "");
}

TEST_F(DocumentsTest, OneDocumentPerTypeAndTitle) {
  Run("The leaders of Kazakhstan and China met in Astana. They signed an agreement on trade. The "
      "agreement was signed in the palace.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
}

// "On the sidelines of the summit, A and B met and signed a memorandum": the document stands in
// the side meeting's clause and is concluded there, not at the summit that sentence names too.
TEST_F(DocumentsTest, DocumentsOfASideMeetingAreNotTheEventsOwn) {
  for (const char* second :
       {"On the sidelines of the summit, Vietnamese Prime Minister Pham Van Long and Philippine "
        "President Jose Reyes met and signed a memorandum on fisheries.",
        "On the margins of the summit, Vietnamese Prime Minister Pham Van Long met Philippine "
        "President Jose Reyes and witnessed the signing of an agreement on fisheries.",
        "On the sidelines of the summit, Vietnamese Prime Minister Pham Van Long held talks with "
        "Philippine President Jose Reyes, after which the two sides signed a memorandum."}) {
    Run(std::string("ASEAN leaders held a summit in Kuala Lumpur on Monday and "
                    "adopted a declaration on maritime cooperation. ") +
        second);
    ASSERT_GE(grouping_.groups.size(), 2u) << second;
    EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_DECLARATION)) << second;
    std::vector<FieldEvidence> evidence;
    EXPECT_EQ(ResolveDocuments(c(), {2}, &evidence, 1).size(), 1u) << second;
  }
  // The event's own documents told in the same sentence stay its own.
  Run("ASEAN leaders held a summit in Kuala Lumpur on Monday and adopted a "
      "declaration on maritime cooperation and a roadmap on trade.");
  EXPECT_THAT(Types(Documents(main())),
              UnorderedElementsAre(v1::DOCUMENT_TYPE_DECLARATION, v1::DOCUMENT_TYPE_ACTION_PLAN));
}

// A press release lists the documents signed under a sentence that ends in a colon: each item
// (a bullet, or a numbered paragraph opening with a document) is signed.
TEST_F(DocumentsTest, DocumentsListedUnderASigningAreSigned) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"Following the talks, the following documents were signed:\n"
       "- Agreement on cooperation in the field of tourism;\n"
       "- Memorandum of understanding on customs.",
       {v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_MEMORANDUM}},
      {"In the presence of the two presidents, the ministers signed:\n"
       "* Protocol on the demarcation of the border;\n"
       "* Treaty on Friendship.",
       {v1::DOCUMENT_TYPE_OTHER, v1::DOCUMENT_TYPE_TREATY}},
      {"The sides then exchanged the documents signed during the visit:\n\n"
       "1. Memorandum of understanding in the field of education.\n\n"
       "2. Action Plan for 2025-2027.",
       {v1::DOCUMENT_TYPE_MEMORANDUM, v1::DOCUMENT_TYPE_ACTION_PLAN}}};
  for (const auto& [list, types] : cases) {
    Run("Leaders meet",
        std::string("Kazakh President Aidar Seitkali held talks with Chinese President Zhao "
                    "Wenhao in Astana on Monday.\n\n") +
            list);
    const std::vector<v1::DocumentType> got = Types(Documents(main()));
    for (v1::DocumentType type : types) {
      EXPECT_THAT(got, Contains(type)) << list;
    }
  }
  // An introduction naming the documents after a sentence of signing in its paragraph.
  Run("Leaders meet",
      "Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao in Astana on "
      "Monday.\n\nThe two presidents witnessed the signing of five cooperation documents. The "
      "documents include:\n- A protocol on quarantine requirements;\n- A memorandum of "
      "understanding on the digital economy.");
  EXPECT_THAT(Types(Documents(main())),
              UnorderedElementsAre(v1::DOCUMENT_TYPE_OTHER, v1::DOCUMENT_TYPE_MEMORANDUM));
  // A list under a sentence that signs nothing names no document signed.
  Run("Leaders meet",
      "Kazakh President Aidar Seitkali held talks with Chinese President Zhao Wenhao in Astana on "
      "Monday.\n\nThe agenda of the talks included:\n- Agreement on water sharing;\n- Treaty on "
      "the border.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// The collective "documents" stands for the documents it introduces, not for one more.
TEST_F(DocumentsTest, DocumentsIntroducingTheListedOnesAreNoneOfTheirOwn) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"They signed several documents, including a memorandum on tourism and a protocol on "
       "customs.",
       {v1::DOCUMENT_TYPE_MEMORANDUM, v1::DOCUMENT_TYPE_OTHER}},
      {"Ministers signed eight documents, such as a memorandum on education.",
       {v1::DOCUMENT_TYPE_MEMORANDUM}},
      {"Among the documents signed were a memorandum on tourism and a treaty on borders.",
       {v1::DOCUMENT_TYPE_MEMORANDUM, v1::DOCUMENT_TYPE_TREATY}},
      {"The following documents were signed:\n- Memorandum on tourism;\n- Protocol on customs.",
       {v1::DOCUMENT_TYPE_MEMORANDUM, v1::DOCUMENT_TYPE_OTHER}},
      // Documents told of without the ones they stand for are documents of their own.
      {"They signed 12 documents.", {v1::DOCUMENT_TYPE_AGREEMENT}},
      {"They signed 12 documents and adopted a joint statement.",
       {v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_JOINT_STATEMENT}}};
  for (const auto& [second, types] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::UnorderedElementsAreArray(types)) << second;
  }
}

// A past year that opens the sentence dates what it tells, however far from the document.
TEST_F(DocumentsTest, PastYearOpeningTheSentenceDatesItsDocuments) {
  for (const char* second :
       {"In 2017 he made his first foreign visit as president to Beijing, where the sides signed a "
        "strategic partnership declaration.",
        "In March 2019, during a visit by the prime minister to the Chinese capital, the two "
        "countries concluded a treaty on borders.",
        "Back in 2010, at a meeting on the shores of the lake in the north of the country, the two "
        "ministers signed a memorandum on water."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Documents(main()), IsEmpty()) << second;
  }
  // This year, a span of years, or a year not opening the sentence does not date it.
  for (const char* second :
       {"In 2025, after long talks on trade and transit, the leaders signed a memorandum on water.",
        "In 2024-2026, under the programme agreed at the talks, they signed a memorandum on water.",
        "They signed a memorandum on water, the first in their relations since 2010."}) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_EQ(Documents(main()).size(), 1u) << second;
  }
}

// The documents that a signed collective "documents" introduces are signed with it, however
// long the words between the verb and them.
TEST_F(DocumentsTest, DocumentsIntroducedBySignedDocumentsAreSignedFarFromTheVerb) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"In all, more than 20 documents were concluded at the intergovernmental and interagency "
       "level, among them an intergovernmental agreement on a cross-border trade centre.",
       {v1::DOCUMENT_TYPE_AGREEMENT}},
      {"The ministers signed a package of documents on cooperation in the fields of energy, "
       "transport and agriculture, including a treaty on the border.",
       {v1::DOCUMENT_TYPE_TREATY}},
      {"Officials of the two governments signed 14 documents in the presence of both leaders "
       "at the palace, such as a memorandum on education.",
       {v1::DOCUMENT_TYPE_MEMORANDUM}},
      // The collective's own passive signing verb (a meeting word too) ends nothing.
      {"A package of documents was signed, including a plan of action for the railways.",
       {v1::DOCUMENT_TYPE_ACTION_PLAN}},
      {"Seven documents were also signed on Monday, among them a protocol on customs.",
       {v1::DOCUMENT_TYPE_OTHER}},
      // A collective that is not signed introduces nothing signed.
      {"Experts prepared 14 documents over the past months and years of work on the ties, "
       "including a memorandum on education.",
       {}}};
  for (const auto& [second, types] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::UnorderedElementsAreArray(types)) << second;
  }
}

// A document "among the documents signed" is signed; among ones discussed it is not.
TEST_F(DocumentsTest, DocumentAmongTheOnesSignedIsSigned) {
  Run("The leaders of Kazakhstan and China met in Astana. An agreement on avoiding double "
      "taxation was among the 12 documents signed.");
  EXPECT_THAT(Types(Documents(main())), ElementsAre(v1::DOCUMENT_TYPE_AGREEMENT));
  Run("The leaders of Kazakhstan and China met in Astana. A treaty on the border was among the "
      "topics discussed.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// A legislature's ratification at home concludes nothing at the meeting; a ratification the
// sides conclude together does.
TEST_F(DocumentsTest, RatificationByALegislatureIsNoDocumentOfTheMeeting) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"The parliament ratified the agreement on visas on Tuesday.", {}},
      {"The treaty on the border was ratified by both parliaments.", {}},
      {"The two presidents ratified a protocol on customs.", {v1::DOCUMENT_TYPE_OTHER}},
      {"They signed a treaty on the border, which parliaments must still ratify.",
       {v1::DOCUMENT_TYPE_TREATY}}};
  for (const auto& [second, types] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::UnorderedElementsAreArray(types)) << second;
  }
}

// A sentence that lists the members of documents signed in the plural just before ("They
// included ...", "Among them were ...", "The agreements include ...") lists documents signed.
TEST_F(DocumentsTest, MembersOfAPluralSignedJustBeforeAreSigned) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"The agreements were signed by ministers in the presence of the two presidents. They "
       "included a memorandum on the joint construction of a hydropower plant.",
       {v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_MEMORANDUM}},
      {"The presidents witnessed the signing of 15 documents. Among them were a protocol on "
       "beef exports and a memorandum on the digital economy.",
       {v1::DOCUMENT_TYPE_OTHER, v1::DOCUMENT_TYPE_MEMORANDUM}},
      {"Ministers signed six agreements at the palace. The agreements include a treaty on the "
       "border.",
       {v1::DOCUMENT_TYPE_AGREEMENT, v1::DOCUMENT_TYPE_TREATY}},
      // Nothing signed in the plural before: the list signs nothing.
      {"The ministers discussed six agreements at the palace. They included a memorandum on "
       "water.",
       {}},
      {"Ministers will sign six agreements next year. They include a memorandum on water.", {}}};
  for (const auto& [second, types] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana.\n\n") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::UnorderedElementsAreArray(types)) << second;
  }
}

// A sentence opened by a document's name right after one concluding an untitled document of
// its type names that document: one document, with the name.
TEST_F(DocumentsTest, NameOpeningTheNextSentenceIsTheUntitledDocuments) {
  const std::pair<const char*, const char*> cases[] = {
      {"They signed a treaty on Monday.\n\nThe Treaty of Good-Neighbourliness and Friendly "
       "Cooperation, the first such document in fifty years, commits both sides to peace.",
       "Treaty of Good-Neighbourliness and Friendly Cooperation"},
      {"They also witnessed the signing of a memorandum of understanding. The Memorandum of "
       "Understanding on Cooperation in Electricity Trading allows more imports of power.",
       "Memorandum of Understanding on Cooperation in Electricity Trading"},
      // A name dated to an earlier year, or not the sentence's opening, names another.
      {"They signed a treaty on Monday. The Treaty of Friendship of 1950 had expired.", ""},
      {"They signed a treaty on Monday. It replaces the Treaty of Friendship.", ""}};
  for (const auto& [second, title] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    const std::vector<v1::Document> got = Documents(main());
    ASSERT_EQ(got.size(), 1u) << second;
    EXPECT_EQ(got[0].title(), title) << second;
  }
}

// "the agreement", "this accord" with no subject of its own refers back to a document of
// another type already signed: no agreement of its own.
TEST_F(DocumentsTest, GenericAgreementReferringBackIsNoneOfItsOwn) {
  const std::pair<const char*, std::vector<v1::DocumentType>> cases[] = {
      {"They signed a border treaty. The agreement was signed in the palace.",
       {v1::DOCUMENT_TYPE_TREATY}},
      {"They adopted a joint declaration. This accord, signed after long talks, ends the dispute.",
       {v1::DOCUMENT_TYPE_DECLARATION}},
      {"They signed a border treaty and the agreement on trade.",
       {v1::DOCUMENT_TYPE_TREATY, v1::DOCUMENT_TYPE_AGREEMENT}},
      {"They signed the agreement.", {v1::DOCUMENT_TYPE_AGREEMENT}}};
  for (const auto& [second, types] : cases) {
    Run(std::string("The leaders of Kazakhstan and China met in Astana. ") + second);
    EXPECT_THAT(Types(Documents(main())), ::testing::UnorderedElementsAreArray(types)) << second;
  }
}

TEST_F(DocumentsTest, DocumentsOfAnotherMeetingAreLeftOut) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on Monday. He "
      "also met Japanese Prime Minister Kenji Takeda, and they signed a memorandum.");
  EXPECT_THAT(Documents(main()), IsEmpty());
}

// ===== Topics.

using TopicsTest = FieldsTest;

TEST_F(TopicsTest, KeywordInTheWindowIsATopic) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana to "
      "discuss trade.");
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_TRADE));
}

// "economic ties were not on the agenda": a sentence denying a subject tells no topic.
TEST_F(TopicsTest, SubjectDeniedIsNoTopic) {
  Run("The leaders of Kazakhstan and China met in Astana. They discussed energy. Trade exceeded "
      "$30 billion last year, but economic ties were not on the agenda.");
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_ENERGY));
}

// The wires' descriptor of a club of states is part of its name, not a topic.
TEST_F(TopicsTest, DescriptorOfAClubOfStatesIsNoTopic) {
  for (const char* club : {"Group of 20 major economies", "Group of Seven industrialised nations",
                           "Group of Seven advanced economies"}) {
    Run("Leaders meet", std::string("Leaders of the ") + club +
                            " held a summit in Rome on Monday and discussed trade.");
    EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_TRADE)) << club;
  }
}

// A crisis of a domain is that domain's ("the debt crisis", "the energy crisis", "the refugee
// crisis"), not an armed conflict.
TEST_F(TopicsTest, CrisisOfADomainIsThatDomain) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana to "
      "discuss the debt crisis.");
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_FINANCE));
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana to "
      "discuss the energy crisis.");
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_ENERGY));
}

// "friendship" in diplomatic copy is the language of relations ("the traditional friendship
// between the two peoples", "a treaty of friendship"), not of culture.
TEST_F(TopicsTest, FriendshipIsRelationsNotCulture) {
  for (const char* second : {"They discussed the traditional friendship between the two peoples.",
                             "They praised the treaty of friendship and its friendship clauses.",
                             "They stressed friendship and good-neighbourly ties."}) {
    Run("Ministers meet",
        std::string("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao "
                    "in Astana. ") +
            second);
    const std::vector<v1::Topic> topics = ResolveTopics(c(), main().window);
    EXPECT_THAT(topics, Contains(v1::TOPIC_DIPLOMACY)) << second;
    EXPECT_THAT(topics, Not(Contains(v1::TOPIC_CULTURE))) << second;
  }
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "They discussed friendship and cultural exchanges.");
  EXPECT_THAT(ResolveTopics(c(), main().window), Contains(v1::TOPIC_CULTURE));
}

TEST_F(TopicsTest, KeywordOnceOutsideTheWindowIsNoTopic) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Later, reporters asked about energy.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), IsEmpty());
}

TEST_F(TopicsTest, KeywordTwiceOutsideTheWindowIsATopic) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Reporters asked about energy and gas.");
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_ENERGY));
  EXPECT_THAT(ResolveTopics(c(), main().window, /*window_only=*/true), IsEmpty());
}

// A sentence saying what was discussed makes one mention enough, wherever it stands.
TEST_F(TopicsTest, KeywordOnceInASentenceOfDiscussionIsATopic) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Later, an aide said the agenda covered energy.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_ENERGY));
}

// "raised" says what was talked about only with what was raised: "raised the issue of debt", not
// "the bank raised its rate".
TEST_F(TopicsTest, RaisedSaysWhatWasTalkedAboutOnlyWithAnIssue) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Later, Omarov raised the issue of debt.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_FINANCE));
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Last week the central bank raised its base rate.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), IsEmpty());
}

// A sentence saying what the sides agreed on, stressed or pledged says what was talked about too.
TEST_F(TopicsTest, KeywordOnceInASentenceOfAgreementIsATopic) {
  for (const char* verb : {"agreed to expand", "stressed", "pledged to expand", "reaffirmed"}) {
    Run("Ministers meet",
        "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
        "The weather was warm. Crowds waited outside. Later, both sides " +
            std::string(verb) + " cooperation in energy.");
    EXPECT_THAT(main().window, Not(Contains(4))) << verb;
    EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_ENERGY)) << verb;
  }
}

// So does a sentence naming the fields or issues of their cooperation ("cooperation in energy",
// "energy issues", "the fields of energy and ..."), or the meeting's results or priorities.
TEST_F(TopicsTest, KeywordOnceInASentenceOfCooperationIsATopic) {
  for (const char* sentence :
       {"Their cooperation in energy is growing.", "Energy issues remain open.",
        "Officials listed the areas of energy and culture.", "Energy was among the results.",
        "Energy was among the priorities."}) {
    Run("Ministers meet",
        std::string("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao "
                    "in Astana. The weather was warm. Crowds waited outside. ") +
            sentence);
    EXPECT_THAT(main().window, Not(Contains(4))) << sentence;
    EXPECT_THAT(ResolveTopics(c(), main().window), Contains(v1::TOPIC_ENERGY)) << sentence;
  }
}

// Documents in the plural are listed by field ("documents in energy"): the sentence says what the
// meeting was about; one agreement named in the singular does not.
TEST_F(TopicsTest, KeywordOnceInASentenceListingDocumentsIsATopic) {
  for (const char* sentence : {"Officials later listed 15 documents in energy.",
                               "Officials later listed deals in energy."}) {
    Run("Ministers meet",
        std::string("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao "
                    "in Astana. The weather was warm. Crowds waited outside. ") +
            sentence);
    EXPECT_THAT(main().window, Not(Contains(4))) << sentence;
    EXPECT_THAT(ResolveTopics(c(), main().window), Contains(v1::TOPIC_ENERGY)) << sentence;
  }
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Officials later listed an agreement in energy.");
  EXPECT_THAT(ResolveTopics(c(), main().window), Not(Contains(v1::TOPIC_ENERGY)));
}

// A sentence telling of a meeting of the past says what was talked about then: its words count
// once, whatever cue it holds.
TEST_F(TopicsTest, KeywordOnceInASentenceOfAPastMeetingIsNoTopic) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. When they last met in 2019, the sides agreed to "
      "build hospitals.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), IsEmpty());
}

// A verb of developing cooperation in a field names a topic ("ways to expand energy links").
TEST_F(TopicsTest, KeywordOnceAfterAVerbOfDevelopingCooperationIsATopic) {
  for (const char* verb : {"expand", "boost", "deepen", "strengthen", "develop", "increase"}) {
    Run("Ministers meet",
        "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
        "The weather was warm. Crowds waited outside. Later, officials sought to " +
            std::string(verb) + " energy links.");
    EXPECT_THAT(main().window, Not(Contains(4))) << verb;
    EXPECT_THAT(ResolveTopics(c(), main().window), Contains(v1::TOPIC_ENERGY)) << verb;
  }
}

// A sentence of what divides the sides ("their differences over energy") says what was talked
// about.
TEST_F(TopicsTest, KeywordOnceInASentenceOfDifferencesIsATopic) {
  for (const char* noun : {"differences", "disagreements"}) {
    Run("Ministers meet",
        "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
        "The weather was warm. Crowds waited outside. Later, they failed to bridge their " +
            std::string(noun) + " over energy.");
    EXPECT_THAT(main().window, Not(Contains(4))) << noun;
    EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(v1::TOPIC_ENERGY)) << noun;
  }
}

// "What matters now is energy": the verb "matters" says nothing of what was talked about.
TEST_F(TopicsTest, KeywordOnceAfterTheVerbMattersIsNoTopic) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. \"What matters now is energy,\" an analyst said.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), IsEmpty());
}

// A sentence about talks, even ones outside the meeting's window (the sides' regular talks, a
// round before or after), says what the sides talk about.
TEST_F(TopicsTest, KeywordOnceInASentenceAboutTalksIsATopic) {
  Run("Ministers meet",
      "Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "weather was warm. Crowds waited outside. Regular talks between the two have turned to "
      "energy.");
  EXPECT_THAT(main().window, Not(Contains(4)));
  EXPECT_THAT(ResolveTopics(c(), main().window), Contains(v1::TOPIC_ENERGY));
}

// Each topic's everyday vocabulary, not only its name ("naval drills" is defence, "global
// warming" the environment, "the rule of law" human rights).
TEST_F(TopicsTest, TopicVocabularyBeyondTheTopicsName) {
  const std::vector<std::pair<const char*, v1::Topic>> cases = {
      {"naval drills", v1::TOPIC_DEFENSE},
      {"global warming", v1::TOPIC_ENVIRONMENT},
      {"the rule of law", v1::TOPIC_HUMAN_RIGHTS},
      {"the truce", v1::TOPIC_CONFLICT},
      {"fertiliser supplies", v1::TOPIC_AGRICULTURE},
      {"a currency swap", v1::TOPIC_FINANCE},
      {"deportations", v1::TOPIC_MIGRATION},
      {"counterterrorism", v1::TOPIC_TERRORISM},
      {"hydrogen", v1::TOPIC_ENERGY},
      {"freight", v1::TOPIC_TRANSPORT},
      {"their relationship", v1::TOPIC_DIPLOMACY},
      {"issues of mutual interest", v1::TOPIC_DIPLOMACY},
      {"regional and international issues", v1::TOPIC_DIPLOMACY},
      {"the rapprochement", v1::TOPIC_DIPLOMACY},
      {"the Joint Comprehensive Plan of Action", v1::TOPIC_NUCLEAR},
      {"people to people contacts", v1::TOPIC_CULTURE},
      {"infrastructure", v1::TOPIC_ECONOMY},  // Not transport unless it says so:
      {"rail infrastructure", v1::TOPIC_TRANSPORT},
      {"water sharing", v1::TOPIC_ENVIRONMENT},
      {"the drought", v1::TOPIC_ENVIRONMENT},
      {"labour mobility", v1::TOPIC_MIGRATION},
      {"migrant workers", v1::TOPIC_MIGRATION},
      {"remittances", v1::TOPIC_FINANCE},
      {"piracy off the coast", v1::TOPIC_SECURITY},
      {"the counteroffensive", v1::TOPIC_CONFLICT},
      {"a prisoner exchange", v1::TOPIC_CONFLICT},
      {"the maritime boundary", v1::TOPIC_SECURITY},  // A line at sea, not shipping.
      {"maritime disputes", v1::TOPIC_CONFLICT},
      {"palm oil", v1::TOPIC_AGRICULTURE},  // A crop, not fuel.
      {"arms reductions", v1::TOPIC_SECURITY},
      {"power supplies", v1::TOPIC_ENERGY},
      {"the deadly clash", v1::TOPIC_CONFLICT},
      {"the river basin", v1::TOPIC_ENVIRONMENT},
      {"a wide range of issues", v1::TOPIC_DIPLOMACY},
      {"the full range of their dealings", v1::TOPIC_DIPLOMACY},
      {"reopening their embassies", v1::TOPIC_DIPLOMACY},
  };
  for (const auto& [words, topic] : cases) {
    Run(std::string("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao "
                    "in Astana to discuss ") +
        words + ".");
    EXPECT_THAT(ResolveTopics(c(), main().window), ElementsAre(topic)) << words;
  }
}

// Arms control is security, and nuclear too when nuclear arms are named; power trade is energy and
// trade.
TEST_F(TopicsTest, TopicVocabularyOfTwoTopics) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana to "
      "discuss nuclear arms.");
  EXPECT_THAT(ResolveTopics(c(), main().window),
              UnorderedElementsAre(v1::TOPIC_SECURITY, v1::TOPIC_NUCLEAR));
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana to "
      "discuss power trade.");
  EXPECT_THAT(ResolveTopics(c(), main().window),
              UnorderedElementsAre(v1::TOPIC_ENERGY, v1::TOPIC_TRADE));
}

TEST_F(TopicsTest, TopicsAreNotTakenFromNames) {
  Run("Kazakh Energy Minister Talgat Omarov met National Security Adviser Tom Hollis and World "
      "Trade Organization officials in Astana.");
  EXPECT_THAT(ResolveTopics(c(), main().window), IsEmpty());
}

// A capitalised topic word before the head noun of a body or an office, or after "Minister of",
// is part of a name the dictionaries do not hold; a topic after the title is still one.
TEST_F(TopicsTest, TopicWordsInTheNameOfABodyOrAnOfficeAreNoTopic) {
  for (const char* sentence :
       {"They discussed a loan from the Steppe Investment Corporation.",
        "They were joined by the Minister of Commerce and the Minister of Transport.",
        "They discussed a report of the Ministry of International Trade and Industry."}) {
    Run(std::string("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao "
                    "in Astana. ") +
        sentence);
    const std::vector<v1::Topic> topics = ResolveTopics(c(), main().window);
    EXPECT_THAT(topics, Not(Contains(v1::TOPIC_INVESTMENT))) << sentence;
    EXPECT_THAT(topics, Not(Contains(v1::TOPIC_TRADE))) << sentence;
    EXPECT_THAT(topics, Not(Contains(v1::TOPIC_TRANSPORT))) << sentence;
  }
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. The "
      "Ministers discussed Trade and Investment.");
  EXPECT_THAT(ResolveTopics(c(), main().window),
              UnorderedElementsAre(v1::TOPIC_TRADE, v1::TOPIC_INVESTMENT));
}

// ===== Statements, tags, attribution.

using StatementsTest = FieldsTest;

TEST_F(StatementsTest, QuoteOfFourWordsOrMoreWithItsSpeaker) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "\"Our countries are close partners,\" Omarov said.");
  const std::vector<v1::Statement> st = Statements(main());
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].speaker(), "Talgat Omarov");
  EXPECT_EQ(st[0].text(), "Our countries are close partners");
  EXPECT_TRUE(st[0].quoted());
}

TEST_F(StatementsTest, ShortQuoteOrQuotedNameIsNoStatement) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Omarov said the \"Central Asia - China\" format and \"good neighbours\" mattered.");
  for (const v1::Statement& st : Statements(main())) {
    EXPECT_NE(st.text(), "Central Asia - China");
    EXPECT_NE(st.text(), "good neighbours");
  }
}

TEST_F(StatementsTest, ReportedSpeechAfterSaidThat) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Li Wenhao said that trade between the two countries had doubled.");
  const std::vector<v1::Statement> st = Statements(main());
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].speaker(), "Li Wenhao");
  EXPECT_EQ(st[0].text(), "trade between the two countries had doubled.");
  EXPECT_FALSE(st[0].quoted());
}

TEST_F(StatementsTest, PronounContinuesTheLastSpeaker) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Omarov said that the talks were useful. He stressed that transit must grow.");
  const std::vector<v1::Statement> st = Statements(main());
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].speaker(), "Talgat Omarov");
  EXPECT_EQ(st[1].text(), "transit must grow.");
}

// The speaker is the subject of the speech verb: "Government sources said Omarov would ..." is
// not Omarov's statement; "Omarov, the foreign minister, said", "..., said Omarov" are his.
TEST_F(StatementsTest, SpeakerIsTheSubjectOfTheSpeechVerb) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Government sources said Omarov would raise transit fees.");
  EXPECT_THAT(Statements(main()), IsEmpty());
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Omarov, the foreign minister, said transit fees would fall. Trade between them had "
      "doubled, said Li Wenhao.");
  const std::vector<v1::Statement> st = Statements(main());
  ASSERT_EQ(st.size(), 2u) << (st.empty() ? "" : st[0].speaker() + ": " + st[0].text());
  EXPECT_EQ(st[0].speaker(), "Talgat Omarov");
  EXPECT_EQ(st[1].speaker(), "Li Wenhao");
  EXPECT_EQ(st[1].text(), "Trade between them had doubled");
  // A name inside the apposition is not the subject.
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Omarov, speaking at a news conference with Chinese Foreign Minister Li Wenhao, stressed "
      "this point.");
  ASSERT_EQ(Statements(main()).size(), 1u);
  EXPECT_EQ(Statements(main())[0].speaker(), "Talgat Omarov");
}

// A wire dateline is not part of what was said.
TEST_F(StatementsTest, DatelineIsLeftOutOfReportedSpeech) {
  Run("ASTANA, May 3 - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li "
      "Wenhao in Astana on Tuesday and said that transit must grow.");
  const std::vector<v1::Statement> st = Statements(main());
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].text(), "transit must grow.");
  Run("ASTANA, May 3 - Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li "
      "Wenhao in Astana on Tuesday. Omarov urged China to lift transit fees.");
  ASSERT_EQ(Statements(main()).size(), 1u);
  EXPECT_EQ(Statements(main())[0].text(), "Omarov urged China to lift transit fees.");
}

TEST_F(StatementsTest, RepeatedQuoteOnce) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "\"Our countries are close partners,\" Omarov said. Omarov said again: \"Our countries are "
      "close partners.\"");
  EXPECT_THAT(Texts(Statements(main())), ElementsAre("Our countries are close partners"));
}

TEST_F(StatementsTest, SpokespersonIsNoSpeakerOfTheMeeting) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Foreign Ministry spokesperson Lin Zhenyu said that the talks were useful.");
  EXPECT_THAT(Statements(main()), IsEmpty());
}

TEST_F(StatementsTest, SentencesOfAnotherMeetingAreLeftOut) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao in Astana on Monday. He "
      "also met Japanese Prime Minister Kenji Takeda, who said that ties were strong.");
  EXPECT_THAT(Statements(main()), IsEmpty());
}

TEST_F(StatementsTest, AtMostMaxStatements) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana. "
      "Omarov said that the talks were useful. Li Wenhao said that trade had doubled. Omarov said "
      "that "
      "transit must grow.");
  EXPECT_EQ(Statements(main(), 2).size(), 2u);
  EXPECT_EQ(Statements(main()).size(), 3u);
}

TEST_F(StatementsTest, TagsWrittenIntoTheText) {
  Run("The ministers met in Astana. Tags: general-news, war-and-conflicts, a well-known "
      "up-to-date story.");
  EXPECT_THAT(ResolveTags(c()), ElementsAre("general-news", "war-and-conflicts"));
}

TEST_F(StatementsTest, Attribution) {
  Run("The ministers met in Astana, as reported by Liter.kz citing the MFA of Kazakhstan.");
  EXPECT_EQ(ResolveAttribution(c()), "Liter.kz citing the MFA of Kazakhstan");
  Run("The ministers met in Astana, according to Xinhua. They discussed trade.");
  EXPECT_EQ(ResolveAttribution(c()), "Xinhua");
  Run("The ministers met in Astana.");
  EXPECT_EQ(ResolveAttribution(c()), "");
}

// ===== Title.

using TitleTest = FieldsTest;

TEST_F(TitleTest, EventNameWhenTheTextNamesIt) {
  Run("Kazakh President Aidar Seitkali and Chinese President Zhao Wenhao held talks in Astana on "
      "Friday. They agreed that the second China-Central Asia Summit will be held in Astana in "
      "2026.");
  ASSERT_EQ(grouping_.groups.size(), 2u);
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_SUMMIT);
  m.mutable_venue()->set_city("Astana");
  EXPECT_EQ(ResolveTitle(c(), grouping_.groups[1], m),
            "Second China-Central Asia Summit in Astana");
}

TEST_F(TitleTest, NumberedEventName) {
  Run("The leaders gathered for the 31st ASEAN Summit in Manila on November 13, 2025.");
  const MeetingGroup* summit = nullptr;
  for (const MeetingGroup& g : grouping_.groups) {
    if (g.kind == TriggerKind::kSummit) {
      summit = &g;
    }
  }
  ASSERT_NE(summit, nullptr);
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_SUMMIT);
  m.mutable_venue()->set_city("Manila");
  *m.mutable_start_date() = ToDate(absl::CivilDay(2025, 11, 13));
  EXPECT_EQ(ResolveTitle(c(), *summit, m), "31st ASEAN Summit in Manila, 13 November 2025");
}

TEST_F(TitleTest, PartiesKindPlaceAndDate) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao in Astana.");
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_BILATERAL);
  m.add_countries("CN");
  m.add_countries("KZ");
  m.mutable_venue()->set_city("Astana");
  *m.mutable_start_date() = ToDate(absl::CivilDay(2025, 4, 22));
  EXPECT_EQ(ResolveTitle(c(), main(), m), "China–Kazakhstan talks in Astana, 22 April 2025");
}

TEST_F(TitleTest, FormatNamesTheParties) {
  Run("The Central Asia-China foreign ministers' meeting was held in Almaty.");
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_MINISTERIAL);
  m.set_format("Central Asia-China");
  m.mutable_venue()->set_city("Almaty");
  *m.mutable_start_date() = ToDate(absl::CivilDay(2025, 4, 26));
  EXPECT_EQ(ResolveTitle(c(), main(), m),
            "Central Asia-China ministerial meeting in Almaty, 26 April 2025");
}

TEST_F(TitleTest, ManyCountriesAreCounted) {
  Run("The leaders met in Astana.");
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_SUMMIT);
  for (const char* code : {"KG", "KZ", "TJ", "TM", "UZ"}) {
    m.add_countries(code);
  }
  EXPECT_EQ(ResolveTitle(c(), main(), m), "5-party summit");
}

TEST_F(TitleTest, BodyAmongFewCountriesIsAParty) {
  Run("The leaders met in Santiago.");
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_BILATERAL);
  m.add_countries("CL");
  m.add_organizations("UN");
  EXPECT_EQ(ResolveTitle(c(), main(), m), "Chile–UN talks");
}

TEST_F(TitleTest, KindAndCountryWhenNoTownOrDate) {
  Run("The leaders talked by phone.");
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_PHONE_CALL);
  m.add_countries("FR");
  m.add_countries("KZ");
  EXPECT_EQ(ResolveTitle(c(), main(), m), "France–Kazakhstan phone call");
  v1::Meeting visit;
  visit.set_kind(v1::MEETING_KIND_STATE_VISIT);
  visit.add_countries("JP");
  visit.add_countries("KZ");
  visit.mutable_venue()->set_country("Japan");
  EXPECT_EQ(ResolveTitle(c(), main(), visit), "Japan–Kazakhstan state visit in Japan");
}

TEST_F(TitleTest, LowerCaseMeetingWordNamesNoEvent) {
  Run("Kazakh Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao at the "
      "annual summit in Astana.");
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_BILATERAL);
  m.add_countries("CN");
  m.add_countries("KZ");
  EXPECT_EQ(ResolveTitle(c(), main(), m), "China–Kazakhstan talks");
}

}  // namespace
}  // namespace parley::extract
