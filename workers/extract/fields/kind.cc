// The kind resolver.
#include <algorithm>

#include "absl/strings/match.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

NamedFor MeetingNamedFor(const Context& c, const MeetingGroup& g) {
  const Annotations& a = c.a;
  NamedFor out;
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    if (mention.form != TriggerForm::kNoun) {
      continue;  // "the leaders also discussed": who speaks, not what the meeting is called.
    }
    const Sentence& sentence = a.sentence(mention.sentence);
    for (int k = std::max(sentence.first_token, mention.first - 3); k <= mention.first; ++k) {
      out.ministers = out.ministers || a.fold(k) == "ministerial";
    }
    // Its "of" complement: "the Session of the Assembly of Heads of State", "a meeting of
    // (the) foreign ministers".
    const bool of = mention.end < sentence.end_token && a.fold(mention.end) == "of";
    const int of_end = of ? std::max(mention.np_end, mention.end + 3) : mention.end;
    for (int ei : a.entities_in[mention.sentence]) {
      const Match& match = a.entities[ei];
      const Entry* role = match.Of(EntryType::kRole);
      if (role == nullptr) {
        continue;
      }
      const std::string& last = a.fold(match.end - 1);
      const bool plural =
          absl::EndsWith(last, "s") || absl::StartsWith(a.fold(match.first), "heads");
      // Right before the meeting word ("foreign ministers meeting", "leaders' summit").
      const bool before = match.end <= mention.first && match.end >= mention.first - 1;
      const bool after = match.first > mention.end && match.first < of_end;
      if (!plural || !(before || after)) {
        continue;
      }
      if (IsLeader(role->level)) {
        out.leaders = true;
      } else if (IsMinister(role->level) && absl::StartsWith(last, "minister")) {
        out.ministers = true;
      }
    }
  }
  return out;
}

