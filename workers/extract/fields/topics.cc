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
  // A keyword inside a name is not a topic: "National Security Adviser", "World Trade
  // Organization", "Ministry of Industry".
  auto in_name = [&](int i) {
    const int e = a.entity_at[i];
    if (e < 0) {
      return false;
    }
    const Match& m = a.entities[e];
    return m.Of(EntryType::kRole) != nullptr || m.Of(EntryType::kOrg) != nullptr ||
           m.Of(EntryType::kPerson) != nullptr || m.Of(EntryType::kFormat) != nullptr ||
           m.Of(EntryType::kPlace) != nullptr;
  };
  for (const Match& match : a.topics) {
    if (in_name(match.first)) {
      continue;
    }
    const int s = a.tok(match.first).sentence;
    for (const Entry* e : match.entries) {
      score[e->topic] += weight(s);
    }
  }
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    const Token& t = a.doc.tokens[i];
    if (!t.word || t.fold.size() < 4 || in_name(static_cast<int>(i))) {
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
