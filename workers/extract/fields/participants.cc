// Resolvers for who takes part: countries, people, organisations, the format.
#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "workers/extract/dates.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

int IndexOf(const Context& c, const MeetingGroup& g) {
  (void)c;
  return g.index;
}

bool OwnedByOther(const Context& c, int i, int group) {
  const int owner = c.grouping.owner[i];
  return group >= 0 && owner >= 0 && owner != group;
}

namespace {

// "The summit recalled the 1986 Reykjavik meeting between X and Y, when the Soviet leader
// proposed ...": token `i` of sentence `s` is in the clause of a meeting of the past, or after
// it in the sentence, which tells of it.
bool InAPastMeetingsClause(const Context& c, int s, int i) {
  for (const MeetingMention& mm : c.mentions.mentions) {
    if (mm.sentence == s && mm.relation == MentionRelation::kPrevious && i >= mm.clause_first) {
      return true;
    }
  }
  return false;
}

// "influence in Central Asia", "talks on the Gulf states": a regional group after a locative or
// a preposition of subject is where something happens or what is talked about, not its members
// taking part ("leaders from Central Asia", "a visit to the Baltic states" still are).
bool RegionIsAPlaceOrTopic(const Annotations& a, int first) {
  const int sentence_first = a.sentence(a.tok(first).sentence).first_token;
  int k = first - 1;
  while (k >= sentence_first && a.fold(k) == "the") {
    --k;
  }
  if (k < sentence_first) {
    return false;
  }
  const std::string& f = a.fold(k);
  return (a.Is(k, WordClass::kLocative) && f != "to" && f != "from" && f != "into") ||
         (a.Is(k, WordClass::kSubjectPreposition) && f != "including" && f != "like" &&
          f != "than");
}

}  // namespace

std::set<std::string> CountriesIn(const Context& c, const std::set<int>& sentences, int anchor,
                                  int group, std::vector<FieldEvidence>* evidence,
                                  const std::set<std::string>& known) {
  std::set<std::string> out;
  auto place = c.parties.places.begin();
  auto region = c.parties.groups.begin();
  for (int s : sentences) {
    // In the headline, the lead and the anchor any place in a party slot counts; elsewhere
    // only places that qualify a role or person (later sentences list the topics discussed).
    const bool main_sentence = s == 0 || s == 1 || s == anchor || sentences.size() == 1;
    while (place != c.parties.places.end() && place->sentence < s) {
      ++place;
    }
    for (; place != c.parties.places.end() && place->sentence == s; ++place) {
      if (OwnedByOther(c, place->first, group) ||
          (!main_sentence && InAPastMeetingsClause(c, s, place->first))) {
        continue;
      }
      if (place->slot == PlaceSlot::kParty || (main_sentence && place->slot == PlaceSlot::kOpen)) {
        if (out.insert(place->code).second && evidence != nullptr) {
          evidence->push_back({"countries", place->first, place->end, place->code});
        }
      }
    }
    // Regional groups stand for their members when fewer than two of them are named.
    while (region != c.parties.groups.end() && region->sentence < s) {
      ++region;
    }
    for (; region != c.parties.groups.end() && region->sentence == s; ++region) {
      if (OwnedByOther(c, region->first, group) || RegionIsAPlaceOrTopic(c.a, region->first)) {
        continue;
      }
      int named = 0;
      for (const std::string& code : *region->members) {
        named += out.count(code) > 0 || known.count(code) > 0 ? 1 : 0;
      }
      if (named < 2) {
        for (const std::string& code : *region->members) {
          if (out.insert(code).second && evidence != nullptr) {
            evidence->push_back({"countries", region->first, region->end, code});
          }
        }
      }
    }
  }
  return out;
}

