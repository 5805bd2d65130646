#ifndef PARLEY_WORKERS_EXTRACT_GROUPING_H
#define PARLEY_WORKERS_EXTRACT_GROUPING_H

#include <set>
#include <vector>

#include "workers/extract/annotate.h"
#include "workers/extract/meeting_mentions.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

namespace parley::extract {

// What a meeting record is to the article.
enum class GroupRole : uint8_t {
  kMain,         // The meeting the article reports first.
  kOther,        // Another meeting the article reports (a further call, talks, a trip's leg).
  kFollowUp,     // A later meeting it announces ("the second summit", "will meet next month").
  kParentEvent,  // The event a side meeting took place at.
};

// Stage 4: the mentions of one meeting, and the sentences its fields are read from.
struct MeetingGroup {
  GroupRole role = GroupRole::kMain;
  int anchor = 0;             // The sentence that reports it.
  int mention = -1;           // Its leading meeting mention (index into MeetingMentions::mentions).
  std::vector<int> mentions;  // Every mention folded into it.
  std::set<int> window;       // Sentences that describe it: most fields come from here.
  std::set<int> people_sentences;    // Where its participants are named.
  std::set<int> format_sentences;    // Where a format is looked for when the window has none.
  std::set<int> document_sentences;  // Where documents it concluded are reported.
  std::set<int> elsewhere;           // Sentences about other meetings of the article.
  int parent = -1;  // For a side meeting, the index of the group of its parent event.
};

struct Grouping {
  std::vector<MeetingGroup> groups;  // Main first, then in order of mention.
  bool title_meeting = false;        // The headline reports a meeting.
};

Grouping GroupMentions(const Annotations& a, const std::vector<Person>& people,
                       const Parties& parties, const MeetingMentions& mentions);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_GROUPING_H
