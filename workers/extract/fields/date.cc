// The date and status resolvers.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "workers/extract/dates.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {
namespace {

// Distance in tokens from a date to the nearest meeting word of its sentence.
int DistanceToTrigger(const Annotations& a, const DateMention& d) {
  int best = 1 << 20;
  for (int t : a.triggers_in[d.sentence]) {
    const Match& m = a.triggers[t];
    best = std::min({best, std::abs(m.first - d.end_token), std::abs(d.first_token - m.end)});
  }
  return best;
}

// Where a mention's own date falls against the publication day: -1 before it, +1 on or after
// it, 0 when the mention has no date or it cannot be placed. A month told alone compares by
// month. `future` resolves a weekday forwards.
int SideOfPublication(const Annotations& a, const MeetingMention& m, bool future) {
  if (m.date < 0 || !a.published.has_value()) {
    return 0;
  }
  const DateMention& d = a.dates[m.date];
  std::optional<v1::Date> date = d.start;
  if (d.relative) {
    date = ResolveRelative(d, *a.published, future);
  }
  if (!date.has_value() || date->year() == 0 || date->month() == 0) {
    return 0;
  }
  if (date->day() == 0) {
    const absl::CivilMonth month(date->year(), date->month());
    return month < absl::CivilMonth(*a.published) ? -1 : 1;
  }
  return absl::CivilDay(date->year(), date->month(), date->day()) < *a.published ? -1 : 1;
}

// "will meet in Brussels next Monday ... The meeting, originally planned for last month, was
// postponed": a postponement of a meeting from the past day it was planned for, with the
// meeting told as planned for a day not past, moved the meeting to that day.
bool MovedToALaterDay(const Context& c, const MeetingGroup& g) {
  bool from_past = false;
  bool to_later = false;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.status == MentionStatus::kPostponed) {
      // The day it was planned "for", not the day of the postponing ("On Friday the talks
      // were postponed").
      const bool planned_for = m.date >= 0 && c.a.dates[m.date].first_token > 0 &&
                               c.a.fold(c.a.dates[m.date].first_token - 1) == "for";
      from_past = from_past || (planned_for && SideOfPublication(c.a, m, /*future=*/false) < 0);
    } else if (m.status == MentionStatus::kPlanned) {
      to_later = to_later || SideOfPublication(c.a, m, /*future=*/true) > 0;
    }
  }
  return from_past && to_later;
}

// The month or day of a mention's own date, resolved against the publication day; none when
// it has no date or it cannot be placed. A month told alone is its first day.
std::optional<absl::CivilDay> OwnDay(const Annotations& a, const MeetingMention& m, bool future) {
  if (m.date < 0 || !a.published.has_value()) {
    return std::nullopt;
  }
  const DateMention& d = a.dates[m.date];
  std::optional<v1::Date> date = d.start;
  if (d.relative) {
    date = ResolveRelative(d, *a.published, future);
  }
  if (!date.has_value() || date->year() == 0 || date->month() == 0) {
    return std::nullopt;
  }
  return absl::CivilDay(date->year(), date->month(), std::max(1, date->day()));
}

// "Blinken met Wang this morning ... The trip, originally planned for February, was
// postponed": the meeting told held by its own past verb ("met", not "were due to meet") in a
// month after the one it was planned for was held after all.
bool HeldAfterThePostponement(const Context& c, const MeetingGroup& g) {
  std::optional<absl::CivilDay> planned;
  std::optional<absl::CivilDay> held;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.status == MentionStatus::kPostponed) {
      // The day it was planned "for", not the day of the postponing.
      const bool planned_for = m.date >= 0 && c.a.dates[m.date].first_token > 0 &&
                               c.a.fold(c.a.dates[m.date].first_token - 1) == "for";
      const std::optional<absl::CivilDay> day = OwnDay(c.a, m, /*future=*/false);
      if (planned_for && day.has_value() && (!planned.has_value() || *day > *planned)) {
        planned = day;
      }
    } else if (m.status == MentionStatus::kHeld && m.form == TriggerForm::kVerb &&
               TellsItsOwnPast(c.a, m)) {
      const std::optional<absl::CivilDay> day = OwnDay(c.a, m, /*future=*/false);
      if (day.has_value() && (!held.has_value() || *day > *held)) {
        held = day;
      }
    }
  }
  return planned.has_value() && held.has_value() &&
         absl::CivilMonth(*held) > absl::CivilMonth(*planned);
}

// "Lula, who had postponed the trip in March, held talks with Xi on Friday": a postponement told
// in the past perfect ("had postponed", "had been delayed") came before a meeting the headline or
// the anchor tells held by a report of its own (not an anaphor); it moved the meeting, which
// then took place.
bool PostponedBeforeItWasHeld(const Context& c, const MeetingGroup& g,
                              const MeetingMention& postponed) {
  const Annotations& a = c.a;
  bool pluperfect = false;
  for (int ci : a.cues_in[postponed.sentence]) {
    const Match& cue = a.cues[ci];
    const bool postpone = std::any_of(cue.entries.begin(), cue.entries.end(),
                                      [](const Entry* e) { return e->cue == Cue::kPostpone; });
    if (cue.first < postponed.clause_first || cue.first >= postponed.clause_end || !postpone) {
      continue;
    }
    int k = cue.first - 1;
    if (k > postponed.clause_first && a.fold(k) == "been") {
      --k;
    }
    pluperfect = pluperfect || (k >= postponed.clause_first && a.fold(k) == "had");
  }
  if (!pluperfect) {
    return false;
  }
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if ((m.sentence == 0 || m.sentence == g.anchor) && m.status == MentionStatus::kHeld &&
        m.relation == MentionRelation::kReport && !m.anaphoric && m.form != TriggerForm::kWeak &&
        !c.a.SentenceHas(m.sentence, Cue::kFuture)) {
      return true;
    }
  }
  return false;
}