namespace {

// "then-President X", "the then-foreign minister, X": someone named for an office held in the
// past, who is recalled, not present in that office.
bool NamedForAPastOffice(const Annotations& a, const Person& p) {
  for (const PersonMention& m : p.mentions) {
    const int start = m.role_first >= 0 ? std::min(m.role_first, m.first) : m.first;
    for (int k = std::max(0, start - 4); k + 1 < start; ++k) {
      if (a.fold(k) == "then" && a.fold(k + 1) == "-") {
        return true;
      }
    }
  }
  return false;
}

// "Biden's domestic agenda", "Modi's own call to fight poverty": a name that only owns a thing
// (no meeting word or counterpart in the four words after its "'s") says nothing of taking part;
// nor does one whose aide is told ("Chancellor X's foreign policy adviser": the adviser meets).
bool PossessorOfAThing(const Annotations& a, const PersonMention& m) {
  const int sentence_end = a.sentence(m.sentence).end_token;
  if (m.end >= sentence_end || a.fold(m.end) != "'s") {
    return false;
  }
  for (int k = m.end + 1; k < sentence_end && k <= m.end + 4; ++k) {
    if (!a.tok(k).word) {
      break;
    }
    if (a.trigger_at[k] >= 0 || a.fold(k) == "counterpart" || a.fold(k) == "counterparts") {
      return false;
    }
    if (a.EntityAt(k, EntryType::kRole) != nullptr) {
      return !a.tok(k).cap;
    }
  }
  return true;
}

// True when `p` is mentioned outside the clauses of other meetings than `group`, and `holds` is
// true of every such mention: the shared shape of the readers below.
template <typename Predicate>
bool EveryMentionHere(const Context& c, const Person& p, int group, Predicate holds) {
  bool any = false;
  for (const PersonMention& m : p.mentions) {
    if (OwnedByOther(c, m.first, group)) {
      continue;
    }
    if (!holds(m)) {
      return false;
    }
    any = true;
  }
  return any;
}

// True when every mention of `p` outside the clauses of other meetings than `group` owns a thing
// ("Biden's domestic agenda"), and there is one.
bool OnlyAPossessorHere(const Context& c, const Person& p, int group) {
  return EveryMentionHere(c, p, group,
                          [&](const PersonMention& m) { return PossessorOfAThing(c.a, m); });
}

// "Egypt's foreign minister, X, said in Cairo ..." of a meeting placed in another country's
// town: every mention of `p` outside other meetings' clauses speaks from elsewhere.
bool SpeaksFromElsewhere(const Context& c, const Person& p, const std::string& town_country,
                         int group) {
  if (town_country.empty()) {
    return false;
  }
  return EveryMentionHere(c, p, group, [&](const PersonMention& m) {
    const int sentence_end = c.a.sentence(m.sentence).end_token;
    bool away = false;
    for (int k = m.end; k + 2 < sentence_end && k <= m.end + 3 && !away; ++k) {
      // "X, speaking in Brussels on Monday, said": the participle of speech too.
      if (!c.a.Is(k, WordClass::kSpeechVerb) && c.a.fold(k) != "speaking") {
        continue;
      }
      const std::string& f = c.a.fold(k + 1);
      const Entry* town = c.a.EntityAt(k + 2, EntryType::kPlace);
      away = (f == "in" || f == "from") && town != nullptr && IsTown(town->place) &&
             town->code != town_country;
    }
    return away;
  });
}

// "Foreign Secretary X told a briefing that the two prime ministers discussed ...": every
// mention of `p` here is the subject of a speech verb whose clause reports the meeting of others
// (its own subject names other people, or a collective): `p` reports it and takes no part.
bool OnlyReportsOthers(const Context& c, const Person& p, const MeetingGroup& g, int group) {
  const int self = static_cast<int>(&p - c.people.data());
  return EveryMentionHere(c, p, group, [&](const PersonMention& m) {
    const int sentence_end = c.a.sentence(m.sentence).end_token;
    int verb = -1;
    for (int k = m.end; k < sentence_end && k <= m.end + 1 && verb < 0; ++k) {
      verb = c.a.Is(k, WordClass::kSpeechVerb) ? k : -1;
    }
    bool others = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      const Side& subject = mm.subject;
      others =
          others ||
          (verb >= 0 && mm.sentence == m.sentence && mm.first > verb &&
           (!subject.people.empty() || subject.role_only >= 0 || subject.collective) &&
           std::find(subject.people.begin(), subject.people.end(), self) == subject.people.end() &&
           subject.role_only != self && !subject.pronoun);
    }
    return others;
  });
}

