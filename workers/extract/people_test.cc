// Stage 2a (FindPeople) on short articles written for the tests: names with roles before and
// after them, honorifics, particles and hyphens, short forms merged into the full name, bare
// roles referring back, and capitalised words that are not people. The names are invented (none
// is in the officials dictionary) unless a test is about the dictionary.

#include "workers/extract/people.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/annotate.h"

namespace parley::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StrCaseEq;

class PeopleTest : public ::testing::Test {
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

  // Annotates an article (published on 26 April 2025 unless told) and finds its people.
  void Run(const std::string& title, const std::string& body,
           absl::CivilDay published = absl::CivilDay(2025, 4, 26)) {
    v1::Article article;
    article.set_title(title);
    article.set_body(body);
    article.mutable_published_at()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(published, absl::UTCTimeZone())));
    absl::StatusOr<Annotations> a = Annotate(article, **dict_);
    ASSERT_TRUE(a.ok()) << a.status();
    a_ = *std::move(a);
    people_ = FindPeople(a_);
  }
  void Run(const std::string& body) { Run("", body); }

  std::vector<std::string> Names() const {
    std::vector<std::string> out;
    for (const Person& p : people_) {
      out.push_back(p.name);
    }
    return out;
  }

  // The person named `name`; fails the test when there is none.
  const Person& Get(const std::string& name) const {
    for (const Person& p : people_) {
      if (p.name == name) {
        return p;
      }
    }
    ADD_FAILURE() << "no person '" << name << "' among " << ::testing::PrintToString(Names());
    static const Person* const kNone = new Person();
    return *kNone;
  }

  // The sentences a person is mentioned in.
  static std::vector<int> Sentences(const Person& p) {
    std::vector<int> out;
    for (const PersonMention& m : p.mentions) {
      out.push_back(m.sentence);
    }
    return out;
  }

  // The first token whose text is `word`, or -1.
  int TokenOf(const std::string& word) const {
    for (size_t i = 0; i < a_.doc.tokens.size(); ++i) {
      if (a_.Text(static_cast<int>(i), static_cast<int>(i) + 1) == word) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  static std::shared_ptr<const Dictionaries>* dict_;
  Annotations a_;
  std::vector<Person> people_;
};
std::shared_ptr<const Dictionaries>* PeopleTest::dict_ = nullptr;

// --- Roles before and after the name.

TEST_F(PeopleTest, RoleBeforeTheName) {
  Run("Foreign Minister Talgat Omarov arrived in Beijing on Monday.");
  ASSERT_THAT(Names(), ElementsAre("Talgat Omarov"));
  const Person& p = Get("Talgat Omarov");
  EXPECT_EQ(p.role, "Foreign Minister");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
  EXPECT_EQ(p.surname, "omarov");
  EXPECT_TRUE(p.country.empty());
  ASSERT_EQ(p.mentions.size(), 1u);
  EXPECT_EQ(a_.Text(p.mentions[0].role_first, p.mentions[0].role_end), "Foreign Minister");
}

TEST_F(PeopleTest, CountryAdjectiveBeforeTheRole) {
  Run("Chinese Foreign Minister Li Wenhao arrived in Astana.");
  const Person& p = Get("Li Wenhao");
  EXPECT_EQ(p.country, "CN");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
  EXPECT_EQ(p.role, "Foreign Minister");
}

// "Soviet leader X" is a leader qualified by a country, like "Chinese leader X": the role line
// must not swallow the country adjective.
// A portfolio between the country and the role ("Kazakh Health Minister", "Chinese Trade and
// Industry Minister") leaves the country the role's.
// "Lao" is the adjective of Laos as much as "Laotian" (places_overlay.tsv).
TEST_F(PeopleTest, LaoBeforeTheRoleIsOfLaos) {
  Run("Lao President Bounmy Keosavanh met Laotian Prime Minister Khamla Sithong in Vientiane.");
  EXPECT_EQ(Get("Bounmy Keosavanh").country, "LA");
  EXPECT_EQ(Get("Khamla Sithong").country, "LA");
}
// The possessive of a country's name ending in "s" is a bare apostrophe.
TEST_F(PeopleTest, PluralPossessiveOfACountryQualifiesTheRole) {
  Run("The Netherlands' Foreign Minister Aidar Seitkali met the United States' envoy, Zhao "
      "Wenhao, and the Philippines' Talgat Omarov in Riyadh.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "NL");
  EXPECT_EQ(Get("Zhao Wenhao").country, "US");
  EXPECT_EQ(Get("Talgat Omarov").country, "PH");
}
// An official with no country listed with "and" right after one of a country is of it.
TEST_F(PeopleTest, OfficialListedAfterAnotherSharesTheCountry) {
  Run("Mexico's interior minister, Aidar Seitkali, and Finance Secretary Zhao Wenhao took part. "
      "Kazakh President Talgat Omarov and Trade Minister Arman Sadykov met UN Secretary-General "
      "Erik Lindgren and Secretary Ana Lima.");
  EXPECT_EQ(Get("Zhao Wenhao").country, "MX");
  EXPECT_EQ(Get("Arman Sadykov").country, "KZ");
  EXPECT_EQ(Get("Ana Lima").country, "");
  // Foreign ministers listed together are counterparts.
  Run("Secretary of State Talgat Omarov and Foreign Minister Arman Sadykov met in Moscow.");
  EXPECT_EQ(Get("Arman Sadykov").country, "");
}
// "The Kazakh delegation included X", "X was accompanied by Y": members of a delegation are of
// its country; a counterpart named after them is not.
TEST_F(PeopleTest, DelegationMembersShareItsCountry) {
  Run("The Kazakh delegation included National Security Adviser Aidar Seitkali and Minister of "
      "State Arman Sadykov. President Talgat Omarov was accompanied by Foreign Minister Nurlan "
      "Abenov. He then met Premier Zhao Wenhao.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
  EXPECT_EQ(Get("Arman Sadykov").country, "KZ");
  EXPECT_EQ(Get("Zhao Wenhao").country, "");
  Run("Kazakh President Talgat Omarov was accompanied by Foreign Minister Nurlan Abenov.");
  EXPECT_EQ(Get("Nurlan Abenov").country, "KZ");
}

// "X and Y were part of the Kazakh delegation", "Z was present on the Chinese side": the people
// named before a country's delegation or side are of that country.
TEST_F(PeopleTest, PeopleNamedBeforeADelegationShareItsCountry) {
  Run("Foreign Minister Nurlan Abenov and National Security Adviser Aidar Seitkali were part of "
      "the Kazakh delegation. Vice Premier Zhao Wenhao was present on the Chinese side.");
  EXPECT_EQ(Get("Nurlan Abenov").country, "KZ");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
  EXPECT_EQ(Get("Zhao Wenhao").country, "CN");
}
TEST_F(PeopleTest, PeopleRepresentingACountryAreOfIt) {
  Run("The Kazakh side was represented by Deputy Prime Minister Aidar Seitkali, while Japan was "
      "represented by Economy Minister Kenji Muto.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
  EXPECT_EQ(Get("Kenji Muto").country, "JP");
}
// The list goes on past an appositive of a name and past ", and".
TEST_F(PeopleTest, RepresentativesListedWithAnAppositiveAreOfTheCountry) {
  Run("Finland was represented by Aino Mattila, the head of the presidential office, and Foreign "
      "Minister Erik Lindqvist.");
  EXPECT_EQ(Get("Erik Lindqvist").country, "FI");
  Run("Finland was represented by Foreign Minister Erik Lindqvist, Trade Minister Aino Mattila, "
      "and Defence Minister Mika Rantanen.");
  EXPECT_EQ(Get("Mika Rantanen").country, "FI");
}
// Another country told in the list, before "by" or its own verb, opens another side.
TEST_F(PeopleTest, ACountryInTheListOfRepresentativesOpensAnotherSide) {
  Run("Kazakhstan was represented by President Aidar Seitkali and Kyrgyzstan by Prime Minister "
      "Almaz Bekov.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
  EXPECT_EQ(Get("Almaz Bekov").country, "KG");
  Run("The Kazakh side was represented by Deputy Prime Minister Aidar Seitkali and the Japanese "
      "side by Economy Minister Kenji Muto.");
  EXPECT_EQ(Get("Kenji Muto").country, "JP");
  Run("The Kazakh side was represented by Deputy Prime Minister Aidar Seitkali and Japan was "
      "represented by Economy Minister Kenji Muto.");
  EXPECT_EQ(Get("Kenji Muto").country, "JP");
}

TEST_F(PeopleTest, CountryAdjectiveBeforeAPortfolio) {
  Run("Kazakh Health Minister Aidar Seitkali met Chinese Trade and Industry Minister Zhao Wenhao "
      "in Astana on Monday.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
  EXPECT_THAT(Get("Aidar Seitkali").role, StrCaseEq("Health Minister"));
  EXPECT_EQ(Get("Zhao Wenhao").country, "CN");
  EXPECT_EQ(Get("Zhao Wenhao").level, RoleLevel::kMinister);
}

// "Minister of Commerce Aidar Seitkali": the portfolio after "<role> of" is no part of the name.
TEST_F(PeopleTest, RoleOfAPortfolioBeforeTheName) {
  Run("Kazakh Minister of Commerce Aidar Seitkali met Chinese Minister of Trade and Integration "
      "Zhao Wenhao in Astana on Monday.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kMinister);
  EXPECT_EQ(Get("Zhao Wenhao").country, "CN");
  // A one-word rest of a ministry's name is no name.
  Run("The vice minister of the Ministry of Foreign Economic Relations, Ivan Petrov, attended.");
  EXPECT_THAT(Names(), ElementsAre("Ivan Petrov"));
}

// "Vice Minister of Foreign Affairs Waleed bin Saad", "Minister of State for Foreign Affairs X":
// a particle second in the name, a portfolio after "<role> for".
TEST_F(PeopleTest, PortfolioBeforeANameWithAParticle) {
  Run("The talks were attended by the Saudi Vice Minister of Foreign Affairs Waleed bin Saad "
      "Al-Harbi and Minister of State for Foreign Affairs Talgat bin Omar Al-Sabah.");
  EXPECT_THAT(Names(), ElementsAre("Waleed bin Saad Al-Harbi", "Talgat bin Omar Al-Sabah"));
  EXPECT_EQ(Get("Waleed bin Saad Al-Harbi").country, "SA");
  EXPECT_EQ(Get("Talgat bin Omar Al-Sabah").level, RoleLevel::kMinister);
}

TEST_F(PeopleTest, CountryAdjectiveBeforeLeader) {
  for (const char* text : {"Soviet leader Pavel Orlov arrived in Geneva on Monday.",
                           "Chinese leader Zhao Wenhao arrived in Geneva on Monday."}) {
    Run(text);
    ASSERT_EQ(people_.size(), 1u) << text;
    EXPECT_EQ(people_[0].level, RoleLevel::kHeadOfState) << text;
    EXPECT_FALSE(people_[0].country.empty()) << text;
  }
  EXPECT_EQ(people_[0].country, "CN");
}

// Names of states and towns of their time: "Malaya" (1957-1963), "Peking".
TEST_F(PeopleTest, CountryOfAHistoricalName) {
  Run("Tunku Abdul Rahman, Malaya's prime minister, arrived in Peking on Monday.");
  EXPECT_EQ(Get("Tunku Abdul Rahman").country, "MY");
  Run("The Malayan Foreign Minister Ismail Rahman arrived in Peking on Monday.");
  EXPECT_EQ(Get("Ismail Rahman").country, "MY");
}

// The executive of a body ("African Union Commission", "ECOWAS Commission") stands for the body.
TEST_F(PeopleTest, OfficialOfABodysCommission) {
  for (const char* text :
       {"African Union Commission Chairperson Amina Diallo arrived in Addis Ababa on Monday.",
        "ECOWAS Commission President Amina Diallo arrived in Abuja on Monday."}) {
    Run(text);
    const Person& p = Get("Amina Diallo");
    EXPECT_FALSE(p.org.empty()) << text;
    EXPECT_TRUE(p.country.empty()) << text;
  }
}

TEST_F(PeopleTest, CountryPossessiveBeforeTheRole) {
  Run("Kazakhstan's Foreign Minister Talgat Omarov arrived in Beijing.");
  EXPECT_EQ(Get("Talgat Omarov").country, "KZ");
  Run("The UN's special envoy Erik Lindqvist arrived in Kabul.");
  EXPECT_EQ(Get("Erik Lindqvist").org, "UN");
}

TEST_F(PeopleTest, RoleOfCountryBeforeTheName) {
  Run("Minister of Foreign Affairs of Kazakhstan Talgat Omarov received the envoy.");
  const Person& p = Get("Talgat Omarov");
  EXPECT_EQ(p.country, "KZ");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
}

TEST_F(PeopleTest, RoleAfterTheNameWithArticle) {
  Run("Li Wenhao, the Chinese premier, arrived in Astana.");
  const Person& p = Get("Li Wenhao");
  EXPECT_EQ(p.country, "CN");
  EXPECT_EQ(p.level, RoleLevel::kHeadOfGovernment);
  EXPECT_THAT(p.role, StrCaseEq("premier"));
}

// A vice premier and a state councillor are deputies of the head of government; a parliament's
// speaker is an official.
TEST_F(PeopleTest, VicePremiersStateCouncillorsAndSpeakers) {
  Run("Chinese Vice Premier Ding Xuewen, State Councillor Wang Dehai and Senate Speaker Marat "
      "Bekov arrived.");
  EXPECT_EQ(Get("Ding Xuewen").level, RoleLevel::kDeputy);
  EXPECT_EQ(Get("Wang Dehai").level, RoleLevel::kDeputy);
  EXPECT_EQ(Get("Marat Bekov").level, RoleLevel::kOfficial);
}

// "Foreign Minister Talgat Omarov of Kazakhstan": the country named after the name.
TEST_F(PeopleTest, CountryAfterTheName) {
  Run("Foreign Minister Talgat Omarov of Kazakhstan met his counterpart Erik Lindgren of the "
      "Netherlands in Astana.");
  EXPECT_EQ(Get("Talgat Omarov").country, "KZ");
  EXPECT_EQ(Get("Erik Lindgren").country, "NL");
}

// "A of Kazakhstan and B of Sweden met": the name after a person's "of <country> and" is a
// person too.
TEST_F(PeopleTest, NameAfterAPersonOfACountryAndIsAPerson) {
  Run("Foreign Minister Talgat Omarov of Kazakhstan and Erik Lindgren of Sweden met in Astana.");
  EXPECT_EQ(Get("Talgat Omarov").country, "KZ");
  EXPECT_EQ(Get("Erik Lindgren").country, "SE");
}

// A plural role before two names is the role of both ("Prime Ministers A and B met").
// "attended by A of X, B of Y and C of Z": the names after a phrase of attendance, and the
// names of a country listed after them.
TEST_F(PeopleTest, NamesOfCountriesListedAfterAttendedBy) {
  Run("The meeting was attended by Aidar Seitkali of Kazakhstan, Bakhyt Tursunov of Uzbekistan "
      "and Emil Sadykov of Kyrgyzstan.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Bakhyt Tursunov", "Emil Sadykov"));
  EXPECT_EQ(Get("Bakhyt Tursunov").country, "UZ");
  Run("The meeting was attended by Aidar Seitkali, Astana Mayor, and officials.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali"));
}

TEST_F(PeopleTest, PluralRoleBeforeTwoNames) {
  Run("Prime Ministers Aidar Seitkali and Zhao Wenhao met in Astana on Monday.");
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kHeadOfGovernment);
  Get("Zhao Wenhao");
}

// "X, 62, met Y": an age between a name and its meeting verb leaves it the verb's subject.
TEST_F(PeopleTest, SubjectOfAMeetingVerbAfterAnAge) {
  Run("Aidar Seitkali, 62, met Chinese President Zhao Wenhao in Astana on Monday.");
  Get("Aidar Seitkali");
}

// "as X paid his first state visit to ...": the subject of a light verb and its meeting noun.
TEST_F(PeopleTest, SubjectOfALightVerbAndMeetingNoun) {
  Run("Trade grew as Aidar Seitkali paid his first state visit to the country.");
  Get("Aidar Seitkali");
}

// "X, who took office in May, met Y": a relative clause between a name and its meeting verb.
TEST_F(PeopleTest, SubjectOfAMeetingVerbAfterARelativeClause) {
  Run("Aidar Seitkali, who took office in May, met Chinese President Zhao Wenhao in Astana.");
  Get("Aidar Seitkali");
}

// "A, B and C were present at the talks": every name of a list before its verb is a person.
TEST_F(PeopleTest, ListOfNamesBeforeAVerbAreAllPeople) {
  Run("Zhao Wenhao met Aidar Seitkali in Beijing on Monday. Cai Wenli, Liu Jianhong and Zhou Peng "
      "were present at the talks.");
  Get("Cai Wenli");
  Get("Liu Jianhong");
  Get("Zhou Peng");
}

// An official the dictionary knows may stand in such a list (this test needs a dictionary name).
TEST_F(PeopleTest, ListOfNamesBeforeAVerbMayHoldADictionaryName) {
  Run("Mirek Sovak, Narendra Modi and Elsa Brand discussed vaccines and climate on Friday.");
  Get("Mirek Sovak");
  Get("Narendra Modi");
  Get("Elsa Brand");
}

// "Seitkali meets Adler in Vienna": the one-word sides of a meeting verb in a headline are
// surnames the body gives after a first name or a title; a word before a noun ("meets Parliament
// leaders") or one the body never names so ("Envoys meet Taliban") is not.
TEST_F(PeopleTest, OneWordSidesOfAMeetingVerbInAHeadlineArePeople) {
  Run("Seitkali meets Adler in Vienna",
      "Aidar Seitkali and Chancellor Adler discussed trade on Monday.");
  Get("Aidar Seitkali");
  Get("Adler");
  Run("Envoys meet Taliban in Doha", "Western envoys met the Taliban in Doha on Monday.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("Seitkali meets Mittelrat leaders in Vienna", "The talks covered trade on Monday.");
  EXPECT_THAT(Names(), IsEmpty());
}

TEST_F(PeopleTest, RoleAfterTheNameWithPossessive) {
  Run("Talgat Omarov, Kazakhstan's Foreign Minister, arrived in Beijing.");
  const Person& p = Get("Talgat Omarov");
  EXPECT_EQ(p.country, "KZ");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
}

// The last office of an appositive that lists several, after its "and".
TEST_F(PeopleTest, LastRoleOfAnAppositiveAfterAnd) {
  Run("Zhao Wenhao, a member of the Political Bureau of the Central Committee and Chinese "
      "foreign minister, held talks with Aidar Seitkali in Beijing.");
  const Person& p = Get("Zhao Wenhao");
  EXPECT_EQ(p.country, "CN");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
  Run("Zhao Wenhao, who met the president and foreign minister, said the talks went well.");
  for (const Person& q : people_) {
    EXPECT_EQ(q.level, RoleLevel::kUnknown) << q.name;
  }
}

TEST_F(PeopleTest, RoleOfCountryAfterTheName) {
  Run("Talgat Omarov, Foreign Minister of Kazakhstan, arrived in Beijing.");
  EXPECT_EQ(Get("Talgat Omarov").country, "KZ");
}

TEST_F(PeopleTest, RoleAfterTheNameInBrackets) {
  Run("Talgat Omarov (Kazakh Foreign Minister) arrived in Beijing.");
  const Person& p = Get("Talgat Omarov");
  EXPECT_EQ(p.country, "KZ");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
}

TEST_F(PeopleTest, CompoundRoleKeepsTheOuterWordingAndDeputyLevel) {
  Run("Deputy Prime Minister Olga Petrenko arrived in Kyiv.");
  const Person& p = Get("Olga Petrenko");
  EXPECT_EQ(p.role, "Deputy Prime Minister");
  EXPECT_EQ(p.level, RoleLevel::kDeputy);
}

TEST_F(PeopleTest, RoleOfAMinistryNamedBeforeTheName) {
  Run("The vice minister of the Ministry of Industry and Trade, Kenji Takeda, arrived in Seoul.");
  const Person& p = Get("Kenji Takeda");
  EXPECT_EQ(p.level, RoleLevel::kDeputy);
}

TEST_F(PeopleTest, RoleWithItsQualifiersInTheAppositiveBeforeTheName) {
  Run("The Ambassador of the Republic of Finland to the African Union, Aino Mattila, and the "
      "chair met on Monday.");
  const Person& envoy = Get("Aino Mattila");
  EXPECT_EQ(envoy.role, "Ambassador");
  EXPECT_EQ(envoy.level, RoleLevel::kDiplomat);
  EXPECT_EQ(envoy.country, "FI");  // Sent to the body, not of it.
  EXPECT_TRUE(envoy.org.empty());
  Run("The Secretary-General of the Organization of Islamic Cooperation (OIC), Omar Haddad, "
      "received the minister.");
  EXPECT_EQ(Get("Omar Haddad").org, "OIC");
  EXPECT_EQ(Get("Omar Haddad").level, RoleLevel::kOrgHead);
}

// Translated state media put the whole title right before the name, with no comma; the parts of
// the title are no people.
TEST_F(PeopleTest, LongTitleRightBeforeTheName) {
  Run("Premier of the State Council of Finland Aino Mattila met Chairman of the Standing "
      "Committee of the People's Assembly Talgat Omarov in Helsinki.");
  EXPECT_THAT(Names(), ElementsAre("Aino Mattila", "Talgat Omarov"));
  EXPECT_EQ(Get("Aino Mattila").role, "Premier");
  EXPECT_EQ(Get("Aino Mattila").country, "FI");
  EXPECT_EQ(Get("Talgat Omarov").role, "Chairman");
  Run("The President of the Federative Republic of Korvia Talgat Omarov met Erik Lindqvist, "
      "General Secretary of the Workers' Party of Korvia.");
  for (const std::string& name : Names()) {
    EXPECT_NE(name, "Federative");
    EXPECT_NE(name, "Workers");
  }
  // A possessive right before the name gives its own country; the title is someone else's.
  Run("Erik Lindqvist held talks with the Prime Minister of Finland and Norway's Aino Mattila.");
  EXPECT_EQ(Get("Aino Mattila").country, "NO");
  EXPECT_NE(Get("Aino Mattila").role, "Prime Minister");
}

// ", the head of <an office>,": an official, of the country or body named in the office.
TEST_F(PeopleTest, HeadOfAnOfficeAfterTheNameIsARole) {
  Run("Aino Mattila, the head of the presidential office, met the envoy. Erik Lindqvist, head of "
      "Finland's security service, joined them.");
  EXPECT_EQ(Get("Aino Mattila").role, "head");
  EXPECT_EQ(Get("Aino Mattila").level, RoleLevel::kOfficial);
  EXPECT_EQ(Get("Erik Lindqvist").country, "FI");
}

TEST_F(PeopleTest, ANameAfterARoleIsNoQualifierOfTheNextName) {
  // "President Talgat Omarov, Erik Lindqvist": the second name has no role of the first.
  Run("President Talgat Omarov, Erik Lindqvist and others met on Monday.");
  EXPECT_TRUE(Get("Talgat Omarov").role == "President");
  for (const Person& p : people_) {
    if (p.name == "Erik Lindqvist") {
      EXPECT_TRUE(p.role.empty());
    }
  }
}

TEST_F(PeopleTest, HeadOfAnOrganisationTakesItsAcronym) {
  Run("UN Secretary-General Erik Lindqvist arrived in Kabul.");
  const Person& p = Get("Erik Lindqvist");
  EXPECT_EQ(p.org, "UN");
  EXPECT_EQ(p.level, RoleLevel::kOrgHead);
  EXPECT_TRUE(p.country.empty());
}

// "UN chief X", "IAEA head Y": the wires' short title of a body's head.
TEST_F(PeopleTest, ChiefOrHeadAfterAnOrganisation) {
  Run("UN chief Erik Lindqvist met IAEA head Paolo Ferrante in Vienna.");
  EXPECT_EQ(Get("Erik Lindqvist").org, "UN");
  EXPECT_EQ(Get("Erik Lindqvist").level, RoleLevel::kOrgHead);
  EXPECT_EQ(Get("Paolo Ferrante").org, "IAEA");
}

// "Commission President X": a word that stands for a body before a title (organizations.tsv's
// title qualifiers) makes its bearer that body's official, whatever country a dictionary of
// national officials gives the name; at the start of a sentence too.
TEST_F(PeopleTest, TitleQualifierNamesTheBody) {
  Run("Commission President Ursula von der Leyen met Indian Prime Minister Narendra Modi. "
      "Later, Commission Vice-President Margrethe Lindqvist met the Indian trade minister.");
  EXPECT_EQ(Get("Ursula von der Leyen").org, "EU");
  EXPECT_TRUE(Get("Ursula von der Leyen").country.empty());
  EXPECT_EQ(Get("Ursula von der Leyen").level, RoleLevel::kOrgHead);
  EXPECT_EQ(Get("Margrethe Lindqvist").org, "EU");
  // Two capitalised words before the title are a body of their own, not the EU.
  Run("Election Commission Chairman Rajiv Menon met the envoy.");
  EXPECT_TRUE(Get("Rajiv Menon").org.empty());
  // The body named after the name is the commission's.
  Run("Commission President Moussa Kalembe of the African Union met the Kenyan president.");
  EXPECT_EQ(Get("Moussa Kalembe").org, "AU");
}

// "EU trade commissioner X": a body's portfolio written in lower case stays the body's.
TEST_F(PeopleTest, LowerCasePortfolioAfterABody) {
  Run("EU trade commissioner Valdis Ozolins met UN special envoy Erik Lindqvist in Geneva.");
  EXPECT_EQ(Get("Valdis Ozolins").org, "EU");
  EXPECT_TRUE(Get("Valdis Ozolins").country.empty());
  EXPECT_EQ(Get("Erik Lindqvist").org, "UN");
}

// "Kishida meets Albanese", "Xi meets Albanese": a headline's one-word sides of a meeting verb
// are surnames when the body gives them as the last or, family name first, the first word of a
// name of the people dictionary.
TEST_F(PeopleTest, HeadlineSurnameOfADictionaryName) {
  Run("Kishida meets Albanese in Tokyo",
      "Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese in "
      "Tokyo.");
  EXPECT_THAT(Get("Fumio Kishida").mentions, SizeIs(2));
  Run("Xi meets Albanese in Tokyo",
      "Chinese President Xi Jinping met Australian Prime Minister Anthony Albanese in Tokyo.");
  EXPECT_THAT(Get("Xi Jinping").mentions, SizeIs(2));
}

// "his Uzbek host, X" names the visitor's counterpart, of that country.
TEST_F(PeopleTest, HostWithCountryIsACounterpart) {
  Run("Seitkali and his Uzbek host, Rustam Karimbekov, held talks in Tashkent.");
  EXPECT_EQ(Get("Rustam Karimbekov").country, "UZ");
  EXPECT_EQ(Get("Rustam Karimbekov").level, RoleLevel::kCounterpart);
}

// "The Emir of Qatar, Sheikh X": a title right after the appositive takes its country.
TEST_F(PeopleTest, TitleAfterAnAppositiveRoleTakesItsCountry) {
  Run("The Emir of Qatar, Sheikh Tamim bin Khalid, met Kazakh President Aidar Seitkali.");
  EXPECT_EQ(Get("Tamim bin Khalid").country, "QA");
}

// "The Kazakh ambassador in Beijing, X,": a diplomat's post after "in" fills the appositive.
TEST_F(PeopleTest, DiplomatPostedInATownBeforeTheName) {
  Run("The Kazakh ambassador in Beijing, Aidar Seitkali, was also present at the talks.");
  const Person& p = Get("Aidar Seitkali");
  EXPECT_EQ(p.country, "KZ");
  EXPECT_EQ(p.level, RoleLevel::kDiplomat);
}

// The European Parliament is a body of the EU: its president is the EU's official.
TEST_F(PeopleTest, EuropeanParliamentPresidentIsOfTheEu) {
  Run("Kazakh President Aidar Seitkali met European Parliament President Ana Lima in Brussels.");
  EXPECT_EQ(Get("Ana Lima").org, "EU");
}

// "Speaker X": a parliament's speaker named by the title alone; the title is not a given name.
TEST_F(PeopleTest, SpeakerBeforeANameIsARole) {
  Run("Vice President Ana Lima and Speaker Aidar Seitkali hosted a lunch for him.");
  EXPECT_THAT(Names(), ElementsAre("Ana Lima", "Aidar Seitkali"));
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kOfficial);
}

// A Commonwealth country's ambassador to another is its high commissioner.
TEST_F(PeopleTest, HighCommissionerIsADiplomat) {
  Run("Indian High Commissioner Aidar Seitkali attended the talks.");
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kDiplomat);
  EXPECT_EQ(Get("Aidar Seitkali").country, "IN");
}

// "X, his Chinese counterpart,": a counterpart after the name, named for its country.
TEST_F(PeopleTest, CounterpartAfterTheName) {
  Run("Talgat Omarov, Kazakhstan's foreign minister, and Li Dehai, his Chinese counterpart, met "
      "in Astana on Monday.");
  EXPECT_EQ(Get("Li Dehai").country, "CN");
  EXPECT_EQ(Get("Li Dehai").level, RoleLevel::kCounterpart);
}

TEST_F(PeopleTest, CounterpartWithCountry) {
  Run("He met his Kazakh counterpart Talgat Omarov in Astana.");
  const Person& p = Get("Talgat Omarov");
  EXPECT_EQ(p.country, "KZ");
  EXPECT_EQ(p.level, RoleLevel::kCounterpart);
}

TEST_F(PeopleTest, CounterpartFromACountry) {
  Run("Aidar Seitkali met his counterpart from Turkey, Hakan Demir, in Ankara.");
  const Person& p = Get("Hakan Demir");
  EXPECT_EQ(p.country, "TR");
  EXPECT_EQ(p.level, RoleLevel::kCounterpart);
  Run("Aidar Seitkali met his counterpart from Turkey Hakan Demir in Ankara.");
  EXPECT_EQ(Get("Hakan Demir").country, "TR");
}

// "EAM" is India's External Affairs Minister, a role, not a word of the name.
TEST_F(PeopleTest, IndianAbbreviationOfTheForeignMinisterIsARole) {
  Run("External Affairs Minister S. Rajan met Foreign Minister Talgat Omarov. EAM Rajan said the "
      "talks were useful.");
  const Person& p = Get("S. Rajan");
  EXPECT_EQ(p.country, "IN");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
  EXPECT_EQ(p.mentions.size(), 2u);
}

TEST_F(PeopleTest, SpokespersonDoesNotTakePart) {
  Run("Foreign Ministry spokesperson Lin Zhenyu said the talks were useful.");
  const Person& p = Get("Lin Zhenyu");
  EXPECT_EQ(p.level, RoleLevel::kSpokesperson);
  EXPECT_FALSE(p.Participates());
}

// Roles are given as the text writes them: "of" stays lower case.
TEST_F(PeopleTest, RoleIsAsWrittenInTheText) {
  Run("Minister of Foreign Affairs of Kazakhstan Talgat Omarov received the envoy.");
  EXPECT_EQ(Get("Talgat Omarov").role, "Minister of Foreign Affairs");
  Run("Secretary of State Tom Hollis arrived in Paris.");
  EXPECT_EQ(Get("Tom Hollis").role, "Secretary of State");
}

// --- Honorifics, particles, hyphens, initials.

// A given name that is also a town's name (Lawrence, Kansas; Florence, Italy; Victoria,
// Seychelles) right after a role and before a name is part of the name; a town after a role with
// no name after it, or after a locative, stays a place.
TEST_F(PeopleTest, TownThatIsAGivenNameAfterARoleStartsTheName) {
  Run("Kazakh President Aidar Seitkali met Singaporean Deputy Prime Minister Lawrence Wong.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Lawrence Wong"));
  EXPECT_EQ(Get("Lawrence Wong").level, RoleLevel::kDeputy);
  Run("French Defence Minister Florence Parly met Kazakh President Aidar Seitkali.");
  EXPECT_THAT(Names(), ElementsAre("Florence Parly", "Aidar Seitkali"));
  EXPECT_EQ(Get("Florence Parly").country, "FR");
  Run("Kazakh President Aidar Seitkali met the Italian Prime Minister in Florence on Monday.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali"));
  Run("Kazakh President Aidar Seitkali arrived in Florence Monday.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali"));
}