// A meeting told in the present progressive of its own word, under way or previewed on the day:
// "X is meeting Y", "Biden is welcoming Lula for talks", "ministers are gathering in Berlin";
// none of its words in the past ("met", "held talks"). A visit ("is visiting", "is on a visit")
// lasts days and is told so while it lasts.
// `opening_only` asks for a word of the meeting's opening ("is welcoming", "are gathering",
// "is hosting"), not of the meeting itself ("is meeting", "are holding talks").
bool ToldInTheProgressive(const Context& c, const MeetingGroup& g, bool opening_only = false) {
  const Annotations& a = c.a;
  bool progressive = false;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (TellsItsOwnPast(a, m)) {
      return false;
    }
    if (m.sentence != g.anchor && m.sentence != 0) {
      continue;
    }
    const std::string& word = a.fold(m.first);
    progressive = progressive || (m.form != TriggerForm::kWeak && m.kind != TriggerKind::kVisit &&
                                  m.kind != TriggerKind::kStateVisit && m.first > 0 &&
                                  word.size() > 4 && absl::EndsWith(word, "ing") &&
                                  (a.fold(m.first - 1) == "is" || a.fold(m.first - 1) == "are") &&
                                  !(opening_only && (word == "meeting" || word == "holding")));
  }
  return progressive;
}

// "the summit scheduled for September 14-17" told on September 16: a meeting whose own days,
// told as a range, began before the publication day and end on it or after is under way.
bool UnderWayOnItsDays(const Context& c, const MeetingGroup& g) {
  const Annotations& a = c.a;
  if (!a.published.has_value()) {
    return false;
  }
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.date < 0) {
      continue;
    }
    const DateMention& d = a.dates[m.date];
    if (d.relative || d.dateline || d.start.year() == 0 || d.start.day() == 0 ||
        d.end.year() == 0 || d.end.day() == 0) {
      continue;
    }
    const absl::CivilDay first(d.start.year(), d.start.month(), d.start.day());
    const absl::CivilDay last(d.end.year(), d.end.month(), d.end.day());
    if (first < *a.published && *a.published <= last) {
      return true;
    }
  }
  return false;
}

// "This year's meeting is attended by 40 delegations": a meeting told in the present as
// attended is under way.
bool AttendedInThePresent(const Context& c, const MeetingGroup& g) {
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.form == TriggerForm::kAttendance && m.first > 0 &&
        (c.a.fold(m.first - 1) == "is" || c.a.fold(m.first - 1) == "are")) {
      return true;
    }
  }
  return false;
}

// "She has been hosting the foreign ministers' meeting": a meeting told in the present perfect
// progressive of its own word or the verb before it is under way.
bool UnderWayInThePerfectProgressive(const Context& c, const MeetingGroup& g) {
  const Annotations& a = c.a;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (g.window.count(m.sentence) == 0) {
      continue;
    }
    for (int k : {m.first, m.np_first}) {
      if (k < a.sentence(m.sentence).first_token + 3) {
        continue;
      }
      const int verb = k == m.first && m.form == TriggerForm::kVerb ? k : k - 1;
      const std::string& word = a.fold(verb);
      if (word.size() > 4 && absl::EndsWith(word, "ing") && a.fold(verb - 1) == "been" &&
          (a.fold(verb - 2) == "has" || a.fold(verb - 2) == "have")) {
        return true;
      }
    }
  }
  return false;
}

// "X is welcoming Y to Astana for talks. The two leaders are expected to discuss trade": a main
// meeting told in the progressive of a word of its opening, with no past cue in the headline or
// the anchor, and told as planned by another of its words there or in the next sentence, is
// previewed on the day it starts. "X is meeting Y" tells the meeting itself under way.
bool PreviewedInTheProgressive(const Context& c, const MeetingGroup& g) {
  if (g.role != GroupRole::kMain || c.a.SentenceHas(0, Cue::kPast) ||
      c.a.SentenceHas(g.anchor, Cue::kPast) || !ToldInTheProgressive(c, g, /*opening_only=*/true)) {
    return false;
  }
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.status == MentionStatus::kPlanned && m.relation == MentionRelation::kReport &&
        (m.sentence == g.anchor || m.sentence == g.anchor + 1)) {
      return true;
    }
  }
  return false;
}

// "X met Y in Astana. The two leaders are expected to discuss trade": a meeting told held by
// its own past verb in the anchor and, in the anchor or the sentence after it, as still to
// discuss is reported live, on the day.
bool ToldLive(const Context& c, const MeetingGroup& g) {
  bool held = false;
  bool to_discuss = false;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    held = held || (m.sentence == g.anchor && m.form == TriggerForm::kVerb &&
                    m.status == MentionStatus::kHeld && TellsItsOwnPast(c.a, m));
    to_discuss =
        to_discuss || ((m.sentence == g.anchor || m.sentence == g.anchor + 1) &&
                       m.form == TriggerForm::kWeak && m.status == MentionStatus::kPlanned);
  }
  return held && to_discuss;
}