// The token after a name's appositive (", the opposition leader,"), or `k` itself when none
// follows; -1 when the appositive runs to the end of the sentence unclosed.
int PastAppositive(const Annotations& a, int k, int sentence_end) {
  if (k >= sentence_end || a.fold(k) != ",") {
    return k;
  }
  int close = k + 1;
  while (close < sentence_end && close <= k + 12 && a.fold(close) != ",") {
    ++close;
  }
  return close >= sentence_end ? -1 : close + 1;
}

// True when every mention of `p` where this meeting is reported is the subject of a verb of
// reaction whose object is a meeting told of ("Opposition leader X criticised the visit",
// "X, the opposition leader, welcomed the talks"): a commentator, not a participant.
bool OnlyReactsToAMeeting(const Context& c, const Person& p, int group) {
  return EveryMentionHere(c, p, group, [&](const PersonMention& m) {
    const int sentence_end = c.a.sentence(m.sentence).end_token;
    const int k = PastAppositive(c.a, m.end, sentence_end);
    if (k < 0) {
      return false;
    }
    if (k + 2 >= sentence_end || !c.a.Is(k, WordClass::kReactionVerb) ||
        !c.a.Is(k + 1, WordClass::kAnaphor)) {
      return false;
    }
    bool meeting = false;
    for (int q = k + 2; q < sentence_end && q <= k + 3 && !meeting; ++q) {
      meeting = c.a.trigger_at[q] >= 0;
    }
    return meeting;
  });
}

// True when the predicate of the name ending at token `end` says its bearer was not there:
// "X was not in Moscow", "X, the opposition leader's brother, did not attend", "X was not part
// of the delegation", "X stayed away", "X was absent". An appositive between commas is skipped.
bool SaidToBeAbsent(const Annotations& a, int end, int sentence_end) {
  int k = end;
  if (k < sentence_end && a.fold(k) == ",") {
    int close = k + 1;
    while (close < sentence_end && close <= k + 12 && a.fold(close) != ",") {
      ++close;
    }
    if (close >= sentence_end || a.fold(close) != ",") {
      return false;
    }
    k = close + 1;
  }
  if (k + 1 >= sentence_end) {
    return false;
  }
  const std::string& verb = a.fold(k);
  const std::string& next = a.fold(k + 1);
  if (next == "absent" && (verb == "was" || verb == "were" || verb == "is")) {
    return true;
  }
  if ((verb == "stayed" || verb == "stays") && next == "away") {
    return true;
  }
  if (verb == "skipped" || verb == "boycotted") {
    return true;
  }
  static constexpr absl::string_view kAuxiliaries[] = {"was",  "were", "is",  "did",
                                                       "does", "has",  "had", "will"};
  if (std::find(std::begin(kAuxiliaries), std::end(kAuxiliaries), verb) == std::end(kAuxiliaries) ||
      (next != "not" && next != "n't" && next != "never")) {
    return false;
  }
  int w = k + 2;
  if (w < sentence_end && (a.fold(w) == "be" || a.fold(w) == "been")) {
    ++w;
  }
  if (w >= sentence_end) {
    return false;
  }
  static constexpr absl::string_view kPresence[] = {
      "in",        "at",    "present", "part",        "among",       "attend",
      "attending", "join",  "joining", "accompany",   "travel",      "take",
      "taking",    "there", "invited", "represented", "participate", "come"};
  return std::find(std::begin(kPresence), std::end(kPresence), a.fold(w)) != std::end(kPresence);
}

// True when every mention of `p` outside other meetings' clauses is said to be absent.
bool OnlySaidToBeAbsent(const Context& c, const Person& p, int group) {
  return EveryMentionHere(c, p, group, [&](const PersonMention& m) {
    return SaidToBeAbsent(c.a, m.end, c.a.sentence(m.sentence).end_token);
  });
}