// A capitalised name stop that is also a syllable of East Asian names ("To", "He", "An") right
// after a role and before a name word starts the name: the surname alone ("Lam") is another
// official's in the dictionary. In a headline in title case, or lower case, it stays a word.
TEST_F(PeopleTest, NameSyllableAfterARoleStartsTheName) {
  Run("Vietnamese Communist Party General Secretary To Lam held talks with the Indonesian "
      "President in Jakarta.");
  EXPECT_THAT(Names(), ElementsAre("To Lam"));
  EXPECT_EQ(Get("To Lam").country, "VN");
  Run("Vietnam, Indonesia upgrade ties as To Lam visits Jakarta",
      "Vietnamese Communist Party General Secretary To Lam held talks with the Indonesian "
      "President in Jakarta.");
  EXPECT_THAT(Names(), ElementsAre("To Lam"));
  EXPECT_EQ(Get("To Lam").country, "VN");
  Run("Chinese Vice Premier He Lifeng met U.S. Treasury Secretary Tom Hollis in Geneva.");
  EXPECT_THAT(Names(), ElementsAre("He Lifeng", "Tom Hollis"));
  EXPECT_EQ(Get("He Lifeng").country, "CN");
  // Second, it ends the name: "Vice Premier Liu He held talks".
  Run("Chinese Vice Premier Liu He held talks with U.S. Treasury Secretary Tom Hollis in Geneva.");
  EXPECT_THAT(Names(), ElementsAre("Liu He", "Tom Hollis"));
  Run("South Korean Foreign Minister An Seung-jun met Kazakh President Aidar Seitkali.");
  EXPECT_THAT(Names(), ElementsAre("An Seung-jun", "Aidar Seitkali"));
  Run("Kazakh Foreign Minister Talgat Omarov will travel to Hanoi. He Said Nothing.");
  EXPECT_THAT(Names(), ElementsAre("Talgat Omarov"));
  Run("Prime Minister To Hold Talks In Astana", "The talks are planned for Monday.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("Kazakh President Aidar Seitkali asked the Foreign Minister to meet Talgat Omarov.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Talgat Omarov"));
}

// "Christian" is a given name after a role, not the word of "Christian Democrats".
TEST_F(PeopleTest, GivenNameThatIsANameStopAfterARoleStartsTheName) {
  Run("German Finance Minister Christian Lenz met Kazakh Foreign Minister Aidar Seitkali.");
  EXPECT_THAT(Names(), ElementsAre("Christian Lenz", "Aidar Seitkali"));
  EXPECT_EQ(Get("Christian Lenz").country, "DE");
  Run("The Christian Democrats met Aidar Seitkali in Berlin.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali"));
}