// Whether the date `di` is the own date of a meeting word of another meeting set apart in time
// from `g` ("a week after X spoke by phone with Y on 26 November", or a meeting of the past no
// group took) and of none of `g`'s meeting words.
bool OwnedByAnotherMeeting(const Context& c, const MeetingGroup& g, int di) {
  bool other = false;
  for (int mi = 0; mi < static_cast<int>(c.mentions.mentions.size()); ++mi) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.date != di) {
      continue;
    }
    if (std::find(g.mentions.begin(), g.mentions.end(), mi) != g.mentions.end()) {
      return false;
    }
    bool grouped = false;
    for (const MeetingGroup& o : c.grouping.groups) {
      if (std::find(o.mentions.begin(), o.mentions.end(), mi) != o.mentions.end()) {
        grouped = true;
        other = other || o.separate_time;
      }
    }
    other = other || (!grouped && m.relation == MentionRelation::kPrevious);
  }
  return other;
}

// Whether the date `d` falls after the publication day (a month told alone after its month):
// "The talks will continue tomorrow", "the summit Brazil will host in November" told of a
// meeting already held are another time's.
bool AfterPublication(const Annotations& a, const DateMention& d) {
  if (!a.published.has_value()) {
    return false;
  }
  std::optional<v1::Date> date = d.start;
  if (d.relative) {
    date = ResolveRelative(d, *a.published, /*future=*/false);
  }
  if (!date.has_value() || date->year() == 0 || date->month() == 0) {
    return false;
  }
  if (date->day() == 0) {
    return absl::CivilMonth(date->year(), date->month()) > absl::CivilMonth(*a.published);
  }
  return absl::CivilDay(date->year(), date->month(), date->day()) > *a.published;
}

// The days of an event told as "N-day" in sentence `s` ("a two-day summit", "a 3-day visit",
// "two days of talks"): 2 to 7, else 0 (none, or two told).
int DaysToldLong(const Annotations& a, int s) {
  static constexpr std::array<const char*, 8> kCounts = {"",     "",     "two", "three",
                                                         "four", "five", "six", "seven"};
  int days = 0;
  int told = 0;
  const Sentence& sentence = a.sentence(s);
  for (int i = sentence.first_token; i < sentence.end_token; ++i) {
    std::string word = a.fold(i);
    if (word == "day" && i >= sentence.first_token + 2 && a.fold(i - 1) == "-") {
      word = a.fold(i - 2) + "-day";
    }
    // "two days of talks", "three days of meetings".
    // Not "within two days of the election", "three days of protests": a meeting word follows.
    if (word == "days" && i > sentence.first_token && i + 2 < sentence.end_token &&
        a.fold(i + 1) == "of" && a.trigger_at[i + 2] >= 0 &&
        !(i - 2 >= sentence.first_token && (a.fold(i - 2) == "within" || a.fold(i - 2) == "in"))) {
      word = a.fold(i - 1) + "-day";
    }
    if (word.size() < 5 || word.compare(word.size() - 4, 4, "-day") != 0) {
      continue;
    }
    const std::string count = word.substr(0, word.size() - 4);
    for (int n = 2; n < static_cast<int>(kCounts.size()); ++n) {
      if (count == kCounts[n] || count == std::to_string(n)) {
        days = n;
        ++told;
      }
    }
  }
  return told == 1 ? days : 0;
}

// Whether the date `d`, told after a word of `g` and before none, is the time of another event
// the clause after that word goes on to tell: one in a relative clause on another noun ("held
// talks on a deal that expires on March 31"), or one a span of time before or after it ("a
// month after the two sides signed a pact on March 20").
bool InAnotherEventsClause(const Context& c, const MeetingGroup& g, const DateMention& d) {
  const Annotations& a = c.a;
  int last = -1;  // The end of the last word of `g` before the date.
  for (int mi : g.mentions) {
    const MeetingMention& mm = c.mentions.mentions[mi];
    if (mm.sentence != d.sentence) {
      continue;
    }
    if (mm.first >= d.end_token) {
      return false;
    }
    last = std::max(last, mm.end);
  }
  if (last < 0) {
    return false;
  }
  static constexpr std::array<const char*, 14> kSpans = {
      "day",   "days",  "week", "weeks",   "month", "months", "year",
      "years", "hours", "ago",  "shortly", "soon",  "just",   "only"};
  for (int k = last; k < d.first_token; ++k) {
    const std::string& w = a.fold(k);
    // "talks, which were held on Tuesday": a relative clause on the meeting's own word.
    const bool relative = (w == "that" || w == "which") && k > last &&
                          !(k == last + 1 && a.fold(last) == ",") && a.fold(k - 1) != "said";
    bool span = false;
    if ((w == "after" || w == "before") && k > last) {
      for (const char* word : kSpans) {
        span = span || a.fold(k - 1) == word;
      }
    }
    // "a visit to X, which had been scheduled for February 20", "the summit that opened on
    // Monday": a relative clause told with a cue of the meeting's plan or course is its own.
    bool cue = false;
    for (int ci : a.cues_in[d.sentence]) {
      cue = cue || (relative && a.cues[ci].first > k && a.cues[ci].first < d.first_token);
    }
    for (int j = k + 1; relative && j < d.first_token; ++j) {
      cue = cue || a.trigger_at[j] >= 0;
    }
    if ((relative && !cue) || span) {
      return true;
    }
  }
  return false;
}

}  // namespace