// "The summit comes a week after X attended the APEC forum, where he met Y briefly": every
// mention of `p` is a side of a meeting of the past told in its clause, a meeting of its own.
bool OnlyInPastMeetings(const Context& c, const Person& p) {
  const int self = static_cast<int>(&p - c.people.data());
  for (const PersonMention& m : p.mentions) {
    bool past = false;
    for (const MeetingMention& mm : c.mentions.mentions) {
      if (mm.sentence != m.sentence || mm.relation != MentionRelation::kPrevious ||
          m.first < mm.clause_first || m.first >= mm.clause_end) {
        continue;
      }
      past = past ||
             std::find(mm.subject.people.begin(), mm.subject.people.end(), self) !=
                 mm.subject.people.end() ||
             std::find(mm.object.people.begin(), mm.object.people.end(), self) !=
                 mm.object.people.end();
    }
    if (!past) {
      return false;
    }
  }
  return !p.mentions.empty();
}

// "Chinese President X launched the initiative in Astana in 2013": the sentence dates a deed
// in a year before the publication's ("in 2013", "on March 5, 2013"), a sentence of background.
// Not "in office since 2021" or "the 2019 agreement", nor a sentence in which someone says
// something ("X said the partnership signed in 2019 ..."): the speaker speaks now. `m` is the
// official's mention there.
bool TellsOfAnEarlierYear(const Annotations& a, const PersonMention& m) {
  if (a.published_key == 0) {
    return false;
  }
  const int published_year = a.published_key / 10000;
  const int s = m.sentence;
  const int first = a.sentence(s).first_token;
  const int end = a.sentence(s).end_token;
  // "X, who took office in 2021,", "X, appointed in March 2022,": an appositive after the name
  // tells of the official's past, not of what the sentence says the official did.
  int appositive_end = m.end;
  if (m.end < end && a.fold(m.end) == ",") {
    appositive_end = m.end + 1;
    while (appositive_end < end && a.fold(appositive_end) != ",") {
      ++appositive_end;
    }
  }
  bool earlier = false;
  for (int k = first; k < end; ++k) {
    const std::string& f = a.fold(k);
    if (f == "said" || f == "says" || f == "told" || f == "stressed" || f == "noted" ||
        f == "added") {
      return false;
    }
    int year = 0;
    if (k > first && (k < m.end || k >= appositive_end) && f.size() == 4 &&
        absl::SimpleAtoi(f, &year) && year >= 1900 && year < published_year &&
        (a.fold(k - 1) == "in" || IsMonthName(a.fold(k - 1)) ||
         (a.fold(k - 1) == "," && k - 3 >= first && IsMonthName(a.fold(k - 3))))) {
      earlier = true;
    }
  }
  return earlier;
}

// True when every mention of `p` outside other meetings' clauses is the subject of a past
// perfect that is no meeting word ("Prime Minister X had called for a ceasefire last week",
// "X, the defence minister, had warned"): what was done before, not taking part.
bool OnlyDidSomethingBefore(const Context& c, const Person& p, int group) {
  return EveryMentionHere(c, p, group, [&](const PersonMention& m) {
    const int sentence_end = c.a.sentence(m.sentence).end_token;
    const int k = PastAppositive(c.a, m.end, sentence_end);
    if (k < 0) {
      return false;
    }
    if (k + 1 >= sentence_end || c.a.fold(k) != "had" || !c.a.tok(k + 1).word ||
        c.a.tok(k + 1).cap || c.a.frame_at[k + 1] >= 0 || !absl::EndsWith(c.a.fold(k + 1), "ed")) {
      return false;
    }
    // "had met", "had called Y": a meeting of the past may be this one told in reported speech;
    // "had called for a ceasefire" is no meeting.
    return c.a.trigger_at[k + 1] < 0 || (k + 2 < sentence_end && c.a.fold(k + 2) == "for");
  });
}

