// Stage 1 on short articles written for the tests: tokens and sentences, dictionary matches by
// layer, dates anchored on the publication day, quotations and per-sentence topics.

#include "workers/extract/annotate.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class AnnotateTest : public ::testing::Test {
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

  // The annotations of an article published on Saturday 26 April 2025.
  static Annotations Run(const std::string& title, const std::string& body,
                         std::optional<absl::CivilDay> published = absl::CivilDay(2025, 4, 26)) {
    v1::Article article;
    article.set_title(title);
    article.set_body(body);
    if (published.has_value()) {
      article.mutable_published_at()->set_seconds(
          absl::ToUnixSeconds(absl::FromCivil(*published, absl::UTCTimeZone())));
    }
    absl::StatusOr<Annotations> a = Annotate(article, **dict_);
    EXPECT_TRUE(a.ok()) << a.status();
    return a.ok() ? *std::move(a) : Annotations();
  }

  // The text of each match of one layer, in order.
  static std::vector<std::string> Texts(const Annotations& a, const std::vector<Match>& matches) {
    std::vector<std::string> out;
    out.reserve(matches.size());
    for (const Match& m : matches) {
      out.emplace_back(a.Text(m.first, m.end));
    }
    return out;
  }

  // The first token whose text is `word`, or -1.
  static int TokenOf(const Annotations& a, const std::string& word) {
    for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
      if (a.Text(static_cast<int>(i), static_cast<int>(i) + 1) == word) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  static std::shared_ptr<const Dictionaries>* dict_;
};
std::shared_ptr<const Dictionaries>* AnnotateTest::dict_ = nullptr;

std::string Str(const v1::Date& d) {
  return std::to_string(d.year()) + "-" + std::to_string(d.month()) + "-" + std::to_string(d.day());
}

TEST_F(AnnotateTest, HeadlineIsSentenceZeroAndBodySentencesFollow) {
  const Annotations a = Run("Ministers meet in Astana",
                            "The ministers met on Friday. They discussed trade.\n\nA new "
                            "paragraph starts here.");
  ASSERT_EQ(a.sentence_count(), 4);
  EXPECT_TRUE(a.sentence(0).title);
  EXPECT_EQ(a.sentence(0).paragraph, 0);
  EXPECT_FALSE(a.sentence(1).title);
  EXPECT_EQ(a.sentence(1).paragraph, 1);
  EXPECT_EQ(a.sentence(2).paragraph, 1);
  EXPECT_EQ(a.sentence(3).paragraph, 2);
  EXPECT_EQ(a.Text(a.sentence(2).first_token, a.sentence(2).end_token), "They discussed trade.");
}

TEST_F(AnnotateTest, EmptyOrInvalidBodyIsInvalidArgument) {
  v1::Article article;
  article.set_title("Talks");
  article.set_body(" \n ");
  EXPECT_EQ(Annotate(article, **dict_).status().code(), absl::StatusCode::kInvalidArgument);
  article.set_body("bad \xff bytes");
  EXPECT_EQ(Annotate(article, **dict_).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(AnnotateTest, PublicationDayIsKept) {
  const Annotations a = Run("Talks", "They met.");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, absl::CivilDay(2025, 4, 26));
  EXPECT_EQ(a.published_key, 20250426);
  const Annotations undated = Run("Talks", "They met.", std::nullopt);
  EXPECT_FALSE(undated.published.has_value());
  EXPECT_EQ(undated.published_key, 0);
}

TEST_F(AnnotateTest, PublicationDayBeforeTheUnixEpochIsKept) {
  // A story of 1965: its timestamp is negative, and "yesterday" still resolves.
  const Annotations a = Run("Talks", "The ministers met yesterday.", absl::CivilDay(1965, 6, 18));
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, absl::CivilDay(1965, 6, 18));
  EXPECT_EQ(a.published_key, 19650618);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(a.dates[0], *a.published, false)), "1965-6-17");
}