// Courtesy titles inside a name do not count towards its length: "Datuk Seri Utama" before a
// two-word name is a person of five words. Names of five words without them are still none.
TEST_F(PeopleTest, CourtesyTitlesInsideANameDoNotCountTowardsItsLength) {
  Run("Malaysian Foreign Minister Datuk Seri Utama Saifuddin Abdullah met Kazakh President Aidar "
      "Seitkali.");
  EXPECT_THAT(Names(), ElementsAre("Datuk Seri Utama Saifuddin Abdullah", "Aidar Seitkali"));
  EXPECT_EQ(Get("Datuk Seri Utama Saifuddin Abdullah").country, "MY");
  Run("Kazakh President Aidar Seitkali met Indian Prime Minister Shri Narendra Damodardas Modi.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Narendra Damodardas Modi"));
  Run("Kazakh President Aidar Seitkali met Prime Minister Tunku Abdul Rahman Putra Al-Haj.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Tunku Abdul Rahman Putra Al-Haj"));
  Run("Kazakh President Aidar Seitkali met Prime Minister Alpha Bravo Charlie Delta Echo.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali"));
}

// A royal title's one name is a given name: "Sheikh Mohammed" is not the Nigerian official
// whose surname is Mohammed; the country comes from the text or not at all.
TEST_F(PeopleTest, RoyalTitlesOneNameIsNoDictionarySurname) {
  Run("Sheikh Mohammed said the talks went well.");
  ASSERT_THAT(Names(), ElementsAre("Mohammed"));
  EXPECT_EQ(Get("Mohammed").country, "");
  Run("Emirati Sheikh Mohammed said the talks went well.");
  EXPECT_EQ(Get("Mohammed").country, "AE");
  Run("Minister Mohammed said the talks went well.");
  EXPECT_EQ(Get("Mohammed").country, "NG");  // Not a royal title: the dictionary decides.
}

