// The closed-class word lists (lexicon.tsv): the format, its errors, and the classes of the
// embedded lexicon that the stages rely on.

#include "workers/extract/lexicon.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/dictionaries.h"

namespace parley::extract {
namespace {

using ::testing::HasSubstr;

constexpr absl::string_view kAllClasses[] = {"name_stop",
                                             "name_particle",
                                             "honorific",
                                             "speech_verb",
                                             "signing_verb",
                                             "travel_verb",
                                             "locative",
                                             "subject_preposition",
                                             "eponym_noun",
                                             "ordinal",
                                             "follow_up_marker",
                                             "previous_marker",
                                             "sidelines_word",
                                             "document_negator",
                                             "document_issuer",
                                             "counterpart_word",
                                             "official_visit_word",
                                             "membership_noun",
                                             "subject_pronoun",
                                             "anaphor",
                                             "past_auxiliary",
                                             "tag_glue",
                                             "light_verb",
                                             "meeting_modifier",
                                             "generic_marker",
                                             "separate_marker",
                                             "distributive",
                                             "collective",
                                             "auxiliary",
                                             "first_person",
                                             "post_predicate",
                                             "joint_verb",
                                             "domestic_body",
                                             "topic_cue",
                                             "background_holder",
                                             "host_verb",
                                             "issue_noun",
                                             "speculative_marker",
                                             "name_syllable",
                                             "academic_body",
                                             "project_noun",
                                             "aim_verb",
                                             "intent_word",
                                             "reaction_verb",
                                             "ratifying_verb",
                                             "legislature",
                                             "withdrawal_verb",
                                             "embroiled_verb",
                                             "landform_noun",
                                             "state_body_noun",
                                             "frequency_adverb",
                                             "business_noun",
                                             "body_head",
                                             "patronymic"};

TEST(LexiconTest, EveryClassLabelRoundTrips) {
  std::vector<WordClass> seen;
  for (absl::string_view label : kAllClasses) {
    absl::StatusOr<WordClass> c = ParseWordClass(label);
    ASSERT_TRUE(c.ok()) << label;
    EXPECT_EQ(Name(*c), label);
    EXPECT_THAT(seen, ::testing::Not(::testing::Contains(*c))) << label;
    seen.push_back(*c);
  }
}

// Each class is its own bit: a word of one class is in no other (a class past bit 31 of a
// 32-bit mask once aliased an earlier one).
TEST(LexiconTest, ClassesDoNotAliasEachOther) {
  for (absl::string_view label : kAllClasses) {
    absl::StatusOr<Lexicon> lex = Lexicon::Parse("test.tsv", absl::StrCat("w\t", label, "\n"));
    ASSERT_TRUE(lex.ok()) << label;
    for (absl::string_view other : kAllClasses) {
      EXPECT_EQ(lex->Is("w", *ParseWordClass(other)), other == label) << label << " " << other;
    }
  }
}

TEST(LexiconTest, RowsCommentsAndBlankLines) {
  absl::StatusOr<Lexicon> lex =
      Lexicon::Parse("lexicon.tsv",
                     "# closed classes\n\nsaid\tspeech_verb\nin\tlocative\nheld\tlight_verb\n"
                     "held\tpost_predicate\n");
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_EQ(lex->size(), 3u);
  EXPECT_TRUE(lex->Is("said", WordClass::kSpeechVerb));
  EXPECT_TRUE(lex->Is("in", WordClass::kLocative));
  EXPECT_FALSE(lex->Is("in", WordClass::kSpeechVerb));
  // One word may belong to several classes.
  EXPECT_TRUE(lex->Is("held", WordClass::kLightVerb));
  EXPECT_TRUE(lex->Is("held", WordClass::kPostPredicate));
  EXPECT_FALSE(lex->Is("met", WordClass::kLightVerb));
}

TEST(LexiconTest, WordsAreFolded) {
  absl::StatusOr<Lexicon> lex =
      Lexicon::Parse("lexicon.tsv", "Mr\thonorific\nDécidé\tspeech_verb\n");
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_TRUE(lex->Is("mr", WordClass::kHonorific));
  EXPECT_TRUE(lex->Is("decide", WordClass::kSpeechVerb));
  EXPECT_FALSE(lex->Is("Mr", WordClass::kHonorific));  // Lookups take folded words.
}

TEST(LexiconTest, UnknownClassFailsWithFileAndLine) {
  absl::StatusOr<Lexicon> lex =
      Lexicon::Parse("lexicon.tsv", "said\tspeech_verb\n# comment\nsigned\tsigning\n");
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(lex.status().message()),
              HasSubstr("lexicon.tsv line 3: unknown word class 'signing'"));
}

TEST(LexiconTest, MalformedRowsFailWithFileAndLine) {
  absl::StatusOr<Lexicon> one_column = Lexicon::Parse("lexicon.tsv", "said\n");
  EXPECT_EQ(one_column.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(one_column.status().message()), HasSubstr("lexicon.tsv line 1"));
  absl::StatusOr<Lexicon> three = Lexicon::Parse("lexicon.tsv", "said\tspeech_verb\textra\n");
  EXPECT_EQ(three.status().code(), absl::StatusCode::kInvalidArgument);
  absl::StatusOr<Lexicon> phrase =
      Lexicon::Parse("lexicon.tsv", "in\tlocative\non the\tlocative\n");
  EXPECT_THAT(std::string(phrase.status().message()),
              HasSubstr("lexicon.tsv line 2: 'on the' is not one word"));
}

// The words the stages' phenomena rest on are in the embedded lexicon, in their classes.
TEST(LexiconTest, EmbeddedLexiconHasTheClosedClasses) {
  absl::StatusOr<std::shared_ptr<const Dictionaries>> dict =
      Dictionaries::Load(EmbeddedDictionaryFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  const Lexicon& lex = (*dict)->lexicon();
  struct Case {
    const char* word;
    WordClass c;
  };
  for (const Case& c : std::vector<Case>{
           {"mr", WordClass::kHonorific},
           {"dr", WordClass::kHonorific},
           {"bin", WordClass::kNameParticle},
           {"al", WordClass::kNameParticle},
           {"van", WordClass::kNameParticle},
           {"said", WordClass::kSpeechVerb},
           {"signed", WordClass::kSigningVerb},
           {"adopted", WordClass::kSigningVerb},
           {"visit", WordClass::kTravelVerb},
           {"in", WordClass::kLocative},
           {"at", WordClass::kLocative},
           {"on", WordClass::kSubjectPreposition},
           {"about", WordClass::kSubjectPreposition},
           {"administration", WordClass::kEponymNoun},
           {"second", WordClass::kOrdinal},
           {"next", WordClass::kFollowUpMarker},
           {"last", WordClass::kPreviousMarker},
           {"sidelines", WordClass::kSidelinesWord},
           {"margins", WordClass::kSidelinesWord},
           {"draft", WordClass::kDocumentNegator},
           {"issued", WordClass::kDocumentIssuer},
           {"counterpart", WordClass::kCounterpartWord},
           {"state", WordClass::kOfficialVisitWord},
           {"leaders", WordClass::kMembershipNoun},
           {"he", WordClass::kSubjectPronoun},
           {"the", WordClass::kAnaphor},
           {"was", WordClass::kPastAuxiliary},
           {"held", WordClass::kLightVerb},
           {"criticised", WordClass::kReactionVerb},
           {"ratified", WordClass::kRatifyingVerb},
           {"bundestag", WordClass::kLegislature},
           {"paid", WordClass::kLightVerb},
           {"regular", WordClass::kGenericMarker},
           {"also", WordClass::kSeparateMarker},
           {"separately", WordClass::kDistributive},
           {"respectively", WordClass::kDistributive},
           {"ministers", WordClass::kCollective},
           {"will", WordClass::kAuxiliary},
           {"we", WordClass::kFirstPerson},
           {"held", WordClass::kPostPredicate},
           {"took", WordClass::kPostPredicate},
           {"hosted", WordClass::kJointVerb},
           {"convened", WordClass::kJointVerb},
           {"ministry", WordClass::kNameStop},
           {"informal", WordClass::kMeetingModifier},
       }) {
    EXPECT_TRUE(lex.Is(c.word, c.c)) << c.word << " is no " << Name(c.c);
  }
  // And not where they would misfire.
  EXPECT_FALSE(lex.Is("met", WordClass::kJointVerb));
  EXPECT_FALSE(lex.Is("from", WordClass::kSubjectPreposition));
  EXPECT_FALSE(lex.Is("said", WordClass::kSigningVerb));
}

}  // namespace
}  // namespace parley::extract