// With no publication day, a dateline's full date is the day the text was issued: the
// weekdays and "yesterday" are told from it.
TEST_F(AnnotateTest, DatelineWithItsYearStandsForAMissingPublicationDay) {
  const Annotations a = Run(
      "Talks", "ASTANA, 6 March 2024 - Aidar Seitkali met Zhao Wenhao on Monday.", std::nullopt);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, absl::CivilDay(2024, 3, 6));
  ASSERT_EQ(a.dates.size(), 2u);
  EXPECT_EQ(Str(*ResolveRelative(a.dates[1], *a.published, false)), "2024-3-4");
  const Annotations below =
      Run("Talks", "Aidar Seitkali met Zhao Wenhao yesterday.\nAstana, 6 March 2024", std::nullopt);
  ASSERT_TRUE(below.published.has_value());
  EXPECT_EQ(*below.published, absl::CivilDay(2024, 3, 6));
}

TEST_F(AnnotateTest, RoleAndCountryAreSeparateEntityMatches) {
  const Annotations a = Run("", "Chinese Foreign Minister Li Wenhao arrived in Almaty.");
  EXPECT_THAT(Texts(a, a.entities), ElementsAre("Chinese", "Foreign Minister", "Almaty"));
  const int chinese = TokenOf(a, "Chinese");
  ASSERT_NE(a.EntityAt(chinese, EntryType::kPlace), nullptr);
  EXPECT_EQ(a.EntityAt(chinese, EntryType::kPlace)->code, "CN");
  EXPECT_EQ(a.EntityAt(chinese, EntryType::kPlace)->place, PlaceKind::kDemonym);
  const Entry* role = a.EntityAt(TokenOf(a, "Foreign"), EntryType::kRole);
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->level, RoleLevel::kForeignMinister);
  const Entry* city = a.EntityAt(TokenOf(a, "Almaty"), EntryType::kPlace);
  ASSERT_NE(city, nullptr);
  EXPECT_TRUE(IsTown(city->place));
  EXPECT_EQ(city->code, "KZ");
  // Tokens of the name are covered by no entity.
  EXPECT_EQ(a.entity_at[TokenOf(a, "Wenhao")], -1);
}

TEST_F(AnnotateTest, AcronymsMatchOnlyInTheirCase) {
  const Annotations a = Run("", "The US envoy told us about the UN plan.");
  EXPECT_THAT(Texts(a, a.entities), ::testing::Contains("US"));
  EXPECT_THAT(Texts(a, a.entities), ::testing::Contains("UN"));
  EXPECT_THAT(Texts(a, a.entities), ::testing::Not(::testing::Contains("us")));
}

// A meeting a body holds under its own name stands for that body ("CHOGM": the Commonwealth's
// summit, not an organisation of its own); the foreign ministers' titles of other usages too.
TEST_F(AnnotateTest, NamesOfABodysMeetingAndForeignMinistersTitles) {
  const Annotations a = Run("", "Foreign Affairs Secretary Jose Reyes arrived for the CHOGM.");
  const Entry* org = a.EntityAt(TokenOf(a, "CHOGM"), EntryType::kOrg);
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->code, "Commonwealth");
  const Entry* role = a.EntityAt(TokenOf(a, "Foreign"), EntryType::kRole);
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->level, RoleLevel::kForeignMinister);
}

// "the Security Council of Kazakhstan" is that country's body, not the UN's that the name alone
// stands for.
TEST_F(AnnotateTest, BodysNameOfACountryIsNoInternationalBody) {
  Annotations a = Run("", "He briefed the Security Council of Kazakhstan.");
  EXPECT_EQ(a.EntityAt(TokenOf(a, "Security"), EntryType::kOrg), nullptr);
  a = Run("", "He briefed the Security Council on Kazakhstan.");
  EXPECT_NE(a.EntityAt(TokenOf(a, "Security"), EntryType::kOrg), nullptr);
}

TEST_F(AnnotateTest, NamesMustBeCapitalised) {
  const Annotations a = Run("", "They ate a turkey sandwich in Turkey.");
  EXPECT_THAT(Texts(a, a.entities), ElementsAre("Turkey"));
}