// True when every mention of `p` outside other meetings' clauses is the subject of a removal
// from office or life ("since X was ousted in December", "X was assassinated", "X died"): a
// leader of the past, not one taking part.
bool OnlyRemovedFromOffice(const Context& c, const Person& p, int group) {
  static constexpr absl::string_view kRemoved[] = {"ousted",    "toppled", "overthrown",
                                                   "deposed",   "killed",  "assassinated",
                                                   "impeached", "exiled",  "executed"};
  return EveryMentionHere(c, p, group, [&](const PersonMention& m) {
    const int sentence_end = c.a.sentence(m.sentence).end_token;
    int k = m.end;
    if (k < sentence_end && c.a.fold(k) == "had" && k + 1 < sentence_end &&
        c.a.fold(k + 1) == "been") {
      ++k;
    }
    if (k < sentence_end && c.a.fold(k) == "died") {
      return true;
    }
    return k + 1 < sentence_end &&
           (c.a.fold(k) == "was" || c.a.fold(k) == "were" || c.a.fold(k) == "been") &&
           std::find(std::begin(kRemoved), std::end(kRemoved), c.a.fold(k + 1)) !=
               std::end(kRemoved);
  });
}

}  // namespace

// True when every mention of `p` follows a word that holds it as background ("the funeral of
// Queen X", "the government of President Y", "the swearing-in of Leader Z", "the crash that
// killed Minister W"): an official told of, not one taking part.
bool OnlyHeldAsBackground(const Annotations& a, const Person& p) {
  for (const PersonMention& m : p.mentions) {
    const int sentence_first = a.sentence(m.sentence).first_token;
    int k = (m.role_first >= 0 ? std::min(m.role_first, m.first) : m.first) - 1;
    // "the ouster of its president, X": the role of an appositive before the name.
    if (k - 1 >= sentence_first && a.fold(k) == "," &&
        a.EntityAt(k - 1, EntryType::kRole) != nullptr) {
      k = a.entities[a.entity_at[k - 1]].first - 1;
    }
    // "the late", "the Liberal Leader": articles and up to two capitalised words before it;
    // "Egypt's first democratically elected president": a country's possessive, an ordinal
    // and up to three adverbs or participles.
    int modifiers = 0;
    for (int skipped = 0; k >= sentence_first &&
                          (a.fold(k) == "the" || a.fold(k) == "late" || a.fold(k) == "'s" ||
                           (a.tok(k).word && a.tok(k).cap && skipped < 2 &&
                            !a.Is(k, WordClass::kBackgroundHolder)) ||
                           (modifiers < 3 && a.tok(k).word && !a.tok(k).cap &&
                            (a.Is(k, WordClass::kOrdinal) || a.fold(k) == "first" ||
                             absl::EndsWith(a.fold(k), "ly") || absl::EndsWith(a.fold(k), "ed")) &&
                            !a.Is(k, WordClass::kBackgroundHolder)));
         --k) {
      skipped += a.tok(k).cap ? 1 : 0;
      modifiers +=
          a.tok(k).word && !a.tok(k).cap && a.fold(k) != "the" && a.fold(k) != "late" ? 1 : 0;
    }
    // "the coordinator under President X": the time of X's office, not X taking part.
    if (k >= sentence_first && a.fold(k) == "under") {
      continue;
    }
    if (k >= sentence_first + 1 && a.fold(k) == "of") {
      --k;
      if (k >= sentence_first + 2 && a.fold(k) == "in" && a.fold(k - 1) == "-") {
        k -= 2;  // "swearing-in of".
      }
    }
    if (k < sentence_first || !a.Is(k, WordClass::kBackgroundHolder)) {
      return false;
    }
  }
  return !p.mentions.empty();
}