// Monarchs' titles beyond king, queen, emir, prince, sultan and sheikh are roles: "Emperor X"
// is X, a monarch ("Emperor Naruhito", "Empress Michiko", "Grand Duke Henri", "Crown Princess
// Victoria"), not a person named "Emperor X".
TEST_F(PeopleTest, EmperorsAndGrandDukesAreRoyalTitles) {
  Run("The Kazakh President will meet Emperor Hirotaka on Wednesday.");
  EXPECT_THAT(Names(), ElementsAre("Hirotaka"));
  EXPECT_EQ(Get("Hirotaka").level, RoleLevel::kRoyal);
  Run("Japanese Empress Masumi received the Kazakh delegation.");
  EXPECT_THAT(Names(), ElementsAre("Masumi"));
  EXPECT_EQ(Get("Masumi").country, "JP");
  Run("Grand Duke Henrik of Luxembourg met Kazakh President Aidar Seitkali.");
  EXPECT_THAT(Names(), ElementsAre("Henrik", "Aidar Seitkali"));
  EXPECT_EQ(Get("Henrik").country, "LU");
  Run("He conveyed greetings to the Custodian of the Two Holy Mosques, King Faisal bin Nasser.");
  EXPECT_THAT(Names(), ElementsAre("Faisal bin Nasser"));
  Run("Swedish Crown Princess Vilhelmina opened the forum.");
  EXPECT_THAT(Names(), ElementsAre("Vilhelmina"));
  EXPECT_EQ(Get("Vilhelmina").level, RoleLevel::kRoyal);
}

// Two offices of one person joined by "and": the qualifiers before the first (a country, a
// body) are the person's, and a leader's office gives the level. A plural before "and" is
// other people.
TEST_F(PeopleTest, TwoOfficesJoinedByAndShareTheirQualifiers) {
  Run("Pakistan's Deputy Prime Minister and Foreign Minister Farid Osmani met the envoy.");
  EXPECT_THAT(Names(), ElementsAre("Farid Osmani"));
  EXPECT_EQ(Get("Farid Osmani").country, "PK");
  EXPECT_EQ(Get("Farid Osmani").level, RoleLevel::kForeignMinister);
  Run("Kazakh Prime Minister and Finance Minister Talgat Omarov met the envoy.");
  EXPECT_EQ(Get("Talgat Omarov").country, "KZ");
  EXPECT_EQ(Get("Talgat Omarov").level, RoleLevel::kHeadOfGovernment);
  Run("The Chinese Vice President and Defence Minister Li Wenhao met the envoy.");
  EXPECT_EQ(Get("Li Wenhao").country, "CN");
  Run("Kazakh ministers and Foreign Minister Talgat Omarov met the envoy.");
  EXPECT_EQ(Get("Talgat Omarov").country, "");
}

// The holder of a role at a research or teaching body is an analyst quoted on the meeting, not
// an official: no person. A role of a ministry or a body of states still names one.
TEST_F(PeopleTest, DirectorOfAnInstituteIsNoOfficial) {
  Run("\"Ties are strong,\" said Farid Osmani, director of the Heritage Institute for Policy "
      "Studies in Kabul.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("Lena Marsh, head of Asian studies at the Lowy Institute, said the visit mattered.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("The director of the Institute of World Economy, Pavel Orlov, said the talks went well.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("\"Ties are strong,\" said Tom Hollis, president of the Brookings Institution.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("\"Ties are strong,\" said Farid Osmani, director of the Asia department of the Kazakh "
      "Foreign Ministry.");
  EXPECT_THAT(Names(), ElementsAre("Farid Osmani"));
  Run("Talgat Omarov, Secretary-General of the Shanghai Cooperation Organisation, met the envoy.");
  EXPECT_THAT(Names(), ElementsAre("Talgat Omarov"));
}

// "Sheikh" inside a Somali or Arabic name: right after a non-royal role and one given name, a
// royal title before a name word continues the name. After a royal title, with a comma, or
// with no role before the given name, the title starts another name.
TEST_F(PeopleTest, RoyalTitleInsideANameAfterARole) {
  Run("Somali President Hassan Sheikh Mohamud met the Kazakh President in Astana.");
  EXPECT_THAT(Names(), ElementsAre("Hassan Sheikh Mohamud"));
  EXPECT_EQ(Get("Hassan Sheikh Mohamud").country, "SO");
  EXPECT_EQ(Get("Hassan Sheikh Mohamud").role, "President");
  Run("Former Somali President Abdi Sheikh Warsame and Foreign Minister Talgat Omarov met.");
  EXPECT_THAT(Names(), ElementsAre("Abdi Sheikh Warsame", "Talgat Omarov"));
  Run("Kazakh President Aidar Seitkali, Sheikh Faisal bin Nasser and the envoy met.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Faisal bin Nasser"));
  Run("Crown Prince Faisal Sheikh Nasser attended.");
  EXPECT_THAT(Names(), ::testing::Not(::testing::Contains("Faisal Sheikh Nasser")));
  Run("Hassan met Sheikh Faisal in Doha.");
  EXPECT_THAT(Names(), ::testing::Not(::testing::Contains("Hassan Sheikh Faisal")));
}

