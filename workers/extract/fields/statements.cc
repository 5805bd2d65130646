// The statements, tags and attribution resolvers.
#include <algorithm>
#include <set>

#include "absl/strings/str_join.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

std::vector<v1::Statement> ResolveStatements(const Context& c, const MeetingGroup& g,
                                             size_t max_statements) {
  (void)g;
  const Annotations& a = c.a;
  const std::string& text = a.doc.text;
  std::vector<v1::Statement> out;
  std::string last_speaker;
  for (int s = 1; s < a.sentence_count() && out.size() < max_statements; ++s) {
    const Sentence& sentence = a.sentence(s);
    std::string speaker;
    for (const Person& p : c.people) {
      if (p.InSentence(s) && p.Participates()) {
        speaker = p.name;
        break;
      }
    }
    const bool speech = a.SentenceHasWord(s, WordClass::kSpeechVerb);
    if (speaker.empty() && speech && a.Is(sentence.first_token, WordClass::kSubjectPronoun)) {
      speaker = last_speaker;
    }
    if (!speaker.empty()) {
      last_speaker = speaker;
    }
    if (!speech || speaker.empty()) {
      continue;
    }
    const absl::string_view body(text.data() + sentence.begin, sentence.end - sentence.begin);
    const size_t open = body.find('"');
    const size_t close = open == absl::string_view::npos ? open : body.find('"', open + 1);
    v1::Statement st;
    st.set_speaker(speaker);
    if (close != absl::string_view::npos && close > open + 1) {
      st.set_text(std::string(body.substr(open + 1, close - open - 1)));
      st.set_quoted(true);
    } else {
      st.set_text(std::string(body));
      st.set_quoted(false);
    }
    out.push_back(std::move(st));
  }
  return out;
}

std::vector<std::string> ResolveTags(const Context& c) {
  const Annotations& a = c.a;
  const std::vector<Token>& t = a.doc.tokens;
  std::set<std::string> tags;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (!t[i].word || t[i].cap || t[i + 1].fold != "-" || t[i + 1].begin != t[i].end) {
      continue;
    }
    std::vector<std::string> parts = {t[i].fold};
    size_t j = i + 1;
    while (j + 1 < t.size() && t[j].fold == "-" && t[j].begin == t[j - 1].end &&
           t[j + 1].begin == t[j].end && t[j + 1].word && !t[j + 1].cap) {
      parts.push_back(t[j + 1].fold);
      j += 2;
    }
    const bool has_glue = std::any_of(parts.begin(), parts.end(), [&](const std::string& p) {
      return a.lexicon().Is(p, WordClass::kTagGlue);
    });
    const bool tag_like =
        (parts.size() >= 3 && parts[1] == "and") || (parts.size() == 2 && parts[1] == "news");
    if (tag_like && !has_glue) {
      tags.insert(absl::StrJoin(parts, "-"));
    }
    i = j - 1;
  }
  return {tags.begin(), tags.end()};
}

std::string ResolveAttribution(const Context& c) {
  const std::string& text = c.a.doc.text;
  for (absl::string_view marker : {"as reported by ", "reported by ", "according to "}) {
    const size_t at = text.find(std::string(marker));
    if (at == std::string::npos) {
      continue;
    }
    const size_t begin = at + marker.size();
    size_t end = begin;
    while (end < text.size() && text[end] != ';' && text[end] != '\n' && text[end] != '(' &&
           !(text[end] == '.' &&
             (end + 1 >= text.size() || text[end + 1] == ' ' || text[end + 1] == '\n'))) {
      ++end;
    }
    if (end - begin > 0 && end - begin <= 120) {
      return text.substr(begin, end - begin);
    }
  }
  return "";
}

}  // namespace parley::extract
