#include "workers/extract/dates.h"

#include <array>
#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace parley::extract {
namespace {

constexpr std::array<const char*, 12> kFullMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// One hash lookup per token instead of comparing it with every month and weekday name.
const absl::flat_hash_map<std::string, int>& CalendarWords() {
  static const auto* words = [] {
    auto* map = new absl::flat_hash_map<std::string, int>();
    static constexpr const std::array<const char*, 12>& kFull = kFullMonths;
    static constexpr std::array<const char*, 12> kShort = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    static constexpr std::array<const char*, 7> kDays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int m = 0; m < 12; ++m) {
      (*map)[kFull[m]] = m + 1;
      (*map)[kShort[m]] = m + 1;
    }
    (*map)["sept"] = 9;
    for (int d = 0; d < 7; ++d) {
      (*map)[kDays[d]] = 100 + d;  // Weekdays are 100 + index.
    }
    return map;
  }();
  return *words;
}

// The tense of the verb right before a weekday ("opens on Tuesday", "met Tuesday"): +1 a verb
// of schedule in the present, told of what is to come ("the summit, which opens on Tuesday",
// "talks resume Monday", "the vote is due on Friday"), outside a headline, whose present may
// tell the past; -1 a past form ("met on Tuesday", "was postponed on Friday", "said Monday"),
// not a participle of planning ("scheduled on", "expected on") nor one in the passive of what
// is to come ("will be held on Friday", "to be signed Monday"); else 0.
// A schedule word after an article or possessive, up to one word between, is a noun ("got off
// to a contentious start on Thursday", "their start on Monday"): 0.
int TenseBeforeWeekday(const std::string& verb, const std::string& previous,
                       const std::string& before_previous, bool body) {
  static const auto* kSchedule = new absl::flat_hash_set<std::string>{
      "opens", "begins", "starts", "resumes", "convenes", "reconvenes",
      "open",  "begin",  "start",  "resume",  "convene",  "reconvene"};
  static const auto* kIrregularPast = new absl::flat_hash_set<std::string>{
      "met",  "held", "began", "spoke", "was",  "were", "said", "told",   "took",  "left", "came",
      "went", "sent", "gave",  "made",  "flew", "sat",  "saw",  "became", "wrote", "rang", "had"};
  static const auto* kPlanning = new absl::flat_hash_set<std::string>{
      "scheduled", "rescheduled", "planned",  "expected",  "slated", "proposed", "needed",
      "tabled",    "pencilled",   "penciled", "earmarked", "billed", "timed"};
  static const auto* kDeterminer = new absl::flat_hash_set<std::string>{
      "a", "an", "the", "its", "their", "his", "her", "this", "that"};
  if (body && kSchedule->contains(verb)) {
    return kDeterminer->contains(previous) || kDeterminer->contains(before_previous) ? 0 : 1;
  }
  static const auto* kPassive = new absl::flat_hash_set<std::string>{
      "be", "is", "are", "am", "being", "been", "get", "gets", "getting"};
  if (kPassive->contains(previous)) {
    return 0;
  }
  if (kIrregularPast->contains(verb)) {
    return -1;
  }
  // "-ed", not a present in "-eed" ("proceed", "exceed") but "agreed".
  if (verb.size() > 4 && verb.compare(verb.size() - 2, 2, "ed") == 0 &&
      (verb.compare(verb.size() - 3, 3, "eed") != 0 || verb == "agreed") &&
      !kPlanning->contains(verb)) {
    return -1;
  }
  return 0;
}

int MonthOf(const std::string& fold) {
  auto it = CalendarWords().find(fold);
  return it != CalendarWords().end() && it->second < 100 ? it->second : 0;
}

int WeekdayOf(const std::string& fold) {
  auto it = CalendarWords().find(fold);
  return it != CalendarWords().end() && it->second >= 100 ? it->second - 100 : -1;
}

int Number(const Token& t, int lo, int hi) {
  int n = 0;
  std::string digits = t.fold;
  // "26th", "1st".
  for (const char* suffix : {"st", "nd", "rd", "th"}) {
    if (digits.size() > 2 && digits.compare(digits.size() - 2, 2, suffix) == 0) {
      digits.resize(digits.size() - 2);
    }
  }
  if (!t.word || !absl::SimpleAtoi(digits, &n) || n < lo || n > hi) {
    return 0;
  }
  return n;
}

int DaysIn(int year, int month) {
  return static_cast<int>(absl::CivilDay(year, month + 1, 1) - absl::CivilDay(year, month, 1));
}

