#ifndef PARLEY_WORKERS_EXTRACT_TEXT_H
#define PARLEY_WORKERS_EXTRACT_TEXT_H

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parley::extract {

// A word or punctuation token of the normalised text.
struct Token {
  uint32_t begin = 0;  // Byte offset in `Document::text`.
  uint32_t end = 0;    // One past the last byte.
  std::string fold;    // Lower case, Latin accents removed ("tokayév" -> "tokayev").
  bool word = false;   // Letters or digits (not punctuation).
  bool cap = false;    // Starts with an upper-case letter.
  bool upper = false;  // Every letter is upper case (and there are at least two).
  int sentence = 0;    // Index into `Document::sentences`.
};

struct Sentence {
  uint32_t begin = 0;  // Byte offsets in `Document::text`.
  uint32_t end = 0;
  int first_token = 0;  // [first_token, end_token) in `Document::tokens`.
  int end_token = 0;
  bool title = false;     // The headline.
  bool all_caps = false;  // Written in capitals (wire headlines): capitalisation says nothing.
  bool bullet = false;    // A bullet-list item.
  int paragraph = 0;      // 0 for the headline; body paragraphs count from 1.
};

// An article's text after normalisation and segmentation: the headline, then the body.
// Normalisation: Unicode NFC, typographic quotes and dashes to ASCII, non-breaking and other
// spaces to ' ', citation markers such as "[1][4]" removed. `body_offset` maps every byte of
// `text` back to the byte of the original body it came from (-1 for the headline), so
// evidence spans point into `Article.body`.
struct Document {
  std::string text;
  std::vector<int32_t> body_offset;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  uint32_t body_begin = 0;  // Where the body starts in `text`.
};

// Builds the document. Trailing "For more details" / "Related" link blocks are dropped (they
// name other stories). Returns InvalidArgument for invalid UTF-8.
[[nodiscard]] absl::StatusOr<Document> BuildDocument(absl::string_view title,
                                                     absl::string_view body);

// Folds one word for dictionary lookups (lower case, Latin accents removed).
std::string FoldWord(absl::string_view word);

// Splits a dictionary phrase into folded tokens, the way `BuildDocument` splits text.
std::vector<std::string> TokenizePhrase(absl::string_view phrase);

// True when `text` is valid UTF-8 without NUL or other C0 control bytes (tab, LF, CR allowed).
bool IsCleanUtf8(absl::string_view text);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_TEXT_H
