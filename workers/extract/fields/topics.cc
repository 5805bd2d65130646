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

// A sentence saying what was talked about: a topic cue ("discussed", "agreed", "cooperation");
// "raised" only with what was raised ("raised the issue of energy", "raised concerns over
// trade"), not "the central bank raised its rate".
bool TellsWhatWasDiscussed(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  for (int k = sentence.first_token; k < sentence.end_token; ++k) {
    if (!a.Is(k, WordClass::kTopicCue)) {
      continue;
    }
    // "what matters now is ...": the verb, not the noun of "matters of mutual interest".
    if (a.fold(k) == "matters" && k > sentence.first_token) {
      const std::string& before = a.fold(k - 1);
      if (before == "what" || before == "it" || before == "that" || before == "this" ||
          before == "which" || before == "nothing" || before == "really" || before == "also") {
        continue;
      }
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
    for (int s = 0; s < a.sentence_count(); ++s) {
      const bool strong =
          window.count(s) > 0 || s == 0 || (TellsWhatWasDiscussed(a, s) && !past[s]);
      add(s, strong ? 2 : 1);
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
