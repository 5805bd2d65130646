// The statements, tags and attribution resolvers.
#include <algorithm>
#include <set>

#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "services/domain/text_fold.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {
namespace {

// True when tokens [first, end) are only a name: a format, a body, a place or a person
// ("Central Asia - China" in quotes is a name, not something said).
bool OnlyAName(const Annotations& a, int first, int end) {
  for (int i = first; i < end; ++i) {
    if (!a.tok(i).word) {
      continue;
    }
    if (a.entity_at[i] < 0) {
      return false;
    }
  }
  return true;
}

// A quotation worth keeping: a clause of at least four words, not only a name.
bool Saying(const Annotations& a, const Quote& q) {
  int words = 0;
  for (int i = q.first; i < q.end; ++i) {
    words += a.tok(i).word ? 1 : 0;
  }
  return words >= 4 && !OnlyAName(a, q.first, q.end);
}

// Whether the person mention `m` is the subject of the speech verb at `verb`: named right
// before it ("X said", "X also told", "X, the foreign minister, said") or right after it ("said
// X", "said Foreign Minister X").
bool SubjectOfSpeech(const Annotations& a, const PersonMention& m, int verb) {
  const int first = a.sentence(m.sentence).first_token;
  const bool role_after = m.role_first == m.end;
  int end = role_after ? std::max(m.end, m.role_end) : m.end;
  if (role_after && end < verb && a.fold(end) == ",") {
    ++end;  // The comma closing a role told after the name: "X, the foreign minister, said".
  }
  // "X said", "X also said", "X has told": up to two small lower-case words between.
  if (end <= verb && verb - end <= 2) {
    bool plain = true;
    for (int k = end; k < verb; ++k) {
      plain = plain && a.tok(k).word && !a.tok(k).cap && a.entity_at[k] < 0 &&
              !a.Is(k, WordClass::kSpeechVerb);
    }
    if (plain) {
      return true;
    }
  }
  // "X, the foreign minister, said", "X, speaking at a news conference, stressed": an
  // apposition closed by a comma right before the verb.
  if (verb - 1 > first && a.fold(verb - 1) == "," && end < verb - 1) {
    int open = verb - 2;
    while (open >= end && a.fold(open) != ",") {
      --open;
    }
    if (open == end) {
      return true;
    }
  }
  // "..., said X", "\"...\" said Foreign Minister X": an inverted attribution after a comma or
  // a quote, only a role and capitalised words between ("sources said X would" is not X's).
  const bool inverted = verb > first && (a.fold(verb - 1) == "," || a.fold(verb - 1) == "\"");
  if (inverted && m.first > verb && m.first - verb <= 5) {
    for (int k = verb + 1; k < m.first; ++k) {
      if (!(a.tok(k).word && (a.tok(k).cap || a.EntityAt(k, EntryType::kRole) != nullptr))) {
        return false;
      }
    }
    return true;
  }
  return false;
}

// The first speech verb of sentence `s`, or -1.
int FirstSpeechVerb(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  for (int i = sentence.first_token; i < sentence.end_token; ++i) {
    if (a.Is(i, WordClass::kSpeechVerb)) {
      return i;
    }
  }
  return -1;
}

// The first token after a wire dateline opening sentence `s` ("MOSCOW, March 11 (Reuters) -"),
// else the sentence's first token.
int AfterDateline(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  for (int di : a.dates_in[s]) {
    const DateMention& d = a.dates[di];
    if (!d.dateline || d.first_token - sentence.first_token > 12) {
      continue;
    }
    for (int k = d.end_token; k < std::min(sentence.end_token, d.end_token + 8); ++k) {
      const std::string& f = a.fold(k);
      // "MOSCOW, March 11 -", "MOSCOW (Agency - March 11, 2020)".
      if (f == "-" || f == ":" || f == ")") {
        return k + 1;
      }
    }
  }
  return sentence.first_token;
}

}  // namespace

