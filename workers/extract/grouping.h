#ifndef PARLEY_WORKERS_EXTRACT_GROUPING_H
#define PARLEY_WORKERS_EXTRACT_GROUPING_H

#include <set>
#include <string>
#include <vector>

#include "workers/extract/annotate.h"
#include "workers/extract/meeting_mentions.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

namespace parley::extract {

// What a meeting record is to the article.
enum class GroupRole : uint8_t {
  kMain,      // The meeting the article reports first.
  kOther,     // Another meeting it reports: a further call or talks, a side meeting, a leg.
  kFollowUp,  // A later meeting of a series it announces ("the second summit").
  kEvent,     // A named event the text refers to: attended, prepared, discussed, cancelled.
};

// Stage 4: the mentions of one meeting, who takes part as they say, and the sentences its
// fields are read from.
struct MeetingGroup {
  int index = 0;  // Its place in `Grouping::groups`.
  GroupRole role = GroupRole::kMain;
  int anchor = 0;             // The first body sentence that reports it (1 for the headline's).
  int mention = -1;           // Its first meeting mention (index into MeetingMentions).
  std::vector<int> mentions;  // Every mention folded into it, in text order.
  std::vector<int> people;    // Participants the mentions name (indexes into the people).
  std::vector<std::string> countries;     // Countries the mentions name as parties.
  std::vector<std::string> orgs;          // Bodies the mentions name as parties or hosts.
  std::string format;                     // A named event's format.
  TriggerKind kind = TriggerKind::kMeet;  // The most telling meeting word.
  bool medium_known = false;              // A word says how they met (not only "discussed").
  MentionStatus status = MentionStatus::kHeld;
  int parent = -1;             // For a meeting held at an event, the index of the event's group.
  bool separate_time = false;  // Its clause sets it apart in time ("ahead of the meeting").
  bool attended = false;       // An event someone named is said to attend or take part in.
  std::string town;            // The country of the town its mentions place it in, or "".

  // The main meeting's sentences its fields are read from (see `ReadWindow`).
  std::set<int> window;              // Headline, lead, anchor and the meeting sentences after it.
  std::set<int> people_sentences;    // Where its participants are named.
  std::set<int> format_sentences;    // Where a format is looked for when the window has none.
  std::set<int> document_sentences;  // Where documents it concluded are reported.
  std::set<int> elsewhere;           // Sentences that report other meetings only.
};

struct Grouping {
  std::vector<MeetingGroup> groups;  // Main first, then in order of mention.
  bool title_meeting = false;        // The headline reports a meeting.
  // Per token, the group whose mention's clause (or, for events, noun phrase) covers it; -1.
  std::vector<int> owner;
};

Grouping GroupMentions(const Annotations& a, const std::vector<Person>& people,
                       const MeetingMentions& mentions);

// Fills the sentences a meeting's fields are read from when it is the article's main meeting:
// its window (the headline, the lead unless it reports only other meetings, its anchor and the
// sentences after it that report it), where its people are named, where a format or documents
// are looked for, and the sentences about other meetings only. GroupMentions fills them for the
// first group; assembly for another that becomes the main meeting.
void ReadWindow(const Annotations& a, const MeetingMentions& mentions, const Grouping& grouping,
                MeetingGroup* g);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_GROUPING_H