Participants ResolveParticipants(const Context& c, const MeetingGroup& g) {
  Participants out;
  const int gi = IndexOf(c, g);
  // A sentence that splits a list into meetings of their own ("met A, B and C") names this
  // meeting's parties in its unit only.
  std::set<int> split;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.distributive || m.distribute_subject) {
      split.insert(m.sentence);
    }
  }
  std::set<int> window;
  for (int s : g.window) {
    if (split.count(s) == 0) {
      window.insert(s);
    }
  }
  const std::set<std::string> own(g.countries.begin(), g.countries.end());
  out.countries = CountriesIn(c, window, g.anchor, gi, &out.evidence, own);
  for (const std::string& code : g.countries) {
    out.countries.insert(code);
  }
  // A person named only in the clauses of other meetings of the article takes part in those.
  auto only_elsewhere = [&](const Person& p) {
    for (const PersonMention& m : p.mentions) {
      if (!OwnedByOther(c, m.first, gi)) {
        return false;
      }
    }
    return true;
  };
  auto take = [&](const Person& p) {
    out.people.push_back(&p);
    out.evidence.push_back({"people", p.first_token, p.end_token, p.name});
    if (!p.country.empty() && out.countries.insert(p.country).second) {
      out.evidence.push_back({"countries", p.first_token, p.end_token, p.country});
    }
  };
  for (int p : g.people) {
    if (!OnlySaidToBeAbsent(c, c.people[p], gi)) {
      take(c.people[p]);
    }
  }
  // The sides of a meeting held at this event take part in it too ("X also met Y on the
  // sidelines": both were at the ministers' meeting).
  for (const MeetingGroup& side : c.grouping.groups) {
    if (side.parent != gi || &side == &g) {
      continue;
    }
    for (int p : side.people) {
      if (std::find(out.people.begin(), out.people.end(), &c.people[p]) == out.people.end() &&
          !OnlySaidToBeAbsent(c, c.people[p], gi)) {
        take(c.people[p]);
      }
    }
  }
  // People named with a role (or known) where the meeting is reported.
  for (const Person& p : c.people) {
    if (std::find(out.people.begin(), out.people.end(), &p) != out.people.end() ||
        only_elsewhere(p) || OnlyHeldAsBackground(c.a, p) || p.former ||
        OnlyAPossessorHere(c, p, gi) || OnlySaidToBeAbsent(c, p, gi) ||
        SpeaksFromElsewhere(c, p, g.town, gi) || OnlyRemovedFromOffice(c, p, gi) ||
        (gi == 0 && OnlyInPastMeetings(c, p))) {
      continue;
    }
    bool here = p.in_title;
    for (const PersonMention& m : p.mentions) {
      here = here || (g.people_sentences.count(m.sentence) > 0 && split.count(m.sentence) == 0 &&
                      !OwnedByOther(c, m.first, gi));
    }
    if (!p.Participates() || NamedForAPastOffice(c.a, p) || OnlyReportsOthers(c, p, g, gi) ||
        OnlyReactsToAMeeting(c, p, gi) ||
        (p.level == RoleLevel::kUnknown && !p.from_dictionary && !p.in_title &&
         !(p.possessed && out.countries.count(p.country) > 0))) {
      // Spokespeople, and people named without a role: commentators more often; not one named
      // for a party's country ("Brazil's X, Argentina's Y and Uruguay's Z said").
      continue;
    }
    if (p.level == RoleLevel::kOfficial && !p.in_title && !p.InSentence(g.anchor) &&
        !p.InSentence(1)) {
      continue;  // Directors and advisers named in passing.
    }
    if (here) {
      take(p);
    }
  }
  // Officials of a participating country named anywhere in the report (the host minister who
  // "expressed his view" took part too); with fewer than two parties known, the leaders named
  // right after the anchor are them.
  for (const Person& p : c.people) {
    if (std::find(out.people.begin(), out.people.end(), &p) != out.people.end() ||
        only_elsewhere(p) || OnlyHeldAsBackground(c.a, p) || p.former ||
        OnlyAPossessorHere(c, p, gi) || p.level == RoleLevel::kUnknown || !p.Participates() ||
        p.level == RoleLevel::kCounterpart || NamedForAPastOffice(c.a, p) ||
        SpeaksFromElsewhere(c, p, g.town, gi) || OnlyReportsOthers(c, p, g, gi) ||
        OnlyReactsToAMeeting(c, p, gi) || OnlySaidToBeAbsent(c, p, gi) ||
        OnlyDidSomethingBefore(c, p, gi) || OnlyRemovedFromOffice(c, p, gi) ||
        (gi == 0 && OnlyInPastMeetings(c, p))) {
      continue;
    }
    bool elsewhere = false;
    bool near = false;
    for (const PersonMention& m : p.mentions) {
      const bool other = g.elsewhere.count(m.sentence) > 0 ||
                         (m.sentence != g.anchor && g.people_sentences.count(m.sentence) == 0 &&
                          TellsOfAnEarlierYear(c.a, m));
      elsewhere = elsewhere || (!other && m.sentence < g.anchor + 12);
      near = near || (!other && m.sentence <= g.anchor + 2);
    }
    const bool leading = p.level == RoleLevel::kHeadOfState ||
                         p.level == RoleLevel::kHeadOfGovernment ||
                         p.level == RoleLevel::kForeignMinister;
    if ((elsewhere &&
         ((!p.country.empty() && out.countries.count(p.country) > 0) || !p.org.empty())) ||
        (near && leading && out.countries.size() < 2)) {
      take(p);
    }
  }
  // "X held talks with his Indian counterpart ... discussed Nepal-India ties": with one country
  // known and a participant of no known country, the other name of a pair of countries before
  // "relations" or "ties" is that participant's.
  bool unknown = false;
  for (const Person* p : out.people) {
    unknown = unknown || (p->country.empty() && p->org.empty());
  }
  if (gi == 0 && out.countries.size() == 1 && unknown) {
    const std::string known = *out.countries.begin();
    for (size_t i = 0; i + 1 < c.parties.places.size(); ++i) {
      const PlaceMention& x = c.parties.places[i];
      const PlaceMention& y = c.parties.places[i + 1];
      const int after = y.end;
      if (x.sentence != y.sentence || y.first != x.end + 1 || c.a.fold(x.end) != "-" ||
          after >= c.a.sentence(y.sentence).end_token || OwnedByOther(c, x.first, gi) ||
          (c.a.fold(after) != "relations" && c.a.fold(after) != "ties" &&
           c.a.fold(after) != "relationship") ||
          x.code == y.code || (x.code != known && y.code != known)) {
        continue;
      }
      const PlaceMention& other = x.code == known ? y : x;
      out.countries.insert(other.code);
      out.evidence.push_back({"countries", other.first, other.end, other.code});
      break;
    }
  }
  return out;
}