// Whether the date `d` is told in a relative clause set off by a comma ("Xi, who arrived in
// France on Sunday, met Macron on Monday"; "the trip, which began in Israel on Wednesday"):
// the time of the clause's own event, not necessarily the main clause's.
bool InRelativeClause(const Annotations& a, const DateMention& d) {
  const int first = a.sentence(d.sentence).first_token;
  for (int k = d.first_token - 1; k > first; --k) {
    const std::string& w = a.fold(k);
    if (w == "," || w == ";" || w == ":") {
      return false;
    }
    if ((w == "who" || w == "which" || w == "whose") && a.fold(k - 1) == ",") {
      return true;
    }
  }
  return false;
}

// "On the second day of Xi's three-day visit, which began on Sunday": the days after the
// told one that the meeting falls on, 1 for "the second day of" an event whose beginning the
// date `d` is ("which began", "that started"), else 0.
int DaysIntoTheEventThatBegan(const Annotations& a, const DateMention& d) {
  const int first = a.sentence(d.sentence).first_token;
  int k = d.first_token - 1;
  if (k > first && a.fold(k) == "on") {
    --k;
  }
  if (k <= first || (a.fold(k) != "began" && a.fold(k) != "started" && a.fold(k) != "opened")) {
    return 0;
  }
  --k;
  if (a.fold(k) != "which" && a.fold(k) != "that") {
    return 0;
  }
  static const std::pair<const char*, int> kOrdinals[] = {
      {"second", 1}, {"third", 2}, {"fourth", 3}, {"fifth", 4}, {"sixth", 5},
      {"2nd", 1},    {"3rd", 2},   {"4th", 3},    {"5th", 4},   {"6th", 5}};
  for (int j = k - 1; j >= first + 2 && j >= k - 12; --j) {
    if (a.fold(j) != "day" || j + 1 >= k || a.fold(j + 1) != "of" || a.fold(j - 2) != "the") {
      continue;
    }
    for (const auto& [word, days] : kOrdinals) {
      if (a.fold(j - 1) == word) {
        return days;
      }
    }
  }
  return 0;
}