std::vector<v1::Statement> ResolveStatements(const Context& c, const MeetingGroup& g,
                                             const std::vector<const Person*>& speakers,
                                             size_t max_statements) {
  const Annotations& a = c.a;
  const int gi = IndexOf(c, g);
  std::vector<v1::Statement> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& speaker, std::string text, bool quoted) {
    text = std::string(absl::StripAsciiWhitespace(text));
    while (!text.empty() && (text.back() == ',' || text.back() == ';')) {
      text.pop_back();
    }
    if (text.empty() || !seen.insert(FoldForMatch(text)).second || out.size() >= max_statements) {
      return;
    }
    v1::Statement st;
    st.set_speaker(speaker);
    st.set_text(std::move(text));
    st.set_quoted(quoted);
    out.push_back(std::move(st));
  };
  // The participants of this meeting speak for it; the last one named is who "he"/"she" is.
  const std::set<const Person*> participants(speakers.begin(), speakers.end());
  // The people named in each sentence, in the order of the people list.
  std::vector<std::vector<const Person*>> named_in(a.sentence_count());
  for (const Person& p : c.people) {
    for (const PersonMention& m : p.mentions) {
      if (named_in[m.sentence].empty() || named_in[m.sentence].back() != &p) {
        named_in[m.sentence].push_back(&p);
      }
    }
  }
  std::string last_speaker;
  for (int s = 1; s < a.sentence_count(); ++s) {
    const Sentence& sentence = a.sentence(s);
    // The speaker is the participant who is the subject of the sentence's first speech verb
    // ("Government sources said X would ..." is not X's statement), or "he"/"she" right before
    // it for the last speaker.
    const int verb = FirstSpeechVerb(a, s);
    const bool speech = verb >= 0;
    std::string speaker;
    bool inverted = false;  // Named after the verb: "..., said X".
    for (const Person* p : named_in[s]) {
      if (!speech || !p->Participates() || (!participants.empty() && participants.count(p) == 0)) {
        continue;
      }
      for (const PersonMention& pm : p->mentions) {
        if (pm.sentence == s && speaker.empty() && SubjectOfSpeech(a, pm, verb)) {
          speaker = p->name;
          inverted = pm.first > verb;
        }
      }
    }
    // "X met Y in Astana and said that ...": a speech verb coordinated after "and" has the
    // sentence's first participant for its subject.
    if (speaker.empty() && speech && verb - 1 > sentence.first_token &&
        (a.fold(verb - 1) == "and" ||
         (a.fold(verb - 2) == "and" && a.tok(verb - 1).word && !a.tok(verb - 1).cap))) {
      int first_named = verb;
      for (const Person* p : named_in[s]) {
        if (!p->Participates() || (!participants.empty() && participants.count(p) == 0)) {
          continue;
        }
        for (const PersonMention& pm : p->mentions) {
          if (pm.sentence == s && pm.first < first_named) {
            first_named = pm.first;
            speaker = p->name;
          }
        }
      }
    }
    if (speaker.empty() && speech && verb > sentence.first_token &&
        (a.Is(verb - 1, WordClass::kSubjectPronoun) ||
         (verb - 2 >= sentence.first_token && a.Is(verb - 2, WordClass::kSubjectPronoun) &&
          a.tok(verb - 1).word && !a.tok(verb - 1).cap))) {
      speaker = last_speaker;
    }
    bool other_speaker = false;
    for (const Person* p : named_in[s]) {
      other_speaker = other_speaker || p->name != speaker;
    }
    if (!speaker.empty()) {
      last_speaker = speaker;
    } else if (other_speaker) {
      last_speaker.clear();
    }
    if (!speech || speaker.empty() || OwnedByOther(c, sentence.first_token, gi)) {
      continue;
    }
    // Quotes first: the words as said.
    bool quoted = false;
    for (const Quote& q : a.quotes) {
      if (q.sentence == s && Saying(a, q)) {
        add(speaker, std::string(a.Text(q.first, q.end)), true);
        quoted = true;
      }
    }
    if (quoted) {
      continue;
    }
    // Reported speech: what follows "said that", else the sentence as written.
    int from = AfterDateline(a, s);
    while (from < sentence.end_token && !a.tok(from).word && a.fold(from) != "\"") {
      ++from;  // A bullet's dash.
    }
    const int start = from;
    for (int i = sentence.first_token; i < sentence.end_token && from == start; ++i) {
      if (!a.Is(i, WordClass::kSpeechVerb)) {
        continue;
      }
      // "said that ...", "expressed his view that ...".
      for (int k = i + 1; k < std::min(sentence.end_token - 1, i + 5); ++k) {
        if (a.fold(k) == "that") {
          from = k + 1;
          break;
        }
      }
    }
    // "Trade had doubled, said X.": what comes before the inverted attribution.
    int to = sentence.end_token;
    if (inverted && from == start && verb - 1 > from && a.fold(verb - 1) == ",") {
      to = verb - 1;
    }
    if (from < to && to - from >= 4) {
      add(speaker, std::string(a.Text(from, to)), false);
    }
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