// A wire dateline: "CITY, Month Day -", "CITY, Day Month -" at the start of the body, the town
// in capitals. `first` is the date's first token.
bool Dateline(const Document& doc, int sentence, int first) {
  const Sentence& s = doc.sentences[sentence];
  return first - s.first_token <= 6 && sentence <= 4 && doc.tokens[s.first_token].upper;
}

// A dateline with the town in title case: up to three capitalised words and a comma opening
// one of the first sentences, then the date `[first, end)` and a colon, bracket, dash or bar
// ("Moscow, 3 March: ...", "Pyongyang, September 14 (KCNA) --", "Hanoi, May 4 - "), or a
// comma and the agency's capitalised name ("Tashkent, 12 May, UzA."). Not a weekday before
// the comma ("Tuesday, March 3, ...").
bool TitleCaseDateline(const Document& doc, int sentence, int first, int end) {
  const Sentence& s = doc.sentences[sentence];
  if (sentence > 4 || first <= s.first_token || first - s.first_token > 4 ||
      doc.tokens[first - 1].fold != "," || end >= s.end_token) {
    return false;
  }
  const std::string& next = doc.tokens[end].fold;
  // The agency: one or two capitalised words closed by a full stop, dash, colon or bar ("UzA.",
  // "Kabar -"), not the words of a sentence ("Then, May 6, French President X met").
  bool agency = false;
  if (next == "," && end + 1 < s.end_token && doc.tokens[end + 1].cap && doc.tokens[end + 1].word) {
    for (int k = end + 2; k < std::min(s.end_token, end + 4); ++k) {
      const std::string& f = doc.tokens[k].fold;
      if (f == "." || f == "-" || f == ":" || f == "|") {
        agency = true;
        break;
      }
      if (!doc.tokens[k].cap || !doc.tokens[k].word) {
        break;
      }
    }
    // A sentence may end right after the agency's name.
    agency = agency || end + 2 == s.end_token;
  }
  if (next != ":" && next != "(" && next != "-" && next != "|" && !agency) {
    return false;
  }
  // The town: capitalised words, no weekday and no adverb of time or sequence ("Yesterday, May
  // 5, ...", "Then, May 6 - ...").
  static const auto* kNotATown = new absl::flat_hash_set<std::string>(
      {"yesterday", "today",   "tomorrow",   "then",         "earlier", "later",      "meanwhile",
       "also",      "however", "previously", "subsequently", "finally", "afterwards", "thereafter",
       "again",     "now",     "separately", "on",           "by",      "since",      "until",
       "from",      "in",      "last",       "next",         "this"});
  for (int k = s.first_token; k < first - 1; ++k) {
    if (!doc.tokens[k].cap || WeekdayOf(doc.tokens[k].fold) >= 0 ||
        kNotATown->contains(doc.tokens[k].fold)) {
      return false;
    }
  }
  return true;
}

// The year for a month/day without one: the year that puts the date nearest to the
// publication day ("December 28" in a January article is last December).
int InferYear(std::optional<absl::CivilDay> published, int month, int day) {
  if (!published.has_value()) {
    return 0;
  }
  const int year = static_cast<int>(published->year());
  int best = year;
  int64_t best_gap = -1;
  for (int y = year - 1; y <= year + 1; ++y) {
    const absl::CivilDay candidate(y, month, day == 0 ? 15 : day);
    const int64_t gap = std::abs(candidate - *published);
    if (best_gap < 0 || gap < best_gap) {
      best_gap = gap;
      best = y;
    }
  }
  return best;
}

// "Monday (20/10)", "Monday (20/10/2014)": a numeric date in brackets after a weekday, read
// day-first or month-first, whichever falls on that weekday (none does: not a date). Sets
// `m`'s date, year flag and end, and returns true when one reading holds.
template <typename InRange>
bool NumericAfterWeekday(const std::vector<Token>& t, int i, int weekday,
                         std::optional<absl::CivilDay> published, const InRange& in,
                         DateMention* m) {
  if (!in(i + 5) || t[i + 1].fold != "(" || t[i + 3].fold != "/") {
    return false;
  }
  const int first = Number(t[i + 2], 1, 31);
  const int second = Number(t[i + 4], 1, 31);
  int j = i + 5;
  int year = 0;
  if (in(j + 1) && t[j].fold == "/") {
    year = Number(t[j + 1], 1900, 2100);
    if (year == 0) {
      return false;
    }
    j += 2;
  }
  if (first == 0 || second == 0 || !in(j) || t[j].fold != ")") {
    return false;
  }
  for (const auto& [day, month] : {std::pair{first, second}, std::pair{second, first}}) {
    if (month > 12) {
      continue;
    }
    const int y = year > 0 ? year : InferYear(published, month, day);
    if (y == 0 || day > DaysIn(y, month) ||
        static_cast<int>(absl::GetWeekday(absl::CivilDay(y, month, day))) != weekday) {
      continue;
    }
    m->start.set_year(y);
    m->start.set_month(month);
    m->start.set_day(day);
    m->has_year = year > 0;
    m->end_token = j + 1;
    return true;
  }
  return false;
}

}  // namespace