std::vector<std::string> ResolveOrganizations(const Context& c, const std::set<int>& sentences,
                                              int group) {
  std::set<std::string> out;
  for (const OrgMention& o : c.parties.orgs) {
    if (o.kind == OrgKind::kOrg && o.takes_part && sentences.count(o.sentence) > 0 &&
        !OwnedByOther(c, o.first, group)) {
      out.insert(o.code);
    }
  }
  for (const Person& p : c.people) {
    if (p.org.empty()) {
      continue;
    }
    for (const PersonMention& m : p.mentions) {
      if (sentences.count(m.sentence) > 0 && !OwnedByOther(c, m.first, group)) {
        out.insert(p.org);
      }
    }
  }
  return {out.begin(), out.end()};
}

std::string FormatIn(const Context& c, const std::set<int>& sentences, int group) {
  for (const FormatMention& f : c.parties.formats) {
    if (sentences.count(f.sentence) > 0 && !OwnedByOther(c, f.first, group)) {
      return f.name;
    }
  }
  for (const OrgMention& o : c.parties.orgs) {
    // A club of states holding the meeting ("the G20 summit", "leaders of the G7"), not one
    // named for a thing of its own ("India's G20 presidency").
    if (o.kind == OrgKind::kGroup && o.takes_part && sentences.count(o.sentence) > 0 &&
        !OwnedByOther(c, o.first, group)) {
      return o.code;
    }
  }
  return "";
}

std::string ResolveFormat(const Context& c, const MeetingGroup& g) {
  if (!g.format.empty()) {
    return g.format;
  }
  std::string format = FormatIn(c, g.window, IndexOf(c, g));
  if (format.empty()) {
    format = FormatIn(c, g.format_sentences, IndexOf(c, g));
  }
  return format;
}

}  // namespace parley::extract
