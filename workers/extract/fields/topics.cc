// The topics resolver.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "workers/extract/fields/fields.h"

namespace parley::extract {

namespace {

// "economic ties were not on the agenda", "trade was not discussed": a sentence that denies a
// subject was taken up tells no topic of the meeting.
bool DeniesATopic(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  for (int k = sentence.first_token; k < sentence.end_token; ++k) {
    if (!a.Is(k, WordClass::kTopicCue)) {
      continue;
    }
    for (int q = std::max(sentence.first_token, k - 3); q < k; ++q) {
      const std::string& f = a.fold(q);
      if ((f == "not" || f == "n't" || f == "never") &&
          (q + 1 >= sentence.end_token || a.fold(q + 1) != "only")) {
        return true;
      }
    }
  }
  return false;
}

// "talks on Syria", "the situation in Libya", "developments in Afghanistan": a country that is
// no side of the meeting, named as what was talked about, stands for the conflict there.
bool ThirdCountryDiscussed(const Context& c, int s, const std::set<std::string>& sides) {
  const Annotations& a = c.a;
  const Sentence& sentence = a.sentence(s);
  for (const PlaceMention& p : c.parties.places) {
    if (p.sentence != s || sides.count(p.code) > 0) {
      continue;
    }
    // A country's own name, not "Syrian" nor "Syria's economy" nor "the Syria-Turkey border".
    const Entry* place = a.EntityAt(p.first, EntryType::kPlace);
    if (place == nullptr ||
        (place->place != PlaceKind::kCountry && place->place != PlaceKind::kAlias) ||
        (p.end < sentence.end_token && (a.fold(p.end) == "'s" || a.fold(p.end) == "-"))) {
      continue;
    }
    int k = p.first - 1;
    while (k >= sentence.first_token && a.fold(k) == "the") {
      --k;
    }
    if (k - 1 < sentence.first_token) {
      continue;
    }
    const std::string& f = a.fold(k);
    const std::string& before = a.fold(k - 1);
    // "talks on Syria", "discussions about Afghanistan": right after a meeting word.
    if ((f == "on" || f == "about" || f == "over" || f == "regarding" || f == "concerning") &&
        (a.trigger_at[k - 1] >= 0 || a.Is(k - 1, WordClass::kTopicCue))) {
      return true;
    }
    if ((f == "in" || f == "on" || f == "around") &&
        (before == "situation" || before == "developments" || before == "events")) {
      return true;
    }
  }
  return false;
}

// A sentence saying what was talked about: a topic cue ("discussed", "agreed", "cooperation");
// "raised" only with what was raised ("raised the issue of energy", "raised concerns over
// trade"), not "the central bank raised its rate".
bool TellsWhatWasDiscussed(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  for (int k = sentence.first_token; k < sentence.end_token; ++k) {
    if (!a.Is(k, WordClass::kTopicCue)) {
      continue;
    }
    if (a.fold(k) != "raised") {
      return true;
    }
    for (int q = k + 1; q < std::min(sentence.end_token, k + 4); ++q) {
      const std::string& w = a.fold(q);
      if (w == "issue" || w == "issues" || w == "question" || w == "questions" || w == "concern" ||
          w == "concerns" || w == "matter" || w == "matters" || w == "subject" || w == "topic" ||
          w == "problem" || w == "problems" || w == "case") {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::vector<v1::Topic> ResolveTopics(const Context& c, const std::set<int>& window,
                                     bool window_only) {
  const Annotations& a = c.a;
  std::map<v1::Topic, int> score;
  // A keyword in the window, the headline or a sentence saying what was discussed counts twice,
  // elsewhere once (not at all when `window_only`); a topic needs two.
  auto add = [&](int s, int weight) {
    if (DeniesATopic(a, s)) {
      return;
    }
    for (v1::Topic topic : a.topics_in[s]) {
      score[topic] += weight;
    }
  };
  if (window_only) {
    for (int s : window) {
      add(s, 2);
    }
  } else {
    // "When they last met, in 2022, the sides agreed to fund health programmes": a sentence
    // telling of a meeting of the past says what was talked about then, not now.
    std::vector<bool> past(a.sentence_count(), false);
    for (const MeetingMention& mm : c.mentions.mentions) {
      if (mm.relation == MentionRelation::kPrevious) {
        past[mm.sentence] = true;
      }
    }
    // The meeting's sides: its group's countries and the countries of roles in the window.
    std::set<std::string> sides;
    if (!c.grouping.groups.empty()) {
      sides.insert(c.grouping.groups[0].countries.begin(), c.grouping.groups[0].countries.end());
    }
    for (const PlaceMention& p : c.parties.places) {
      if (window.count(p.sentence) > 0 && p.slot == PlaceSlot::kParty) {
        sides.insert(p.code);
      }
    }
    for (int s = 0; s < a.sentence_count(); ++s) {
      const bool strong =
          window.count(s) > 0 || s == 0 || (TellsWhatWasDiscussed(a, s) && !past[s]);
      add(s, strong ? 2 : 1);
      if ((window.count(s) > 0 || s == 0) && !DeniesATopic(a, s) &&
          ThirdCountryDiscussed(c, s, sides)) {
        score[v1::TOPIC_CONFLICT] += 2;
      }
    }
  }
  std::vector<v1::Topic> out;
  for (const auto& [topic, value] : score) {
    if (value >= 2) {
      out.push_back(topic);
    }
  }
  return out;
}

}  // namespace parley::extract
