#ifndef PARLEY_SERVICES_DOMAIN_MEETING_RULES_H
#define PARLEY_SERVICES_DOMAIN_MEETING_RULES_H

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

namespace parley {

// Pure rules about meetings: no IO, no clock, no threads. Every function is thread-safe.

// Returns the date as YYYYMMDD with 0 for unknown parts (2025-04-00 -> 20250400); 0 for an
// unset date. Orders dates chronologically, unknown parts first.
int32_t DateKey(const v1::Date& date);

// True when the date has at least a year.
bool HasDate(const v1::Date& date);

// Returns InvalidArgument naming the field when `date` is not a possible calendar date
// (month > 12, day beyond the month, a day without a month, ...). An unset date is valid.
[[nodiscard]] absl::Status ValidateDate(const v1::Date& date, absl::string_view field);

// Checks a meeting report before it is stored: dates, ISO codes, enum ranges, sizes.
// Returns InvalidArgument naming the first offending field.
[[nodiscard]] absl::Status ValidateMeeting(const v1::Meeting& meeting);

// Checks an article's metadata before it is stored (the body's size is the caller's limit):
// title, url, outlet, language and tags within their sizes. InvalidArgument names the field
// ("article.title is N bytes; at most M").
[[nodiscard]] absl::Status ValidateArticleFields(const v1::Article& article);

// Returns `meeting` in canonical form: countries, organisations and topics sorted and unique,
// country codes upper case, people deduplicated by folded name, documents deduplicated.
v1::Meeting Normalised(v1::Meeting meeting);

// The content-hash id of an article: "a-" + the first 16 bytes of SHA-256 over its title and
// body, in hex. The same text always gets the same id, wherever it is computed.
std::string ArticleId(const v1::Article& article);

// How likely two reports describe the same meeting, from 0 (certainly not) to 1.
// Reports are the same meeting when their dates overlap (or one is unknown), their venues do not
// conflict, their media do not conflict (a phone call is not a summit), and their participants
// overlap strongly. See `kSameMeetingThreshold`.
double SameMeetingScore(const v1::Meeting& a, const v1::Meeting& b);
inline constexpr double kSameMeetingThreshold = 0.5;

// Merges report `incoming` into the stored record `base`: facts are unioned, unknown parts of
// dates and venue are filled in, and status follows the most recently published report.
// Identity and revision fields of `base` are kept.
v1::Meeting MergeMeetings(const v1::Meeting& base, const v1::Meeting& incoming);

// True when `meeting` satisfies every non-empty part of `filter`.
bool MatchesFilter(const v1::Meeting& meeting, const v1::MeetingFilter& filter);

// Returns InvalidArgument naming the field for a malformed filter (bad country code, date).
[[nodiscard]] absl::Status ValidateFilter(const v1::MeetingFilter& filter);

// True when the meeting content (everything but identity, revisions and times) differs.
bool ContentDiffers(const v1::Meeting& a, const v1::Meeting& b);

}  // namespace parley

#endif  // PARLEY_SERVICES_DOMAIN_MEETING_RULES_H