TEST_F(AnnotateTest, LongestTriggerPhraseWins) {
  const Annotations a = Run("", "The two ministers held talks in Astana.");
  ASSERT_EQ(a.triggers.size(), 1u);
  EXPECT_EQ(a.Text(a.triggers[0].first, a.triggers[0].end), "held talks");
  EXPECT_EQ(a.triggers[0].entries[0]->form, TriggerForm::kVerb);
  EXPECT_TRUE(a.TriggerAt(TokenOf(a, "talks"), TriggerKind::kMeet));
  EXPECT_TRUE(a.SentenceHas(1, TriggerKind::kMeet));
  EXPECT_FALSE(a.SentenceHas(1, TriggerKind::kPhone));
}

TEST_F(AnnotateTest, TriggerKindsAndForms) {
  struct Case {
    const char* body;
    const char* trigger;
    TriggerKind kind;
    TriggerForm form;
  };
  for (const Case& c : std::vector<Case>{
           {"They met on Monday.", "met", TriggerKind::kMeet, TriggerForm::kVerb},
           {"The talks ended.", "talks", TriggerKind::kMeet, TriggerForm::kNoun},
           {"They discussed trade.", "discussed", TriggerKind::kMeet, TriggerForm::kWeak},
           {"The summit opened.", "summit", TriggerKind::kSummit, TriggerForm::kNoun},
           {"He spoke by phone with her.", "spoke by phone", TriggerKind::kPhone,
            TriggerForm::kVerb},
           {"They held a video conference.", "video conference", TriggerKind::kVideo,
            TriggerForm::kNoun},
           {"It was a state visit.", "state visit", TriggerKind::kStateVisit, TriggerForm::kNoun},
           {"They signed a deal.", "signed", TriggerKind::kSign, TriggerForm::kVerb},
           {"He gave a press conference.", "press conference", TriggerKind::kNegative,
            TriggerForm::kNoun},
       }) {
    const Annotations a = Run("", c.body);
    ASSERT_EQ(a.triggers.size(), 1u) << c.body;
    EXPECT_EQ(a.Text(a.triggers[0].first, a.triggers[0].end), c.trigger) << c.body;
    EXPECT_EQ(a.triggers[0].entries[0]->trigger, c.kind) << c.body;
    EXPECT_EQ(a.triggers[0].entries[0]->form, c.form) << c.body;
  }
}

TEST_F(AnnotateTest, StatusCuesByLayer) {
  struct Case {
    const char* body;
    Cue cue;
  };
  for (const Case& c : std::vector<Case>{
           {"The leaders will meet in June.", Cue::kFuture},
           {"The summit was postponed.", Cue::kPostpone},
           {"The visit was called off.", Cue::kCancel},
           {"The talks were cancelled.", Cue::kCancel},
           {"The ministers are holding talks.", Cue::kOngoing},
           {"The talks concluded on Friday.", Cue::kEnded},
           {"They met in Astana.", Cue::kPast},
       }) {
    const Annotations a = Run("", c.body);
    EXPECT_TRUE(a.SentenceHas(1, c.cue)) << c.body << ": " << Name(c.cue);
  }
  const Annotations plain = Run("", "The talks were useful.");
  EXPECT_FALSE(plain.SentenceHas(1, Cue::kFuture));
  EXPECT_FALSE(plain.SentenceHas(1, Cue::kCancel));
}

// A participle after a bare "be" is a passive still to come or conditional, not a past; one
// after "was" or "has been" is past.
TEST_F(AnnotateTest, ParticipleAfterBareBeIsNoPastCue) {
  for (const char* body : {
           "Aidar Seitkali will arrive in Astana and be met by Zhao Wenhao.",
           "The ministry said the summit would be held in Astana.",
           "Several agreements will be signed in Astana.",
       }) {
    EXPECT_FALSE(Run("", body).SentenceHas(1, Cue::kPast)) << body;
  }
  for (const char* body : {
           "The summit was held in Astana.",
           "Several agreements have been signed in Astana.",
       }) {
    EXPECT_TRUE(Run("", body).SentenceHas(1, Cue::kPast)) << body;
  }
}

