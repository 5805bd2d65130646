#include "workers/extract/text.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "services/domain/text_fold.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace parley::extract {
namespace {

// Decodes the code point at `i`; returns -1 for malformed UTF-8.
UChar32 DecodeAt(absl::string_view s, size_t i, size_t* next) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<size_t>(pos);
  return c;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) {
    out->append(buf, static_cast<size_t>(len));
  }
}

// Replacement for typographic characters; empty for "drop"; nullptr to keep as is.
const char* Replacement(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return "-";
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case '\t':
    case 0x0B:
    case 0x0C:
      return " ";
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0xFEFF:
    case '\r':
    case 0x00AD:
      return "";
    case 0x2026:
      return "...";
    case 0x2022:
    case 0x25CF:
    case 0x25AA:
      return "*";
    default:
      if (c >= 0x2000 && c <= 0x200A) {
        return " ";
      }
      return nullptr;
  }
}

// Appends normalised `src` to `text`, recording for every output byte the offset in the
// source (plus `base`), or -1 when `base` < 0.
void Normalise(absl::string_view src, int32_t base, std::string* text,
               std::vector<int32_t>* offsets) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  auto emit = [&](absl::string_view piece, size_t at) {
    text->append(piece.data(), piece.size());
    offsets->insert(offsets->end(), piece.size(), base < 0 ? -1 : base + static_cast<int32_t>(at));
  };
  size_t i = 0;
  while (i < src.size()) {
    // Citation markers "[12]".
    if (src[i] == '[') {
      size_t j = i + 1;
      while (j < src.size() && j - i <= 4 && absl::ascii_isdigit(src[j])) {
        ++j;
      }
      if (j > i + 1 && j < src.size() && src[j] == ']') {
        i = j + 1;
        continue;
      }
    }
    if (static_cast<unsigned char>(src[i]) < 0x80) {
      const char c = src[i];
      if (c == '\r') {
        ++i;
        continue;
      }
      if (c == '\t') {
        emit(" ", i);
      } else {
        emit(absl::string_view(&src[i], 1), i);
      }
      ++i;
      continue;
    }
    // A non-ASCII segment: up to the next NFC boundary. A combining mark joins the character
    // before it ("e" + U+0301 -> "é"), so a plain ASCII base just emitted is taken back.
    size_t start = i;
    size_t next = 0;
    UChar32 c = DecodeAt(src, i, &next);
    size_t end = next;
    if (c >= 0 && nfc != nullptr && !nfc->hasBoundaryBefore(c) && i > 0 && !text->empty() &&
        static_cast<unsigned char>(src[i - 1]) < 0x80 && text->back() == src[i - 1] &&
        !offsets->empty() && (base < 0 || offsets->back() == base + static_cast<int32_t>(i - 1))) {
      text->pop_back();
      offsets->pop_back();
      start = i - 1;
    }
    while (end < src.size() && static_cast<unsigned char>(src[end]) >= 0x80) {
      size_t after = 0;
      const UChar32 d = DecodeAt(src, end, &after);
      if (d < 0 || (nfc != nullptr && nfc->hasBoundaryBefore(d))) {
        break;
      }
      end = after;
    }
    icu::UnicodeString segment = icu::UnicodeString::fromUTF8(
        icu::StringPiece(src.data() + start, static_cast<int32_t>(end - start)));
    if (nfc != nullptr) {
      UErrorCode e = U_ZERO_ERROR;
      icu::UnicodeString normalised = nfc->normalize(segment, e);
      if (U_SUCCESS(e)) {
        segment = normalised;
      }
    }
    for (int32_t k = 0; k < segment.length();) {
      c = segment.char32At(k);
      k += U16_LENGTH(c);
      const char* replacement = Replacement(c);
      if (replacement != nullptr) {
        emit(replacement, start);
      } else {
        std::string utf8;
        AppendUtf8(c, &utf8);
        emit(utf8, start);
      }
    }
    i = end;
  }
}

bool IsWordChar(UChar32 c) { return u_isalnum(c) || u_getCombiningClass(c) > 0 || c == 0x0301; }

constexpr std::array<absl::string_view, 40> kAbbreviations = {
    "mr",  "mrs",  "ms",   "dr",   "st",  "gen", "col",  "lt",   "sgt", "gov",
    "sen", "rep",  "prof", "jan",  "feb", "mar", "apr",  "jun",  "jul", "aug",
    "sep", "sept", "oct",  "nov",  "dec", "no",  "vs",   "etc",  "inc", "ltd",
    "co",  "jr",   "sr",   "capt", "adm", "maj", "cmdr", "pres", "fig", "approx"};