v1::MeetingStatus ResolveStatus(const Context& c, const MeetingGroup& g) {
  // A cancellation or postponement of this meeting told anywhere ("On Friday the talks were
  // postponed indefinitely"); else the cues of the headline and the anchor.
  // A postponement is to a new date when any of its mentions gives one ("Summit postponed" in
  // the headline, "postponed to September 12" in the body).
  bool postponed = false;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.status == MentionStatus::kCancelled && !postponed) {
      return v1::MEETING_STATUS_CANCELLED;
    }
    if (m.status == MentionStatus::kPostponed && !PostponedBeforeItWasHeld(c, g, m)) {
      postponed = true;
      if (CueStatus(c.a, m.sentence) == MentionStatus::kPlanned) {
        return v1::MEETING_STATUS_SCHEDULED;
      }
    }
  }
  if (postponed && HeldAfterThePostponement(c, g)) {
    return v1::MEETING_STATUS_HELD;
  }
  if (postponed) {
    return MovedToALaterDay(c, g) ? v1::MEETING_STATUS_SCHEDULED : v1::MEETING_STATUS_CANCELLED;
  }
  // A future cue of the anchor outside the clause of every mention of the meeting there, whose
  // own verbs tell it held ("In a phone call on Thursday, X told Y that those who play with fire
  // will perish"), is another event's.
  bool told_held = false;
  bool told_planned = false;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.sentence == g.anchor) {
      told_held = told_held || (m.status == MentionStatus::kHeld && m.form != TriggerForm::kWeak);
      told_planned = told_planned || m.status != MentionStatus::kHeld;
    }
  }
  bool future_in_clause = false;
  for (int ci : c.a.cues_in[g.anchor]) {
    const Match& cue = c.a.cues[ci];
    for (const Entry* e : cue.entries) {
      if (e->cue != Cue::kFuture) {
        continue;
      }
      for (int mi : g.mentions) {
        const MeetingMention& m = c.mentions.mentions[mi];
        if (m.sentence != g.anchor || cue.first < m.clause_first || cue.first >= m.clause_end) {
          continue;
        }
        // "X told Y that ... will ...": what was said, not when the meeting is.
        bool reported = false;
        for (int k = m.end; k < cue.first; ++k) {
          reported = reported || c.a.Is(k, WordClass::kSpeechVerb);
        }
        // "The two countries will raise trade, X said after talks with Y": the future is
        // what was said after the meeting.
        for (int k = cue.end; k < m.first && k > 0; ++k) {
          const std::string& f = c.a.fold(k);
          reported =
              reported ||
              (c.a.Is(k, WordClass::kSpeechVerb) &&
               (f == "said" || f == "says" || f == "told" || absl::EndsWith(f, "ed")) &&
               c.a.fold(k - 1) != "to" && c.a.fold(k - 1) != "will" && c.a.fold(k - 1) != "would");
        }
        // "ended their talks with a pledge to meet again next year": the cue nearer another
        // meeting's planned mention is that one's.
        // (The mentions are in text order: the anchor's stand together around `mi`.)
        const auto& all = c.mentions.mentions;
        int from = mi;
        while (from > 0 && all[from - 1].sentence == g.anchor) {
          --from;
        }
        bool nearer_other = false;
        for (int oi = from;
             oi < static_cast<int>(all.size()) && all[oi].sentence == g.anchor && !nearer_other;
             ++oi) {
          const MeetingMention& o = all[oi];
          nearer_other = o.status != MentionStatus::kHeld &&
                         std::find(g.mentions.begin(), g.mentions.end(), oi) == g.mentions.end() &&
                         std::abs(o.first - cue.first) < std::abs(m.first - cue.first);
        }
        future_in_clause = future_in_clause || (!reported && !nearer_other);
      }
    }
  }
  const MentionStatus cued = CueStatus(c.a, g.anchor);
  if (cued == MentionStatus::kPlanned && told_held && !told_planned && !future_in_clause &&
      !c.a.SentenceHas(0, Cue::kFuture)) {
    return v1::MEETING_STATUS_HELD;
  }
  // "Modi, Sharif hold talks after earlier meeting was called off": the cancelling cue of a
  // sentence where a verb of the meeting tells it held, its own clause free of the cue, is
  // another meeting's.
  bool held_by_verb = false;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    held_by_verb = held_by_verb ||
                   ((m.sentence == 0 || m.sentence == g.anchor) && m.form == TriggerForm::kVerb &&
                    m.status == MentionStatus::kHeld && TellsItsOwnPast(c.a, m));
  }
  if ((cued == MentionStatus::kCancelled || cued == MentionStatus::kPostponed) && held_by_verb) {
    return v1::MEETING_STATUS_HELD;
  }
  if (cued == MentionStatus::kPlanned && (UnderWayOnItsDays(c, g) || AttendedInThePresent(c, g) ||
                                          UnderWayInThePerfectProgressive(c, g))) {
    return v1::MEETING_STATUS_HELD;
  }
  if (cued == MentionStatus::kHeld && PreviewedInTheProgressive(c, g)) {
    return v1::MEETING_STATUS_SCHEDULED;
  }
  // "The ministry said X would travel to Y on Friday for talks": a verb of the anchor planning
  // the meeting in reported speech, no verb there telling it held.
  if (cued == MentionStatus::kHeld) {
    bool verb_planned = false;
    bool verb_held = false;
    for (int mi : g.mentions) {
      const MeetingMention& m = c.mentions.mentions[mi];
      if (m.sentence != g.anchor || m.form != TriggerForm::kVerb || !m.predicate) {
        continue;
      }
      verb_planned = verb_planned || m.status == MentionStatus::kPlanned;
      verb_held = verb_held || m.status == MentionStatus::kHeld;
    }
    if (verb_planned && !verb_held) {
      return v1::MEETING_STATUS_SCHEDULED;
    }
  }
  switch (cued) {
    case MentionStatus::kCancelled:
      return v1::MEETING_STATUS_CANCELLED;
    case MentionStatus::kPlanned:
    case MentionStatus::kPostponed:
      return v1::MEETING_STATUS_SCHEDULED;
    case MentionStatus::kHeld:
      break;
  }
  return v1::MEETING_STATUS_HELD;
}

