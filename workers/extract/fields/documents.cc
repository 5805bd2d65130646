// The documents resolver.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "workers/extract/dates.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {
namespace {

// "the Pyongyang Joint Declaration on Wednesday": a weekday after a name tells when.
bool IsWeekdayName(const std::string& f) {
  return f == "monday" || f == "tuesday" || f == "wednesday" || f == "thursday" || f == "friday" ||
         f == "saturday" || f == "sunday";
}

// The name of a document the text gives: capitalised words around the document word and its
// complement ("the 2018-2020 Action Plan for the joint economic program", "Memorandum of
// Cooperation in the field of agriculture"). Empty when the document word is not capitalised.
std::string TitleOf(const Annotations& a, const Match& match, const Sentence& sentence) {
  if (!a.tok(match.first).cap || sentence.all_caps) {
    return "";
  }
  // A headline in title case ("Sadat and Begin Sign Peace Treaty") capitalises its verbs too:
  // its capitals name nothing.
  if (sentence.title) {
    for (int k = sentence.first_token + 1; k < sentence.end_token; ++k) {
      if (a.tok(k).cap && a.Is(k, WordClass::kSigningVerb)) {
        return "";
      }
    }
  }
  int first = match.first;
  while (first > sentence.first_token) {
    const Token& t = a.tok(first - 1);
    const bool number = t.word && absl::ascii_isdigit(static_cast<unsigned char>(t.fold[0]));
    // "the 2018-2020 Action Plan", "the Intermediate-Range Nuclear Forces Treaty": a hyphen
    // joining a number or a capitalised word to the name.
    const bool joining_hyphen =
        t.fold == "-" && first - 2 >= sentence.first_token &&
        (absl::ascii_isdigit(static_cast<unsigned char>(a.fold(first - 2)[0])) ||
         (a.tok(first - 2).cap && a.tok(first - 2).end == t.begin && t.end == a.tok(first).begin));
    if ((t.word && t.cap && a.EntityAt(first - 1, EntryType::kRole) == nullptr) || number ||
        joining_hyphen) {
      --first;
      continue;
    }
    break;
  }
  // "The Kuala Lumpur Declaration was signed ...": a determiner opening the sentence is
  // capitalised by its place, not as part of the name.
  if (first == sentence.first_token && first < match.first &&
      (a.fold(first) == "the" || a.fold(first) == "a" || a.fold(first) == "an" ||
       a.fold(first) == "this")) {
    ++first;
  }
  // "Agreements on the construction of a gas pipeline were signed ...": a document word that
  // opens the sentence (or a list item) is capitalised by its place; it names a document only
  // when the words of its complement are capitalised too.
  bool opens = true;
  for (int k = sentence.first_token; k < match.first && opens; ++k) {
    opens = !a.tok(k).word || a.fold(k) == "the" || a.fold(k) == "a" || a.fold(k) == "an";
  }
  int end = match.end;
  const std::string& next = end < sentence.end_token ? a.fold(end) : "";
  if (opens && first == match.first) {
    int k = end + 1;
    while (k < sentence.end_token &&
           (a.fold(k) == "the" || a.fold(k) == "a" || a.fold(k) == "an")) {
      ++k;
    }
    if (k >= sentence.end_token || !a.tok(k).word || !a.tok(k).cap) {
      return "";
    }
  }
  // "the Agreement concerning the Transfer of Defence Equipment", "the Protocol regarding
  // Fisheries" name their subject too.
  // A month or a year: "in July", "on 5 May", "in 1994".
  const auto DateAt = [&](int k) {
    if (k >= sentence.end_token) {
      return false;
    }
    const std::string& f = a.fold(k);
    return IsMonthName(f) || IsWeekdayName(f) ||
           (!f.empty() && absl::ascii_isdigit(static_cast<unsigned char>(f[0])) &&
            (f.size() == 4 || (k + 1 < sentence.end_token && IsMonthName(a.fold(k + 1)))));
  };
  // "in" opens a name's subject as "in the field / area / sphere of" or before a capitalised
  // word that is no place ("Programme of Cooperation in Culture"); "the Treaty in the East
  // Room", "the Declaration in Moscow" tell a place.
  const bool in_a_field =
      next == "in" && end + 2 < sentence.end_token &&
      ((a.fold(end + 1) == "the" && (a.fold(end + 2) == "field" || a.fold(end + 2) == "area" ||
                                     a.fold(end + 2) == "sphere" || a.fold(end + 2) == "fields" ||
                                     a.fold(end + 2) == "areas" || a.fold(end + 2) == "spheres")) ||
       (a.tok(end + 1).word && a.tok(end + 1).cap && a.fold(end + 1) != "the" &&
        a.EntityAt(end + 1, EntryType::kPlace) == nullptr));
  if ((next == "of" || next == "on" || next == "for" || next == "between" || in_a_field ||
       next == "concerning" || next == "regarding") &&
      !((next == "in" || next == "on") && DateAt(end + 1))) {
    int k = end + 1;
    int steps = 0;
    while (k < sentence.end_token && steps < 12) {
      const Token& t = a.tok(k);
      if (!t.word && t.fold != "-" && t.fold != "'s" && t.fold != "\"") {
        break;
      }
      // "the Final Act of the Conference on Security and Cooperation in Europe": a capitalised
      // meeting word is part of the name; a lower-case one ends it.
      if (a.Is(k, WordClass::kSigningVerb) || (a.trigger_at[k] >= 0 && !t.cap)) {
        break;
      }
      // "the Declaration on ASEAN 2025 was signed", "the Washington Declaration in July": an
      // auxiliary, or a month or year after a preposition, ends the name.
      const std::string& f = t.fold;
      if (f == "was" || f == "were" || f == "is" || f == "are" || f == "has" || f == "have" ||
          f == "had" || f == "will" || f == "would" || f == "be" || f == "been" ||
          ((f == "in" || f == "on") && DateAt(k + 1)) ||
          (f == "at" && k + 1 < sentence.end_token &&
           absl::ascii_isdigit(static_cast<unsigned char>(a.fold(k + 1)[0])))) {
        break;
      }
      // "the Roadmap for trade for 2025-2027 and a memorandum ...", "the Declaration on
      // Maritime Cooperation at the close of the summit": a new noun phrase or a phrase of
      // time or place in lower case ends the name ("and the Government of X" does not).
      const bool lower_next = k + 1 < sentence.end_token && a.tok(k + 1).word &&
                              !a.tok(k + 1).cap &&
                              !absl::ascii_isdigit(static_cast<unsigned char>(a.fold(k + 1)[0]));
      const bool determiner_next =
          k + 1 < sentence.end_token && (a.fold(k + 1) == "a" || a.fold(k + 1) == "an" ||
                                         a.fold(k + 1) == "the" || a.fold(k + 1) == "their");
      const bool lower_after_determiner =
          determiner_next && k + 2 < sentence.end_token && a.tok(k + 2).word && !a.tok(k + 2).cap;
      if ((t.fold == "and" && lower_after_determiner) ||
          ((t.fold == "at" || t.fold == "during" || t.fold == "after" || t.fold == "before" ||
            t.fold == "by" || t.fold == "with" || t.fold == "which" || t.fold == "that") &&
           (lower_next || lower_after_determiner))) {
        break;
      }
      ++k;
      ++steps;
    }
    if (k > end + 1) {
      end = k;
    }
  }
  // "inked a Treaty on Allied Relations and agreed a roadmap", "adopted a \"Plan of Action for
  // 2024-2028\" which ...": a name ends before a dangling conjunction or a closing quote whose
  // opening one it does not hold.
  while (end > match.end) {
    const std::string& last = a.fold(end - 1);
    int quotes = 0;
    for (int k = first; k < end; ++k) {
      quotes += a.fold(k) == "\"" ? 1 : 0;
    }
    if (last == "and" || last == "or" || last == "," || last == "-" || last == "of" ||
        last == "the" || last == "a" || last == "an" || last == "on" || last == "for" ||
        last == "between" || last == "in" || (last == "\"" && quotes % 2 == 1)) {
      --end;
      continue;
    }
    break;
  }
  std::string title = a.Surface(first, end);
  if (title.size() < 4 || (first == match.first && end == match.end)) {
    return "";  // The bare word ("Agreement") names nothing.
  }
  return title;
}

// "ruled out a joint statement", "failed to agree on a declaration", "a joint press statement"
// (oral remarks), "hope to sign a trade agreement" (an aim): not a document concluded.
bool Negated(const Annotations& a, const Match& match, int sentence_first) {
  for (int k = std::max(sentence_first, match.first - 5); k < match.first; ++k) {
    const std::string& f = a.fold(k);
    const bool aim = f == "hope" || f == "hopes" || f == "hoped" || f == "hoping" || f == "aim" ||
                     f == "aims" || f == "aiming" || f == "seek" || f == "seeks" || f == "seeking";
    // "China blocked a joint statement", "postponed the signing of the treaty".
    const bool stopped = f == "blocked" || f == "vetoed" || f == "postponed" || f == "delayed" ||
                         f == "shelved" || f == "deferred";
    if (aim || stopped || f == "not" || f == "without" || f == "refused" || f == "failed" ||
        f == "rejected" || (f == "ruled" && k + 1 < match.first && a.fold(k + 1) == "out")) {
      return true;
    }
  }
  // "had hoped to conclude a currency swap agreement", "are seeking to finalise a comprehensive
  // economic partnership agreement": the aim governs the signing verb, however long the name.
  for (int k = std::max(sentence_first, match.first - 10); k + 2 < match.first; ++k) {
    if (a.Is(k, WordClass::kAimVerb) && a.fold(k + 1) == "to" &&
        a.Is(k + 2, WordClass::kSigningVerb)) {
      bool interrupted = false;
      for (int q = k + 3; q < match.first; ++q) {
        interrupted =
            interrupted || a.fold(q) == "," || a.fold(q) == ";" || a.Is(q, WordClass::kSigningVerb);
      }
      if (!interrupted) {
        return true;
      }
    }
  }
  // "the signing of the treaty was postponed", "the joint statement was blocked by China".
  for (int k = match.end; k + 1 < static_cast<int>(a.doc.tokens.size()) && k < match.end + 6; ++k) {
    const std::string& f = a.fold(k);
    if (f == "," || f == ";" || f == "." || a.tok(k).sentence != a.tok(match.first).sentence) {
      break;
    }
    const std::string& v = a.fold(k + 1);
    if ((f == "was" || f == "were" || f == "been") &&
        (v == "postponed" || v == "delayed" || v == "shelved" || v == "deferred" ||
         v == "blocked" || v == "vetoed" || v == "cancelled" || v == "canceled")) {
      return true;
    }
  }
  return match.first > sentence_first && a.fold(match.first - 1) == "press";
}

// "In a joint statement, the two leaders called for ...": a sentence opened by the joint
// statement the sides put out tells of it as issued. The statement's first token, or -1.
int OpeningJointStatement(const Annotations& a, const Sentence& sentence) {
  const int k = sentence.first_token;
  if (k + 3 >= sentence.end_token || a.fold(k) != "in" || a.fold(k + 1) != "a") {
    return -1;
  }
  // "In a lengthy joint statement,", "In a 10-page joint communique,": words that describe the
  // text may stand between the article and it.
  int j = k + 2;
  while (j < std::min(sentence.end_token, k + 6) && a.entity_at[j] < 0 &&
         (a.fold(j) == "-" || (a.tok(j).word && !a.tok(j).cap))) {
    ++j;
  }
  if (j >= sentence.end_token || a.entity_at[j] < 0) {
    return -1;
  }
  const Match& match = a.entities[a.entity_at[j]];
  const Entry* doc = match.Of(EntryType::kDocument);
  if (doc == nullptr || match.first != j ||
      (doc->document != v1::DOCUMENT_TYPE_JOINT_STATEMENT &&
       doc->document != v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE) ||
      doc->surface == "statement" || match.end >= sentence.end_token || a.fold(match.end) != ",") {
    return -1;
  }
  return match.first;
}

// "The two leaders said in a joint statement that ...", "In their joint statement, the leaders
// condemned ...": words told in a joint statement, communique or declaration tell of it as
// issued by the sides together (a bare "statement" is one side's press release).
bool ToldInAJointText(const Annotations& a, const Match& match, const Sentence& sentence) {
  const Entry* doc = match.Of(EntryType::kDocument);
  if (doc == nullptr || doc->surface == "statement" || doc->surface == "declaration" ||
      (doc->document != v1::DOCUMENT_TYPE_JOINT_STATEMENT &&
       doc->document != v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE &&
       doc->document != v1::DOCUMENT_TYPE_DECLARATION)) {
    return false;
  }
  const int k = match.first;
  // "\"...,\" the joint statement said", "The joint communique stated that ...": the sides'
  // text quoted as speaking was issued.
  if (k - 1 >= sentence.first_token && a.fold(k - 1) == "the" && match.end < sentence.end_token) {
    int v = match.end;
    if (a.fold(v) == "also" && v + 1 < sentence.end_token) {
      ++v;
    }
    if (a.Is(v, WordClass::kSpeechVerb)) {
      return true;
    }
  }
  // "According to the joint communique, the sides agreed to ...".
  if (k - 3 >= sentence.first_token && a.fold(k - 3) == "according" && a.fold(k - 2) == "to" &&
      (a.fold(k - 1) == "the" || a.fold(k - 1) == "a" || a.fold(k - 1) == "their")) {
    return true;
  }
  if (k - 2 < sentence.first_token || a.fold(k - 2) != "in") {
    return false;
  }
  const std::string& article = a.fold(k - 1);
  if (article != "a" && article != "their" && article != "the") {
    return false;
  }
  // "In their joint statement, ...".
  if (k - 2 == sentence.first_token && article == "their" && match.end < sentence.end_token &&
      a.fold(match.end) == ",") {
    return true;
  }
  if (article == "the" || k - 3 < sentence.first_token || !a.Is(k - 3, WordClass::kSpeechVerb)) {
    return false;
  }
  // "He said in a joint statement ...": one person's words, not the sides' text.
  const std::string& subject = k - 4 >= sentence.first_token ? a.fold(k - 4) : "";
  return subject != "he" && subject != "she" && subject != "it";
}

// "The parliament ratified the agreement on Tuesday", "the treaty was ratified by both
// parliaments": a legislature's ratification at home, with no other signing in the sentence,
// concludes nothing at the meeting.
bool RatifiedByALegislature(const Annotations& a, const Sentence& sentence) {
  // Most sentences ratify nothing: one cheap pass before the full one.
  bool any = false;
  for (int k = sentence.first_token; k < sentence.end_token && !any; ++k) {
    any = a.Is(k, WordClass::kRatifyingVerb);
  }
  if (!any) {
    return false;
  }
  bool ratified = false;
  bool legislature = false;
  for (int k = sentence.first_token; k < sentence.end_token; ++k) {
    const bool ratify = a.Is(k, WordClass::kRatifyingVerb);
    if (!ratify && a.Is(k, WordClass::kSigningVerb)) {
      return false;
    }
    ratified = ratified || ratify;
    legislature = legislature || a.Is(k, WordClass::kLegislature);
  }
  return ratified && legislature;
}

// "agreed that the treaty should be ready for signing": agreeing on a proposition, which signs
// nothing; what the "that" clause tells decides.
bool AgreedThat(const Annotations& a, int k, int sentence_end) {
  const std::string& f = a.fold(k);
  return (f == "agreed" || f == "agree" || f == "agrees" || f == "agreeing") &&
         k + 1 < sentence_end && a.fold(k + 1) == "that";
}

// True when the signing verb at `k` is put in the future: "will sign", "would sign", "plan to
// sign", "are due to sign", "is expected to be signed", "will be signed", "could be signed",
// "ready for signing".
bool FutureSigningVerbAt(const Annotations& a, int k, int sentence_first) {
  // "will also sign", "would then be formally signed": an adverb between the modal and the verb
  // leaves the signing in the future.
  const auto adverb = [&](int q) {
    const std::string& f = a.fold(q);
    return f == "also" || f == "then" || f == "formally" || f == "officially" || f == "jointly" ||
           f == "soon" || f == "finally" || f == "eventually" || f == "later";
  };
  while (k - 1 >= sentence_first && adverb(k - 1)) {
    --k;
  }
  if (k - 1 < sentence_first) {
    return false;
  }
  const std::string& before = a.fold(k - 1);
  const auto modal = [](const std::string& f) {
    return f == "will" || f == "would" || f == "shall" || f == "should" || f == "could" ||
           f == "must" || f == "might" || f == "can";
  };
  if (modal(before)) {
    return true;
  }
  // "a treaty ready for signing", "open for signature".
  if (before == "for" && k - 2 >= sentence_first &&
      (a.fold(k - 2) == "ready" || a.fold(k - 2) == "open" || a.fold(k - 2) == "opened")) {
    return true;
  }
  // "ministers are to sign", "the treaty is to be signed next month": "be to" tells what is
  // arranged to come.
  const auto be_to = [&](int q) {
    const std::string& f = a.fold(q);
    return f == "is" || f == "are" || f == "was" || f == "were";
  };
  if (before == "to" && k - 2 >= sentence_first &&
      (a.Is(k - 2, WordClass::kIntentWord) || be_to(k - 2))) {
    return true;
  }
  if (before != "be") {
    return false;
  }
  int q = k - 2;  // The word before "be", past adverbs ("would also be signed").
  while (q >= sentence_first && adverb(q)) {
    --q;
  }
  return q >= sentence_first &&
         (modal(a.fold(q)) || (a.fold(q) == "to" && q - 1 >= sentence_first &&
                               (a.Is(q - 1, WordClass::kIntentWord) || be_to(q - 1))));
}

// True when the signing verb at `k` is qualified "in principle" ("was agreed in principle",
// "approved in principle"): a text settled, its signing still to come.
bool InPrinciple(const Annotations& a, int k, int sentence_end) {
  return k + 2 < sentence_end && a.fold(k + 1) == "in" && a.fold(k + 2) == "principle";
}

// True when the document's signing is only planned: a future signing verb governs it before
// ("plan to sign a treaty") or after it ("a treaty that A and B plan to sign", "a treaty is
// expected to be signed at their next summit"), or one agreed only in principle.
bool PlannedSigning(const Annotations& a, const Match& match, const Sentence& sentence) {
  // "agreed to work on a water-sharing agreement to be signed later this year", "the documents
  // to be signed": the infinitive right after the document puts its signing to come, whatever
  // verb stands before it.
  if (match.end + 2 < sentence.end_token && a.fold(match.end) == "to" &&
      a.fold(match.end + 1) == "be" && a.Is(match.end + 2, WordClass::kSigningVerb)) {
    return true;
  }
  for (int k = match.first - 1; k >= sentence.first_token && k >= match.first - 10; --k) {
    const std::string& f = a.fold(k);
    if (f == "," || f == ";") {
      break;
    }
    if (a.Is(k, WordClass::kSigningVerb) && !AgreedThat(a, k, sentence.end_token)) {
      return FutureSigningVerbAt(a, k, sentence.first_token) ||
             InPrinciple(a, k, sentence.end_token);
    }
  }
  for (int k = match.end; k < sentence.end_token && k < match.end + 10; ++k) {
    const std::string& f = a.fold(k);
    if (f == "," || f == ";" || f == ":") {
      break;
    }
    if (a.Is(k, WordClass::kSigningVerb)) {
      return FutureSigningVerbAt(a, k, sentence.first_token) ||
             InPrinciple(a, k, sentence.end_token);
    }
  }
  return false;
}

// "signed agreements on the protection of investments, the avoidance of double taxation, and
// the mutual recognition of diplomas": a plural document word followed by a list of three or
// more subjects, one of them told as a noun phrase of its own ("the ..."), stands for one
// document per subject. One otherwise: a list of two ("A and B") is as often one subject as
// two, and bare nouns ("agreements on trade, economic and cultural cooperation") are as often
// the fields of one.
int ListedCount(const Annotations& a, const Match& match, const Sentence& sentence) {
  const std::string& word = a.fold(match.end - 1);
  if (word.empty() || (word.back() != 's' && word != "memoranda") ||
      match.end >= sentence.end_token || (a.fold(match.end) != "on" && a.fold(match.end) != "in")) {
    return 1;
  }
  int commas = 0;
  int items = 0;
  bool definite = false;  // An item opens with "the".
  for (int k = match.end + 1; k < sentence.end_token; ++k) {
    const std::string& f = a.fold(k);
    if (f == ";" || f == ":" || f == "(" || a.trigger_at[k] >= 0 ||
        a.Is(k, WordClass::kSigningVerb) || a.Is(k, WordClass::kSpeechVerb)) {
      break;
    }
    const std::string& before = a.fold(k - 1);
    definite = definite || (f == "the" && (k == match.end + 1 || before == "," || before == "and"));
    if (f == ",") {
      ++commas;
    } else if (f == "and" && commas > 0) {
      // "A, B, and C" (a comma before "and") or "A, B and C".
      items = a.fold(k - 1) == "," ? commas + 1 : commas + 2;
      // The last item may be the definite one.
      definite = definite || (k + 1 < sentence.end_token && a.fold(k + 1) == "the");
      break;
    }
  }
  return items >= 3 && definite ? std::min(items, 8) : 1;
}

// True when a date told in tokens [first, end) of sentence `s` names a month well before the
// publication's ("had signed the Washington Declaration in July" in an October story) that no
// mention of the meeting itself takes (`own_months`: year * 12 + month).
bool MonthWellBefore(const Annotations& a, int s, int first, int end,
                     const std::set<int>& own_months) {
  if (!a.published.has_value()) {
    return false;
  }
  const int published =
      static_cast<int>(a.published->year()) * 12 + static_cast<int>(a.published->month());
  for (int di : a.dates_in[s]) {
    const DateMention& d = a.dates[di];
    if (d.first_token < first || d.first_token >= end || d.relative || d.dateline ||
        d.month_relative || d.start.year() <= 0 || d.start.month() <= 0) {
      continue;
    }
    const int month = d.start.year() * 12 + d.start.month();
    // Two months back ("in July" in October), or a day more than a month back.
    bool before = published - month >= 2;
    if (!before && d.start.day() > 0 && published - month == 1) {
      before = a.published->day() > d.start.day();
    }
    if (before && own_months.count(month) == 0) {
      return true;
    }
  }
  return false;
}

// "a 2016 agreement on labour mobility, signed when ...", "the treaty signed in Porto on April
// 22, 2000", "signed by the then-prime ministers", "the deal signed last year": a document whose
// words near it name a year before the publication's, last year or month, or an office holder
// of the past, was signed at an earlier meeting.
// A span of years ("the 2018-2020 Action Plan") is a term, and "since 1992" a measure, not the
// time of signing.
bool SignedBefore(const Annotations& a, const Match& match, const Sentence& sentence, int s,
                  const std::set<int>& own_months) {
  // "In 2017 he made his first visit to Astana, where the sides signed a partnership
  // declaration", "In March 2019, the two countries concluded a treaty", "Back in 2010, ...": a
  // past year that opens the sentence dates all it tells, however far the document.
  if (a.published.has_value()) {
    for (int k = sentence.first_token; k < std::min(sentence.end_token, sentence.first_token + 5);
         ++k) {
      const std::string& f = a.fold(k);
      int year = 0;
      if (f.size() == 4 && absl::SimpleAtoi(f, &year) && year >= 1900) {
        const bool span = k + 1 < sentence.end_token && a.fold(k + 1) == "-";
        if (!span && year < a.published->year() && k > sentence.first_token) {
          return true;
        }
        break;
      }
      const bool opener = f == "in" || f == "on" || f == "back" || f == "early" || f == "late" ||
                          f == "," || IsMonthName(f) ||
                          (!f.empty() && absl::ascii_isdigit(static_cast<unsigned char>(f[0])));
      if (!opener || (k == sentence.first_token && f != "in" && f != "on" && f != "back")) {
        break;
      }
    }
  }
  const int first = std::max(sentence.first_token, match.first - 10);
  int end = std::min(sentence.end_token, match.end + 12);
  // "A memorandum on cooperation in emergencies, signed by the two governments in 2019, will be
  // extended": the complement of the signing verb that follows the document dates it, however
  // long the document's name.
  for (int k = match.end; k < end; ++k) {
    const std::string& f = a.fold(k);
    if (f == ";" || f == ":") {
      break;
    }
    if (a.Is(k, WordClass::kSigningVerb)) {
      end = std::max(end, std::min(sentence.end_token, k + 8));
      break;
    }
  }
  if (MonthWellBefore(a, s, first, end, own_months)) {
    return true;
  }
  // "The two countries have signed three agreements on border trade so far this year", "...
  // to date", "... over the years": a perfect signing with a word of tally counts the past.
  bool perfect = false;
  for (int q = first; q + 1 < match.first; ++q) {
    const std::string& w = a.fold(q);
    perfect = perfect ||
              ((w == "have" || w == "has" || w == "had") && a.Is(q + 1, WordClass::kSigningVerb));
  }
  for (int k = match.end; perfect && k + 1 < end; ++k) {
    const std::string& f = a.fold(k);
    const std::string& next = a.fold(k + 1);
    if ((f == "so" && next == "far") || (f == "to" && next == "date") ||
        (f == "the" && next == "years") || (f == "recent" && next == "years")) {
      return true;
    }
  }
  for (int k = first; k < end; ++k) {
    const std::string& f = a.fold(k);
    if (f == "then" && k + 1 < end && a.fold(k + 1) == "-") {
      return true;
    }
    // "the agreement signed last year", "the accord of last month".
    if (f == "last" && k + 1 < end &&
        (a.fold(k + 1) == "year" || a.fold(k + 1) == "month" || a.fold(k + 1) == "decade" ||
         a.fold(k + 1) == "week" || IsMonthName(a.fold(k + 1)))) {
      return true;  // "the accords reached last September".
    }
    // "the accord signed two years ago", "a deal struck earlier this year".
    if (f == "ago" && k > first &&
        (absl::StartsWith(a.fold(k - 1), "year") || absl::StartsWith(a.fold(k - 1), "month") ||
         absl::StartsWith(a.fold(k - 1), "week") || absl::StartsWith(a.fold(k - 1), "decade"))) {
      return true;
    }
    if (f == "earlier" && k + 2 < end && a.fold(k + 1) == "this" &&
        (a.fold(k + 2) == "year" || a.fold(k + 2) == "month")) {
      return true;
    }
    int year = 0;
    if (!a.published.has_value() || f.size() != 4 || !absl::SimpleAtoi(f, &year) || year < 1900 ||
        year >= a.published->year()) {
      continue;
    }
    const bool span = (k > sentence.first_token && a.fold(k - 1) == "-") ||
                      (k + 1 < sentence.end_token && a.fold(k + 1) == "-");
    // "the first agreement since 1992" measures from the year; it does not date the signing.
    // "The two sides have signed 23 agreements since 2008": a perfect signing measured from
    // the year is a tally of the past.
    const bool since = k > sentence.first_token && a.fold(k - 1) == "since" && !perfect;
    // "an additional protocol to the 2018 Sochi memorandum": a year after the document that
    // qualifies another document named right after it dates that one, not this.
    bool of_another = false;
    for (int q = k + 1; k >= match.end && q < std::min(sentence.end_token, k + 5) && !of_another;
         ++q) {
      const Entry* other = a.EntityAt(q, EntryType::kDocument);
      of_another = other != nullptr;
      const std::string& w = a.fold(q);
      if (!a.tok(q).word || w == "a" || w == "an" || w == "the" || w == "and" || w == "with" ||
          a.Is(q, WordClass::kSigningVerb)) {
        break;
      }
    }
    if (!span && !since && !of_another) {
      return true;
    }
  }
  return false;
}

// True when token `i` lies in the clause of a meeting held on the sidelines of group `group`
// ("On the sidelines of the summit, A and B met and signed a memorandum"): what it concluded is
// that meeting's, not the event's.
bool OfASideMeeting(const Context& c, int i, int group) {
  if (group < 0) {
    return false;
  }
  const int owner = c.grouping.owner[i];
  if (owner >= 0 && owner != group && c.grouping.groups[owner].parent == group) {
    return true;
  }
  const std::vector<Token>& t = c.a.doc.tokens;
  for (int gi = 0; gi < static_cast<int>(c.grouping.groups.size()); ++gi) {
    if (gi == group) {
      continue;
    }
    const bool side = c.grouping.groups[gi].parent == group;
    for (int mi : c.grouping.groups[gi].mentions) {
      const MeetingMention& m = c.mentions.mentions[mi];
      // A side meeting's own word, not the event's noun in the frame ("the sidelines of the
      // summit").
      if ((!m.sidelines && !side) || m.frame == Frame::kSidelines) {
        continue;
      }
      if (m.clause_first <= i && i < m.clause_end) {
        return true;
      }
      // "..., after which the two sides signed a memorandum": a relative clause opened right
      // after the side meeting's clause tells what that meeting did.
      const int next = m.clause_end;
      if (next > 0 && next <= i && next + 1 < static_cast<int>(t.size()) &&
          t[next].sentence == t[i].sentence && t[next - 1].fold == "," &&
          (t[next + 1].fold == "which" || t[next + 1].fold == "whom")) {
        return true;
      }
    }
  }
  return false;
}

// The first document word of sentence `s` when it opens the sentence (after a bullet sign, a
// number or an article), or -1.
int OpeningDocument(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  for (int mi : a.entities_in[s]) {
    const Match& match = a.entities[mi];
    if (match.Of(EntryType::kDocument) == nullptr) {
      continue;
    }
    for (int k = sentence.first_token; k < match.first; ++k) {
      // "- A protocol on quarantine requirements;": an article may stand before it.
      const bool article =
          k == match.first - 1 && (a.fold(k) == "a" || a.fold(k) == "an" || a.fold(k) == "the");
      if (a.tok(k).word && !absl::ascii_isdigit(static_cast<unsigned char>(a.fold(k)[0])) &&
          !article) {
        return -1;
      }
    }
    return match.first;
  }
  return -1;
}

// "the following documents were signed: - Agreement on ...; - Memorandum of ...": an item of a
// list (a bullet, or a paragraph of its own opening with a document) under a sentence that
// ends in a colon after a signing verb names a document signed. Returns the item's document
// word, or -1.
int ListedUnderASigning(const Annotations& a, int s) {
  const int item = OpeningDocument(a, s);
  // "1." before an item is a sentence of its own.
  const auto number_only = [&](int t) {
    const Sentence& sentence = a.sentence(t);
    for (int k = sentence.first_token; k < sentence.end_token; ++k) {
      if (a.tok(k).word && !absl::ascii_isdigit(static_cast<unsigned char>(a.fold(k)[0]))) {
        return false;
      }
    }
    return true;
  };
  const auto is_item = [&](int t) {
    const int before = t - 1 > 0 && number_only(t - 1) ? t - 2 : t - 1;
    return a.sentence(t).bullet ||
           (OpeningDocument(a, t) >= 0 &&
            (before <= 0 || a.sentence(before).paragraph != a.sentence(t).paragraph));
  };
  if (item < 0 || !is_item(s)) {
    return -1;
  }
  int t = s - 1;
  while (t > 0 && (is_item(t) || number_only(t))) {
    --t;
  }
  const Sentence& intro = a.sentence(t);
  if (t <= 0 || intro.end_token <= intro.first_token || a.fold(intro.end_token - 1) != ":") {
    return -1;
  }
  if (a.SentenceHasWord(t, WordClass::kSigningVerb)) {
    return item;
  }
  // "... witnessed the signing of 13 documents. The documents include: - ...": an introduction
  // that names the documents (or refers to them) after a sentence of signing in its paragraph.
  bool names_documents =
      a.fold(intro.first_token) == "they" || a.fold(intro.first_token) == "these";
  for (int k = intro.first_token; k < intro.end_token && !names_documents; ++k) {
    names_documents = a.EntityAt(k, EntryType::kDocument) != nullptr;
  }
  if (names_documents && t - 1 > 0 && a.sentence(t - 1).paragraph == intro.paragraph &&
      a.SentenceHasWord(t - 1, WordClass::kSigningVerb)) {
    return item;
  }
  return -1;
}

// True when the document word is a plural ("agreements", "memoranda", "documents").
bool PluralDocument(const Annotations& a, const Match& match) {
  const std::string& word = a.fold(match.end - 1);
  return !word.empty() && (word.back() == 's' || word == "memoranda");
}

// True when a singular document word is told with an indefinite article, past words that
// describe it ("an agreement", "a new trade agreement", "another memorandum").
bool Indefinite(const Annotations& a, const Match& match, const Sentence& sentence) {
  if (PluralDocument(a, match)) {
    return false;
  }
  for (int k = match.first - 1; k >= std::max(sentence.first_token, match.first - 4); --k) {
    const std::string& f = a.fold(k);
    if (f == "a" || f == "an" || f == "another") {
      return true;
    }
    if (!a.tok(k).word || a.tok(k).cap || f == "the" || a.Is(k, WordClass::kSigningVerb)) {
      return false;
    }
  }
  return false;
}

// The number told before a plural document word, past words that describe the documents
// ("signed three agreements", "two intergovernmental agreements", "four more memoranda"), or 0.
// Only two to ten: a larger package ("signed 15 agreements") is told as a tally whose members
// the reports name, if at all, one by one. A sum ("$2 billion agreements") or a measure ("two
// 10-year agreements" are two) is no number of documents.
int NumberBefore(const Annotations& a, const Match& match, const Sentence& sentence) {
  static const auto* const kWords = new std::map<std::string, int>{
      {"two", 2},   {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
      {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}};
  // "memorandums of understanding", "letters of intent": the plural may open the phrase.
  bool plural = PluralDocument(a, match);
  for (int q = match.first; q < match.end && !plural; ++q) {
    plural = a.fold(q).size() > 2 && (a.fold(q).back() == 's' || a.fold(q) == "memoranda");
  }
  if (!plural) {
    return 0;
  }
  int k = match.first - 1;
  for (int skipped = 0; k >= sentence.first_token && skipped < 3; --k, ++skipped) {
    const Token& t = a.tok(k);
    const std::string& f = t.fold;
    const bool describes =
        t.word && !t.cap && !absl::ascii_isdigit(static_cast<unsigned char>(f[0])) && f != "of" &&
        f != "and" && f != "or" && f != "the" && f != "a" && f != "an" && f != "worth" &&
        f != "billion" && f != "million" && kWords->count(f) == 0 && a.trigger_at[k] < 0 &&
        !a.Is(k, WordClass::kSigningVerb);
    // "10-year agreements", "two-year memoranda": a number joined by a hyphen measures the
    // documents, it does not count them.
    const bool measure = k + 1 < match.first && a.fold(k + 1) == "-";
    if (!describes && !measure && f != "-") {
      break;
    }
  }
  if (k < sentence.first_token) {
    return 0;
  }
  const std::string& f = a.fold(k);
  int n = 0;
  if (const auto word = kWords->find(f); word != kWords->end()) {
    n = word->second;
  } else if (f.size() <= 2 && absl::SimpleAtoi(f, &n) && k > sentence.first_token &&
             (a.fold(k - 1) == "$" || a.fold(k - 1) == "-")) {
    n = 0;  // "$5 deals", "2-3 agreements".
  }
  return n >= 2 && n <= 10 ? n : 0;
}

// "The agreements were signed by ministers. They included a memorandum on ...", "... witnessed
// the signing of 15 documents. Among them were a protocol on ...", "The documents include an
// agreement on ...": a sentence opened by words that list the members of a plural told just
// before. Returns the token after the opening words, or -1. Whether the sentence before signed
// documents in the plural is the caller's to check.
int ListsThePreviousOnes(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  int k = sentence.first_token;
  while (k < sentence.end_token && !a.tok(k).word) {
    ++k;  // A bullet or a quote.
  }
  if (k + 2 >= sentence.end_token) {
    return -1;
  }
  const auto include = [&](int q) {
    const std::string& f = a.fold(q);
    return f == "include" || f == "included" || f == "includes" || f == "comprise" ||
           f == "comprised" || f == "comprises";
  };
  const std::string& f = a.fold(k);
  // "... witnessed the signing of a number of documents. In particular, the sides signed a
  // memorandum on ...".
  if (f == "in" && a.fold(k + 1) == "particular") {
    return k + 2;
  }
  if (f == "among") {
    const std::string& next = a.fold(k + 1);
    return next == "them" || next == "these" || next == "those" ? k + 2 : -1;
  }
  if (f == "they" || f == "these" || f == "those") {
    int v = k + 1;
    if (a.fold(v) == "also") {
      ++v;
    }
    return include(v) ? v + 1 : -1;
  }
  if (f == "the" || f == "these") {
    const Entry* doc = a.EntityAt(k + 1, EntryType::kDocument);
    if (doc == nullptr) {
      return -1;
    }
    const Match& match = a.entities[a.entity_at[k + 1]];
    if (match.first != k + 1 || !PluralDocument(a, match) || match.end >= sentence.end_token) {
      return -1;
    }
    return include(match.end) ? match.end + 1 : -1;
  }
  return -1;
}

// "according to the statement signed by the presidential spokesman", "a statement issued by
// the ministry": a statement one side's official or office put out is a press release, not a
// document the meeting adopted; one signed by both sides ("by the two leaders") is.
bool PutOutByOneSide(const Annotations& a, const Match& match, const Sentence& sentence) {
  int k = match.end;
  if (k < sentence.end_token && a.fold(k) == ",") {
    ++k;
  }
  if (k + 1 >= sentence.end_token) {
    return false;
  }
  const std::string& verb = a.fold(k);
  if ((verb != "signed" && verb != "issued" && verb != "released" && verb != "sent") ||
      a.fold(k + 1) != "by") {
    return false;
  }
  for (int q = k + 2; q < std::min(sentence.end_token, k + 6); ++q) {
    const std::string& f = a.fold(q);
    if (f == "both" || f == "two" || f == "three" || f == "all" || f == "sides" || f == "parties" ||
        f == "leaders" || f == "heads" || f == "presidents" || f == "ministers" ||
        f == "participants") {
      return false;
    }
  }
  return true;
}

// "signed several documents, including a memorandum on tourism and a protocol on customs",
// "Among the documents signed were ...", "the following documents were signed: - ...": the
// collective "documents" stands for the documents it introduces, not for one more.
bool IntroducesDocuments(const Annotations& a, const Match& match, const Sentence& sentence,
                         int s) {
  for (int k = std::max(sentence.first_token, match.first - 2); k < match.first; ++k) {
    if (a.fold(k) == "among") {
      return true;
    }
  }
  if (s + 1 < a.sentence_count() && ListedUnderASigning(a, s + 1) >= 0) {
    return true;
  }
  // "... witnessed the signing of 15 documents. Among them were a protocol on ...".
  // "In particular, the sides signed ..." may open the next paragraph (a wire story's
  // paragraph is often one sentence).
  if (s + 1 < a.sentence_count() &&
      (a.sentence(s + 1).paragraph == sentence.paragraph ||
       (a.fold(a.sentence(s + 1).first_token) == "in" &&
        a.fold(a.sentence(s + 1).first_token + 1) == "particular")) &&
      ListsThePreviousOnes(a, s + 1) >= 0) {
    return true;
  }
  // "... the signing of 13 documents. The documents include: - ...".
  if (s + 2 < a.sentence_count() && a.sentence(s + 1).paragraph == sentence.paragraph &&
      ListedUnderASigning(a, s + 2) >= 0) {
    return true;
  }
  bool introduced = false;
  for (int k = match.end; k < sentence.end_token; ++k) {
    const std::string& f = a.fold(k);
    // "documents were signed, including ...": the signing verb (a meeting word too) of the
    // collective itself does not end what it introduces; another meeting word does.
    if (f == ";" || (a.trigger_at[k] >= 0 && !a.Is(k, WordClass::kSigningVerb))) {
      return false;
    }
    introduced = introduced || f == "including" || f == "namely" || f == ":" ||
                 (f == "such" && k + 1 < sentence.end_token && a.fold(k + 1) == "as") ||
                 (f == "among" && k + 1 < sentence.end_token &&
                  (a.fold(k + 1) == "them" || a.fold(k + 1) == "which"));
    if (introduced && a.EntityAt(k, EntryType::kDocument) != nullptr) {
      return true;
    }
  }
  return false;
}

// "An agreement on the construction of two new road bridges was signed by the transport
// ministers": a document that is the subject of a passive signing verb is signed however long
// its complement. Not through a relative clause ("the treaty, which was signed in 1991").
bool SubjectOfAPassiveSigning(const Annotations& a, const Match& match, const Sentence& sentence) {
  for (int k = match.end; k + 1 < std::min(sentence.end_token, match.end + 25); ++k) {
    const std::string& f = a.fold(k);
    if (f == ";" || f == ":" || f == "which" || f == "that" || f == "who" ||
        a.Is(k, WordClass::kSpeechVerb) || a.Is(k, WordClass::kSigningVerb)) {
      return false;
    }
    if (f != "was" && f != "were" && f != "been") {
      continue;
    }
    int v = k + 1;
    // "An agreement on double taxation was among the documents signed": among the ones a
    // signing verb concludes.
    if (a.fold(v) == "among") {
      for (int q = v + 1; q < std::min(sentence.end_token, v + 6); ++q) {
        // A participle ("signed", "concluded"), not a noun ("among the issues").
        if (a.Is(q, WordClass::kSigningVerb) && absl::EndsWith(a.fold(q), "ed")) {
          return true;
        }
        if (!a.tok(q).word) {
          break;
        }
      }
      return false;
    }
    const std::string& adverb = a.fold(v);
    if (adverb == "also" || adverb == "formally" || adverb == "jointly" || adverb == "then" ||
        adverb == "subsequently" || adverb == "later") {
      ++v;
    }
    return v < sentence.end_token && a.Is(v, WordClass::kSigningVerb);
  }
  return false;
}

// "the agreement", "this accord", "the deal" with nothing after it that says what it is about:
// a generic word referring back to a document already told of.
bool RefersBack(const Annotations& a, const Match& match, const Entry& doc,
                const Sentence& sentence) {
  if (doc.document != v1::DOCUMENT_TYPE_AGREEMENT || match.first <= sentence.first_token ||
      match.end - match.first != 1) {
    return false;
  }
  const std::string& word = a.fold(match.first);
  const std::string& before = a.fold(match.first - 1);
  if ((word != "agreement" && word != "accord" && word != "deal" && word != "pact") ||
      (before != "the" && before != "this" && before != "that")) {
    return false;
  }
  const std::string& next = match.end < sentence.end_token ? a.fold(match.end) : "";
  return next != "on" && next != "of" && next != "for" && next != "between" && next != "with" &&
         next != "in" && next != "to";
}

// "The summit's final declaration called for a ceasefire", "a final joint communique": the
// final text of a meeting is the one it adopted.
bool FinalText(const Annotations& a, const Match& match, const Sentence& sentence) {
  const Entry* doc = match.Of(EntryType::kDocument);
  if (doc == nullptr || (doc->document != v1::DOCUMENT_TYPE_JOINT_STATEMENT &&
                         doc->document != v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE &&
                         doc->document != v1::DOCUMENT_TYPE_DECLARATION)) {
    return false;
  }
  for (int k = std::max(sentence.first_token, match.first - 2); k < match.first; ++k) {
    if (a.fold(k) == "final") {
      return true;
    }
  }
  return false;
}

// "The summit ended with a joint communique", "the talks culminated in the adoption of a
// declaration", "Talks wrapped up with a joint statement": a meeting that ends with a document
// concluded it. A meeting word must stand before the ending verb.
bool MeetingEndedWith(const Annotations& a, const Match& match, const Sentence& sentence) {
  int k = match.first - 1;
  // "the adoption of", "the signing of" and articles between "with" and the document.
  while (k > sentence.first_token &&
         (a.fold(k) == "a" || a.fold(k) == "an" || a.fold(k) == "the" || a.fold(k) == "of" ||
          absl::StartsWith(a.fold(k), "adopt") || absl::StartsWith(a.fold(k), "sign") ||
          a.fold(k) == "joint")) {
    --k;
  }
  if (k - 1 <= sentence.first_token || (a.fold(k) != "with" && a.fold(k) != "in")) {
    return false;
  }
  int v = k - 1;
  if (a.fold(v) == "up" && v - 1 > sentence.first_token) {
    --v;  // "wrapped up with", "wound up with".
  }
  const std::string& verb = a.fold(v);
  const bool ends = verb == "ended" || verb == "ends" || verb == "closed" || verb == "closes" ||
                    verb == "culminated" || verb == "culminates" || verb == "concluded" ||
                    verb == "concludes" ||
                    ((verb == "wrapped" || verb == "wraps" || verb == "wound") && v < k - 1);
  if (!ends) {
    return false;
  }
  for (int q = sentence.first_token; q < v; ++q) {
    if (a.trigger_at[q] >= 0) {
      return true;
    }
  }
  return false;
}

// True when a signing verb within a few words of the document concludes it ("signed a treaty",
// "the memorandum was initialled"), not when negated or the object of another verb.
bool NearSigningVerb(const Annotations& a, const Match& match, const Sentence& sentence) {
  const int first = match.first;
  const Entry* doc = match.Of(EntryType::kDocument);
  const bool plan_like = doc != nullptr && (doc->document == v1::DOCUMENT_TYPE_ACTION_PLAN ||
                                            absl::StrContains(doc->surface, "programme") ||
                                            absl::StrContains(doc->surface, "program"));
  const bool joint_text = doc != nullptr && absl::StartsWith(doc->surface, "joint ");
  // "adopted the ASEAN Community Vision 2025 and the Kuala Lumpur Declaration on ASEAN 2025":
  // the distance counts from the capitalised name before the document word.
  int name_first = first;
  if (a.tok(first).cap) {
    while (name_first > sentence.first_token && name_first > first - 6 &&
           a.tok(name_first - 1).word && a.tok(name_first - 1).cap &&
           a.EntityAt(name_first - 1, EntryType::kRole) == nullptr) {
      --name_first;
    }
  }
  bool near_verb = false;
  for (int k = std::max(sentence.first_token, name_first - 8);
       k < std::min(sentence.end_token, match.end + 8) && !near_verb; ++k) {
    // "the internationally-agreed roadmap" is an adjective, not a signing.
    const bool compound =
        k > sentence.first_token && a.fold(k - 1) == "-" && a.tok(k - 1).end == a.tok(k).begin;
    // "did not sign", "failed to sign", "never signed": no signing.
    bool negated = false;
    for (int q = std::max(sentence.first_token, k - 3); q < k; ++q) {
      negated = negated || a.fold(q) == "not" || a.fold(q) == "never" || a.fold(q) == "failed" ||
                a.fold(q) == "refused" || a.fold(q) == "n't";
    }
    // "agreed to launch talks on a trade agreement": the document is another verb's object;
    // "agreed to sign", "agreed to a roadmap" conclude it.
    const std::string& f = a.fold(k);
    const bool agreed_to_other =
        (f == "agreed" || f == "agree" || f == "agrees" || f == "agreeing") && k + 2 < first &&
        a.fold(k + 1) == "to" && !a.Is(k + 2, WordClass::kSigningVerb) && a.fold(k + 2) != "a" &&
        a.fold(k + 2) != "an" && a.fold(k + 2) != "the";
    // "In the communique, the two sides committed to conclude negotiations on ...": a signing
    // verb an aim governs concludes nothing, before it or after.
    const bool aimed =
        k - 2 >= sentence.first_token && a.fold(k - 1) == "to" && a.Is(k - 2, WordClass::kAimVerb);
    // "the presidents approved a roadmap for 2025-2027": a plan or programme is adopted by its
    // approval (an agreement "approved" is a domestic step before ratification).
    const bool approved_plan =
        (f == "approved" || f == "approve" || f == "approves" || f == "approving") && plan_like &&
        k < first;
    // "Xi and Putin unveiled a joint statement": a joint text the sides unveil is issued (one
    // side alone unveils plans, which conclude nothing).
    const bool unveiled_joint =
        (f == "unveiled" || f == "unveil" || f == "unveils") && joint_text && k < first;
    near_verb = (a.Is(k, WordClass::kSigningVerb) || approved_plan || unveiled_joint) &&
                !compound && !negated && !agreed_to_other &&
                !AgreedThat(a, k, sentence.end_token) && !aimed;
  }
  return near_verb;
}

// "They signed a treaty on Monday. The Treaty of Good-Neighbourliness and Friendly Cooperation,
// the first such document in fifty years, commits ...": a sentence opened by a document's name
// tells the name of the document just concluded. Returns the document word's match, or -1, and
// the name in `title`: the capitalised words around the document word and the function words
// between them, up to the first other lower-case word (the sentence's verb) or punctuation.
int NameOpeningTheSentence(const Annotations& a, int s, std::string* title) {
  const Sentence& sentence = a.sentence(s);
  if (s == 0 || sentence.all_caps) {
    return -1;
  }
  for (int mi : a.entities_in[s]) {
    const Match& match = a.entities[mi];
    if (match.Of(EntryType::kDocument) == nullptr) {
      continue;
    }
    if (!a.tok(match.first).cap) {
      return -1;
    }
    int first = sentence.first_token;
    if (a.fold(first) == "the") {
      ++first;
    }
    for (int k = first; k < match.first; ++k) {
      if (!a.tok(k).word || !a.tok(k).cap || a.EntityAt(k, EntryType::kRole) != nullptr) {
        return -1;
      }
    }
    const auto function_word = [](const std::string& f) {
      return f == "of" || f == "on" || f == "for" || f == "in" || f == "and" || f == "the" ||
             f == "between" || f == "concerning" || f == "regarding" || f == "to";
    };
    int end = match.end;
    bool capital_after = false;  // A capitalised word after the document word.
    while (end < sentence.end_token) {
      const Token& t = a.tok(end);
      const bool joining_hyphen = t.fold == "-" && end > match.end &&
                                  a.tok(end - 1).end == t.begin && end + 1 < sentence.end_token &&
                                  t.end == a.tok(end + 1).begin;
      if (!joining_hyphen && (!t.word || (!t.cap && !function_word(t.fold)))) {
        break;
      }
      capital_after = capital_after || t.cap;
      ++end;
    }
    while (end > match.end && function_word(a.fold(end - 1))) {
      --end;
    }
    if (first == match.first && !capital_after) {
      return -1;  // "Agreements on trade ...": a capital owed to the sentence's opening.
    }
    *title = a.Surface(first, end);
    return mi;
  }
  return -1;
}

}  // namespace

std::vector<v1::Document> ResolveDocuments(const Context& c, const std::set<int>& sentences,
                                           std::vector<FieldEvidence>* evidence, int group,
                                           v1::MeetingStatus status) {
  const Annotations& a = c.a;
  std::vector<v1::Document> out;
  std::set<std::pair<v1::DocumentType, std::string>> seen;  // One per type and title.
  // "The presidents will meet in Dushanbe on 14 September. They plan to adopt a declaration":
  // the record's status (a date after the publication's makes it scheduled) decides.
  const bool held = status != v1::MEETING_STATUS_UNSPECIFIED
                        ? status == v1::MEETING_STATUS_HELD
                        : group >= 0 && group < static_cast<int>(c.grouping.groups.size()) &&
                              c.grouping.groups[group].status == MentionStatus::kHeld;
  // The months the meeting's own mentions are dated in.
  std::set<int> own_months;
  if (group >= 0 && group < static_cast<int>(c.grouping.groups.size())) {
    for (int mi : c.grouping.groups[group].mentions) {
      const int di = c.mentions.mentions[mi].date;
      if (di >= 0) {
        const DateMention& d = a.dates[di];
        own_months.insert(static_cast<int>(d.start.year()) * 12 + d.start.month());
      }
    }
  }
  int plural_signed = -1;                 // The last sentence that signed documents in the plural.
  int headline_collective = -1;           // The headline's "documents" in `out`, or -1.
  std::set<v1::DocumentType> body_types;  // The types of the documents the body concludes.
  // The last sentence that concluded a document of a type without a name.
  std::map<v1::DocumentType, int> untitled_in;
  // The most untitled documents of a type one sentence concluded.
  std::map<v1::DocumentType, int> untitled_most;
  for (int s : sentences) {
    const int listed = ListedUnderASigning(a, s);
    const Sentence& sentence = a.sentence(s);
    // "They signed a treaty on Monday. The Treaty of Good-Neighbourliness and Friendly
    // Cooperation commits ...": the name opening the next sentence is the untitled one's.
    std::string name;
    const int named = NameOpeningTheSentence(a, s, &name);
    if (named >= 0) {
      const Match& match = a.entities[named];
      const v1::DocumentType type = match.Of(EntryType::kDocument)->document;
      const auto last = untitled_in.find(type);
      for (size_t i = 0; i < out.size() && last != untitled_in.end() && last->second == s - 1;
           ++i) {
        if (out[i].type() != type || !out[i].title().empty() || seen.count({type, name}) > 0) {
          continue;
        }
        if (Negated(a, match, sentence.first_token) ||
            SignedBefore(a, match, sentence, s, own_months)) {
          break;
        }
        out[i].set_title(name);
        seen.insert({type, name});
        if (std::none_of(out.begin(), out.end(), [&](const v1::Document& d) {
              return d.type() == type && d.title().empty();
            })) {
          seen.erase({type, ""});
        }
        break;
      }
    }
    const int opening = OpeningJointStatement(a, sentence);
    // "The agreements were signed by ministers. They included a memorandum on ...": the
    // documents a sentence lists as members of the plural signed just before are signed.
    int members_from = -1;
    if (s > 0 && plural_signed == s - 1 && a.sentence(s - 1).paragraph == sentence.paragraph) {
      members_from = ListsThePreviousOnes(a, s);
    }
    // "The summit ended with a joint communique", "the final declaration", "according to the
    // joint statement".
    bool ending = false;
    for (int k = sentence.first_token; k < sentence.end_token && !ending; ++k) {
      const std::string& f = a.fold(k);
      ending = f == "ended" || f == "ends" || f == "closed" || f == "closes" || f == "final" ||
               f == "according" || absl::StartsWith(f, "culminat") || f == "wrapped" ||
               f == "wraps" || f == "wound" || absl::StartsWith(f, "approv") ||
               absl::StartsWith(f, "unveil");
    }
    if (listed < 0 && opening < 0 && members_from < 0 && !ending &&
        !a.SentenceHasWord(s, WordClass::kSigningVerb) &&
        !a.SentenceHasWord(s, WordClass::kSpeechVerb) && a.fold(sentence.first_token) != "in") {
      continue;
    }
    if (RatifiedByALegislature(a, sentence)) {
      continue;
    }
    std::map<v1::DocumentType, int> untitled_here;  // Untitled documents of a type told here.
    // "signed an agreement on trade and an agreement on energy": each singular document told
    // with an indefinite article is one more.
    std::map<v1::DocumentType, int> indefinite_here;
    int last_signed_end = -1;  // End of the last document signed in this sentence.
    int introduced_from = -1;  // End of a signed "documents" that introduces the ones after it.
    for (int mi : a.entities_in[s]) {
      const Match& match = a.entities[mi];
      const Entry* doc = match.Of(EntryType::kDocument);
      if (doc == nullptr || OfASideMeeting(c, match.first, group)) {
        continue;
      }
      const int first = match.first;
      bool draft = false;  // "a draft treaty", "the draft text of a peace treaty".
      for (int k = std::max(sentence.first_token, first - 4); k < first; ++k) {
        draft = draft || a.Is(k, WordClass::kDocumentNegator);
      }
      // "the implementation of the agreement", "negotiations on a trade deal", "under the
      // accord": a document in force or in the making, not one concluded here. Not across a
      // comma: "After the negotiations, agreements on trade were signed".
      bool other_act = false;
      for (int k = first - 1; k >= std::max(sentence.first_token, first - 3); --k) {
        const std::string& f = a.fold(k);
        if (f == "," || f == ";" || f == ":") {
          break;
        }
        other_act = other_act || absl::StartsWith(f, "implement") ||
                    absl::StartsWith(f, "negotiat") || absl::StartsWith(f, "violat") ||
                    f == "under" || f == "compliance";
      }
      // "withdrew from the arms agreement", "pulled out of the nuclear deal", "suspended the
      // treaty": a document in force that a party leaves, not one concluded here; so is one
      // amended ("a protocol amending the double taxation agreement": the protocol is new).
      for (int k = std::max(sentence.first_token, first - 5); k < first; ++k) {
        const std::string& f = a.fold(k);
        const bool leaves = absl::StartsWith(f, "withdr") || absl::StartsWith(f, "suspend") ||
                            absl::StartsWith(f, "abandon") || absl::StartsWith(f, "scrap") ||
                            absl::StartsWith(f, "terminat") || absl::StartsWith(f, "renounc") ||
                            absl::StartsWith(f, "revok") || absl::StartsWith(f, "amend") ||
                            ((f == "pulled" || f == "pull" || f == "pulls" || f == "pulling") &&
                             k + 1 < first && a.fold(k + 1) == "out");
        bool interrupted = false;
        for (int q = k + 1; q < first; ++q) {
          interrupted = interrupted || a.fold(q) == "," || a.fold(q) == ";" ||
                        a.Is(q, WordClass::kSigningVerb) || a.fold(q) == "and";
        }
        other_act = other_act || (leaves && !interrupted);
      }
      // "reached an agreement to meet again", "a deal to hold talks in May": an arrangement
      // to meet, not a text concluded.
      int to = match.end;
      if (to < sentence.end_token && a.fold(to) == "\"") {
        ++to;
      }
      other_act = other_act ||
                  (to + 1 < sentence.end_token && a.fold(to) == "to" && a.trigger_at[to + 1] >= 0);
      draft = draft || other_act;
      // A signing only planned is no document of a meeting held.
      draft = draft || (held && PlannedSigning(a, match, sentence));
      if (draft || Negated(a, match, sentence.first_token) ||
          SignedBefore(a, match, sentence, s, own_months)) {
        continue;  // "a draft declaration", "no agreement", "ruled out a joint statement".
      }
      // "statement" alone is a document only when issued/adopted, not "said in a statement".
      if (doc->surface == "statement" &&
          (first == sentence.first_token || a.fold(first - 1) == "a") &&
          !(first >= 2 && a.Is(first - 2, WordClass::kDocumentIssuer))) {
        continue;
      }
      if (doc->surface == "statement" && PutOutByOneSide(a, match, sentence)) {
        continue;
      }
      // "according to a Kremlin statement", "the ministry's statement said": a statement
      // qualified by its issuer's name or possessive is that side's press release ("the Beijing
      // Statement", capitalised, is a name).
      if (doc->surface == "statement" && !a.tok(first).cap && first - 1 > sentence.first_token &&
          (a.fold(first - 1) == "'s" || (a.tok(first - 1).word && a.tok(first - 1).cap))) {
        continue;
      }
      // "The Secretary released the following statement:": a press release that follows, not a
      // text the sides adopted ("adopted the following statement" is one).
      if (doc->surface == "statement" && first - 3 >= sentence.first_token &&
          a.fold(first - 1) == "following" && a.fold(first - 2) == "the" &&
          a.fold(first - 3) != "adopted") {
        continue;
      }
      if (doc->surface == "documents" && IntroducesDocuments(a, match, sentence, s)) {
        // "20 documents were concluded at the intergovernmental level, among them an agreement
        // on ...": the documents it introduces are signed with it, however far from the verb.
        if (NearSigningVerb(a, match, sentence) || SubjectOfAPassiveSigning(a, match, sentence)) {
          introduced_from = match.end;
          plural_signed = s;
        }
        continue;
      }
      // The signing must be about this document: a verb within a few words of it.
      bool near_verb = NearSigningVerb(a, match, sentence);
      bool introduced = introduced_from >= 0 && first >= introduced_from;
      for (int k = std::max(introduced_from, 0); introduced && k < first; ++k) {
        introduced = a.fold(k) != ";" && (a.trigger_at[k] < 0 || a.Is(k, WordClass::kSigningVerb));
      }
      near_verb = near_verb || introduced || first == listed || first == opening ||
                  ToldInAJointText(a, match, sentence) || MeetingEndedWith(a, match, sentence) ||
                  FinalText(a, match, sentence) || (members_from >= 0 && first >= members_from) ||
                  SubjectOfAPassiveSigning(a, match, sentence);
      // "signed a Memorandum of Cooperation in the field of agriculture, as well as the
      // 2018-2020 Action Plan": a document joined to one signed is signed too.
      if (!near_verb && last_signed_end >= 0 && first - last_signed_end <= 16) {
        bool joined = false;
        bool interrupted = false;
        for (int k = last_signed_end; k < first; ++k) {
          const std::string& f = a.fold(k);
          joined =
              joined || f == "and" || f == "well" || f == "," || f == "along" || f == "together";
          // "A memorandum on hydrogen was signed in the presence of the two leaders, along with
          // an agreement on nuclear energy": the passive verb of the document before signs both.
          const bool passive_of_the_last =
              k > last_signed_end && a.Is(k, WordClass::kSigningVerb) &&
              (a.fold(k - 1) == "was" || a.fold(k - 1) == "were" || a.fold(k - 1) == "been");
          interrupted = interrupted || f == ";" || f == ":" ||
                        (a.trigger_at[k] >= 0 && !passive_of_the_last) ||
                        a.Is(k, WordClass::kSpeechVerb) ||
                        (a.Is(k, WordClass::kSigningVerb) && !passive_of_the_last);
        }
        // "signed a treaty eliminating medium- and shorter-range missiles, the first superpower
        // accord to ...": a definite noun phrase after a bare comma is an apposition of the
        // document before, not one more.
        int comma = -1;
        bool conjunction = false;  // A conjunction after the last comma.
        for (int k = last_signed_end; k < first; ++k) {
          const std::string& f = a.fold(k);
          if (f == ",") {
            comma = k;
            conjunction = false;
          }
          conjunction = conjunction || f == "and" || f == "well" || f == "along" || f == "together";
        }
        const bool apposition =
            !conjunction && comma >= 0 && comma + 1 < first && a.fold(comma + 1) == "the";
        near_verb = joined && !interrupted && !apposition;
      }
      // "signed a friendship treaty, the first such pact in half a century": "such" refers
      // back to the document just told of.
      if (!near_verb || (first > sentence.first_token && a.fold(first - 1) == "such")) {
        continue;
      }
      last_signed_end = match.end;
      if (PluralDocument(a, match)) {
        plural_signed = s;
      }
      // "... issued a joint statement. In the communique, the two sides agreed to ...": a
      // sentence opened by "In the" statement refers back to the one already told of.
      const bool statement_like = doc->document == v1::DOCUMENT_TYPE_JOINT_STATEMENT ||
                                  doc->document == v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE ||
                                  doc->document == v1::DOCUMENT_TYPE_DECLARATION;
      if (statement_like && first == sentence.first_token + 2 &&
          a.fold(sentence.first_token) == "in" && a.fold(sentence.first_token + 1) == "the" &&
          match.end < sentence.end_token && a.fold(match.end) == "," &&
          std::any_of(out.begin(), out.end(), [](const v1::Document& d) {
            return d.type() == v1::DOCUMENT_TYPE_JOINT_STATEMENT ||
                   d.type() == v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE ||
                   d.type() == v1::DOCUMENT_TYPE_DECLARATION;
          })) {
        continue;
      }
      const std::string title = TitleOf(a, match, sentence);
      if (title.empty() && RefersBack(a, match, *doc, sentence) &&
          std::any_of(out.begin(), out.end(),
                      [&](const v1::Document& d) { return d.type() != doc->document; })) {
        continue;  // "signed a peace treaty ... President X, who brokered the agreement".
      }
      if (title.empty()) {
        untitled_in[doc->document] = s;
        // "signed three agreements"; a collective "signed 12 documents" stands for one (the
        // documents it packs are as often of other types or named one by one).
        // "six agreements, including a treaty on the border" (or "The agreements include ..."
        // after it) stands for the ones it introduces.
        const int number = doc->surface == "documents" || IntroducesDocuments(a, match, sentence, s)
                               ? 0
                               : NumberBefore(a, match, sentence);
        if (Indefinite(a, match, sentence)) {
          ++indefinite_here[doc->document];
        } else {
          untitled_here[doc->document] = std::max(
              untitled_here[doc->document], number > 0 ? number : ListedCount(a, match, sentence));
        }
      }
      const bool collective_in_headline = sentence.title && doc->surface == "documents";
      if (!sentence.title) {
        body_types.insert(doc->document);
      }
      if (!seen.insert({doc->document, title}).second) {
        continue;
      }
      if (collective_in_headline) {
        headline_collective = static_cast<int>(out.size());
      }
      v1::Document out_doc;
      out_doc.set_type(doc->document);
      out_doc.set_title(title);
      out.push_back(out_doc);
      evidence->push_back(
          {"documents", match.first, match.end, v1::DocumentType_Name(doc->document)});
    }
    // "The two presidents signed an agreement on strategic partnership. The ministers also
    // signed an agreement on visas": a document of a type told again with "also" and an
    // indefinite article is one more than the sentences before told.
    // The "also" is the signing's ("also signed", "was also signed"), not another verb's
    // ("also praised an agreement signed by ...").
    bool also = false;
    for (int k = sentence.first_token; k + 1 < sentence.end_token && !sentence.title; ++k) {
      also = also || (a.fold(k) == "also" &&
                      (a.Is(k + 1, WordClass::kSigningVerb) ||
                       (k + 2 < sentence.end_token && a.Is(k + 2, WordClass::kSigningVerb))));
    }
    for (const auto& [type, n] : indefinite_here) {
      if (also && untitled_most[type] > 0 && untitled_here[type] == 0) {
        untitled_most[type] += n;
      }
      untitled_here[type] = std::max(untitled_here[type], n);
    }
    for (const auto& [type, n] : untitled_here) {
      untitled_most[type] = std::max(untitled_most[type], n);
    }
  }
  // "China, Finland sign cooperation documents" over a body that signs five memoranda: the
  // headline's collective stands for the body's documents, not for an agreement more.
  if (headline_collective >= 0 && !body_types.empty() &&
      body_types.count(v1::DOCUMENT_TYPE_AGREEMENT) == 0 &&
      out[headline_collective].type() == v1::DOCUMENT_TYPE_AGREEMENT &&
      out[headline_collective].title().empty()) {
    out.erase(out.begin() + headline_collective);
  }
  // The untitled documents of a type are as many as the sentence that tells most of them (a
  // later "the agreements" refers back to the ones already counted).
  const size_t told = out.size();
  for (size_t i = 0; i < told; ++i) {
    if (out[i].title().empty()) {
      for (int n = 1; n < untitled_most[out[i].type()]; ++n) {
        out.push_back(out[i]);
      }
    }
  }
  return out;
}

}  // namespace parley::extract