// A cue word inside a compound adjective tells no tense; one after "co-" or "re-" does.
TEST_F(AnnotateTest, CueInsideACompoundAdjectiveIsNoCue) {
  const Annotations open = Run("", "The ministers agreed on an open-ended meeting in Astana.");
  EXPECT_FALSE(open.SentenceHas(1, Cue::kEnded));
  const Annotations delayed = Run("", "The long-delayed summit in Astana opened on Monday.");
  EXPECT_FALSE(delayed.SentenceHas(1, Cue::kPostpone));
  const Annotations co = Run("", "Kazakhstan and China co-signed the declaration in Astana.");
  EXPECT_TRUE(co.SentenceHas(1, Cue::kPast));
}

TEST_F(AnnotateTest, FramePhrasesAreMatched) {
  struct Case {
    const char* body;
    const char* phrase;
    Frame frame;
  };
  for (const Case& c : std::vector<Case>{
           {"They met on the sidelines of the summit.", "on the sidelines of", Frame::kSidelines},
           {"They met on the margins of the summit.", "on the margins of", Frame::kSidelines},
           {"He will travel to attend the summit.", "to attend", Frame::kAttend},
           {"They met ahead of the summit.", "ahead of", Frame::kBefore},
           {"They met following the summit.", "following", Frame::kAfter},
           {"They met during the summit.", "during", Frame::kDuring},
           {"They discussed preparations for the summit.", "preparations for", Frame::kTopic},
           {"He accepted an invitation to visit.", "an invitation to", Frame::kInvitation},
       }) {
    const Annotations a = Run("", c.body);
    bool found = false;
    for (const Match& m : a.frames) {
      if (a.Text(m.first, m.end) == c.phrase) {
        found = true;
        EXPECT_EQ(m.entries[0]->frame, c.frame) << c.body;
      }
    }
    EXPECT_TRUE(found) << c.body << ": no frame '" << c.phrase << "'";
  }
}

TEST_F(AnnotateTest, AbsoluteDateInTheBody) {
  const Annotations a = Run("", "The ministers met in Astana on April 22, 2025.");
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2025-4-22");
  EXPECT_FALSE(a.dates[0].relative);
  EXPECT_THAT(a.dates_in[1], ElementsAre(0));
}

TEST_F(AnnotateTest, DateWithoutYearTakesTheNearestYear) {
  // Published 10 January 2025: "December 28" is the last one, not the next.
  const Annotations a = Run("", "The ministers met on December 28.", absl::CivilDay(2025, 1, 10));
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2024-12-28");
}

// Published 3 March 2024: a month after a future cue is the next one, not the nearer past one;
// after a past cue, or in a sentence that cancels, it stays the nearest.
TEST_F(AnnotateTest, DateWithoutYearAfterAFutureCueIsToCome) {
  const absl::CivilDay march(2024, 3, 3);
  Annotations a = Run("", "Brazil will host the summit in Rio de Janeiro in November.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2024-11-0");
  a = Run("", "The ministers met in Rio de Janeiro in November.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2023-11-0");
  a = Run("", "The summit planned for November was cancelled.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2023-11-0");
}

// Published 20 March 2024: a month right after a past cue is the last one, not the nearer one
// to come; after a past cue that governs another verb ("agreed to hold"), it stays the nearest.
TEST_F(AnnotateTest, DateWithoutYearRightAfterAPastCueIsPast) {
  const absl::CivilDay march(2024, 3, 20);
  Annotations a =
      Run("", "That was last year, when the foreign ministers met in New Delhi in July.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2023-7-0");
  a = Run("", "The leaders agreed to hold a summit in July.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2024-7-0");
  a = Run("", "The ministers met in Rome on April 2.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2024-4-2");
  // "held" after "be" is no past: "would be held", "could be held".
  a = Run("", "Officials said the summit would be held in Astana on May 2.", march);
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2024-5-2");
}