// An official of an international body has no country, even when a surname alone named first
// (a headline's "Guterres") is that of a national official in the people dictionary.
TEST_F(PeopleTest, SurnameFirstDoesNotGiveAnInternationalOfficialACountry) {
  Run("Guterres meets Kazakh president",
      "U.N. Secretary-General Antonio Guterres met Kazakh President Aidar Seitkali on Monday.");
  EXPECT_EQ(Get("Antonio Guterres").country, "");
  EXPECT_EQ(Get("Antonio Guterres").org, "UN");
  Run("Guterres meets Kazakh president",
      "Kazakh President Aidar Seitkali met Guterres, the U.N. Secretary-General, on Monday.");
  EXPECT_EQ(Get("Guterres").country, "");
  // Not an international official: the dictionary's country stays.
  Run("Guterres meets Kazakh president", "Kazakh President Aidar Seitkali met Guterres on Monday.");
  EXPECT_EQ(Get("Guterres").country, "TL");
  // Named first as the body's official, then by the surname alone: no country either.
  Run("U.N. Secretary-General Antonio Guterres arrived in Astana on Monday. Kazakh President "
      "Aidar Seitkali later met with Antonio Guterres.");
  EXPECT_EQ(Get("Antonio Guterres").country, "");
  EXPECT_EQ(Get("Antonio Guterres").org, "UN");
}

// Legislators are officials named by their role, not part of the name.
TEST_F(PeopleTest, LegislatorsAreRoles) {
  Run("Senator Erik Lindgren and Congresswoman Ana Lima said the trip would achieve little.");
  EXPECT_THAT(Names(), ElementsAre("Erik Lindgren", "Ana Lima"));
  EXPECT_EQ(Get("Erik Lindgren").level, RoleLevel::kOfficial);
  // An opposition leader is no head of state.
  Run("Arman Sadykov, the opposition leader, criticised the visit of Kazakh President Aidar "
      "Seitkali.");
  EXPECT_EQ(Get("Arman Sadykov").level, RoleLevel::kOfficial);
}

// Intelligence chiefs and negotiators are officials named by their role.
TEST_F(PeopleTest, IntelligenceChiefAndNegotiatorAreRoles) {
  Run("Egyptian intelligence chief Karim Saleh met Kazakh chief negotiator Arman Sadykov.");
  EXPECT_EQ(Get("Karim Saleh").country, "EG");
  EXPECT_EQ(Get("Karim Saleh").level, RoleLevel::kOfficial);
  EXPECT_EQ(Get("Arman Sadykov").country, "KZ");
}

TEST_F(PeopleTest, MilitaryAndSecurityOfficialsAreRoles) {
  Run("Russian Security Council Secretary Ivan Sobolev met Chief of the General Staff Arman "
      "Sadykov and army chief Tariq Nawaz.");
  EXPECT_THAT(Names(), ElementsAre("Ivan Sobolev", "Arman Sadykov", "Tariq Nawaz"));
  EXPECT_EQ(Get("Ivan Sobolev").country, "RU");
  EXPECT_EQ(Get("Ivan Sobolev").org, "");
  EXPECT_EQ(Get("Tariq Nawaz").level, RoleLevel::kOfficial);
  Run("The president's chief of staff, Olena Kravets, met Vice Chairman Han Wenli.");
  EXPECT_EQ(Get("Olena Kravets").level, RoleLevel::kOfficial);
  EXPECT_EQ(Get("Han Wenli").level, RoleLevel::kDeputy);
  Run("Assistant Secretary of State Tom Hollis met Talgat Omarov.");
  EXPECT_EQ(Get("Tom Hollis").level, RoleLevel::kOfficial);
}

TEST_F(PeopleTest, LeadersElectAndOtherTitlesOfGovernmentAreRoles) {
  Run("President-elect Maria Santos met Tanaiste Sean Walsh and Federal Councillor Karin Weber.");
  EXPECT_EQ(Get("Maria Santos").level, RoleLevel::kHeadOfState);
  EXPECT_EQ(Get("Sean Walsh").country, "IE");
  EXPECT_EQ(Get("Karin Weber").country, "CH");
  Run("Chief Executive John Lau met Senate Majority Leader Tom Hollis and Ambassador-at-large "
      "Paul Mensah.");
  EXPECT_THAT(Names(), ElementsAre("John Lau", "Tom Hollis", "Paul Mensah"));
  EXPECT_EQ(Get("Tom Hollis").level, RoleLevel::kOfficial);
  EXPECT_EQ(Get("Paul Mensah").level, RoleLevel::kDiplomat);
}

// "Toyota chairman X": a leader's title after a name that is no country or body heads a
// company; "Federal President Y", "Acting President Z" are heads of state.
TEST_F(PeopleTest, LeadersTitleAfterACompanysNameIsAnOfficial) {
  Run("Kazakh President Aidar Seitkali met Toyota chairman Kenji Sato, Federal President Karin "
      "Weber and Acting President Zhao Ming.");
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kHeadOfState);
  EXPECT_EQ(Get("Kenji Sato").level, RoleLevel::kOfficial);
  EXPECT_EQ(Get("Karin Weber").level, RoleLevel::kHeadOfState);
  EXPECT_EQ(Get("Zhao Ming").level, RoleLevel::kHeadOfState);
  Run("Kazakh President Aidar Seitkali met Caretaker Prime Minister Omar Haddad, Outgoing "
      "President Karin Weber and Socialist Prime Minister Luis Moreno.");
  EXPECT_EQ(Get("Omar Haddad").level, RoleLevel::kHeadOfGovernment);
  EXPECT_EQ(Get("Karin Weber").level, RoleLevel::kHeadOfState);
  EXPECT_EQ(Get("Luis Moreno").level, RoleLevel::kHeadOfGovernment);
}

TEST_F(PeopleTest, HonorificMakesAPerson) {
  for (const char* body :
       {"Mr Haldane said the talks went well.", "Mr. Haldane said the talks went well.",
        "Dr Haldane said the talks went well."}) {
    Run(body);
    ASSERT_THAT(Names(), ElementsAre("Haldane")) << body;
    EXPECT_EQ(Get("Haldane").level, RoleLevel::kUnknown) << body;
  }
}

TEST_F(PeopleTest, NameParticlesStayInTheName) {
  Run("Foreign Minister Abdullah bin Zayed met the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Abdullah bin Zayed"));
  Run("Foreign Minister Ahmed al-Tayer met the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Ahmed al-Tayer"));
  Run("Foreign Minister Pieter van Lindgren met the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Pieter van Lindgren"));
}

TEST_F(PeopleTest, TwoParticlesInARowStayInTheName) {
  Run("Foreign Minister Pedro de la Fuente met the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Pedro de la Fuente"));
  Run("Foreign Minister Hendrik van der Lindgren met the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Hendrik van der Lindgren"));
}

TEST_F(PeopleTest, LongNameWithParticlesIsOnePerson) {
  Run("Foreign Minister Abdullah bin Zayed al-Nahyan met the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Abdullah bin Zayed al-Nahyan"));
}

TEST_F(PeopleTest, HyphenatedNames) {
  Run("President Jean-Luc Moreau met Prime Minister Lee Min-ho in Seoul.");
  EXPECT_THAT(Names(), ElementsAre("Jean-Luc Moreau", "Lee Min-ho"));
  // A short lower-case word between hyphens: "Inam-ul-Rashid Baloch", "Noor-ud-Din Khan".
  Run("Prime Minister Inam-ul-Rashid Baloch met Interior Minister Noor-ud-Din Khan in Kabul.");
  EXPECT_THAT(Names(), ElementsAre("Inam-ul-Rashid Baloch", "Noor-ud-Din Khan"));
}

TEST_F(PeopleTest, MiddleInitial) {
  Run("Secretary of State Tom J. Hollis arrived in Paris.");
  const Person& p = Get("Tom J. Hollis");
  EXPECT_EQ(p.surname, "hollis");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
}

// An initial that is also an English word ("A", "I") before a name with a particle.
TEST_F(PeopleTest, MiddleInitialThatIsAWord) {
  Run("Secretary-General Yusuf A. Al-Rashidi received the delegation.");
  EXPECT_THAT(Names(), ElementsAre("Yusuf A. Al-Rashidi"));
}

// --- One person, several mentions.

TEST_F(PeopleTest, SurnameAloneIsTheSamePerson) {
  Run("Foreign Minister Talgat Omarov arrived in Beijing. Omarov said ties were strong.");
  ASSERT_THAT(Names(), ElementsAre("Talgat Omarov"));
  EXPECT_THAT(Sentences(Get("Talgat Omarov")), ElementsAre(1, 2));
}

// A one-word name in brackets after the full name is the name the text goes on to use; without
// the brackets it is another person's.
TEST_F(PeopleTest, NameInBracketsAfterTheFullNameIsTheSamePerson) {
  Run("President Arman Bakosuli (Bako) met envoys in Astana. President Bako said ties were "
      "strong.");
  ASSERT_THAT(Names(), ElementsAre("Arman Bakosuli"));
  EXPECT_THAT(Sentences(Get("Arman Bakosuli")), ElementsAre(1, 2));
  Run("President Arman Bakosuli met envoys in Astana. President Bako said ties were strong.");
  EXPECT_THAT(Names(), ElementsAre("Arman Bakosuli", "Bako"));
}

TEST_F(PeopleTest, LongestFormIsTheName) {
  Run("Minister Omarov arrived in Beijing. Foreign Minister Talgat Omarov said ties were strong.");
  ASSERT_THAT(Names(), ElementsAre("Talgat Omarov"));
  EXPECT_THAT(Sentences(Get("Talgat Omarov")), ElementsAre(1, 2));
}

TEST_F(PeopleTest, OneWordGivenNameWithRoleMergesIntoTheFullName) {
  Run("Prime Minister Chidi Okafor arrived in Accra. Prime Minister Chidi said ties were strong.");
  ASSERT_THAT(Names(), ElementsAre("Chidi Okafor"));
  EXPECT_THAT(Sentences(Get("Chidi Okafor")), ElementsAre(1, 2));
}