bool IsAbbreviation(absl::string_view word) {
  const std::string lower = absl::AsciiStrToLower(word);
  if (lower.size() == 1) {
    return true;  // Initials: "George P. Shultz".
  }
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

// Tokenises text[begin, end) into `tokens`, all in sentence `sentence`.
void Tokenize(absl::string_view text, uint32_t begin, uint32_t end, int sentence,
              std::vector<Token>* tokens) {
  size_t i = begin;
  while (i < end) {
    size_t next = 0;
    const UChar32 c = DecodeAt(text, i, &next);
    if (c < 0) {
      i = next;
      continue;
    }
    if (u_isspace(c)) {
      i = next;
      continue;
    }
    Token token;
    token.begin = static_cast<uint32_t>(i);
    token.sentence = sentence;
    if (c == '\'' && next < end && (text[next] == 's' || text[next] == 'S') &&
        (next + 1 >= end || !absl::ascii_isalnum(text[next + 1]))) {
      token.end = static_cast<uint32_t>(next + 1);
      token.fold = "'s";
      tokens->push_back(std::move(token));
      i = next + 1;
      continue;
    }
    if (!IsWordChar(c)) {
      token.end = static_cast<uint32_t>(next);
      token.fold = std::string(text.substr(i, next - i));
      tokens->push_back(std::move(token));
      i = next;
      continue;
    }
    // A word: letters and digits, inner apostrophes ("Xi'an"), and dotted acronyms ("U.S.").
    size_t j = next;
    int letters = u_isalpha(c) ? 1 : 0;
    int uppers = u_isupper(c) ? 1 : 0;
    bool dotted = false;
    while (j < end) {
      size_t after = 0;
      const UChar32 d = DecodeAt(text, j, &after);
      if (d >= 0 && IsWordChar(d)) {
        letters += u_isalpha(d) ? 1 : 0;
        uppers += u_isupper(d) ? 1 : 0;
        j = after;
        continue;
      }
      if (d == '\'' && after < end && absl::ascii_isalpha(text[after]) &&
          !((text[after] == 's' || text[after] == 'S') &&
            (after + 1 >= end || !absl::ascii_isalnum(text[after + 1])))) {
        j = after;
        continue;
      }
      // "U.S." / "U.N.": a single letter followed by a dot and another letter-dot.
      if (d == '.' && after + 1 < end && absl::ascii_isalpha(text[after]) &&
          text[after + 1] == '.' && (j - token.begin == 1 || dotted)) {
        dotted = true;
        j = after + 2;
        letters += 1;
        uppers += absl::ascii_isupper(text[after]) ? 1 : 0;
        continue;
      }
      break;
    }
    if (dotted && j < end && text[j] == '.') {
      // Already consumed the final dot of "U.S." in the loop above.
    }
    token.end = static_cast<uint32_t>(j);
    token.word = true;
    token.cap = u_isupper(c);
    token.upper = letters >= 2 && uppers == letters;
    const absl::string_view raw = text.substr(token.begin, token.end - token.begin);
    token.fold = dotted ? absl::AsciiStrToLower(raw) : FoldWord(raw);
    if (token.fold.empty()) {
      token.fold = std::string(raw);
    }
    tokens->push_back(std::move(token));
    i = j;
  }
}

// "(Photo: Twitter)", "Photo: Reuters", "File photo", "... pic.twitter.com/...".
bool IsCaption(absl::string_view line) {
  std::string lower = absl::AsciiStrToLower(line);
  // "A file picture of ...", "An archive photo shows ...".
  for (absl::string_view article : {"a ", "an "}) {
    if (absl::StartsWith(lower, article)) {
      lower.erase(0, article.size());
      break;
    }
  }
  return absl::StartsWith(lower, "photo:") || absl::StartsWith(lower, "(photo") ||
         absl::StartsWith(lower, "file photo") || absl::StartsWith(lower, "file picture") ||
         absl::StartsWith(lower, "file image") || absl::StartsWith(lower, "archive photo") ||
         absl::StartsWith(lower, "archive picture") || absl::StrContains(lower, "(photo:") ||
         absl::StrContains(lower, "pic.twitter.com");
}

// "24 October 2011", "Monday, 12 May 2025", "2025-05-12", "12/05/2025": a line that is only a
// date (a stamp under a headline), with a digit, its words months or weekdays.
bool IsDateLine(absl::string_view line) {
  static constexpr absl::string_view kNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                                 "aug", "sep", "oct", "nov", "dec", "mon", "tue",
                                                 "wed", "thu", "fri", "sat", "sun"};
  // "... agreed to meet again on\nMay 14." ends a sentence wrapped over two lines.
  if (line.empty() || line.size() > 32 || line.back() == '.') {
    return false;
  }
  bool digit = false;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (absl::ascii_isdigit(c)) {
      digit = true;
      ++i;
    } else if (absl::ascii_isalpha(c)) {
      size_t j = i;
      while (j < line.size() && absl::ascii_isalpha(line[j])) {
        ++j;
      }
      const std::string word = absl::AsciiStrToLower(line.substr(i, j - i));
      // "12th", "1st": a day's ordinal suffix.
      const bool suffix = i > 0 && absl::ascii_isdigit(line[i - 1]) &&
                          (word == "st" || word == "nd" || word == "rd" || word == "th");
      if (!suffix && (word.size() < 3 || word.size() > 9 ||
                      std::find(std::begin(kNames), std::end(kNames),
                                absl::string_view(word).substr(0, 3)) == std::end(kNames))) {
        return false;
      }
      i = j;
    } else if (c == ' ' || c == ',' || c == '.' || c == '/' || c == '-') {
      ++i;
    } else {
      return false;
    }
  }
  return digit;
}