// A wire story filed under a dated dateline in the week before its publication (Saturday 26
// April 2025) tells "yesterday" and weekdays from the dateline's day; the publication's key
// stays. A dateline after the publication, or weeks before it, changes nothing.
TEST_F(AnnotateTest, RelativeDaysAreToldFromTheDatelineOfTheWeekBefore) {
  Annotations a = Run("", "ASTANA, April 22 (Reuters) - The ministers met yesterday.");
  ASSERT_EQ(a.dates.size(), 2u);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, absl::CivilDay(2025, 4, 22));
  EXPECT_EQ(a.published_key, 20250426);
  EXPECT_EQ(Str(*ResolveRelative(a.dates[1], *a.published, false)), "2025-4-21");
  a = Run("", "ASTANA, March 22 (Reuters) - The ministers met yesterday.");
  EXPECT_EQ(*a.published, absl::CivilDay(2025, 4, 26));
  a = Run("", "ASTANA, April 28 (Reuters) - The ministers met yesterday.");
  EXPECT_EQ(*a.published, absl::CivilDay(2025, 4, 26));
}

TEST_F(AnnotateTest, WeekdayIsRelativeToThePublicationDay) {
  // No verb of its own before the weekday: the meeting's status decides the direction.
  const Annotations a = Run("", "The ministers hold talks on Tuesday.");
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_TRUE(a.dates[0].relative);
  EXPECT_TRUE(a.dates[0].weekday);
  ASSERT_TRUE(a.published.has_value());
  // Saturday 26 April 2025: the last Tuesday is the 22nd, the next the 29th.
  EXPECT_EQ(Str(*ResolveRelative(a.dates[0], *a.published, false)), "2025-4-22");
  EXPECT_EQ(Str(*ResolveRelative(a.dates[0], *a.published, true)), "2025-4-29");
  // A past verb right before it ("met on Tuesday") points back whatever the status.
  const Annotations past = Run("", "The ministers met on Tuesday.");
  ASSERT_EQ(past.dates.size(), 1u);
  EXPECT_EQ(Str(*ResolveRelative(past.dates[0], *past.published, true)), "2025-4-22");
}

TEST_F(AnnotateTest, DateRange) {
  const Annotations a = Run("", "The summit is held on 26-27 June 2025.");
  ASSERT_EQ(a.dates.size(), 1u);
  EXPECT_EQ(Str(a.dates[0].start), "2025-6-26");
  EXPECT_EQ(Str(a.dates[0].end), "2025-6-27");
}

TEST_F(AnnotateTest, WireDatelineIsMarked) {
  const Annotations a = Run("", "ASTANA, April 25 - The ministers met on Friday.");
  ASSERT_EQ(a.dates.size(), 2u);
  EXPECT_TRUE(a.dates[0].dateline);
  EXPECT_FALSE(a.dates[1].dateline);
}

TEST_F(AnnotateTest, QuotesAreSpansInsideDoubleQuotes) {
  const Annotations a =
      Run("", "\"Our ties are strong,\" the minister said. He called it \u201ca good day\u201d.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].sentence, 1);
  EXPECT_EQ(a.Text(a.quotes[0].first, a.quotes[0].end), "Our ties are strong,");
  // Typographic quotes are normalised to ASCII ones.
  EXPECT_EQ(a.Text(a.quotes[1].first, a.quotes[1].end), "a good day");
  EXPECT_TRUE(a.Quoted(TokenOf(a, "ties")));
  EXPECT_FALSE(a.Quoted(TokenOf(a, "minister")));
}

TEST_F(AnnotateTest, UnclosedQuoteIsNoQuote) {
  const Annotations a = Run("", "He said \"we will see. Then he left.");
  EXPECT_THAT(a.quotes, IsEmpty());
}

TEST_F(AnnotateTest, TopicsPerSentence) {
  const Annotations a = Run("", "They discussed trade and energy. The weather was fine.");
  EXPECT_THAT(a.topics_in[1], ::testing::UnorderedElementsAre(v1::TOPIC_TRADE, v1::TOPIC_ENERGY));
  EXPECT_THAT(a.topics_in[2], IsEmpty());
}

TEST_F(AnnotateTest, TopicPrefixesMatchWordEndings) {
  const Annotations a = Run("", "They spoke about investments and digitalisation.");
  EXPECT_THAT(a.topics_in[1],
              ::testing::UnorderedElementsAre(v1::TOPIC_INVESTMENT, v1::TOPIC_TECHNOLOGY));
}

// "nuclear energy", "a nuclear power plant" is civil power: ENERGY, not NUCLEAR.
TEST_F(AnnotateTest, NuclearEnergyIsAnEnergyTopic) {
  const Annotations a = Run("", "They discussed the peaceful use of nuclear energy.");
  EXPECT_THAT(a.topics_in[1], ElementsAre(v1::TOPIC_ENERGY));
  const Annotations b = Run("", "They discussed nuclear weapons.");
  EXPECT_THAT(b.topics_in[1], ::testing::Contains(v1::TOPIC_NUCLEAR));
}

// A currency after an amount, a fiscal year and social security are no finance or security
// topic.
TEST_F(AnnotateTest, AmountsAndFiscalYearsAreNoTopic) {
  for (const char* sentence : {"Japan will invest 3.5 trillion yen over five years.",
                               "Trade reached 40 billion yuan in the last fiscal year.",
                               "The parliament ratified a social security agreement."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_FINANCE)))
        << sentence;
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_SECURITY)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They discussed the exchange rate of the yen.").topics_in[1],
              ::testing::Contains(v1::TOPIC_FINANCE));
  EXPECT_THAT(Run("", "They discussed fiscal policy.").topics_in[1],
              ::testing::Contains(v1::TOPIC_FINANCE));
}

