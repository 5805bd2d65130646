// The topics resolver.
#include <map>

#include "absl/strings/match.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

std::vector<v1::Topic> ResolveTopics(const Context& c, const std::set<int>& window,
                                     bool window_only) {
  const Annotations& a = c.a;
  std::map<v1::Topic, int> score;
  auto weight = [&](int s) {
    if (window_only) {
      return window.count(s) > 0 ? 2 : 0;
    }
    return window.count(s) > 0 || s == 0 ? 2 : 1;
  };
  for (const Match& match : a.topics) {
    const int s = a.tok(match.first).sentence;
    for (const Entry* e : match.entries) {
      score[e->topic] += weight(s);
    }
  }
  for (const Token& t : a.doc.tokens) {
    if (!t.word || t.fold.size() < 4) {
      continue;
    }
    for (const auto& [prefix, topic] : a.dict->TopicPrefixesFor(t.fold)) {
      if (absl::StartsWith(t.fold, prefix)) {
        score[topic] += weight(t.sentence);
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
