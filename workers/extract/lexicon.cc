#include "workers/extract/lexicon.h"

#include <array>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "workers/extract/text.h"

namespace parley::extract {
namespace {

constexpr std::array<std::pair<absl::string_view, WordClass>, 54> kClasses = {{
    {"name_stop", WordClass::kNameStop},
    {"name_particle", WordClass::kNameParticle},
    {"honorific", WordClass::kHonorific},
    {"speech_verb", WordClass::kSpeechVerb},
    {"signing_verb", WordClass::kSigningVerb},
    {"travel_verb", WordClass::kTravelVerb},
    {"locative", WordClass::kLocative},
    {"subject_preposition", WordClass::kSubjectPreposition},
    {"eponym_noun", WordClass::kEponymNoun},
    {"ordinal", WordClass::kOrdinal},
    {"follow_up_marker", WordClass::kFollowUpMarker},
    {"previous_marker", WordClass::kPreviousMarker},
    {"sidelines_word", WordClass::kSidelinesWord},
    {"document_negator", WordClass::kDocumentNegator},
    {"document_issuer", WordClass::kDocumentIssuer},
    {"counterpart_word", WordClass::kCounterpartWord},
    {"official_visit_word", WordClass::kOfficialVisitWord},
    {"membership_noun", WordClass::kMembershipNoun},
    {"subject_pronoun", WordClass::kSubjectPronoun},
    {"anaphor", WordClass::kAnaphor},
    {"past_auxiliary", WordClass::kPastAuxiliary},
    {"tag_glue", WordClass::kTagGlue},
    {"light_verb", WordClass::kLightVerb},
    {"meeting_modifier", WordClass::kMeetingModifier},
    {"generic_marker", WordClass::kGenericMarker},
    {"separate_marker", WordClass::kSeparateMarker},
    {"distributive", WordClass::kDistributive},
    {"collective", WordClass::kCollective},
    {"auxiliary", WordClass::kAuxiliary},
    {"first_person", WordClass::kFirstPerson},
    {"post_predicate", WordClass::kPostPredicate},
    {"joint_verb", WordClass::kJointVerb},
    {"domestic_body", WordClass::kDomesticBody},
    {"topic_cue", WordClass::kTopicCue},
    {"background_holder", WordClass::kBackgroundHolder},
    {"host_verb", WordClass::kHostVerb},
    {"issue_noun", WordClass::kIssueNoun},
    {"speculative_marker", WordClass::kSpeculative},
    {"name_syllable", WordClass::kNameSyllable},
    {"academic_body", WordClass::kAcademicBody},
    {"project_noun", WordClass::kProjectNoun},
    {"aim_verb", WordClass::kAimVerb},
    {"intent_word", WordClass::kIntentWord},
    {"reaction_verb", WordClass::kReactionVerb},
    {"ratifying_verb", WordClass::kRatifyingVerb},
    {"legislature", WordClass::kLegislature},
    {"withdrawal_verb", WordClass::kWithdrawalVerb},
    {"embroiled_verb", WordClass::kEmbroiledVerb},
    {"landform_noun", WordClass::kLandformNoun},
    {"state_body_noun", WordClass::kStateBodyNoun},
    {"frequency_adverb", WordClass::kFrequencyAdverb},
    {"business_noun", WordClass::kBusinessNoun},
    {"body_head", WordClass::kBodyHead},
    {"patronymic", WordClass::kPatronymic},
}};

}  // namespace

absl::StatusOr<WordClass> ParseWordClass(absl::string_view label) {
  for (const auto& [name, value] : kClasses) {
    if (name == label) {
      return value;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown word class '", label, "'"));
}

absl::string_view Name(WordClass word_class) {
  for (const auto& [name, value] : kClasses) {
    if (value == word_class) {
      return name;
    }
  }
  return "?";
}

absl::StatusOr<Lexicon> Lexicon::Parse(absl::string_view name, absl::string_view content) {
  Lexicon lexicon;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++line_no;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') {
      continue;
    }
    const std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    if (cols.size() != 2 || cols[0].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("dictionary ", name, " line ", line_no, ": expected word <TAB> class"));
    }
    absl::StatusOr<WordClass> word_class = ParseWordClass(cols[1]);
    if (!word_class.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary ", name, " line ", line_no, ": ",
                                                     word_class.status().message()));
    }
    const std::vector<std::string> folds = TokenizePhrase(cols[0]);
    if (folds.size() != 1) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary ", name, " line ", line_no, ": '",
                                                     cols[0], "' is not one word"));
    }
    lexicon.classes_[folds[0]] |= Bit(*word_class);
  }
  return lexicon;
}

}  // namespace parley::extract