// "traded barbs", "trading accusations": no trade topic.
TEST_F(AnnotateTest, TradedBarbsIsNoTrade) {
  for (const char* sentence : {"The two leaders traded barbs in their speeches.",
                               "The ministers were trading accusations over the border."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_TRADE)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They traded goods.").topics_in[1], ::testing::Contains(v1::TOPIC_TRADE));
}

// "a road map for the talks" is a plan, not a road.
TEST_F(AnnotateTest, RoadMapIsNoTransport) {
  EXPECT_THAT(Run("", "They agreed a road map for the talks.").topics_in[1],
              ::testing::Not(::testing::Contains(v1::TOPIC_TRANSPORT)));
  EXPECT_THAT(Run("", "They agreed to build a road to the port.").topics_in[1],
              ::testing::Contains(v1::TOPIC_TRANSPORT));
}

// "renewed energy in ties", "inject new energy into relations" is vigour, not power.
TEST_F(AnnotateTest, RenewedEnergyIsNoEnergyTopic) {
  for (const char* sentence : {"The leaders promised renewed energy in their partnership.",
                               "The visit will inject new energy into bilateral relations."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_ENERGY)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They discussed renewable sources of energy for the region.").topics_in[1],
              ::testing::Contains(v1::TOPIC_ENERGY));
}

// "a culture of dialogue" is a habit, not the arts.
TEST_F(AnnotateTest, CultureOfDialogueIsNoCulture) {
  for (const char* sentence : {"Both ministers praised a culture of dialogue in the region.",
                               "The envoy spoke against the culture of impunity."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_CULTURE)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They discussed the culture of the two nations.").topics_in[1],
              ::testing::Contains(v1::TOPIC_CULTURE));
}

// "cross-border railways", "cross-border trade": a crossing of another domain, no security.
TEST_F(AnnotateTest, CrossBorderTradeIsNoSecurity) {
  for (const char* sentence : {"They will open new cross-border railways next year.",
                               "The ministers hope to double cross-border trade."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_SECURITY)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They discussed cross-border raids by armed groups.").topics_in[1],
              ::testing::Contains(v1::TOPIC_SECURITY));
  EXPECT_THAT(Run("", "They discussed security on the border.").topics_in[1],
              ::testing::Contains(v1::TOPIC_SECURITY));
}

// The everyday words of armed conflict beyond war and fighting.
TEST_F(AnnotateTest, EscalationAndDisengagementAreConflict) {
  for (const char* sentence :
       {"They spoke about the disengagement of forces along the canal.",
        "Both sides called for de-escalation.", "They warned against a further escalation.",
        "The envoy condemned the aggression and the annexation.",
        "They discussed the end of military operations."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1], ::testing::Contains(v1::TOPIC_CONFLICT))
        << sentence;
  }
}