// "Faisal bin Nasser" in a headline opens exactly one longer name of the body: that person. Two
// longer names it opens leave it alone.
TEST_F(PeopleTest, NameWithAParticleOpeningOneLongerNameMergesIntoIt) {
  Run("Faisal bin Nasser receives Kazakh envoy",
      "Sheikh Faisal bin Nasser Al Rashed, the Emir of Qatar, received the Kazakh ambassador.");
  EXPECT_THAT(Names(), ElementsAre("Faisal bin Nasser Al Rashed"));
  EXPECT_THAT(Sentences(Get("Faisal bin Nasser Al Rashed")), ElementsAre(0, 1));
  Run("Faisal bin Nasser receives Kazakh envoy",
      "Sheikh Faisal bin Nasser Al Rashed met Sheikh Faisal bin Nasser Al Thani in Doha.");
  EXPECT_EQ(Names().size(), 3u);
}

TEST_F(PeopleTest, OneWordNameShortForTwoPeopleIsNotMerged) {
  // "Chidi" could be either: it stays a person of its own.
  Run("Prime Minister Chidi Okafor met Foreign Minister Chidi Ibekwe. President Chidi said ties "
      "were strong.");
  EXPECT_THAT(Names(), ElementsAre("Chidi Okafor", "Chidi Ibekwe", "Chidi"));
}

// A family name shared by full names whose given names start with different letters is two
// people (royal houses, political families); the same given initial, or a name without a given
// name, is the person named before.
TEST_F(PeopleTest, SharedFamilyNameWithOtherGivenNamesIsTwoPeople) {
  Run("The Emir of Qatar, Sheikh Faisal bin Nasser Al Rashed, received Prime Minister Sheikh "
      "Khalid bin Omar Al Rashed. Sheikh Faisal bin Nasser Al Rashed later met the envoy.");
  EXPECT_THAT(Names(), ElementsAre("Faisal bin Nasser Al Rashed", "Khalid bin Omar Al Rashed"));
  EXPECT_THAT(Sentences(Get("Faisal bin Nasser Al Rashed")), ElementsAre(1, 2));
  Run("President Ilgar Mammadli met the Kazakh President. His father, former President Rauf "
      "Mammadli, had signed the first treaty.");
  EXPECT_THAT(Names(), ElementsAre("Ilgar Mammadli", "Rauf Mammadli"));
  Run("Mexican President Andres Manuel Lopez Obrador met the Kazakh President. Lopez Obrador said "
      "ties were strong.");
  EXPECT_THAT(Names(), ElementsAre("Andres Manuel Lopez Obrador"));
  Run("President Ilgar Mammadli met the Kazakh President. President I. Mammadli said ties were "
      "strong. Mammadli also met the envoy.");
  EXPECT_THAT(Names(), ElementsAre("Ilgar Mammadli"));
  EXPECT_THAT(Sentences(Get("Ilgar Mammadli")), ElementsAre(1, 2, 3));
}

// "Kazakh president, Seitkali meet": in a headline a role, a comma and a name with no comma
// after it are two sides listed; "Kazakh president, Aidar Seitkali, visits" is an appositive.
TEST_F(PeopleTest, HeadlineRoleCommaNameIsAList) {
  Run("Ghanaian president, Okafor meet in Accra", "Nigerian President Chidi Okafor arrived.");
  EXPECT_THAT(Names(), ElementsAre("Chidi Okafor"));
  EXPECT_EQ(Get("Chidi Okafor").country, "NG");
  Run("Ghanaian president, Chidi Okafor, visits Astana", "The talks are planned for Monday.");
  EXPECT_THAT(Names(), ElementsAre("Chidi Okafor"));
  EXPECT_EQ(Get("Chidi Okafor").country, "GH");
}

// Military ranks are titles, not names: "Marshal X", "Admiral Y".
TEST_F(PeopleTest, MilitaryRankIsATitle) {
  Run("Foreign Minister Ivan Petrov was accompanied by Marshal Sergei Orlov and Admiral Oleg "
      "Sokolov.");
  EXPECT_THAT(Names(), ElementsAre("Ivan Petrov", "Sergei Orlov", "Oleg Sokolov"));
  EXPECT_EQ(Get("Sergei Orlov").role, "Marshal");
  EXPECT_EQ(Get("Oleg Sokolov").level, RoleLevel::kOfficial);
}

// The name after "bin" is the father's: a one-word name equal to it is the father, not the son,
// and does not join two brothers into one person.
TEST_F(PeopleTest, NameAfterBinAloneIsTheFather) {
  Run("President Tom Hollis met Crown Prince Faisal bin Nasser in Riyadh. Hollis also met King "
      "Nasser. Energy Minister Prince Khalid bin Nasser was also present.");
  EXPECT_THAT(Names(),
              ElementsAre("Tom Hollis", "Faisal bin Nasser", "Nasser", "Khalid bin Nasser"));
  EXPECT_THAT(Sentences(Get("Faisal bin Nasser")), ElementsAre(1));
  Run("King Nasser received the envoy. Crown Prince Faisal bin Nasser met him later.");
  EXPECT_THAT(Names(), ElementsAre("Nasser", "Faisal bin Nasser"));
}

// Short for a participant and a spokesperson, it is the participant's.
TEST_F(PeopleTest, OneWordNameShortForAParticipantAndASpokespersonIsTheParticipant) {
  Run("Foreign Minister Chidi Okafor met the envoy. Ministry spokesperson Chidi Ibekwe said the "
      "talks went well. Minister Chidi said ties were strong.");
  EXPECT_THAT(Names(), ElementsAre("Chidi Okafor", "Chidi Ibekwe"));
  EXPECT_THAT(Sentences(Get("Chidi Okafor")), ElementsAre(1, 3));
}

// A one-word name without a role that is the first or last word of one longer name is that
// person ("Abiy" after "Abiy Ahmed", "Wang" after "Wang Yi").
// DISABLED: a lone given name or a family name written first is found only with a role or an
// honorific; "Chidi said" is no mention of Chidi Okafor. Tried (a lone word that begins or
// ends exactly one earlier name is that person): no gain on the dev corpus, one held-out
// article worse.
TEST_F(PeopleTest, DISABLED_OneWordGivenNameWithoutRoleIsAMention) {
  Run("Prime Minister Chidi Okafor arrived in Accra. Chidi said ties were strong.");
  ASSERT_THAT(Names(), ElementsAre("Chidi Okafor"));
  EXPECT_THAT(Sentences(Get("Chidi Okafor")), ElementsAre(1, 2));
  Run("Chinese Foreign Minister Li Wenhao arrived in Astana. Li said ties were strong.");
  ASSERT_THAT(Names(), ElementsAre("Li Wenhao"));
  EXPECT_THAT(Sentences(Get("Li Wenhao")), ElementsAre(1, 2));
}

TEST_F(PeopleTest, MentionsAreInTextOrderWithTheirRoleSpans) {
  Run("Omarov arrived. Foreign Minister Talgat Omarov met the envoy. Omarov left.");
  const Person& p = Get("Talgat Omarov");
  ASSERT_EQ(p.mentions.size(), 2u);  // The first "Omarov" is not yet known to be a person.
  EXPECT_EQ(p.mentions[0].sentence, 2);
  EXPECT_GE(p.mentions[0].role_first, 0);
  EXPECT_EQ(p.mentions[1].sentence, 3);
  EXPECT_EQ(p.mentions[1].role_first, -1);
  EXPECT_EQ(a_.Text(p.first_token, p.end_token), "Talgat Omarov");
}

// --- Bare roles referring back.

TEST_F(PeopleTest, BareRoleWithCountryGivesTheLastPersonNamedItsCountry) {
  Run("Aidar Seitkali arrived in Beijing on Tuesday. The Kazakh President is expected to meet "
      "Chinese leaders.");
  const Person& p = Get("Aidar Seitkali");
  EXPECT_EQ(p.country, "KZ");
  EXPECT_EQ(p.level, RoleLevel::kHeadOfState);
  EXPECT_THAT(p.role, StrCaseEq("President"));
}

TEST_F(PeopleTest, BareRoleWithPossessiveCountryRefersBack) {
  Run("Aidar Seitkali arrived in Beijing on Tuesday. Kazakhstan's President will meet Chinese "
      "leaders.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
}

// "The Russian leader said" after "Russian President X ... his Russian counterpart, Y": the
// person of the role's own level, not the counterpart named after him.
TEST_F(PeopleTest, BareRolePrefersThePersonOfItsLevel) {
  Run("Kazakh President Aidar Seitkali met Chinese President Zhao Wenhao. Foreign Minister Li "
      "Wenhao and his Kazakh counterpart, Nurlan Abenov, joined the talks. The Kazakh leader said "
      "the talks were useful.");
  EXPECT_NE(Get("Nurlan Abenov").level, RoleLevel::kHeadOfState);
}

TEST_F(PeopleTest, BareRoleSkipsAPersonOfAnotherCountry) {
  Run("Chinese Foreign Minister Li Wenhao arrived in Astana. The Kazakh President is expected to "
      "meet him.");
  const Person& p = Get("Li Wenhao");
  EXPECT_EQ(p.country, "CN");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
}

// A person already of the role's country, named earlier, is the one meant before a later
// person of no known country (a predecessor, a background holder).
TEST_F(PeopleTest, BareRolePrefersAPersonOfItsCountry) {
  Run("Mexican President Ramon Ortega Diaz met the Kazakh President in Astana. The last such "
      "visit was in 2016, when President Chen Wenhao received them. On Saturday the Mexican "
      "president will visit Almaty.");
  EXPECT_EQ(Get("Ramon Ortega Diaz").country, "MX");
  EXPECT_EQ(Get("Chen Wenhao").country, "");
  Run("Kazakh President Aidar Seitkali met Foreign Minister Li Wenhao. Later, President Zhao "
      "Ming joined them. The Kazakh president left on Tuesday.");
  EXPECT_EQ(Get("Zhao Ming").country, "");
  Run("Aidar Seitkali arrived in Beijing on Tuesday. The Kazakh President is expected to meet "
      "Chinese leaders.");
  EXPECT_EQ(Get("Aidar Seitkali").country, "KZ");
}

TEST_F(PeopleTest, BareRoleSkipsAPersonOfAnotherLevel) {
  Run("Foreign Minister Talgat Omarov arrived in Beijing. The Chinese President received "
      "delegations.");
  const Person& p = Get("Talgat Omarov");
  EXPECT_TRUE(p.country.empty());
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
}

// A delayed lede: the role told first, the name introduced in the next sentence with an
// appositive.
TEST_F(PeopleTest, BareRoleBeforeANameIntroducedByAnAppositiveIsThatPerson) {
  Run("Hungary's foreign minister arrived in Astana on Tuesday. Peter Orsos, who has visited the "
      "region a dozen times, met Kazakh Foreign Minister Aidar Seitkali.");
  const Person& p = Get("Peter Orsos");
  EXPECT_EQ(p.country, "HU");
  EXPECT_EQ(p.level, RoleLevel::kForeignMinister);
  Run("Hungary's foreign minister arrived in Astana on Tuesday. Peter Orsos, 58, met Kazakh "
      "Foreign Minister Aidar Seitkali.");
  EXPECT_EQ(Get("Peter Orsos").country, "HU");
}

// ... but not a name whose appositive tells another office or calling.
TEST_F(PeopleTest, BareRoleBeforeANameOfAnotherOfficeIsNotThatPerson) {
  Run("Hungary's foreign minister arrived in Astana on Tuesday. Peter Orsos, who was ambassador to "
      "Kazakhstan until 2019, said the visit was overdue.");
  EXPECT_NE(Get("Peter Orsos").level, RoleLevel::kForeignMinister);
  Run("Hungary's foreign minister arrived in Astana on Tuesday. Peter Orsos, who teaches at "
      "Corvinus University in Budapest, said the visit was overdue.");
  EXPECT_NE(Get("Peter Orsos").level, RoleLevel::kForeignMinister);
  Run("Hungary's foreign minister arrived in Astana on Tuesday. Peter Orsos, who heads a think "
      "tank in Budapest, said the visit was overdue.");
  EXPECT_NE(Get("Peter Orsos").level, RoleLevel::kForeignMinister);
}

TEST_F(PeopleTest, BareRoleBeforeAnyNameRefersToNobody) {
  Run("The Kazakh President arrived in Beijing. Talgat Omarov met the press.");
  for (const Person& p : people_) {
    EXPECT_TRUE(p.country.empty()) << p.name;
  }
}

// --- Capitalised words that are not people.

// "Member of the Council of Ministers", "China's Sichuan Province": words of offices and
// regions.
TEST_F(PeopleTest, MembersAndProvincesAreNotPeople) {
  Run("The talks were attended by the Minister of State, Member of the Council of Ministers, "
      "Talgat Omarov.");
  EXPECT_THAT(Names(), ElementsAre("Talgat Omarov"));
  Run("Aidar Seitkali met Zhao Wenhao in southwest China's Sichuan Province on Monday.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali", "Zhao Wenhao"));
}

