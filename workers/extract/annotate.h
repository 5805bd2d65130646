#ifndef PARLEY_WORKERS_EXTRACT_ANNOTATE_H
#define PARLEY_WORKERS_EXTRACT_ANNOTATE_H

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "parley/v1/meeting.pb.h"
#include "workers/extract/dates.h"
#include "workers/extract/dictionaries.h"
#include "workers/extract/text.h"

namespace parley::extract {

// A span of a quotation: the tokens strictly inside a pair of double quotes.
struct Quote {
  int sentence = 0;
  int first = 0;  // [first, end) in `Document::tokens`.
  int end = 0;
};

// Stage 1 of the extractor: the article's text with everything found in it by lookup alone —
// tokens and sentences, dictionary matches by layer, date expressions, quotations. Read-only
// for the later stages.
struct Annotations {
  Document doc;
  const Dictionaries* dict = nullptr;
  // The day relative dates are told from: the publication's, or the day of a dated wire
  // dateline in the week before it.
  std::optional<absl::CivilDay> published;
  int32_t published_key = 0;  // YYYYMMDD of the publication day, 0 when unknown.

  std::vector<Match> entities;  // Places, organisations, groups, formats, roles, people, docs.
  std::vector<Match> triggers;  // Meeting words (triggers.tsv).
  std::vector<Match> cues;      // Tense and status cues (cues.tsv).
  std::vector<Match> topics;    // Topic keywords (whole words; prefixes are looked up apart).
  std::vector<Match> frames;    // Frame phrases (frames.tsv).
  std::vector<DateMention> dates;
  std::vector<Quote> quotes;
  // Per sentence, the topics its keywords name (whole words and prefixes, not inside a name:
  // "National Security Adviser" says nothing of security), one entry per keyword.
  std::vector<std::vector<v1::Topic>> topics_in;

  // Per token: the index of the entity / trigger / cue match covering it, or -1.
  std::vector<int> entity_at;
  std::vector<int> trigger_at;
  std::vector<int> cue_at;
  std::vector<int> frame_at;
  // Per sentence: the indexes of the matches and dates that start in it, in text order.
  std::vector<std::vector<int>> entities_in;
  std::vector<std::vector<int>> triggers_in;
  std::vector<std::vector<int>> cues_in;
  std::vector<std::vector<int>> frames_in;
  std::vector<std::vector<int>> dates_in;

  const Token& tok(int i) const { return doc.tokens[i]; }
  const std::string& fold(int i) const { return doc.tokens[i].fold; }
  const Sentence& sentence(int s) const { return doc.sentences[s]; }
  int sentence_count() const { return static_cast<int>(doc.sentences.size()); }
  const Lexicon& lexicon() const { return dict->lexicon(); }
  // True when token `i` belongs to the closed class `c`.
  bool Is(int i, WordClass c) const { return dict->lexicon().Is(doc.tokens[i].fold, c); }

  // The text of tokens [first, end) as written.
  absl::string_view Text(int first, int end) const;
  // As written with runs of white space folded; a wire headline's capitals in title case.
  std::string Surface(int first, int end) const;

  // The entry of `type` of the entity match covering token `i`, or nullptr.
  const Entry* EntityAt(int i, EntryType type) const {
    return entity_at[i] < 0 ? nullptr : entities[entity_at[i]].Of(type);
  }
  // The trigger kinds of the trigger match covering token `i` (empty when none).
  bool TriggerAt(int i, TriggerKind kind) const;
  // Whether token `i` stands inside a date expression ("on Monday", "12 May").
  bool InADate(int i) const;
  // True when sentence `s` has a trigger of `kind` / a cue of `cue`.
  bool SentenceHas(int s, TriggerKind kind) const;
  bool SentenceHas(int s, Cue cue) const;
  // True when sentence `s` has a word of class `c`.
  bool SentenceHasWord(int s, WordClass c) const;
  // True when token `i` is inside a quotation.
  bool Quoted(int i) const;
};

// Builds the annotations of one article: normalises and segments title and body, matches every
// dictionary layer, finds dates (relative ones anchored on the publication day) and quotes.
// Returns InvalidArgument for an empty or non-UTF-8 body.
[[nodiscard]] absl::StatusOr<Annotations> Annotate(const v1::Article& article,
                                                   const Dictionaries& dict);

// "title case" of a phrase written in capitals: "ASTANA" -> "Astana".
std::string TitleCase(absl::string_view text);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_ANNOTATE_H
