#ifndef PARLEY_SERVICES_DOMAIN_MEETING_RULES_H
#define PARLEY_SERVICES_DOMAIN_MEETING_RULES_H

#include <cstddef>
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

// The id of the meeting record with sequence number `sequence`: "m-" and 12 digits
// ("m-000000000042"). Ids are minted in sequence and never reused for another meeting.
std::string MeetingId(uint64_t sequence);
// The sequence number of a minted meeting id ("m-000000000042" -> 42); 0 if it is not one.
uint64_t MeetingSequence(absl::string_view id);

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

// How large one stored meeting record may grow. Reports merge into records, so without a bound
// a record could outgrow what a response can carry and wedge every reader of it. The store cuts
// every record (and every stored report) to these limits with `BoundMeeting`.
//
// Keep-policy, applied in this order:
//   1. strings are cut to their byte limit on a UTF-8 character boundary;
//   2. sources: the newest `max_sources` by publication time are kept (in their original order);
//      evidence that points into an article no longer among the sources goes with it;
//   3. statements, people, documents, organisations, tags, evidence: the first N are kept (the
//      earliest reports, since merges append);
//   4. while the record is still over `max_bytes`, the last entry is dropped from evidence,
//      then statements, sources (the oldest), people, documents, organisations and tags.
// Identity, dates, kind, status, venue, countries and topics are never dropped.
struct RecordLimits {
  size_t max_bytes = 1 << 20;  // The serialized record; 0 = no limit (and no cut at all).
  int max_statements = 100;
  int max_sources = 100;
  int max_evidence = 1000;
  int max_people = 200;
  int max_documents = 100;
  int max_organizations = 100;
  int max_tags = 50;
  size_t max_text_bytes = 4096;   // Statement text.
  size_t max_title_bytes = 1024;  // Meeting and document titles.
  size_t max_url_bytes = 2048;    // Source URLs.
  size_t max_name_bytes = 256;    // Every other string: names, roles, places, speakers, ...
};

// Cuts `meeting` to `limits` (see RecordLimits). Sets `*cut` (when given) to whether anything
// was removed or shortened. A record within the limits comes back unchanged.
v1::Meeting BoundMeeting(v1::Meeting meeting, const RecordLimits& limits, bool* cut = nullptr);

// The longest prefix of `text` of at most `max_bytes` bytes that ends on a UTF-8 character
// boundary.
absl::string_view TruncateUtf8(absl::string_view text, size_t max_bytes);

// True when `meeting` satisfies every non-empty part of `filter`.
bool MatchesFilter(const v1::Meeting& meeting, const v1::MeetingFilter& filter);

// The parts of `meeting` that MatchesFilter and SameMeetingScore read (id, countries, people's
// names, venue city and country, format, kind, status, topics, start and end dates): both give
// the same answer on it as on the whole meeting, at a fraction of its size.
v1::Meeting MatchKeys(const v1::Meeting& meeting);

// Returns InvalidArgument naming the field for a malformed filter (bad country code, date).
[[nodiscard]] absl::Status ValidateFilter(const v1::MeetingFilter& filter);

// True when the meeting content (everything but identity, revisions and times) differs.
bool ContentDiffers(const v1::Meeting& a, const v1::Meeting& b);

}  // namespace parley

#endif  // PARLEY_SERVICES_DOMAIN_MEETING_RULES_H