v1::MeetingKind ResolveKind(const Context& c, const MeetingGroup& g, const v1::Meeting& m,
                            const std::vector<const Person*>& people) {
  const Annotations& a = c.a;
  const bool side_meeting =
      c.mentions.sentences[g.anchor].sidelines || c.mentions.sentences[0].sidelines;
  // A meeting word of the headline or the anchor.
  auto said = [&](TriggerKind kind) {
    if (side_meeting && (kind == TriggerKind::kSummit || kind == TriggerKind::kCouncil ||
                         kind == TriggerKind::kConference)) {
      return false;  // The summit is where the side meeting took place.
    }
    // Meeting words that stand as meeting mentions ("called off" is not a call), in the
    // headline or the anchor, not in another meeting's clause.
    const int gi = IndexOf(c, g);
    for (const MeetingMention& mention : c.mentions.mentions) {
      if ((mention.sentence == 0 || mention.sentence == g.anchor) &&
          a.TriggerAt(mention.first, kind) && !OwnedByOther(c, mention.first, gi)) {
        return true;
      }
    }
    return false;
  };
  if (g.kind == TriggerKind::kPhone || said(TriggerKind::kPhone)) {
    return v1::MEETING_KIND_PHONE_CALL;
  }
  if (g.kind == TriggerKind::kVideo || said(TriggerKind::kVideo)) {
    return v1::MEETING_KIND_VIDEO_CONFERENCE;
  }
  bool leaders = false;
  bool ministers = false;
  for (const Person* p : people) {
    leaders = leaders || IsLeader(p->level);
    ministers = ministers || IsMinister(p->level);
  }
  const int parties =
      m.countries_size() + (m.organizations_size() > 0 && m.countries_size() < 2 ? 1 : 0);
  bool official_visit = said(TriggerKind::kStateVisit) || g.kind == TriggerKind::kStateVisit;
  for (int s : {0, g.anchor}) {
    for (int t : a.triggers_in[s]) {
      const Match& match = a.triggers[t];
      if (!a.TriggerAt(match.first, TriggerKind::kVisit)) {
        continue;
      }
      for (int k = std::max(a.sentence(s).first_token, match.first - 5); k < match.first; ++k) {
        official_visit = official_visit || a.Is(k, WordClass::kOfficialVisitWord);
      }
    }
  }
  // The visitor must be a head of state or government: a minister's official visit is
  // bilateral talks. The visitor is the subject of a visit word of the meeting, else the
  // person the article follows.
  bool leader_visits = false;
  bool visitor_known = false;
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    if (mention.kind != TriggerKind::kVisit && mention.kind != TriggerKind::kStateVisit) {
      continue;
    }
    for (int p : mention.subject.people) {
      visitor_known = true;
      leader_visits = leader_visits || IsLeader(c.people[p].level);
    }
  }
  // "X's first official visit": the possessive names the visitor. "President A received
  // (hosted, welcomed) Minister B": the one received is the visitor, not the host the article
  // may follow.
  auto possessor = [&](const MeetingMention& mention) {
    const int first = a.sentence(mention.sentence).first_token;
    for (int k = mention.first - 1; k >= std::max(first, mention.first - 4); --k) {
      if (a.fold(k) != "'s") {
        continue;
      }
      for (size_t p = 0; p < c.people.size(); ++p) {
        for (const PersonMention& pm : c.people[p].mentions) {
          if (pm.sentence == mention.sentence && pm.end == k) {
            return static_cast<int>(p);
          }
        }
      }
      return -1;
    }
    return -1;
  };
  if (!visitor_known) {
    for (int mi : g.mentions) {
      const MeetingMention& mention = c.mentions.mentions[mi];
      const bool visit =
          mention.kind == TriggerKind::kVisit || mention.kind == TriggerKind::kStateVisit;
      const int p = visit && mention.form != TriggerForm::kVerb ? possessor(mention) : -1;
      if (p >= 0) {
        visitor_known = true;
        leader_visits = leader_visits || IsLeader(c.people[p].level);
      }
      const bool passive =
          mention.end < a.sentence(mention.sentence).end_token && a.fold(mention.end) == "by";
      if (mention.form == TriggerForm::kVerb && a.Is(mention.first, WordClass::kHostVerb) &&
          !passive) {
        for (int q : mention.object.people) {
          visitor_known = true;
          leader_visits = leader_visits || IsLeader(c.people[q].level);
        }
      }
    }
  }
  if (!visitor_known && c.mentions.principal >= 0) {
    leader_visits = IsLeader(c.people[c.mentions.principal].level);
    visitor_known = true;
  }
  if (official_visit && leaders && (leader_visits || !visitor_known)) {
    return v1::MEETING_KIND_STATE_VISIT;
  }
  if (said(TriggerKind::kSummit) &&
      (leaders || !m.format().empty() || m.organizations_size() > 0 || parties >= 2)) {
    return v1::MEETING_KIND_SUMMIT;
  }
  // A meeting a body or format holds, named for its leaders ("the Session of the Assembly of
  // Heads of State and Government of the AU", "the G7 leaders' meeting"): its summit.
  if (MeetingNamedFor(c, g).leaders &&
      (m.organizations_size() > 0 || !m.format().empty() || parties >= 3)) {
    return v1::MEETING_KIND_SUMMIT;
  }
  // "The heads of state of ECOWAS met", "EU leaders met": a body's leaders meeting as a body.
  if (m.organizations_size() > 0 || !m.format().empty()) {
    for (int mi : g.mentions) {
      const MeetingMention& mention = c.mentions.mentions[mi];
      if (mention.sentence != g.anchor || !mention.subject.collective ||
          mention.subject.orgs.empty()) {
        continue;
      }
      for (int ei : a.entities_in[mention.sentence]) {
        const Match& match = a.entities[ei];
        const Entry* role = match.Of(EntryType::kRole);
        if (role != nullptr && IsLeader(role->level) && match.end <= mention.first &&
            (absl::EndsWith(a.fold(match.end - 1), "s") ||
             absl::StartsWith(a.fold(match.first), "heads"))) {
          return v1::MEETING_KIND_SUMMIT;
        }
      }
    }
  }
  // An event named by its own word with no sides of its own ("on the sidelines of the Doha
  // Forum", "at the Munich Security Conference", "before the G20 summit"): a summit is a
  // summit, a forum or conference multilateral; not the two-party talks held at it.
  if (g.role == GroupRole::kEvent && g.countries.size() < 2) {
    if (g.kind == TriggerKind::kSummit) {
      return v1::MEETING_KIND_SUMMIT;
    }
    if (g.kind == TriggerKind::kConference) {
      return v1::MEETING_KIND_MULTILATERAL;
    }
  }
  // The meeting's own words name exactly two countries as its sides ("A met B", "talks
  // between A and B"): two-party talks, whatever other countries its window names.
  if (g.countries.size() == 2 && g.orgs.empty() && g.format.empty() && m.format().empty()) {
    return v1::MEETING_KIND_BILATERAL;
  }
  // The meeting's own noun phrase is one of ministers ("the foreign ministers' meeting", "the
  // Ministerial Council", "a ministerial conference"): a body's or three or more countries'
  // meeting is ministerial, whoever else the window names.
  bool own_ministerial = false;
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    const int first = a.sentence(mention.sentence).first_token;
    for (int k = std::max(first, mention.first - 3); k <= mention.first; ++k) {
      own_ministerial = own_ministerial || a.fold(k) == "ministerial";
    }
    for (int mi2 : a.entities_in[mention.sentence]) {
      const Match& match = a.entities[mi2];
      const Entry* role = match.Of(EntryType::kRole);
      if (role != nullptr && IsMinister(role->level) && match.end <= mention.first &&
          match.end >= mention.first - 1 && absl::StartsWith(a.fold(match.end - 1), "minister") &&
          absl::EndsWith(a.fold(match.end - 1), "s")) {
        own_ministerial = true;  // "foreign ministers meeting", "ministers' meeting".
      }
    }
  }
  if (own_ministerial && (m.organizations_size() > 0 || !m.format().empty() || parties >= 3)) {
    return v1::MEETING_KIND_MINISTERIAL;
  }
  // Ministers of three or more countries, or a format's ministerial body.
  bool minister_words = false;
  bool plural_ministers = false;  // "ministers": a meeting of several, not one minister's.
  for (int s : g.window) {
    for (int mi : a.entities_in[s]) {
      const Match& match = a.entities[mi];
      const Entry* role = match.Of(EntryType::kRole);
      if (role == nullptr) {
        continue;
      }
      if (role->level == RoleLevel::kForeignMinister && a.Text(match.first, match.end).size() > 2) {
        minister_words = true;
      }
      if (IsMinister(role->level) && absl::EndsWith(a.fold(match.end - 1), "s")) {
        minister_words = true;  // Plural: "ministers", "FMs".
        plural_ministers = true;
      }
    }
  }
  // A body's or format's meeting of ministers ("the CICA foreign ministers' meeting") is
  // ministerial however few of its members the text names.
  const bool body = m.organizations_size() > 0 || !m.format().empty();
  if ((said(TriggerKind::kCouncil) && (ministers || minister_words)) ||
      (parties >= 3 && (ministers || minister_words) && !leaders) ||
      (body && plural_ministers && !leaders)) {
    return v1::MEETING_KIND_MINISTERIAL;
  }
  if (parties == 2 || (parties == 1 && m.people_size() >= 2)) {
    return v1::MEETING_KIND_BILATERAL;
  }
  if (parties >= 3) {
    return v1::MEETING_KIND_MULTILATERAL;
  }
  // "The African Union's Peace and Security Council met": a body meeting on its own, no
  // country or second person named, is its members' meeting.
  if (m.countries_size() == 0 && m.organizations_size() > 0 && m.people_size() < 2) {
    return v1::MEETING_KIND_MULTILATERAL;
  }
  if (said(TriggerKind::kVisit) || said(TriggerKind::kMeet)) {
    return v1::MEETING_KIND_BILATERAL;
  }
  return v1::MEETING_KIND_OTHER;
}

}  // namespace parley::extract
