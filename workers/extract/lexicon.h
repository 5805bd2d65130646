#ifndef PARLEY_WORKERS_EXTRACT_LEXICON_H
#define PARLEY_WORKERS_EXTRACT_LEXICON_H

#include <cstdint>
#include <string>
#include <unordered_map>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parley::extract {

// Closed classes of single words: grammar, not knowledge. A word may belong to several.
// Loaded from lexicon.tsv (format in workers/extract/data/README.md); the class label of
// every row is parsed at load, and an unknown class fails the load with the file and line.
enum class WordClass : uint8_t {
  kNameStop,            // name_stop: a capitalised word that never starts or continues a name
  kNameParticle,        // name_particle: "al", "bin", "van", "de" inside a name
  kHonorific,           // honorific: "Mr", "Mrs", "Dr": a person follows
  kSpeechVerb,          // speech_verb: "said", "stressed": reported speech
  kSigningVerb,         // signing_verb: "signed", "adopted": a document was concluded
  kTravelVerb,          // travel_verb: "visit", "trip", "arrived": "to X" after it is a venue
  kLocative,            // locative: "in", "at": a place after it is a venue, not a party
  kSubjectPreposition,  // subject_preposition: "on", "about": a place after it is a topic
  kEponymNoun,          // eponym_noun: "administration", "era": "<Name> X" is not a person
  kOrdinal,             // ordinal: "second", "third", "2nd": marks a follow-up meeting
  kFollowUpMarker,      // follow_up_marker: "next", "upcoming": a later meeting
  kPreviousMarker,      // previous_marker: "last", "previous", "earlier": a past meeting
  kSidelinesWord,       // sidelines_word: "sidelines", "margins"
  kDocumentNegator,     // document_negator: "draft", "proposed": not a signed document
  kDocumentIssuer,      // document_issuer: "issued", "adopted": "statement" is a document
  kCounterpartWord,     // counterpart_word: "counterpart", "side": an attached place is a party
  kOfficialVisitWord,   // official_visit_word: "state", "official" before "visit"
  kMembershipNoun,      // membership_noun: "leaders", "members": "<noun> of ORG" takes part
  kSubjectPronoun,      // subject_pronoun: "he", "she": continues the last speaker
  kAnaphor,             // anaphor: "the", "this", "that": "the meeting" refers back
  kPastAuxiliary,       // past_auxiliary: "was", "were": "was to meet" is a past plan
  kTagGlue,             // tag_glue: words that are never part of a category tag
  kLightVerb,           // light_verb: "held", "paid": "held talks" reports the talks
  kMeetingModifier,     // meeting_modifier: "informal", "two-day": inside a meeting's noun phrase
  kGenericMarker,       // generic_marker: "regular", "possible": not one particular meeting
  kSeparateMarker,      // separate_marker: "also", "separately": another meeting than the last
  kDistributive,        // distributive: "separately", "respectively": one meeting per party
  kCollective,          // collective: "leaders", "sides": the parties of the current meeting
  kAuxiliary,           // auxiliary: "will", "has", "also": between a subject and its verb
  kFirstPerson,         // first_person: "I", "we": the speaker of a quote
  kPostPredicate,       // post_predicate: "held", "convened": "the meeting was held" reports it
  kJointVerb,           // joint_verb: "hosted", "convened": a list after it is one meeting
  kDomesticBody,        // domestic_body: "government", "cabinet": its meetings are domestic
  kTopicCue,          // topic_cue: "discussed", "focused": the sentence says what was talked about
  kBackgroundHolder,  // background_holder: "funeral", "government" before "of", "killed":
                      // the official named after it is told of, not taking part
  kHostVerb,          // host_verb: "received", "hosted": the object is the visitor
  kIssueNoun,         // issue_noun: "war", "crisis": a country's name before it names a topic
  kSpeculative,       // speculative_marker: "possible", "potential": a meeting only considered
  kNameSyllable,      // name_syllable: "to", "he", "an": a name stop that is also a syllable of
                      // East Asian names ("General Secretary To Lam", "Vice Premier He Lifeng")
  kAcademicBody,      // academic_body: "institute", "university": the director of one is an
                      // analyst, not an official
  kProjectNoun,       // project_noun: "corridor", "programme": a country's name in a project's
                      // name ("the China-Pakistan Economic Corridor") names no side
  kAimVerb,           // aim_verb: "hoped", "seeking": "hoped to sign an agreement" concluded none
  kIntentWord,        // intent_word: "plan", "due", "expected": "plan to sign", "due to be signed"
                      // tell a signing still to come
  kReactionVerb,      // reaction_verb: "criticised", "welcomed": "X criticised the visit" reacts
                      // to a meeting, X need not be at it
  kRatifyingVerb,     // ratifying_verb: "ratified": a document's approval at home
  kLegislature,       // legislature: "parliament", "senate": "the parliament ratified" is no
                      // signing at the meeting
  kWithdrawalVerb,    // withdrawal_verb: "boycotted", "skipped", "withdrew": a country that does
                      // takes no part
  kEmbroiledVerb,     // embroiled_verb: "involved", "locked": a country "involved in a dispute"
                      // is a side of what is talked about
  kLandformNoun,      // landform_noun: "sea", "peninsula": "the South China Sea" names no state
  kStateBodyNoun,     // state_body_noun: "the Sudanese government" is the state as a side
  kFrequencyAdverb,   // frequency_adverb: "regularly", "often": "have met regularly" is a
                      // recurring contact, not one meeting
  kBusinessNoun,      // business_noun: "executives", "investors": a meeting with them is not
                      // one of states
  kBodyHead,          // body_head: "corporation", "ministry": a capitalised topic word before
                      // one, or after "Ministry of", is part of a name ("Gulf Investment
                      // Corporation", "Minister of Commerce"), not a topic
  kPatronymic,        // patronymic: "bin", "ibn": the name after it is the father's ("Salman"
                      // alone is not "Mohammed bin Salman")
};
// Every class is one bit of a uint64_t (`Lexicon::Bit`); the last class is named here.
static_assert(static_cast<int>(WordClass::kPatronymic) < 64, "a word class past bit 63");

// The closed-class word lists: folded word -> the classes it belongs to.
class Lexicon {
 public:
  // Parses lexicon.tsv (`name` for error messages). Rows: word <TAB> class.
  [[nodiscard]] static absl::StatusOr<Lexicon> Parse(absl::string_view name,
                                                     absl::string_view content);

  // True when the folded word `fold` belongs to `word_class`.
  bool Is(const std::string& fold, WordClass word_class) const {
    auto it = classes_.find(fold);
    return it != classes_.end() && (it->second & Bit(word_class)) != 0;
  }

  size_t size() const { return classes_.size(); }

 private:
  static uint64_t Bit(WordClass c) { return uint64_t{1} << static_cast<int>(c); }

  std::unordered_map<std::string, uint64_t> classes_;  // One bit per class.
};

[[nodiscard]] absl::StatusOr<WordClass> ParseWordClass(absl::string_view label);
absl::string_view Name(WordClass word_class);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_LEXICON_H