// "militancy" is terrorism as "militants" are ("militant*" does not reach it).
TEST_F(AnnotateTest, MilitancyIsTerrorism) {
  EXPECT_THAT(Run("", "They held talks on cross-border militancy.").topics_in[1],
              ::testing::Contains(v1::TOPIC_TERRORISM));
}

// Internships and the training of specialists are education.
TEST_F(AnnotateTest, InternshipsAndTrainingOfSpecialistsAreEducation) {
  for (const char* sentence : {"They agreed on internships for young doctors.",
                               "They discussed the training of specialists for the new plant."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1], ::testing::Contains(v1::TOPIC_EDUCATION))
        << sentence;
  }
}

// A crisis named for another domain than war is no armed conflict.
TEST_F(AnnotateTest, CrisisOfAnotherDomainIsNoConflict) {
  for (const char* sentence :
       {"Pakistan faces a balance of payments crisis.", "He took office after a political crisis.",
        "They discussed the diplomatic crisis."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_CONFLICT)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They discussed the crisis in the region.").topics_in[1],
              ElementsAre(v1::TOPIC_CONFLICT));
}

// "the trade war", "a currency war", "a price war" are no armed conflict.
TEST_F(AnnotateTest, TradeWarIsNoConflict) {
  for (const char* sentence :
       {"They discussed ways to end the trade war.", "Both sides warned against a currency war.",
        "Producers fear a price war."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_CONFLICT)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They discussed ways to end the war.").topics_in[1],
              ElementsAre(v1::TOPIC_CONFLICT));
}

TEST_F(AnnotateTest, TopicWordsInsideANameAreNoTopic) {
  // "National Security Adviser" is a role; "Security" in it says nothing of security.
  const Annotations a = Run("", "National Security Adviser Tom Hale arrived in Astana.");
  EXPECT_THAT(a.topics_in[1], IsEmpty());
  const Annotations b = Run("", "They discussed regional security.");
  EXPECT_THAT(b.topics_in[1], ElementsAre(v1::TOPIC_SECURITY));
}

// A keyword among the capitalised words of a longer name in the body names a body or a
// programme; the names of pacts, corridors and wars keep their topic.
TEST_F(AnnotateTest, TopicWordsInALongerCapitalisedNameAreNoTopic) {
  for (const char* sentence : {"She lectured at the Tarvo Medical Academy.",
                               "He attended the Delmar Energy Partnership Forum.",
                               "The Orland Economic Club hosted the dinner."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1], IsEmpty()) << sentence;
  }
  EXPECT_THAT(Run("", "They discussed the Lorvan Free Trade Agreement.").topics_in[1],
              ::testing::Contains(v1::TOPIC_TRADE));
  // A document's name tells its subject whatever the topic.
  EXPECT_THAT(Run("", "They reaffirmed the Paris Climate Agreement.").topics_in[1],
              ::testing::Contains(v1::TOPIC_ENVIRONMENT));
  EXPECT_THAT(Run("", "They discussed medical aid and economic partnership.").topics_in[1],
              ::testing::IsSupersetOf({v1::TOPIC_HEALTH, v1::TOPIC_ECONOMY}));
}

// "reform of the United Nations", "coordinate positions": the international agenda, whose words
// are in a name or no topic word alone.
TEST_F(AnnotateTest, UnReformAndCoordinatedPositionsAreDiplomacy) {
  for (const char* sentence :
       {"They discussed reform of the United Nations Security Council.",
        "The ministers agreed to coordinate positions in the Group of 20."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1], ::testing::Contains(v1::TOPIC_DIPLOMACY))
        << sentence;
  }
}

// "the situation in Yemen": a conflict named by its place; "the economic situation in Russia"
// is of another domain.
TEST_F(AnnotateTest, TheSituationInAPlaceIsAConflict) {
  for (const char* sentence : {"They exchanged views on the situation in Yemen.",
                               "They discussed the situation around Ukraine."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1], ElementsAre(v1::TOPIC_CONFLICT)) << sentence;
  }
  EXPECT_THAT(Run("", "They discussed the economic situation in Russia.").topics_in[1],
              ElementsAre(v1::TOPIC_ECONOMY));
  EXPECT_THAT(Run("", "They discussed the situation with prices.").topics_in[1], IsEmpty());
  EXPECT_THAT(Run("", "They discussed the political situation in Brazil.").topics_in[1], IsEmpty());
}

