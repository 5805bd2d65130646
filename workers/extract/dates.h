#ifndef PARLEY_WORKERS_EXTRACT_DATES_H
#define PARLEY_WORKERS_EXTRACT_DATES_H

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "parley/v1/meeting.pb.h"
#include "workers/extract/text.h"

namespace parley::extract {

// A date expression found in the text, resolved where it can be.
struct DateMention {
  v1::Date start;  // Parts 0 when unknown (month-only: day 0).
  v1::Date end;    // Set for ranges ("26-27 April").
  int sentence = 0;
  int first_token = 0;  // Token span of the expression.
  int end_token = 0;
  bool relative = false;        // "on Tuesday", "yesterday": needs the publication date.
  bool weekday = false;         // A weekday name.
  int weekday_index = 0;        // 0 = Monday.
  int relative_days = 0;        // For today/yesterday/tomorrow.
  bool has_year = false;        // The text gave the year.
  bool dateline = false;        // The date of a wire dateline ("MOSCOW, March 11 -").
  bool month_relative = false;  // "last month", "earlier this month": resolved already.
  // +1 "next Tuesday", "this coming Tuesday"; -1 "last Tuesday", "this past Tuesday"; 0 when
  // the text leaves it to the tense.
  int direction = 0;
  // The tense of the verb told right before a weekday when `direction` is 0: +1 a present of
  // schedule ("the summit, which opens on Tuesday"), -1 a past ("the ministers met on Tuesday");
  // it decides over the meeting's status, the publication day included either way.
  int tense = 0;
};

// Finds absolute dates ("April 26, 2025", "26 April", "Nov. 30 to Dec. 1", "2025-04-26",
// "in April"), weekdays and today/yesterday/tomorrow. Years missing from the text are taken
// from `published` (the nearest year that keeps a past event in the past); without it they
// stay 0. Relative expressions are resolved by `ResolveRelative`.
std::vector<DateMention> FindDates(const Document& doc, std::optional<absl::CivilDay> published);

// True for a month's full name, folded ("september"; not "sept" or "sep").
bool IsMonthName(absl::string_view fold);

// Resolves a relative mention against the publication day: a weekday is the latest such day
// on or before `published` (the next one, on or after, when `future`); the tense of the verb
// before it decides over `future`, and "next" or "last" over both, excluding the publication
// day itself.
std::optional<v1::Date> ResolveRelative(const DateMention& mention, absl::CivilDay published,
                                        bool future);

v1::Date ToDate(absl::CivilDay day);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_DATES_H
