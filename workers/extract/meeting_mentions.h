#ifndef PARLEY_WORKERS_EXTRACT_MEETING_MENTIONS_H
#define PARLEY_WORKERS_EXTRACT_MEETING_MENTIONS_H

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
  kReport,     // Reports a meeting (new, or the one already being reported).
  kFollowUp,   // Another, later meeting: "the second summit", "their next meeting".
  kSideEvent,  // "on the sidelines of the X summit": the event a side meeting took place at.
  kPrevious,   // An earlier meeting cited as background: "last year's summit".
  kGeneric,    // Recurring or unspecified: "regular meetings", "bilateral meetings".
};

// Stage 3: one word of the text that reports a meeting, with what its clause says about it.
struct MeetingMention {
  int sentence = 0;
  int trigger = 0;  // Index into `Annotations::triggers`.
  int first = 0;    // Token span of the trigger.
  int end = 0;
  TriggerKind kind = TriggerKind::kMeet;
  MentionStatus status = MentionStatus::kHeld;
  MentionRelation relation = MentionRelation::kReport;
  bool anaphoric = false;   // "the talks", "this visit": refers back to a meeting reported.
  bool sidelines = false;   // Its sentence places it "on the sidelines of" another event.
  bool future_cue = false;  // A future cue ("will", "to meet") stands right before it.
};

// Per sentence, what the meeting mentions in it say.
struct SentenceMeetings {
  bool reports_meeting = false;  // A meeting word other than a signing or a negative.
  bool sidelines = false;        // "on the sidelines / margins of".
  int follow_up = -1;  // Its first meeting word announces a later meeting (mention index).
  int future = -1;     // Its first meeting word has a future cue before it (mention index).
};

struct MeetingMentions {
  std::vector<MeetingMention> mentions;  // In text order.
  std::vector<SentenceMeetings> sentences;
};

// The status the tense and status cues of the headline and sentence `anchor` report for the
// meeting anchored there: cancelled, postponed (planned when the postponing sentence gives a new
// date), planned when a future cue and no past cue stand there, held otherwise.
MentionStatus CueStatus(const Annotations& a, int anchor);

MeetingMentions FindMeetingMentions(const Annotations& a, const std::vector<Person>& people,
                                    const Parties& parties);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_MEETING_MENTIONS_H