bool StartsRelatedBlock(absl::string_view line) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(line));
  for (absl::string_view prefix :
       {"for more details", "for more information", "read more", "read also", "also read",
        "related:", "related articles", "related news", "related stories", "related content",
        "see also", "more on this", "you may also like", "recommended:"}) {
    if (absl::StartsWith(lower, prefix)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string FoldWord(absl::string_view word) { return FoldForMatch(word); }

bool IsCleanUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
      return false;
    }
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t next = 0;
    const UChar32 c = DecodeAt(text, i, &next);
    if (c < 0 || (c >= 0xD800 && c <= 0xDFFF)) {
      return false;
    }
    i = next;
  }
  return true;
}

std::vector<std::string> TokenizePhrase(absl::string_view phrase) {
  std::string text;
  std::vector<int32_t> offsets;
  Normalise(phrase, -1, &text, &offsets);
  std::vector<Token> tokens;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), 0, &tokens);
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (Token& t : tokens) {
    out.push_back(std::move(t.fold));
  }
  return out;
}

absl::StatusOr<Document> BuildDocument(absl::string_view title, absl::string_view body) {
  if (!IsCleanUtf8(title) || !IsCleanUtf8(body)) {
    return absl::InvalidArgumentError("text is not valid UTF-8 or holds control bytes");
  }
  Document doc;
  // The headline on one line (newlines in a title are spaces).
  std::string flat_title(title);
  std::replace(flat_title.begin(), flat_title.end(), '\n', ' ');
  Normalise(flat_title, -1, &doc.text, &doc.body_offset);
  doc.text.append("\n\n");
  doc.body_offset.insert(doc.body_offset.end(), 2, -1);
  doc.body_begin = static_cast<uint32_t>(doc.text.size());
  Normalise(body, 0, &doc.text, &doc.body_offset);

  // Title sentence.
  Sentence title_sentence;
  title_sentence.begin = 0;
  title_sentence.end = static_cast<uint32_t>(flat_title.empty() ? 0 : doc.body_begin - 2);
  title_sentence.title = true;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;  // Sentence byte ranges of the body.
  std::vector<bool> bullets;
  std::vector<int> paragraphs;
  int paragraph = 0;

  // Lines -> paragraphs -> sentences.
  const absl::string_view text = doc.text;
  uint32_t pos = doc.body_begin;
  uint32_t para_begin = pos;
  bool para_bullet = false;
  bool skipping_related = false;
  auto flush_paragraph = [&](uint32_t para_end) {
    if (para_end <= para_begin) {
      return;
    }
    ++paragraph;
    // Sentence split inside [para_begin, para_end).
    uint32_t start = para_begin;
    for (uint32_t k = para_begin; k < para_end; ++k) {
      const char c = text[k];
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      uint32_t after = k + 1;
      while (after < para_end &&
             (text[after] == '"' || text[after] == '\'' || text[after] == ')')) {
        ++after;
      }
      if (after >= para_end || (text[after] != ' ' && text[after] != '\n')) {
        continue;
      }
      uint32_t next = after;
      while (next < para_end && (text[next] == ' ' || text[next] == '\n')) {
        ++next;
      }
      if (next >= para_end) {
        continue;
      }
      const unsigned char n = static_cast<unsigned char>(text[next]);
      if (!(absl::ascii_isupper(n) || n == '"' || n == '\'' || absl::ascii_isdigit(n) ||
            n >= 0x80)) {
        continue;
      }
      if (c == '.') {
        uint32_t w = k;
        while (w > start && absl::ascii_isalpha(text[w - 1])) {
          --w;
        }
        if (IsAbbreviation(text.substr(w, k - w)) && k > w) {
          continue;
        }
      }
      ranges.emplace_back(start, after);
      bullets.push_back(para_bullet);
      paragraphs.push_back(paragraph);
      start = next;
    }
    ranges.emplace_back(start, para_end);
    bullets.push_back(para_bullet);
    paragraphs.push_back(paragraph);
  };
  while (pos <= text.size()) {
    const size_t nl = text.find('\n', pos);
    const uint32_t line_end =
        static_cast<uint32_t>(nl == absl::string_view::npos ? text.size() : nl);
    const absl::string_view line = text.substr(pos, line_end - pos);
    const absl::string_view stripped = absl::StripAsciiWhitespace(line);
    const bool blank = stripped.empty();
    const bool indented = !line.empty() && (line[0] == ' ');
    const bool bullet = absl::StartsWith(stripped, "- ") || absl::StartsWith(stripped, "* ") ||
                        absl::StartsWith(stripped, "*\"");
    if (StartsRelatedBlock(line)) {
      flush_paragraph(pos);
      skipping_related = true;
      para_begin = line_end + 1;
    } else if (skipping_related &&
               (absl::StartsWith(stripped, "*") || absl::StartsWith(stripped, "\"") || blank)) {
      para_begin = line_end + 1;
    } else if (IsCaption(stripped)) {
      // A photo caption names whom a picture shows, not who met: dropped.
      flush_paragraph(pos > para_begin ? pos - 1 : para_begin);
      para_begin = line_end + 1;
    } else {
      skipping_related = false;
      if (blank || indented || bullet) {
        flush_paragraph(pos > para_begin ? pos - 1 : para_begin);
        para_begin = blank ? line_end + 1 : pos;
        para_bullet = bullet;
      }
      // A short line without closing punctuation (a dateline, a byline, a time stamp, a
      // section name) stands on its own: "Jeddah", "Posted March 14, 2025 4:00 am",
      // "By John Smith" do not run into the sentence below them.
      // (A wrapped line of running text goes on in lower case: "The minister\nsaid".)
      size_t next_start = line_end + 1;
      while (next_start < text.size() && text[next_start] == ' ') {
        ++next_start;
      }
      const bool next_opens = next_start < text.size() &&
                              (absl::ascii_isupper(text[next_start]) ||
                               absl::ascii_isdigit(text[next_start]) || text[next_start] == '"');
      if (!blank && nl != absl::string_view::npos && stripped.size() < 40 && next_opens &&
          std::string_view(".!?,;:\"'").find(stripped.back()) == std::string_view::npos) {
        flush_paragraph(line_end);
        para_begin = line_end + 1;
      } else if (!blank && nl != absl::string_view::npos) {
        // A line that is only a date stands apart from the line above it too: "Minister
        // cancels his trip to Astana\n24 October 2025".
        const size_t after = text.find('\n', line_end + 1);
        const absl::string_view next_line = text.substr(
            line_end + 1, (after == absl::string_view::npos ? text.size() : after) - line_end - 1);
        if (IsDateLine(absl::StripAsciiWhitespace(next_line))) {
          flush_paragraph(line_end);
          para_begin = line_end + 1;
        }
      }
    }
    if (nl == absl::string_view::npos) {
      break;
    }
    pos = line_end + 1;
  }
  if (!skipping_related) {
    flush_paragraph(static_cast<uint32_t>(text.size()));
  }

  doc.sentences.push_back(title_sentence);
  for (size_t r = 0; r < ranges.size(); ++r) {
    uint32_t b = ranges[r].first;
    uint32_t e = ranges[r].second;
    while (b < e && (text[b] == ' ' || text[b] == '\n')) {
      ++b;
    }
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) {
      --e;
    }
    if (e <= b) {
      continue;
    }
    Sentence s;
    s.begin = b;
    s.end = e;
    s.bullet = bullets[r];
    s.paragraph = paragraphs[r];
    doc.sentences.push_back(s);
  }
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    Sentence& sentence = doc.sentences[s];
    sentence.first_token = static_cast<int>(doc.tokens.size());
    Tokenize(text, sentence.begin, sentence.end, static_cast<int>(s), &doc.tokens);
    sentence.end_token = static_cast<int>(doc.tokens.size());
    int words = 0;
    int upper = 0;
    for (int t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = doc.tokens[t];
      if (token.word && !absl::ascii_isdigit(static_cast<unsigned char>(token.fold[0]))) {
        ++words;
        upper += token.upper ? 1 : 0;
      }
    }
    sentence.all_caps = words >= 3 && upper * 10 >= words * 7;
  }
  return doc;
}

}  // namespace parley::extract