void ResolveDate(const Context& c, const MeetingGroup& g, bool future, v1::Meeting* m,
                 std::vector<FieldEvidence>* evidence,
                 const std::vector<const Person*>* participants) {
  const Annotations& a = c.a;
  const DateMention* best = nullptr;
  const DateMention* said_day = nullptr;  // The anchor's day of a saying of the meeting.
  int best_rank = 1 << 30;
  bool best_own = false;
  bool best_relative = false;
  for (const DateMention& d : a.dates) {
    if (d.dateline || g.window.count(d.sentence) == 0) {
      continue;
    }
    if (d.relative && !a.published.has_value()) {
      continue;
    }
    if (!d.relative && d.start.year() == 0) {
      continue;
    }
    // A meeting held takes no day after the publication's.
    if (!future && AfterPublication(a, d)) {
      continue;
    }
    // "vowed to finalize the deal by next June, after talks in the Oval Office": a deadline.
    if (const int first = a.sentence(d.sentence).first_token;
        (d.first_token > first && a.fold(d.first_token - 1) == "by") ||
        (d.first_token > first + 1 && a.fold(d.first_token - 2) == "by" &&
         (a.fold(d.first_token - 1) == "next" || a.fold(d.first_token - 1) == "early" ||
          a.fold(d.first_token - 1) == "mid" || a.fold(d.first_token - 1) == "late"))) {
      continue;
    }
    // A date in the clause of one of the meeting's own words is its own however long the
    // clause ("received the minister at the headquarters of the secretariat in Jeddah today").
    // A tense or status cue between them ("met ... to head off tariffs set to take effect on
    // April 17") tells another event's time.
    bool in_clause = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      if (mm.sentence != d.sentence || d.first_token < mm.clause_first ||
          d.end_token > mm.clause_end || mm.form == TriggerForm::kWeak) {
        continue;
      }
      const int from = std::min(mm.end, d.end_token);
      const int to = std::max(mm.first, d.first_token);
      // "Talks between X and Y will be held in Astana on Monday", "are scheduled to take place
      // in June": the meeting's own predicate, and the cues before it, are not another
      // event's.
      int predicate_end = -1;
      for (int ci : a.cues_in[d.sentence]) {
        const std::string& last = a.fold(a.cues[ci].end - 1);
        if (mm.first < a.cues[ci].first && a.cues[ci].end <= d.first_token &&
            (last == "held" || last == "place")) {
          predicate_end = std::max(predicate_end, a.cues[ci].end);
        }
      }
      bool cue_between = false;
      for (int ci : a.cues_in[d.sentence]) {
        // "Two days of talks ... ended in Baku on Wednesday", "the summit opened on Monday":
        // a cue of the meeting's own course after its word tells the meeting's day.
        bool course = a.cues[ci].first >= mm.end;
        for (const Entry* e : a.cues[ci].entries) {
          course = course && (e->cue == Cue::kEnded || e->cue == Cue::kOngoing);
        }
        cue_between = cue_between || (a.cues[ci].first >= from && a.cues[ci].end <= to &&
                                      a.cues[ci].end > predicate_end && !course);
      }
      in_clause = in_clause || !cue_between;
    }
    if (InAnotherEventsClause(c, g, d)) {
      continue;
    }
    // "On Thursday the ministry said X had met Y", "X said on Monday": the day of the saying,
    // before a meeting word with a speech verb next to it or in between.
    bool said = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      // "X met Y in Beijing, the ministry said on Friday".
      said = said || DayOfASayingAfter(a, mm, d);
      if (mm.sentence != d.sentence || d.end_token > mm.first) {
        continue;
      }
      // ... and the meeting told as before the saying ("had met") or as its content ("said
      // that").
      bool speech = false;
      bool reported = mm.first > 0 && a.fold(mm.first - 1) == "had";
      for (int k = std::max(0, d.first_token - 2); k < mm.first; ++k) {
        speech = speech || a.Is(k, WordClass::kSpeechVerb);
        reported = reported || (speech && a.fold(k) == "that");
      }
      said = said || (speech && reported);
    }
    if (said) {
      // ... told as what the saying came after ("said on Tuesday that ... after hours of talks
      // with Y", "following talks with Y").
      bool after_talks = false;
      for (int mi : g.mentions) {
        const MeetingMention& mm = c.mentions.mentions[mi];
        if (mm.sentence != d.sentence || mm.first < d.end_token) {
          continue;
        }
        after_talks = after_talks || mm.frame == Frame::kAfter;
        for (int k = std::max(d.end_token, mm.np_first - 4); k < mm.np_first; ++k) {
          after_talks = after_talks || a.fold(k) == "after" || a.fold(k) == "following";
        }
      }
      if (said_day == nullptr && after_talks && d.sentence == g.anchor && !d.month_relative &&
          (d.relative || d.start.day() > 0) &&
          !OwnedByAnotherMeeting(c, g, static_cast<int>(&d - a.dates.data()))) {
        said_day = &d;
      }
      continue;
    }
    // "The meeting came a week after X spoke by phone with Y on 26 November": a date another
    // meeting's word takes as its own, and none of this meeting's, is that meeting's.
    if (OwnedByAnotherMeeting(c, g, static_cast<int>(&d - a.dates.data()))) {
      continue;
    }
    // "Russian President Vladimir Putin on Tuesday praised China's position ... after talks in
    // the Kremlin with Xi": the day told right after a participant's name, before the meeting's
    // word, in the sentence that first reports it.
    bool after_participant = false;
    if (d.sentence == g.anchor) {
      bool before_word = true;
      for (int mi : g.mentions) {
        const MeetingMention& mm = c.mentions.mentions[mi];
        before_word = before_word && (mm.sentence != d.sentence || mm.first >= d.end_token);
      }
      for (int pi : g.people) {
        for (const PersonMention& pm : c.people[pi].mentions) {
          after_participant =
              after_participant || (before_word && pm.sentence == d.sentence &&
                                    pm.end <= d.first_token && d.first_token - pm.end <= 1);
        }
      }
    }
    // "X and Y agreed on Friday to boost cooperation between their coast guards, as Y's
    // president began a state visit": the main clause's day is the time of the meeting told
    // alongside it, after ", as" or ", while", with no other meeting word in between.
    bool alongside = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      if (mm.sentence != d.sentence || mm.first < d.end_token || mm.form == TriggerForm::kWeak) {
        continue;
      }
      bool joined = false;
      bool other = false;
      for (int k = d.end_token; k < mm.first; ++k) {
        joined = joined || ((a.fold(k) == "as" || a.fold(k) == "while") && a.fold(k - 1) == ",");
        other = other || (a.trigger_at[k] >= 0 && k < mm.np_first);
      }
      alongside = alongside || (joined && !other);
    }
    if (d.sentence != 0 && !in_clause && !after_participant && !alongside &&
        DistanceToTrigger(a, d) > 14) {
      continue;  // "tariffs set to take effect on April 17": another event's date.
    }
    // "the rules both governments announced last month": a month told relative to the
    // publication is the meeting's only right next to its meeting word.
    if (d.month_relative && DistanceToTrigger(a, d) > 6) {
      continue;
    }
    // Prefer the anchor sentence, then the headline, then order of appearance; in one
    // sentence, a date the meeting's own words take ("announced Saturday that the summit
    // scheduled for Sunday has been postponed": Sunday).
    const int rank = d.sentence == g.anchor ? 0 : (d.sentence == 0 ? 1 : 2 + d.sentence);
    bool own = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      own = own || (mm.date >= 0 && &a.dates[mm.date] == &d);
    }
    // "Xi, who arrived in France on Sunday, met Macron on Monday": of two days the meeting's
    // words take in one sentence, the one told in a relative clause yields to the other.
    const bool relative = InRelativeClause(a, d);
    const bool yields = relative && !best_relative && best_own;
    const bool displaces = own && best_relative && !relative;
    if (rank < best_rank || (rank == best_rank && ((own && !best_own && !yields) || displaces))) {
      best_rank = rank;
      best_own = own;
      best_relative = relative;
      best = &d;
    }
  }
  // A postponed meeting takes its new date: "postponed to September", told in any sentence of
  // its window ("X on Saturday asked to postpone the summit ... asked for it to be put off
  // until early October": October, not Saturday).
  if (m->status() == v1::MEETING_STATUS_SCHEDULED) {
    std::set<int> told = g.window;
    told.insert(0);
    told.insert(g.anchor);
    for (int s : told) {
      for (int ci : a.cues_in[s]) {
        const Match& cue = a.cues[ci];
        bool postpone = false;
        for (const Entry* e : cue.entries) {
          postpone = postpone || e->cue == Cue::kPostpone;
        }
        if (!postpone) {
          continue;
        }
        for (int di : a.dates_in[s]) {
          const DateMention& d = a.dates[di];
          // "postponed to Monday", "put off until tomorrow": a relative day as the goal.
          const bool goal =
              d.relative &&
              (d.first_token == cue.end || a.fold(d.first_token - 1) == "to" ||
               a.fold(d.first_token - 1) == "until" || a.fold(d.first_token - 1) == "till");
          if (!d.dateline && ((!d.relative && d.start.year() > 0) || goal) &&
              d.first_token >= cue.end && d.first_token <= cue.end + 3 &&
              (!d.relative || a.published.has_value())) {
            best = &d;
          }
        }
      }
    }
  }
  // "X has cancelled a visit to Y. The visit would have been on Wednesday and Thursday": a
  // meeting called off takes the day it would have been held on, told in its window.
  if (m->status() == v1::MEETING_STATUS_CANCELLED) {
    const DateMention* would_have_been = nullptr;
    for (int s : g.window) {
      for (int di : a.dates_in[s]) {
        const DateMention& d = a.dates[di];
        if (would_have_been != nullptr || d.dateline || (d.relative && !a.published.has_value()) ||
            (!d.relative && d.start.year() == 0)) {
          continue;
        }
        // "would have been on Wednesday", "was to have been held in May".
        for (int k = std::max(a.sentence(s).first_token + 3, d.first_token - 2); k <= d.first_token;
             ++k) {
          if (a.fold(k - 1) == "been" && a.fold(k - 2) == "have" &&
              (a.fold(k - 3) == "would" || a.fold(k - 3) == "to")) {
            would_have_been = &d;
          }
        }
      }
    }
    if (would_have_been != nullptr) {
      best = would_have_been;
    }
  }
  // "... The meeting on Tuesday was their first since ...": a main meeting with no date in its
  // window takes the date its own word takes later, told back ("the meeting", "Monday's
  // talks", "the two leaders met"), of its own status.
  if (best == nullptr && g.role == GroupRole::kMain) {
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      if (mm.date < 0 || g.window.count(mm.sentence) > 0 ||
          mm.relation != MentionRelation::kReport ||
          (mm.status == MentionStatus::kHeld) == future) {
        continue;
      }
      const DateMention& d = a.dates[mm.date];
      // "the meeting on Tuesday", "At Monday's meeting", "The two leaders met on Monday".
      const bool told_back =
          (mm.form == TriggerForm::kNoun &&
           (mm.anaphoric || (d.end_token + 1 == mm.first && a.fold(d.end_token) == "'s"))) ||
          (mm.form == TriggerForm::kVerb && mm.subject.collective && mm.subject.people.empty() &&
           mm.subject.countries.empty());
      if (!told_back) {
        continue;
      }
      if (d.dateline || d.month_relative || (d.relative && !a.published.has_value()) ||
          (!d.relative && d.start.year() == 0) || (!future && AfterPublication(a, d)) ||
          OwnedByAnotherMeeting(c, g, mm.date)) {
        continue;
      }
      best = &d;
      break;
    }
  }
  // "The Prime Minister, John Major, and the German Chancellor, Helmut Kohl, sought yesterday
  // to put the row behind them ... the talks": a held main meeting told by its words only
  // later takes the one day, and no other date, of the first sentence naming two of its
  // participants when no word of its own is there, unless another meeting's word takes it.
  if (best == nullptr && !future && participants != nullptr && g.role == GroupRole::kMain) {
    for (int s = 1; s < a.sentence_count(); ++s) {
      int named = 0;
      for (const Person* p : *participants) {
        named += p->InSentence(s) ? 1 : 0;
      }
      // Before the meeting is first told, its countries stand for its people: "The leaders
      // of France and China sought on Monday to ... French President X received Y".
      if (s < g.anchor) {
        std::set<std::string> countries;
        for (const PlaceMention& pm : c.parties.places) {
          if (pm.sentence == s && (pm.slot == PlaceSlot::kParty || pm.slot == PlaceSlot::kOpen) &&
              std::find(g.countries.begin(), g.countries.end(), pm.code) != g.countries.end()) {
            countries.insert(pm.code);
          }
        }
        named = std::max(named, static_cast<int>(countries.size()));
      }
      if (named < 2) {
        continue;
      }
      // A sentence with a word of the meeting's own was weighed above.
      bool told = false;
      for (int mi : g.mentions) {
        told = told || c.mentions.mentions[mi].sentence == s;
      }
      if (told) {
        break;
      }
      const DateMention* only = nullptr;
      int dates = 0;
      for (int di : a.dates_in[s]) {
        const DateMention& d = a.dates[di];
        ++dates;
        if (!d.dateline && !d.month_relative && (d.relative || d.start.day() > 0) &&
            (!d.relative || a.published.has_value()) && (d.relative || d.start.year() > 0) &&
            !OwnedByAnotherMeeting(c, g, di) && !AfterPublication(a, d)) {
          only = &d;
        }
      }
      if (dates == 1) {
        best = only;
      }
      break;
    }
  }
  // The dateline's day is the day of the report: a held meeting with no other day took place
  // then, but a planned one told with no day ("will travel to Prague next week") is not fixed.
  if (best == nullptr && !future) {
    for (const DateMention& d : a.dates) {
      if (d.dateline && d.start.year() > 0) {
        best = &d;
        break;
      }
    }
  }
  // "Sarkozy said on Tuesday that Russia had agreed to the plan, after hours of talks with
  // Medvedev": a held main meeting with no other day, and no dateline, takes the day of the
  // saying its anchor tells as coming after it.
  if (best == nullptr && !future && g.role == GroupRole::kMain) {
    best = said_day;
  }
  if (best == nullptr && a.published.has_value() &&
      (ToldInTheProgressive(c, g) || (!future && g.role == GroupRole::kMain && ToldLive(c, g)))) {
    // "X is meeting Y" with no day told: the publication's, whether the meeting is under way
    // or previewed on the day.
    *m->mutable_start_date() = ToDate(*a.published);
    return;
  }
  if (best == nullptr) {
    // A meeting that has just ended ("wrapped up", "concluded") with no date of its own is of
    // the publication's month.
    bool ended = false;
    for (int s : g.window) {
      ended = ended || a.SentenceHas(s, Cue::kEnded);
    }
    if (ended && !future && a.published.has_value()) {
      m->mutable_start_date()->set_year(static_cast<int32_t>(a.published->year()));
      m->mutable_start_date()->set_month(a.published->month());
    }
    return;
  }
  // "in mid-April ... they will meet April 13 to 16": a month is refined by a day in it.
  if (!best->relative && best->start.day() == 0) {
    for (const DateMention& d : a.dates) {
      if (!d.dateline && !d.relative && g.window.count(d.sentence) > 0 && d.start.day() > 0 &&
          d.start.year() == best->start.year() && d.start.month() == best->start.month()) {
        best = &d;
        break;
      }
    }
  }
  std::optional<v1::Date> date = best->start;
  if (best->relative) {
    // "Ministers are gathering in Berlin ... are set to convene in Berlin on Thursday": a day
    // a word of the meeting told as planned, and none told as held, takes as its own is to
    // come.
    bool planned_own = false;
    bool held_own = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      if (mm.date >= 0 && &a.dates[mm.date] == best) {
        planned_own = planned_own || mm.status == MentionStatus::kPlanned;
        held_own = held_own || mm.status == MentionStatus::kHeld;
      }
    }
    date = ResolveRelative(*best, *a.published, future || (planned_own && !held_own));
  }
  if (!date.has_value() || date->year() == 0) {
    return;
  }
  // "postponed to September 20" in a March article: a day and month without a year that a
  // planned meeting takes lies after the publication, not in the months before it.
  if (m->status() == v1::MEETING_STATUS_SCHEDULED && !best->relative && !best->has_year &&
      !best->month_relative && a.published.has_value() && date->month() > 0 &&
      absl::CivilMonth(date->year(), date->month()) < absl::CivilMonth(*a.published)) {
    date->set_year(date->year() + 1);
  }
  if (const int into =
          date->day() > 0 && best->end.year() == 0 ? DaysIntoTheEventThatBegan(a, *best) : 0;
      into > 0) {
    *date = ToDate(absl::CivilDay(date->year(), date->month(), date->day()) + into);
  }
  // "wrapped up a two-day summit on Sunday", "concluded a three-day visit on Monday": the day
  // told is the last; the event began the days before.
  bool ended_on = false;
  for (int ci : a.cues_in[best->sentence]) {
    for (const Entry* e : a.cues[ci].entries) {
      ended_on = ended_on || (e->cue == Cue::kEnded && a.cues[ci].end <= best->first_token);
    }
  }
  const int days = ended_on && !future && date->day() > 0 && best->end.year() == 0
                       ? DaysToldLong(a, best->sentence)
                       : 0;
  if (days > 0) {
    const absl::CivilDay last(date->year(), date->month(), date->day());
    *m->mutable_end_date() = *date;
    *date = ToDate(last - (days - 1));
  }
  *m->mutable_start_date() = *date;
  if (best->end.year() > 0) {
    *m->mutable_end_date() = best->end;
  }
  evidence->push_back({"start_date", best->first_token, best->end_token,
                       absl::StrCat(date->year(), "-", date->month(), "-", date->day())});
}

}  // namespace parley::extract