// "economic ties", "trade relations" are the economy's and trade's, not diplomacy's; "bilateral
// ties" and "ties" alone are diplomacy.
TEST_F(AnnotateTest, EconomicTiesAreNoDiplomacy) {
  for (const char* sentence :
       {"They pledged closer economic ties.", "They sought to expand trade relations."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_DIPLOMACY)))
        << sentence;
  }
  for (const char* sentence :
       {"They pledged closer bilateral ties.", "They discussed ties between the two nations."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1], ::testing::Contains(v1::TOPIC_DIPLOMACY))
        << sentence;
  }
}

// "the port of Burgas" is a place; "the port" and "ports" are shipping.
TEST_F(AnnotateTest, ThePortOfANamedPlaceIsNoTransport) {
  for (const char* sentence : {"They agreed to build a pipeline from the port of Burgas.",
                               "They met in the port city of Aden."}) {
    EXPECT_THAT(Run("", sentence).topics_in[1],
                ::testing::Not(::testing::Contains(v1::TOPIC_TRANSPORT)))
        << sentence;
  }
  EXPECT_THAT(Run("", "They agreed to expand the port of the capital.").topics_in[1],
              ::testing::Contains(v1::TOPIC_TRANSPORT));
}

TEST_F(AnnotateTest, WordClassesOfTokens) {
  const Annotations a = Run("", "Mr Hale said he met them in Astana.");
  EXPECT_TRUE(a.Is(TokenOf(a, "Mr"), WordClass::kHonorific));
  EXPECT_TRUE(a.Is(TokenOf(a, "said"), WordClass::kSpeechVerb));
  EXPECT_TRUE(a.Is(TokenOf(a, "he"), WordClass::kSubjectPronoun));
  EXPECT_TRUE(a.Is(TokenOf(a, "in"), WordClass::kLocative));
  EXPECT_TRUE(a.SentenceHasWord(1, WordClass::kSpeechVerb));
  EXPECT_FALSE(a.SentenceHasWord(1, WordClass::kSigningVerb));
}

TEST_F(AnnotateTest, CapitalsHeadlineIsFlaggedAndTitleCased) {
  const Annotations a = Run("KAZAKH AND CHINESE MINISTERS MEET IN ASTANA", "They met.");
  EXPECT_TRUE(a.sentence(0).all_caps);
  EXPECT_FALSE(a.sentence(1).all_caps);
  const int astana = TokenOf(a, "ASTANA");
  ASSERT_GE(astana, 0);
  EXPECT_EQ(a.Surface(astana, astana + 1), "Astana");
  EXPECT_EQ(TitleCase("NUR-SULTAN"), "Nur-Sultan");
}

TEST_F(AnnotateTest, SurfaceFoldsLineBreaks) {
  const Annotations a = Run("", "Foreign Minister\nTalgat Omarov arrived.");
  const int first = TokenOf(a, "Foreign");
  EXPECT_EQ(a.Surface(first, first + 4), "Foreign Minister Talgat Omarov");
}

TEST_F(AnnotateTest, MatchesAreIndexedBySentence) {
  const Annotations a = Run("Talks in Astana", "They met. Then they held talks in Almaty.");
  EXPECT_EQ(a.triggers_in[0].size(), 1u);  // "Talks"
  EXPECT_EQ(a.triggers_in[1].size(), 1u);  // "met"
  EXPECT_EQ(a.triggers_in[2].size(), 1u);  // "held talks"
  EXPECT_EQ(a.entities_in[0].size(), 1u);  // "Astana"
  EXPECT_EQ(a.entities_in[2].size(), 1u);  // "Almaty"
  for (int s = 0; s < a.sentence_count(); ++s) {
    for (int m : a.triggers_in[s]) {
      EXPECT_EQ(a.tok(a.triggers[m].first).sentence, s);
      EXPECT_EQ(a.trigger_at[a.triggers[m].first], m);
    }
  }
}

}  // namespace
}  // namespace parley::extract