bool IsMonthName(absl::string_view fold) {
  const auto& words = CalendarWords();
  const auto it = words.find(fold);
  return it != words.end() && it->second <= 12 && fold == kFullMonths[it->second - 1];
}

v1::Date ToDate(absl::CivilDay day) {
  v1::Date d;
  d.set_year(static_cast<int>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

std::vector<DateMention> FindDates(const Document& doc, std::optional<absl::CivilDay> published) {
  std::vector<DateMention> out;
  const std::vector<Token>& t = doc.tokens;
  const int n = static_cast<int>(t.size());
  auto set = [](v1::Date* d, int y, int m, int day) {
    d->set_year(y);
    d->set_month(m);
    d->set_day(day);
  };
  for (int i = 0; i < n; ++i) {
    if (!t[i].word) {
      continue;
    }
    const int sentence = t[i].sentence;
    const int sentence_end = doc.sentences[sentence].end_token;
    auto in = [&](int k) { return k < sentence_end; };
    DateMention m;
    m.sentence = sentence;
    m.first_token = i;
    const int month = MonthOf(t[i].fold);
    // "May" is also a verb: require a day or year next to it, or a capital.
    if (month > 0 && !(t[i].fold == "may" && !t[i].cap) && !(t[i].fold == "march" && !t[i].cap)) {
      int k = i + 1;
      if (in(k) && t[k].fold == ".") {
        ++k;
      }
      const int day = in(k) ? Number(t[k], 1, 31) : 0;
      if (day > 0) {
        // Month Day [, Year] [- Day2 | to Month2 Day2]
        int j = k + 1;
        int end_month = 0;
        int end_day = 0;
        if (in(j + 1) && (t[j].fold == "-" || t[j].fold == "to" || t[j].fold == "and")) {
          int q = j + 1;
          const int month2 = MonthOf(t[q].fold);
          if (month2 > 0) {
            ++q;
            if (in(q) && t[q].fold == ".") {
              ++q;
            }
            if (in(q) && Number(t[q], 1, 31) > 0) {
              end_month = month2;
              end_day = Number(t[q], 1, 31);
              j = q + 1;
            }
          } else if (Number(t[q], 1, 31) > day) {
            end_month = month;
            end_day = Number(t[q], 1, 31);
            j = q + 1;
          }
        }
        int year = 0;
        if (in(j) && t[j].fold == "," && in(j + 1)) {
          year = Number(t[j + 1], 1900, 2100);
          if (year > 0) {
            j += 2;
          }
        } else if (in(j)) {
          year = Number(t[j], 1900, 2100);
          if (year > 0) {
            j += 1;
          }
        }
        m.has_year = year > 0;
        if (year == 0) {
          year = InferYear(published, month, day);
        }
        if (day > DaysIn(year == 0 ? 2001 : year, month)) {
          continue;
        }
        set(&m.start, year, month, day);
        if (end_day > 0) {
          set(&m.end, end_month < month ? year + 1 : year, end_month, end_day);
        }
        m.end_token = j;
        m.dateline = Dateline(doc, sentence, i) || TitleCaseDateline(doc, sentence, i, j);
        out.push_back(m);
        i = j - 1;
        continue;
      }
      const int year = in(k) ? Number(t[k], 1900, 2100) : 0;
      if (year > 0 ||
          (t[i].cap && i > doc.sentences[sentence].first_token &&
           (t[i - 1].fold == "in" || t[i - 1].fold == "late" || t[i - 1].fold == "early" ||
            t[i - 1].fold == "mid" || t[i - 1].fold == "until" || t[i - 1].fold == "by" ||
            t[i - 1].fold == "of" || t[i - 1].fold == "this" || t[i - 1].fold == "next" ||
            t[i - 1].fold == "to" || t[i - 1].fold == "from" || t[i - 1].fold == "since" ||
            t[i - 1].fold == "for" || t[i - 1].fold == "before" || t[i - 1].fold == "after" ||
            (t[i - 1].fold == "-" && i >= 2 && t[i - 2].fold == "mid")))) {
        // Month-only: "in April", "April 2025"; "next June" is the first June after the
        // publication's month.
        int y = year > 0 ? year : InferYear(published, month, 0);
        if (year == 0 && published.has_value() && t[i - 1].fold == "next") {
          y = static_cast<int>(published->year()) + (month <= published->month() ? 1 : 0);
        }
        set(&m.start, y, month, 0);
        m.has_year = year > 0;
        m.end_token = year > 0 ? k + 1 : i + 1;
        out.push_back(m);
        continue;
      }
      continue;
    }
    // An optional year at token j after a day and month; the publication's otherwise.
    auto year_after = [&](int* j, int mon, int d) {
      int year = in(*j) ? Number(t[*j], 1900, 2100) : 0;
      m.has_year = year > 0;
      if (year > 0) {
        ++*j;
        return year;
      }
      return InferYear(published, mon, d);
    };
    // A word joining the two ends of a range: "26-27 April", "20 to 22 May", "20 and 21 May".
    auto range_word = [&](int k) {
      return in(k) && (t[k].fold == "-" || t[k].fold == "to" || t[k].fold == "and" ||
                       t[k].fold == "until" || t[k].fold == "through" || t[k].fold == "till");
    };
    // Day Month [Year]: "26 April 2025", "the 12th of May", "30 November - 1 December".
    const int day = Number(t[i], 1, 31);
    const int of = in(i + 2) && t[i + 1].fold == "of" && t[i].fold.size() > 2 ? 1 : 0;
    if (day > 0 && in(i + 1 + of) && MonthOf(t[i + 1 + of].fold) > 0) {
      const int mon = MonthOf(t[i + 1 + of].fold);
      int j = i + 2 + of;
      // "30 November - 1 December 2025": the year may come after the second end only.
      int end_day = 0;
      int end_mon = 0;
      if (range_word(j) && in(j + 2) && Number(t[j + 1], 1, 31) > 0 && MonthOf(t[j + 2].fold) > 0) {
        end_day = Number(t[j + 1], 1, 31);
        end_mon = MonthOf(t[j + 2].fold);
        j += 3;
      }
      const int year = year_after(&j, mon, day);
      if (day > DaysIn(year == 0 ? 2001 : year, mon)) {
        continue;
      }
      set(&m.start, year, mon, day);
      if (end_day > 0 && end_day <= DaysIn(year == 0 ? 2001 : year, end_mon) &&
          (end_mon > mon || (end_mon == mon && end_day > day) || end_mon < mon)) {
        set(&m.end, end_mon < mon ? year + 1 : year, end_mon, end_day);
      }
      m.end_token = j;
      m.dateline = Dateline(doc, sentence, i) || TitleCaseDateline(doc, sentence, i, j);
      out.push_back(m);
      i = j - 1;
      continue;
    }
    // "26-27 April", "from 20 to 22 May".
    if (day > 0 && in(i + 3) && range_word(i + 1) && Number(t[i + 2], 1, 31) > day &&
        MonthOf(t[i + 3].fold) > 0) {
      const int mon = MonthOf(t[i + 3].fold);
      int j = i + 4;
      const int year = year_after(&j, mon, day);
      set(&m.start, year, mon, day);
      set(&m.end, year, mon, Number(t[i + 2], 1, 31));
      m.end_token = j;
      out.push_back(m);
      i = j - 1;
      continue;
    }
    // Numeric "14.03.2025" (day first), "14/3/2025" or "3/14/2025" (day or month first,
    // whichever a number above 12 shows; neither: not read), "2025/03/14". Written without
    // spaces, so the parts are adjacent tokens.
    if (in(i + 4) && (t[i + 1].fold == "." || t[i + 1].fold == "/") &&
        t[i + 3].fold == t[i + 1].fold && t[i + 1].begin == t[i].end &&
        t[i + 2].begin == t[i + 1].end && t[i + 3].begin == t[i + 2].end &&
        t[i + 4].begin == t[i + 3].end && t[i].fold.size() <= 4 && t[i + 2].fold.size() <= 2) {
      const bool dots = t[i + 1].fold == ".";
      int y = 0;
      int mon = 0;
      int d = 0;
      if (t[i].fold.size() == 4 && Number(t[i], 1900, 2100) > 0) {
        y = Number(t[i], 1900, 2100);
        mon = Number(t[i + 2], 1, 12);
        d = Number(t[i + 4], 1, 31);
      } else if (t[i + 4].fold.size() == 4 && Number(t[i + 4], 1900, 2100) > 0) {
        y = Number(t[i + 4], 1900, 2100);
        const int a = Number(t[i], 1, 31);
        const int b = Number(t[i + 2], 1, 31);
        if (dots || a > 12) {
          d = a;
          mon = b <= 12 ? b : 0;
        } else if (b > 12) {
          d = b;
          mon = a;
        }
      }
      if (y > 0 && mon > 0 && d > 0 && d <= DaysIn(y, mon)) {
        set(&m.start, y, mon, d);
        m.has_year = true;
        m.end_token = i + 5;
        out.push_back(m);
        i += 4;
        continue;
      }
    }
    // ISO 2025-04-26.
    const int iso_year = Number(t[i], 1900, 2100);
    if (iso_year > 0 && in(i + 4) && t[i + 1].fold == "-" && t[i + 3].fold == "-") {
      const int mon = Number(t[i + 2], 1, 12);
      const int d = Number(t[i + 4], 1, 31);
      if (mon > 0 && d > 0 && d <= DaysIn(iso_year, mon)) {
        set(&m.start, iso_year, mon, d);
        m.has_year = true;
        m.end_token = i + 5;
        out.push_back(m);
        i += 4;
        continue;
      }
    }
    const int weekday = WeekdayOf(t[i].fold);
    if (weekday >= 0 && NumericAfterWeekday(t, i, weekday, published, in, &m)) {
      out.push_back(m);
      i = m.end_token - 1;
      continue;
    }
    // "Friday, April 1", "on Tuesday, 3 March", "Monday the 5th of May": the weekday names
    // the day of the absolute date that follows it, read at the next token; alone it would
    // be resolved against the publication, and the first of the two would win.
    if (weekday >= 0) {
      int k = i + 1;
      if (in(k) && t[k].fold == ",") {
        ++k;
      }
      if (in(k) && t[k].fold == "the") {
        ++k;
      }
      const bool month_day = in(k + 1) && MonthOf(t[k].fold) > 0 && t[k].cap &&
                             (Number(t[k + 1], 1, 31) > 0 ||
                              (t[k + 1].fold == "." && in(k + 2) && Number(t[k + 2], 1, 31) > 0));
      const int of_k = in(k + 2) && t[k + 1].fold == "of" ? 1 : 0;
      const bool day_month =
          in(k + 1 + of_k) && Number(t[k], 1, 31) > 0 && MonthOf(t[k + 1 + of_k].fold) > 0;
      if (month_day || day_month) {
        continue;
      }
    }
    if (weekday >= 0) {
      m.relative = true;
      m.weekday = true;
      m.weekday_index = weekday;
      m.end_token = i + 1;
      // "next Tuesday", "this coming Tuesday"; "last Tuesday", "this past Tuesday".
      const int first = doc.sentences[sentence].first_token;
      if (i > first) {
        const std::string& before = t[i - 1].fold;
        if (before == "next" || before == "coming") {
          m.direction = 1;
        } else if (before == "last" || before == "past") {
          m.direction = -1;
        }
        if (m.direction != 0) {
          m.first_token = i > first + 1 && t[i - 2].fold == "this" ? i - 2 : i - 1;
        } else {
          // The verb, past "on" and a name ("met Crown Prince Mohammed on Friday").
          int v = i - 1 > first && before == "on" ? i - 2 : i - 1;
          for (int names = 0; names < 4 && v > first && t[v].cap; ++names) {
            --v;
          }
          m.tense = t[v].cap ? 0
                             : TenseBeforeWeekday(t[v].fold, v > first ? t[v - 1].fold : "",
                                                  v > first + 1 ? t[v - 2].fold : "", sentence > 0);
        }
      }
      out.push_back(m);
      continue;
    }
    // "this morning", "this evening": today; "last night": yesterday.
    if (i > doc.sentences[sentence].first_token &&
        ((t[i - 1].fold == "this" &&
          (t[i].fold == "morning" || t[i].fold == "afternoon" || t[i].fold == "evening")) ||
         (t[i - 1].fold == "last" && t[i].fold == "night"))) {
      m.relative = true;
      m.relative_days = t[i].fold == "night" ? -1 : 0;
      m.first_token = i - 1;
      m.end_token = i + 1;
      out.push_back(m);
      continue;
    }
    // "at the weekend", "over the weekend", "last weekend", "this weekend": its Saturday, a
    // weekday resolved as one ("last" back, "next" forwards, else by the meeting's tense); not
    // "the weekend's talks".
    if (t[i].fold == "weekend" && i >= doc.sentences[sentence].first_token + 2 &&
        !(in(i + 1) && t[i + 1].fold == "'s")) {
      const std::string& before = t[i - 1].fold;
      const std::string& two_before = t[i - 2].fold;
      const bool the = before == "the" && (two_before == "at" || two_before == "over" ||
                                           two_before == "on" || two_before == "during");
      if (the || before == "this" || before == "last" || before == "next" || before == "past") {
        m.relative = true;
        m.weekday = true;
        m.weekday_index = 5;  // Saturday; Monday = 0.
        m.direction = before == "last" || before == "past" ? -1 : (before == "next" ? 1 : 0);
        m.first_token = the ? i - 2 : i - 1;
        m.end_token = i + 1;
        out.push_back(m);
        continue;
      }
    }
    // "earlier this month", "last month", "next month": the month, counted from the
    // publication's (none without one). Not "last month's" (a thing of that month), nor
    // "this month's".
    if (t[i].fold == "month" && published.has_value() && i > doc.sentences[sentence].first_token &&
        (t[i - 1].fold == "this" || t[i - 1].fold == "last" || t[i - 1].fold == "next") &&
        !(in(i + 1) && t[i + 1].fold == "'s")) {
      const int delta = t[i - 1].fold == "last" ? -1 : (t[i - 1].fold == "next" ? 1 : 0);
      const absl::CivilMonth when = absl::CivilMonth(*published) + delta;
      set(&m.start, static_cast<int>(when.year()), when.month(), 0);
      m.month_relative = true;
      m.first_token = i - 1;
      m.end_token = i + 1;
      out.push_back(m);
      continue;
    }
    // "earlier this week": the publication's month when the days of the week told (from its
    // Monday to the publication day) lie in it, else nothing; not "this week" (a plan as often
    // as a past), nor "last week" or "next week", whose days are further off.
    if (t[i].fold == "week" && published.has_value() && i > doc.sentences[sentence].first_token &&
        t[i - 1].fold == "this" && !(in(i + 1) && t[i + 1].fold == "'s")) {
      const bool earlier = i - 1 > doc.sentences[sentence].first_token &&
                           (t[i - 2].fold == "earlier" || t[i - 2].fold == "early");
      const absl::CivilDay monday =
          *published - static_cast<int>(absl::GetWeekday(*published));  // Monday = 0.
      if (earlier && absl::CivilMonth(monday) == absl::CivilMonth(*published)) {
        const absl::CivilMonth when(*published);
        set(&m.start, static_cast<int>(when.year()), when.month(), 0);
        m.month_relative = true;
        m.first_token = earlier ? i - 2 : i - 1;
        m.end_token = i + 1;
        out.push_back(m);
        continue;
      }
    }
    // "on the 15th", "by the 3rd.": a day of the month nearest the publication (this month's,
    // the last or the next); an ordinal before a noun ("the 29th summit") is no date.
    if (published.has_value() && t[i].fold.size() >= 3 &&
        i >= doc.sentences[sentence].first_token + 2 && t[i - 1].fold == "the" &&
        (t[i - 2].fold == "on" || t[i - 2].fold == "by" || t[i - 2].fold == "until" ||
         t[i - 2].fold == "before" || t[i - 2].fold == "after" || t[i - 2].fold == "from") &&
        !absl::ascii_isdigit(static_cast<unsigned char>(t[i].fold.back())) &&
        Number(t[i], 1, 31) > 0 &&
        (!in(i + 1) || t[i + 1].fold == "," || t[i + 1].fold == "." || t[i + 1].fold == ";" ||
         t[i + 1].fold == "and" || t[i + 1].fold == "when" || t[i + 1].fold == "(")) {
      const int day_of_month = Number(t[i], 1, 31);
      const absl::CivilMonth here(*published);
      std::optional<absl::CivilDay> nearest;
      for (const absl::CivilMonth near : {here - 1, here, here + 1}) {
        if (day_of_month > DaysIn(static_cast<int>(near.year()), near.month())) {
          continue;
        }
        const absl::CivilDay candidate(near.year(), near.month(), day_of_month);
        if (!nearest.has_value() ||
            std::abs(candidate - *published) < std::abs(*nearest - *published)) {
          nearest = candidate;
        }
      }
      if (nearest.has_value()) {
        m.start = ToDate(*nearest);
        m.first_token = i - 1;
        m.end_token = i + 1;
        out.push_back(m);
        continue;
      }
    }
    // "two days ago", "a day ago": days before the publication.
    if (const int first = doc.sentences[sentence].first_token;
        (t[i].fold == "day" || t[i].fold == "days") && i > first && in(i + 1) &&
        t[i + 1].fold == "ago") {
      static constexpr std::array<const char*, 8> kCounts = {"a",    "one",  "two", "three",
                                                             "four", "five", "six", "seven"};
      int count = 0;
      for (int c = 0; c < static_cast<int>(kCounts.size()); ++c) {
        count = t[i - 1].fold == kCounts[c] ? std::max(c, 1) : count;
      }
      count = count > 0 ? count : Number(t[i - 1], 1, 7);
      if (count > 0 && (count == 1) == (t[i].fold == "day")) {
        m.relative = true;
        m.relative_days = -count;
        m.first_token = i - 1;
        m.end_token = i + 2;
        out.push_back(m);
        ++i;
        continue;
      }
    }
    // "the following day", "the next day", "a day later", "two days later", "the previous
    // day", "the day before,", "the previous evening": a day counted from the date told just
    // before.
    const bool evening = t[i].fold == "evening" || t[i].fold == "night";
    if (const int first = doc.sentences[sentence].first_token;
        (t[i].fold == "day" || t[i].fold == "days" || t[i].fold == "hours" ||
         (evening && i >= first + 2 && t[i - 1].fold == "previous" && t[i - 2].fold == "the")) &&
        (i > first || (t[i].fold == "hours" && i > 0))) {
      int offset = 0;
      bool same = false;
      int from = i;
      int to = i + 1;
      const std::string& before = t[i - 1].fold;
      const bool the = i >= first + 2 && t[i - 2].fold == "the";
      // "a day", "two days", "3 days": how many days the word before counts, or 0.
      auto day_count = [&]() {
        static constexpr std::array<const char*, 8> kCounts = {"a",    "one",  "two", "three",
                                                               "four", "five", "six", "seven"};
        int count = 0;
        for (int c = 0; c < static_cast<int>(kCounts.size()); ++c) {
          count = before == kCounts[c] ? std::max(c, 1) : count;
        }
        return count > 0 ? count : Number(t[i - 1], 1, 7);
      };
      if (t[i].fold == "hours") {
        // "hours earlier", "hours later": the same day.
        same = in(i + 1) && (t[i + 1].fold == "later" || t[i + 1].fold == "earlier");
        to = i + 2;
      } else if (t[i].fold == "day" && before == "the" && i >= first + 3 && t[i - 2].fold == "in" &&
                 (t[i - 3].fold == "earlier" || t[i - 3].fold == "later")) {
        // "earlier in the day", "later in the day".
        same = true;
        from = i - 3;
      } else if (t[i].fold == "day" && the && before == "same") {
        // "the same day".
        same = true;
        from = i - 2;
      } else if ((t[i].fold == "day" || evening) && the &&
                 (before == "following" || before == "next" || before == "previous")) {
        offset = before == "previous" ? -1 : 1;
        from = i - 2;
      } else if (t[i].fold == "day" && before == "the" && in(i + 1) &&
                 (t[i + 1].fold == "after" || t[i + 1].fold == "before") &&
                 (!in(i + 2) || t[i + 2].fold == "," || t[i + 2].fold == ".")) {
        offset = t[i + 1].fold == "after" ? 1 : -1;
        from = i - 1;
        to = i + 2;
      } else if (in(i + 1) && (t[i + 1].fold == "later" || t[i + 1].fold == "earlier")) {
        const int count = day_count();
        if (count > 0 && (count == 1) == (t[i].fold == "day")) {
          offset = t[i + 1].fold == "later" ? count : -count;
          from = i - 1;
          to = i + 2;
        }
      } else if (in(i + 2) && (t[i + 1].fold == "after" || t[i + 1].fold == "before") &&
                 t[i + 2].word) {
        // "said on Wednesday, a day after X hosted Y for talks", "met on Friday, two days before
        // the summit": what follows is a day from the date told right before in the sentence.
        const int count = day_count();
        const DateMention* told = out.empty() ? nullptr : &out.back();
        if (count > 0 && (count == 1) == (t[i].fold == "day") && told != nullptr &&
            told->sentence == sentence && !told->dateline && told->end_token + 2 >= i - 1) {
          offset = t[i + 1].fold == "after" ? -count : count;
          from = i - 1;
          to = i + 2;
        }
      }
      // The date told just before, within the two sentences before this one, to the day.
      const DateMention* anchor = out.empty() ? nullptr : &out.back();
      // "... met Moon on Thursday to brief him on the summit that took place two days ago.
      // Earlier in the day, ...": the same day is the first told in that sentence.
      for (int k = static_cast<int>(out.size()) - 2;
           same && k >= 0 && out[k].sentence == anchor->sentence; --k) {
        anchor = out[k].dateline ? anchor : &out[k];
      }
      if ((offset != 0 || same) && anchor != nullptr && anchor->sentence + 2 >= sentence &&
          !anchor->month_relative && (anchor->relative || anchor->start.day() > 0) &&
          (anchor->relative || anchor->start.year() > 0)) {
        m = *anchor;
        m.sentence = sentence;
        m.first_token = from;
        m.end_token = to;
        m.dateline = false;
        m.end = v1::Date();
        if (!m.relative) {
          m.start = ToDate(absl::CivilDay(m.start.year(), m.start.month(), m.start.day()) + offset);
        } else if (m.weekday) {
          m.weekday_index = ((m.weekday_index + offset) % 7 + 7) % 7;
        } else {
          m.relative_days += offset;
        }
        out.push_back(m);
        i = to - 1;
        continue;
      }
    }
    if (t[i].fold == "today" || t[i].fold == "tonight" || t[i].fold == "yesterday" ||
        t[i].fold == "tomorrow") {
      m.relative = true;
      m.relative_days = t[i].fold == "yesterday" ? -1 : (t[i].fold == "tomorrow" ? 1 : 0);
      // "the day before yesterday", "the day after tomorrow".
      const int first = doc.sentences[sentence].first_token;
      if (m.relative_days != 0 && i >= first + 2 && t[i - 2].fold == "day" &&
          ((t[i - 1].fold == "before" && m.relative_days < 0) ||
           (t[i - 1].fold == "after" && m.relative_days > 0))) {
        m.relative_days *= 2;
        m.first_token = i > first + 2 && t[i - 3].fold == "the" ? i - 3 : i - 2;
      }
      m.end_token = i + 1;
      out.push_back(m);
    }
  }
  // "Belgrade, 12 May 2020" or "12 May 2020" as a line of its own, above or below a press
  // release: the day it was issued, a dateline.
  for (DateMention& m : out) {
    if (m.relative || !m.has_year || m.start.day() == 0 || m.sentence == 0) {
      continue;
    }
    const Sentence& s = doc.sentences[m.sentence];
    int end = s.end_token;
    if (end > m.end_token && t[end - 1].fold == ".") {
      --end;
    }
    bool alone = end == m.end_token;
    if (alone && m.first_token > s.first_token) {
      // A town before it: up to three capitalised words and a comma.
      alone = m.first_token - s.first_token <= 4 && t[m.first_token - 1].fold == ",";
      for (int k = s.first_token; alone && k < m.first_token - 1; ++k) {
        alone = t[k].cap;
      }
    }
    m.dateline = m.dateline || alone;
  }
  // "Erdogan visited Cairo on Wednesday, February 14" in a September article: the weekday
  // before a day and month without a year tells the year (the one of the three around the
  // publication in which that day is that weekday, the nearest if two are), where the year
  // nearest the publication alone would put a past visit in the next year.
  if (published.has_value()) {
    for (DateMention& m : out) {
      if (m.relative || m.has_year || m.dateline || m.start.day() == 0 || m.start.year() == 0) {
        continue;
      }
      int k = m.first_token - 1;
      if (k >= 0 && t[k].fold == "the") {
        --k;
      }
      if (k >= 0 && t[k].fold == ",") {
        --k;
      }
      if (k < 0 || t[k].sentence != m.sentence) {
        continue;
      }
      const int weekday = WeekdayOf(t[k].fold);
      auto falls_on = [&](int y) {
        return m.start.day() <= DaysIn(y, m.start.month()) &&
               static_cast<int>(
                   absl::GetWeekday(absl::CivilDay(y, m.start.month(), m.start.day()))) == weekday;
      };
      if (weekday < 0 || falls_on(m.start.year())) {
        continue;
      }
      int best = 0;
      int64_t best_gap = -1;
      for (int y = static_cast<int>(published->year()) - 1;
           y <= static_cast<int>(published->year()) + 1; ++y) {
        const int64_t gap =
            std::abs(absl::CivilDay(y, m.start.month(), m.start.day()) - *published);
        if (falls_on(y) && (best_gap < 0 || gap < best_gap)) {
          best = y;
          best_gap = gap;
        }
      }
      if (best == 0) {
        continue;
      }
      if (m.end.year() > 0) {
        m.end.set_year(m.end.year() + best - m.start.year());
      }
      m.start.set_year(best);
    }
  }
  return out;
}

std::optional<v1::Date> ResolveRelative(const DateMention& mention, absl::CivilDay published,
                                        bool future) {
  if (!mention.relative) {
    return mention.start;
  }
  if (!mention.weekday) {
    return ToDate(published + mention.relative_days);
  }
  const int today = static_cast<int>(absl::GetWeekday(published));  // Monday = 0.
  int delta = mention.weekday_index - today;
  if (mention.direction > 0) {
    return ToDate(published + (delta <= 0 ? delta + 7 : delta));
  }
  if (mention.direction < 0) {
    return ToDate(published + (delta >= 0 ? delta - 7 : delta));
  }
  if (mention.tense != 0) {
    future = mention.tense > 0;
  }
  if (future) {
    if (delta < 0) {
      delta += 7;
    }
  } else if (delta > 0) {
    delta -= 7;
  }
  return ToDate(published + delta);
}

}  // namespace parley::extract
