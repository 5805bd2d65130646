#include "workers/extract/grouping.h"

#include <algorithm>
#include <string>

namespace parley::extract {
namespace {

bool HasParty(const Annotations& a, const std::vector<Person>& people, int s) {
  for (int m : a.entities_in[s]) {
    const Match& match = a.entities[m];
    if (match.Of(EntryType::kPlace) != nullptr || match.Of(EntryType::kOrg) != nullptr ||
        match.Of(EntryType::kGroup) != nullptr || match.Of(EntryType::kFormat) != nullptr) {
      return true;
    }
  }
  for (const Person& p : people) {
    if (p.InSentence(s)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Grouping GroupMentions(const Annotations& a, const std::vector<Person>& people,
                       const Parties& parties, const MeetingMentions& mentions) {
  (void)parties;
  Grouping out;
  const int n = a.sentence_count();
  const std::vector<SentenceMeetings>& sm = mentions.sentences;
  std::set<int> follow_ups;
  std::set<int> sidelines;
  std::vector<int> follow_up_mention(n, -1);
  for (int s = 1; s < n; ++s) {
    if (sm[s].follow_up >= 0) {
      follow_ups.insert(s);
      follow_up_mention[s] = sm[s].follow_up;
    }
    if (sm[s].sidelines) {
      sidelines.insert(s);
    }
  }
  // The anchor: the first body sentence that reports a meeting with a party in it.
  int anchor = -1;
  for (int s = 1; s < std::min(n, 12); ++s) {
    if (follow_ups.count(s) > 0 && s > 1) {
      continue;
    }
    if (sm[s].reports_meeting && HasParty(a, people, s)) {
      anchor = s;
      break;
    }
  }
  out.title_meeting = n > 0 && sm[0].reports_meeting;
  if (anchor < 0 && out.title_meeting && n > 1) {
    anchor = 1;
  }
  if (anchor < 0) {
    return out;
  }
  // When the main meeting was held, a later sentence that reports a meeting in the future
  // tense ("X and Y will meet in Ottawa next month") is another, scheduled meeting; when it was
  // not, only one that brings a new party in is.
  const bool main_held = CueStatus(a, anchor) == MentionStatus::kHeld;
  std::set<std::string> main_people;
  for (const Person& p : people) {
    if (p.in_title || p.InSentence(anchor) || p.InSentence(1)) {
      main_people.insert(p.surname);
    }
  }
  for (int s = anchor + 1; s < n; ++s) {
    if (follow_ups.count(s) > 0 || sidelines.count(s) > 0 || !sm[s].reports_meeting) {
      continue;
    }
    bool new_party = false;
    for (const Person& p : people) {
      new_party = new_party || (p.InSentence(s) && main_people.count(p.surname) == 0 &&
                                p.Participates() && p.level != RoleLevel::kUnknown);
    }
    if (!main_held && !new_party) {
      continue;  // A scheduled meeting described further, not another one.
    }
    if (sm[s].future >= 0) {
      follow_ups.insert(s);
      follow_up_mention[s] = sm[s].future;
    }
  }

  MeetingGroup main;
  main.role = GroupRole::kMain;
  main.anchor = anchor;
  // The window: headline, lead sentence (it names the parties even without a meeting word),
  // anchor, and the meeting sentences right after it.
  main.window = {0, anchor};
  if (n > 1 && follow_ups.count(1) == 0 && sidelines.count(1) == 0) {
    main.window.insert(1);
  }
  for (int s = anchor + 1; s < std::min(n, anchor + 6); ++s) {
    if (follow_ups.count(s) == 0 && sm[s].reports_meeting) {
      main.window.insert(s);
    }
  }
  main.people_sentences = main.window;
  for (int s = 1; s < std::min(n, anchor + 10); ++s) {
    if (sm[s].reports_meeting && follow_ups.count(s) == 0) {
      main.people_sentences.insert(s);
    }
  }
  for (int s = 1; s < std::min(n, anchor + 8); ++s) {
    if (follow_ups.count(s) == 0 && sidelines.count(s) == 0) {
      main.format_sentences.insert(s);
    }
  }
  main.document_sentences = main.window;
  for (int s = 1; s < n; ++s) {
    if (follow_ups.count(s) == 0 && sidelines.count(s) == 0) {
      main.document_sentences.insert(s);
    }
  }
  main.elsewhere = follow_ups;
  for (const MeetingMention& m : mentions.mentions) {
    if (main.window.count(m.sentence) > 0 && follow_ups.count(m.sentence) == 0) {
      main.mentions.push_back(static_cast<int>(&m - mentions.mentions.data()));
    }
  }
  out.groups.push_back(std::move(main));

  for (int s : follow_ups) {
    MeetingGroup next;
    next.role = GroupRole::kFollowUp;
    next.anchor = s;
    next.mention = follow_up_mention[s];
    next.mentions = {next.mention};
    next.window = {s};
    next.people_sentences = {s};
    out.groups.push_back(std::move(next));
  }
  for (int s : sidelines) {
    MeetingGroup parent;
    parent.role = GroupRole::kParentEvent;
    parent.anchor = s;
    parent.window = {s};
    out.groups.push_back(std::move(parent));
  }
  return out;
}

}  // namespace parley::extract
