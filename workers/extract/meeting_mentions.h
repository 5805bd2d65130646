#ifndef PARLEY_WORKERS_EXTRACT_MEETING_MENTIONS_H
#define PARLEY_WORKERS_EXTRACT_MEETING_MENTIONS_H

#include <string>
#include <vector>

#include "workers/extract/annotate.h"
#include "workers/extract/labels.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

namespace parley::extract {

// The tense or outcome a meeting mention reports.
enum class MentionStatus : uint8_t {
  kHeld,       // Happened or is under way.
  kPlanned,    // Yet to happen.
  kPostponed,  // Moved: planned when a new date follows, cancelled otherwise.
  kCancelled,  // Called off.
};

// How a meeting mention relates to the meetings of the article.
enum class MentionRelation : uint8_t {
  kReport,    // Reports a meeting (new, or one already being reported).
  kEvent,     // Names an event the clause refers to (a summit attended, prepared, discussed).
  kFollowUp,  // Another, later meeting of a series: "the next summit", "a new round of talks".
  kPrevious,  // An earlier meeting cited as background: "last year's summit".
  kGeneric,   // Recurring or unspecified: "regular meetings"; not a record.
};

// The participants one side of a meeting word names.
struct Side {
  std::vector<int> people;             // Indexes into the people of stage 2, in text order.
  std::vector<std::string> countries;  // Alpha-2, in text order, unique.
  std::vector<std::string> orgs;       // Acronyms of organisations taking part.
  bool pronoun = false;                // "he", "she": the last subject.
  bool collective = false;             // "the two leaders", "both sides", "the ministers".
  int role_only = -1;  // A person found for a role named without a name ("the premier").
  std::vector<std::string> paired_countries;  // "respectively": the country of each person.
  bool region =
      false;  // Its countries include a regional group's members ("Central Asian states").

  bool empty() const { return people.empty() && countries.empty() && orgs.empty(); }
};

// Stage 3: one word of the text that reports or names a meeting, with what its clause says.
struct MeetingMention {
  int sentence = 0;
  int trigger = 0;  // Index into `Annotations::triggers`.
  int first = 0;    // Token span of the trigger.
  int end = 0;
  int clause_first = 0;  // Token span of its clause.
  int clause_end = 0;
  int np_first = 0;  // Nouns: the noun phrase it heads, with its modifiers and "of ..."
  int np_end = 0;    // complements ("the 32nd Session of the Assembly of the AU").
  TriggerKind kind = TriggerKind::kMeet;
  TriggerForm form = TriggerForm::kNoun;
  MentionStatus status = MentionStatus::kHeld;
  MentionRelation relation = MentionRelation::kReport;
  Frame frame = Frame::kNone;  // The frame phrase its noun phrase stands in, if any.
  bool predicate = false;      // Reported by a verb, or a noun after a light verb ("held talks").
  bool anaphoric = false;      // "the talks", "this visit": a meeting already reported.
  bool named_event = false;    // Its noun phrase names an event ("the 31st ASEAN Summit").
  bool distributive = false;   // "separately", "respectively", "bilateral meetings with A, B":
                               // one meeting per counterpart.
  bool distribute_subject = false;  // ... per subject ("A and B both met C separately").
  bool also = false;                // "also met", "separately": another meeting than the last.
  bool sidelines = false;           // Its clause is on the sidelines of an event.
  bool eve = false;                 // "on the eve of X": X falls the day after its clause's date.
  Side subject;              // Verbs: who meets. Nouns: modifiers ("X's visit", "X-Y talks").
  Side object;               // Verbs: whom ("with Y", "met Y"). Nouns: "between", "with".
  std::string event_format;  // A named event's format or body ("G20", "Caspian Summit").
  std::vector<std::string> event_orgs;
  int date = -1;         // Index into `Annotations::dates` of the date attached to it.
  int venue_first = -1;  // Token span of a place after a locative in its clause.
  int venue_end = -1;
  int visit_place = -1;  // Visits: the entity match of the place visited.
};

// Per sentence, what the meeting mentions in it say.
struct SentenceMeetings {
  bool reports_meeting = false;  // A meeting word other than a signing or a negative.
  bool sidelines = false;        // "on the sidelines / margins of".
};

struct MeetingMentions {
  std::vector<MeetingMention> mentions;  // In text order.
  std::vector<SentenceMeetings> sentences;
  int principal = -1;  // The person the article follows: the first subject of a meeting.
};

// The status the tense and status cues of the headline and sentence `anchor` report for the
// meeting anchored there: cancelled, postponed (planned when the postponing sentence gives a new
// date), planned when a future cue and no past cue stand there, held otherwise.
MentionStatus CueStatus(const Annotations& a, int anchor);

// "X met Y in Beijing, the ministry said on Friday", "..., Omarov told reporters on Friday": a
// date right after a speech verb of a reporting clause set off by a comma after the meeting
// word is the day of the saying, not the meeting's.
// ", the foreign ministry in Beijing said", ", officials in Tokyo told reporters": a place in a
// reporting clause set off by a comma (after token `from`), with no meeting word between, is
// where the saying was, not the meeting.
bool PlaceOfASaying(const Annotations& a, const Match& place, int from);

bool DayOfASayingAfter(const Annotations& a, const MeetingMention& m, const DateMention& d);

// The meeting word is itself a verb of the past ("held talks", "met") that no future cue
// contains ("will be held").
bool TellsItsOwnPast(const Annotations& a, const MeetingMention& m);

MeetingMentions FindMeetingMentions(const Annotations& a, const std::vector<Person>& people,
                                    const Parties& parties);

// The countries the principal (`mentions.principal`) travels to on a visit of theirs ("X will
// make a state visit to France", "X arrived on an official visit to China"): never the
// principal's own.
std::vector<std::string> PrincipalDestinations(const MeetingMentions& mentions);

// The host's country for an official named without one as the counterpart of a planned visit
// to a country named as such: "X will travel to Malaysia for talks with Prime Minister Y" (Y is
// of Malaysia). The visitor's own country is never the host's; a visit reported as made is left
// alone (the host's officials are named with their country there).
void InferHostCountry(const Annotations& a, const MeetingMentions& mentions,
                      std::vector<Person>* people);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_MEETING_MENTIONS_H