TEST_F(PeopleTest, InstitutionsAreNotPeople) {
  Run("The Kazakh Foreign Ministry said the European Union and the Security Council met.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("The Kremlin said the White House had not replied.");
  EXPECT_THAT(Names(), IsEmpty());
}

TEST_F(PeopleTest, AbbreviatedDemonymIsNotAName) {
  Run("S. Korean officials arrived in Tokyo.");
  EXPECT_THAT(Names(), IsEmpty());
}

TEST_F(PeopleTest, HyphenatedDemonymsAreNotAName) {
  Run("The Franco-German delegation met Chinese officials.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("The Sino-Russian talks ended.");
  EXPECT_THAT(Names(), IsEmpty());
}

TEST_F(PeopleTest, ThingsNamedAfterPeopleAreNotPeople) {
  Run("Talks with the Petrovsky administration and the Petrovsky government stalled.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("Critics said the Petrovsky doctrine had failed.");
  EXPECT_THAT(Names(), IsEmpty());
}

// Capitalised words before "Council", "Commission", "Committee" name a body, not a person.
TEST_F(PeopleTest, CapitalisedWordsBeforeABodyNounAreNotPeople) {
  for (const char* body :
       {"The presidents then chaired a meeting of the Supreme Interstate Council.",
        "The two leaders opened a session of the High-Level Strategic Cooperation Council.",
        "The ministers co-chaired the Joint Intergovernmental Commission in Baku.",
        "The talks were prepared by the Bilateral Steering Committee."}) {
    Run(body);
    EXPECT_THAT(Names(), IsEmpty()) << body;
  }
  Run("President Aidar Seitkali chaired the council.");
  EXPECT_THAT(Names(), ElementsAre("Aidar Seitkali"));
}

TEST_F(PeopleTest, CapitalisedWordsWithoutRoleOrVerbAreNotPeople) {
  Run("The Silk Road Fund will finance Green Valley projects.");
  EXPECT_THAT(Names(), IsEmpty());
}

// --- People without a role.

TEST_F(PeopleTest, SubjectOfAMeetingOrSpeechVerbIsAPerson) {
  Run("Ana Castell met the delegation in Madrid.");
  EXPECT_THAT(Names(), ElementsAre("Ana Castell"));
  Run("Ana Castell said the talks went well.");
  EXPECT_THAT(Names(), ElementsAre("Ana Castell"));
  EXPECT_EQ(Get("Ana Castell").level, RoleLevel::kUnknown);
}

TEST_F(PeopleTest, NameAfterMetWithIsAPerson) {
  Run("Ana Castell met with Paul Ferrand in Madrid.");
  EXPECT_THAT(Names(), ElementsAre("Ana Castell", "Paul Ferrand"));
}

TEST_F(PeopleTest, ObjectOfAMeetingVerbIsAPerson) {
  Run("Ana Castell met Paul Ferrand in Madrid.");
  EXPECT_THAT(Names(), ElementsAre("Ana Castell", "Paul Ferrand"));
}

TEST_F(PeopleTest, SecondNameOfAListOfCounterpartsIsAPerson) {
  Run("He met his Moroccan and Algerian counterparts Youssef Qadiri and Karim Belkacem.");
  EXPECT_THAT(Names(), ElementsAre("Youssef Qadiri", "Karim Belkacem"));
}

// --- The officials dictionary.

TEST_F(PeopleTest, KnownOfficialTakesTheCountryOfTheDictionary) {
  Run("", "Angela Merkel met the delegation in Berlin.", absl::CivilDay(2010, 5, 1));
  const Person& p = Get("Angela Merkel");
  EXPECT_EQ(p.country, "DE");
  EXPECT_TRUE(p.from_dictionary);
}

TEST_F(PeopleTest, RoleCountryWinsOverTheDictionary) {
  Run("", "Chinese envoy Angela Merkel met the delegation.", absl::CivilDay(2010, 5, 1));
  EXPECT_EQ(Get("Angela Merkel").country, "CN");
}

// A full name the dictionary knows keeps its country outside the dates of the office: the
// dates say when the role held, not the nationality, and many ranges are incomplete (reading
// them strictly lost the countries of two foreign ministers of the dev corpus).
TEST_F(PeopleTest, FullNameInTheDictionaryKeepsItsCountryOutOfOffice) {
  Run("", "Angela Merkel met the delegation in Berlin.", absl::CivilDay(1980, 5, 1));
  EXPECT_EQ(Get("Angela Merkel").country, "DE");
}

TEST_F(PeopleTest, DictionaryNeedsTheSameGivenName) {
  // The dictionary knows an Islam Karimov, not an Aziz Karimov.
  Run("Foreign Minister Aziz Karimov arrived in Ankara.");
  EXPECT_TRUE(Get("Aziz Karimov").country.empty());
  EXPECT_FALSE(Get("Aziz Karimov").from_dictionary);
}

// A later mention by surname alone is the person already named, not another official of the
// dictionary with that surname.
TEST_F(PeopleTest, SurnameAloneDoesNotTakeAnotherOfficialsCountry) {
  Run("Foreign Minister Aziz Karimov arrived in Ankara. Karimov said ties were strong.");
  EXPECT_TRUE(Get("Aziz Karimov").country.empty());
}

TEST_F(PeopleTest, LoneSurnameInTheHeadlineIsAKnownOfficial) {
  Run("Merkel arrives in Paris", "The chancellor arrived on Monday.", absl::CivilDay(2010, 5, 1));
  const Person& p = Get("Merkel");
  EXPECT_TRUE(p.in_title);
  EXPECT_EQ(p.country, "DE");
}

// A surname that is also the name of a town ("Austin", "Lima", "Medina") ends the name after a
// role; the town is not read as where the person is.
TEST_F(PeopleTest, SurnameThatIsATownAfterARole) {
  Run("Defence Secretary Carla Austin met her counterpart in Manila on Monday.");
  EXPECT_THAT(Names(), ElementsAre("Carla Austin"));
  EXPECT_EQ(Get("Carla Austin").role, "Defence Secretary");
  Run("The talks were joined by Trade Minister Paulo R. Lima, who arrived late.");
  EXPECT_THAT(Names(), ElementsAre("Paulo R. Lima"));
  Run("Interior Minister Jorge Medina Jr. said the border would stay open.");
  EXPECT_EQ(Get("Jorge Medina").role, "Interior Minister");
}

// Not without a role before the name, nor in a headline, nor before another capitalised word.
TEST_F(PeopleTest, TownAfterANameIsNotASurnameWithoutARole) {
  Run("Talks with Carla in Austin", "Officials said Carla Austin was a good place to meet.");
  EXPECT_THAT(Names(), IsEmpty());
  Run("Foreign Minister Aziz Karimov Lima Group envoys met on Monday.");
  EXPECT_THAT(Names(), ElementsAre("Aziz Karimov"));
}

// The holder at the time told of ("then President X", "the then foreign minister Y", "then-
// Premier Z") is a former holder; "and then President X met" is a sequence, not a time.
TEST_F(PeopleTest, ThenHolderOfARoleIsAFormerHolder) {
  Run("In 2016 Ramon Ortega travelled to Seoul to meet then President Chen Wenhao.");
  EXPECT_TRUE(Get("Chen Wenhao").former);
  Run("The treaty was signed by the then foreign minister Arman Sadykov in 1994.");
  EXPECT_TRUE(Get("Arman Sadykov").former);
  Run("The deal dates from 2009, under then-Premier Li Wenhao.");
  EXPECT_TRUE(Get("Li Wenhao").former);
  Run("The delegations arrived in Astana, and then President Aidar Seitkali met them.");
  EXPECT_FALSE(Get("Aidar Seitkali").former);
  Run("Since then President Aidar Seitkali has visited Beijing twice.");
  EXPECT_FALSE(Get("Aidar Seitkali").former);
  Run("Ortega last came to Seoul in 2019, when he and then Foreign Minister Kim Dae-ho agreed on "
      "a hotline.");
  EXPECT_TRUE(Get("Kim Dae-ho").former);
  Run("She first visited Astana in 2012, when she and then President Aidar Seitkali opened a "
      "bridge.");
  EXPECT_TRUE(Get("Aidar Seitkali").former);
  Run("Ortega met him and then-Premier Li Wenhao in 2009.");
  EXPECT_TRUE(Get("Li Wenhao").former);
  Run("He landed in Astana, and then President Aidar Seitkali met him.");
  EXPECT_FALSE(Get("Aidar Seitkali").former);
}

// A role's former holder: "former President X", "ex-Prime Minister Y", "X, the former prime
// minister"; a later mention with the role held now makes the person a current official.
TEST_F(PeopleTest, FormerHolderOfARole) {
  Run("Former President Aidar Seitkali and ex-Prime Minister Arman Sadykov watched. Erik "
      "Lindgren, the former foreign minister, agreed.");
  EXPECT_TRUE(Get("Aidar Seitkali").former);
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kHeadOfState);
  EXPECT_TRUE(Get("Arman Sadykov").former);
  EXPECT_TRUE(Get("Erik Lindgren").former);
  Run("Former Prime Minister Arman Sadykov, now Foreign Minister Sadykov, arrived.");
  EXPECT_FALSE(Get("Arman Sadykov").former);
  Run("Foreign Minister Talgat Omarov arrived in Ankara.");
  EXPECT_FALSE(Get("Talgat Omarov").former);
}

// --- Headlines in capitals.

TEST_F(PeopleTest, RoleWordsInACapitalsHeadlineMakeNoPerson) {
  Run("KAZAKH FOREIGN MINISTER ARRIVES IN BEIJING", "The minister arrived on Monday.");
  EXPECT_THAT(Names(), IsEmpty());
}

TEST_F(PeopleTest, KnownOfficialInACapitalsHeadline) {
  Run("MERKEL ARRIVES IN PARIS", "The chancellor arrived on Monday.", absl::CivilDay(2010, 5, 1));
  EXPECT_TRUE(Get("Merkel").in_title);
}

// DISABLED: the headline is read before the body, so a surname the body names with a role is
// not known yet when the headline names it alone. Tried (reading the headline again after the
// body): no gain on the dev corpus, one held-out article worse.
TEST_F(PeopleTest, DISABLED_SurnameInTheHeadlineIsThePersonOfTheBody) {
  Run("OMAROV HOLDS TALKS IN BEIJING", "Foreign Minister Talgat Omarov held talks in Beijing.");
  ASSERT_THAT(Names(), ElementsAre("Talgat Omarov"));
  EXPECT_TRUE(Get("Talgat Omarov").in_title);
  Run("Omarov holds talks in Beijing", "Foreign Minister Talgat Omarov held talks in Beijing.");
  ASSERT_THAT(Names(), ElementsAre("Talgat Omarov"));
  EXPECT_TRUE(Get("Talgat Omarov").in_title);
}

// Indian courtesy titles ("Shri", "Smt", "Shrimati") and the diplomatic "H.E." are no part of
// the name, like "Mr": the name is what follows.
TEST_F(PeopleTest, CourtesyTitlesBeforeANameAreNotTheName) {
  for (const char* body : {"Shri Arun Mehta received the visiting delegation.",
                           "Prime Minister Shri Arun Mehta received the visiting delegation.",
                           "Smt Kavita Rao received the visiting delegation.",
                           "Shrimati Kavita Rao received the visiting delegation.",
                           "H.E. Daniel Ochieng received the visiting delegation.",
                           "President H.E. Daniel Ochieng received the visiting delegation."}) {
    Run(body);
    ASSERT_EQ(Names().size(), 1u) << body;
    EXPECT_TRUE(Names()[0] == "Arun Mehta" || Names()[0] == "Kavita Rao" ||
                Names()[0] == "Daniel Ochieng")
        << body << ": " << Names()[0];
  }
}

// Kenya's ministers are Cabinet Secretaries; a portfolio with "for" may follow a role, and the
// name stand in commas after it, as with "of" and "to".
TEST_F(PeopleTest, CabinetSecretaryIsAMinister) {
  for (const char* body :
       {"Kenya's Cabinet Secretary for Foreign Affairs, Peter Kamau, held talks in Delhi.",
        "The Minister for Trade and Industry, Peter Kamau, held talks in Delhi.",
        "Nairobi sent its Cabinet Secretary for Trade, Peter Kamau, to the talks in Delhi.",
        "Kenya's Trade Cabinet Secretary Peter Kamau held talks in Delhi."}) {
    Run(body);
    ASSERT_THAT(Names(), ElementsAre("Peter Kamau")) << body;
    EXPECT_NE(Get("Peter Kamau").level, RoleLevel::kUnknown) << body;
    EXPECT_NE(Get("Peter Kamau").level, RoleLevel::kSpokesperson) << body;
  }
  Run("Chief Cabinet Secretary Hiro Sato told reporters the talks went well.");
  ASSERT_THAT(Names(), ElementsAre("Hiro Sato"));
  EXPECT_EQ(Get("Hiro Sato").level, RoleLevel::kSpokesperson);
}

// A plural role before two names joined by "and" is the role of both ("Their foreign ministers,
// A and B, signed"); a singular one is the first name's only.
TEST_F(PeopleTest, PluralRoleBeforeTwoNamesIsTheRoleOfBoth) {
  Run("Their foreign ministers, Talgat Omarov and Li Wenhao, then signed a protocol.");
  EXPECT_EQ(Get("Li Wenhao").level, RoleLevel::kForeignMinister);
  Run("Kazakhstan's deputy prime ministers, Talgat Omarov and Arman Sadykov, led the talks.");
  EXPECT_NE(Get("Arman Sadykov").level, RoleLevel::kUnknown);
  Run("Foreign ministers Talgat Omarov and Li Wenhao signed a protocol.");
  EXPECT_EQ(Get("Li Wenhao").level, RoleLevel::kForeignMinister);
  Run("Foreign Minister Talgat Omarov and Li Wenhao signed a protocol.");
  EXPECT_EQ(Get("Li Wenhao").level, RoleLevel::kUnknown);
}

// --- PersonAt.

TEST_F(PeopleTest, PersonAtCoversEveryTokenOfTheName) {
  Run("Foreign Minister Talgat Omarov met Chinese Foreign Minister Li Wenhao.");
  ASSERT_EQ(people_.size(), 2u);
  EXPECT_EQ(PersonAt(people_, TokenOf("Talgat")), 0);
  EXPECT_EQ(PersonAt(people_, TokenOf("Omarov")), 0);
  EXPECT_EQ(PersonAt(people_, TokenOf("Wenhao")), 1);
  EXPECT_EQ(PersonAt(people_, TokenOf("met")), -1);
  EXPECT_EQ(PersonAt(people_, TokenOf("Foreign")), -1);
}

TEST_F(PeopleTest, FirstOfTwoSubjectsOfAMeetingVerbIsAPerson) {
  Run("Mirek Sovak and the Chancellor Heinz Adler met in Vienna on Monday, the first visit "
      "by the Czech leader since taking office. Elsa Brand and Tomas Ruud on Friday held talks "
      "in Oslo.");
  EXPECT_EQ(Get("Mirek Sovak").mentions.size(), 1u);
  EXPECT_EQ(Get("Elsa Brand").mentions.size(), 1u);
  Run("Vienna Philharmonic and the Chancellor Heinz Adler met the press.");
  for (const std::string& name : Names()) {
    EXPECT_NE(name, "Vienna Philharmonic");
  }
}

TEST_F(PeopleTest, CounterpartTakesTheRoleOfTheOfficialBeforeHim) {
  Run("Danish Foreign Minister Lars Holm held talks with his Chilean counterpart Ana Ruiz in "
      "Santiago on Monday.");
  EXPECT_EQ(Get("Ana Ruiz").role, "Foreign Minister");
  EXPECT_EQ(Get("Ana Ruiz").level, RoleLevel::kForeignMinister);
}

TEST_F(PeopleTest, RoleSayingTheSentenceIsNoAppositive) {
  Run("The talks covered the situation in the Caucasus and the Indo-Pacific, officials said.");
  for (const std::string& name : Names()) {
    EXPECT_NE(name, "Indo-Pacific");
  }
}

// "hosts Brightwater, Norwegian officials": a plural office after the comma names the list's next
// item, so the capitalised word before it is no official.
TEST_F(PeopleTest, PluralOfficeAfterTheCommaIsNoAppositive) {
  Run("Emir hosts Brightwater, Norwegian officials",
      "The emir received the visitors in the capital on Monday.");
  EXPECT_THAT(Names(), IsEmpty());
}

// A title only one country gives its officials names that country when the text names none; the
// text's country wins, and "Secretary of State for X" is not the American title.
TEST_F(PeopleTest, TitleOfOneCountryGivesTheCountry) {
  Run("Secretary of State Mark Ellison held talks with Foreign Minister Ana Ruiz of Chile in "
      "Santiago. Taoiseach Ciaran Dunne met her later.");
  EXPECT_EQ(Get("Mark Ellison").country, "US");
  EXPECT_EQ(Get("Ciaran Dunne").country, "IE");
  EXPECT_EQ(Get("Ana Ruiz").country, "CL");
  Run("Secretary of State for Wales Mark Ellison met Foreign Minister Ana Ruiz of Chile.");
  EXPECT_EQ(Get("Mark Ellison").country, "");
  Run("British Secretary of State Mark Ellison met Foreign Minister Ana Ruiz of Chile.");
  EXPECT_EQ(Get("Mark Ellison").country, "GB");
}

// "Chairman of the National Assembly of Kazakhstan X", "Y, President of the Chinese National
// People's Congress": a leader's title of a legislature is its presiding officer's, no head of
// state; "President of Kazakhstan Z" stays one.
TEST_F(PeopleTest, LeaderTitleOfALegislatureIsNoHeadOfState) {
  Run("Chairman of the National Assembly of Kazakhstan Aidar Seitkali held talks with Zhao "
      "Wenhao, President of the Chinese National People's Congress, in Astana on Monday.");
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kOfficial);
  EXPECT_EQ(Get("Zhao Wenhao").level, RoleLevel::kOfficial);
  Run("President of Kazakhstan Aidar Seitkali held talks with Chinese President Zhao Wenhao in "
      "Astana on Monday.");
  EXPECT_EQ(Get("Aidar Seitkali").level, RoleLevel::kHeadOfState);
  EXPECT_EQ(Get("Zhao Wenhao").level, RoleLevel::kHeadOfState);
}

}  // namespace
}  // namespace parley::extract
