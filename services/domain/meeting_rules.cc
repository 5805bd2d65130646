#include "services/domain/meeting_rules.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/util/message_differencer.h"
#include "services/domain/sha256.h"
#include "services/domain/text_fold.h"

namespace parley {
namespace {

constexpr int kMaxRepeated = 1000;
constexpr size_t kMaxStringBytes = size_t{64} * 1024;
constexpr int kMaxFilterValues = 100;
constexpr size_t kMaxFilterStringBytes = 256;

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

// ISO 3166-1 alpha-2: the 249 officially assigned codes, concatenated, in order.
constexpr char kAssignedCodes[] =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBE"
    "BFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCD"
    "CFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDM"
    "DODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGF"
    "GGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKN"
    "KPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDME"
    "MFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNA"
    "NCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPM"
    "PNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
    "SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTK"
    "TLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVI"
    "VNVUWFWSYEYTZAZMZW";
// Codes news still uses that are not (or no longer) assigned: states that have ended, as ISO
// coded them then (the Soviet Union, Yugoslavia, Czechoslovakia or Serbia and Montenegro, East
// Germany, Zaire, East Timor, Burma, the Netherlands Antilles, South Yemen, North Vietnam,
// Southern Rhodesia, the New Hebrides, Upper Volta, Dahomey), and Kosovo, which has no code of
// its own: XK (user-assigned, used by the EU and IMF; the extractor's) and KV (as CAMEO codes it,
// and extractors before parley-extract/13 stored it).
constexpr char kOtherCodes[] = "SUYUCSDDZRTPBUANYDVDRHNHHVDYXKKV";

bool IsCountryCode(absl::string_view code) {
  if (code.size() != 2 || !absl::ascii_isalpha(code[0]) || !absl::ascii_isalpha(code[1])) {
    return false;
  }
  const char upper[2] = {absl::ascii_toupper(code[0]), absl::ascii_toupper(code[1])};
  const absl::string_view wanted(upper, 2);
  const absl::string_view assigned(kAssignedCodes);
  size_t lo = 0;
  size_t hi = assigned.size() / 2;
  while (lo < hi) {  // Binary search over the sorted pairs.
    const size_t mid = (lo + hi) / 2;
    const absl::string_view at = assigned.substr(mid * 2, 2);
    if (at == wanted) {
      return true;
    }
    if (at < wanted) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const absl::string_view others(kOtherCodes);
  for (size_t i = 0; i + 1 < others.size(); i += 2) {
    if (others.substr(i, 2) == wanted) {
      return true;
    }
  }
  return false;
}

template <typename Container>
void SortUnique(Container* values) {
  std::sort(values->begin(), values->end());
  values->erase(std::unique(values->begin(), values->end()), values->end());
}

// Days since 1970-01-01 of a full date (civil-from-days inverse, Howard Hinnant's algorithm).
int64_t DayNumber(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The span of days a (possibly partial) date range covers: [first, last].
std::pair<int64_t, int64_t> DaySpan(const v1::Date& start, const v1::Date& end) {
  auto first_day = [](const v1::Date& d) {
    return DayNumber(d.year(), d.month() == 0 ? 1 : d.month(), d.day() == 0 ? 1 : d.day());
  };
  auto last_day = [](const v1::Date& d) {
    const int month = d.month() == 0 ? 12 : d.month();
    const int day = d.day() == 0 ? DaysInMonth(d.year(), month) : d.day();
    return DayNumber(d.year(), month, day);
  };
  const v1::Date& last = HasDate(end) ? end : start;
  return {first_day(start), last_day(last)};
}

// "2025-04-26", "2025-04" or "2025".
std::string DateText(const v1::Date& d) {
  std::string out = absl::StrCat(d.year());
  if (d.month() > 0) {
    absl::StrAppend(&out, d.month() < 10 ? "-0" : "-", d.month());
    if (d.day() > 0) {
      absl::StrAppend(&out, d.day() < 10 ? "-0" : "-", d.day());
    }
  }
  return out;
}

enum class Medium { kUnknown, kInPerson, kPhone, kVideo };

Medium MediumOf(v1::MeetingKind kind) {
  switch (kind) {
    case v1::MEETING_KIND_PHONE_CALL:
      return Medium::kPhone;
    case v1::MEETING_KIND_VIDEO_CONFERENCE:
      return Medium::kVideo;
    case v1::MEETING_KIND_UNSPECIFIED:
    case v1::MEETING_KIND_OTHER:
      return Medium::kUnknown;
    default:
      return Medium::kInPerson;
  }
}

std::set<std::string> FoldedSurnames(const v1::Meeting& m) {
  std::set<std::string> out;
  for (const v1::Person& p : m.people()) {
    const std::string folded = FoldForMatch(p.name());
    const size_t space = folded.rfind(' ');
    out.insert(space == std::string::npos ? folded : folded.substr(space + 1));
  }
  return out;
}

template <typename T>
double Overlap(const std::set<T>& a, const std::set<T>& b) {
  if (a.empty() || b.empty()) {
    return -1;  // Unknown.
  }
  size_t common = 0;
  for (const T& x : a) {
    common += b.count(x);
  }
  // Overlap coefficient: a report naming fewer participants is still the same meeting.
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

bool EqualFolded(absl::string_view a, absl::string_view b) {
  return FoldForMatch(a) == FoldForMatch(b);
}

int64_t Seconds(const v1::Meeting& m) {
  int64_t latest = 0;
  for (const v1::Source& s : m.sources()) {
    latest = std::max<int64_t>(latest, s.published_at().seconds());
  }
  return latest;
}

}  // namespace

int32_t DateKey(const v1::Date& date) {
  if (date.year() <= 0) {
    return 0;
  }
  return date.year() * 10000 + date.month() * 100 + date.day();
}

bool HasDate(const v1::Date& date) { return date.year() > 0; }

absl::Status ValidateDate(const v1::Date& date, absl::string_view field) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) {
    return absl::OkStatus();
  }
  if (date.year() < 1 || date.year() > 9999) {
    return absl::InvalidArgumentError(absl::StrCat(field, ".year ", date.year(), " out of range"));
  }
  if (date.month() < 0 || date.month() > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ".month ", date.month(), " out of range"));
  }
  if (date.day() < 0 || (date.day() > 0 && date.month() == 0) ||
      (date.month() > 0 && date.day() > DaysInMonth(date.year(), date.month()))) {
    return absl::InvalidArgumentError(absl::StrCat(field, ".day ", date.day(), " out of range"));
  }
  return absl::OkStatus();
}

absl::Status ValidateMeeting(const v1::Meeting& meeting) {
  if (absl::Status s = ValidateDate(meeting.start_date(), "start_date"); !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidateDate(meeting.end_date(), "end_date"); !s.ok()) {
    return s;
  }
  if (HasDate(meeting.end_date()) && HasDate(meeting.start_date()) &&
      DateKey(meeting.end_date()) < DateKey(meeting.start_date())) {
    return absl::InvalidArgumentError("end_date before start_date");
  }
  if (!meeting.venue().country_code().empty() && !IsCountryCode(meeting.venue().country_code())) {
    return absl::InvalidArgumentError(
        absl::StrCat("venue.country_code \"", meeting.venue().country_code(),
                     "\" is not an assigned ISO 3166-1 alpha-2 code"));
  }
  for (const std::string& code : meeting.countries()) {
    if (!IsCountryCode(code)) {
      return absl::InvalidArgumentError(
          absl::StrCat("countries: \"", code, "\" is not an assigned ISO 3166-1 alpha-2 code"));
    }
  }
  for (int i = 0; i < meeting.evidence_size(); ++i) {
    const v1::Evidence& e = meeting.evidence(i);
    if (e.begin() > e.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("evidence[", i, "]: begin ", e.begin(), " is after end ", e.end()));
    }
  }
  for (const v1::Person& person : meeting.people()) {
    if (person.name().empty()) {
      return absl::InvalidArgumentError("people.name must not be empty");
    }
    if (!person.country_code().empty() && !IsCountryCode(person.country_code())) {
      return absl::InvalidArgumentError(
          absl::StrCat("people.country_code \"", person.country_code(), "\" is not valid"));
    }
  }
  if (!v1::MeetingKind_IsValid(meeting.kind())) {
    return absl::InvalidArgumentError(absl::StrCat("kind ", meeting.kind(), " is not defined"));
  }
  if (!v1::MeetingStatus_IsValid(meeting.status())) {
    return absl::InvalidArgumentError(absl::StrCat("status ", meeting.status(), " is not defined"));
  }
  for (int topic : meeting.topics()) {
    if (!v1::Topic_IsValid(topic) || topic == v1::TOPIC_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat("topics: ", topic, " is not defined"));
    }
  }
  const struct {
    const char* field;
    int size;
    int limit;
  } kRepeated[] = {
      {"countries", meeting.countries_size(), kMaxRepeated},
      {"organizations", meeting.organizations_size(), kMaxRepeated},
      {"people", meeting.people_size(), kMaxRepeated},
      {"documents", meeting.documents_size(), kMaxRepeated},
      {"statements", meeting.statements_size(), kMaxRepeated},
      {"sources", meeting.sources_size(), 10 * kMaxRepeated},
      {"evidence", meeting.evidence_size(), 10 * kMaxRepeated},
  };
  for (const auto& r : kRepeated) {
    if (r.size > r.limit) {
      return absl::InvalidArgumentError(
          absl::StrCat(r.field, " has ", r.size, " entries; at most ", r.limit));
    }
  }
  for (const auto& [field, value] :
       {std::pair<const char*, const std::string*>{"title", &meeting.title()},
        {"format", &meeting.format()}}) {
    if (value->size() > kMaxStringBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, " is ", value->size(), " bytes; at most ", kMaxStringBytes));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateArticleFields(const v1::Article& article) {
  const struct {
    const char* field;
    const std::string& value;
    size_t limit;
  } kStrings[] = {
      {"article.title", article.title(), kMaxStringBytes},
      {"article.url", article.url(), size_t{8} * 1024},
      {"article.outlet", article.outlet(), 1024},
      {"article.language", article.language(), 35},  // BCP 47's longest practical tag.
  };
  for (const auto& f : kStrings) {
    if (f.value.size() > f.limit) {
      return absl::InvalidArgumentError(
          absl::StrCat(f.field, " is ", f.value.size(), " bytes; at most ", f.limit));
    }
  }
  if (article.tags_size() > 100) {
    return absl::InvalidArgumentError(
        absl::StrCat("article.tags has ", article.tags_size(), " entries; at most 100"));
  }
  for (int i = 0; i < article.tags_size(); ++i) {
    if (article.tags(i).size() > 256) {
      return absl::InvalidArgumentError(
          absl::StrCat("article.tags[", i, "] is ", article.tags(i).size(), " bytes; at most 256"));
    }
  }
  return absl::OkStatus();
}

v1::Meeting Normalised(v1::Meeting meeting) {
  for (std::string& code : *meeting.mutable_countries()) {
    absl::AsciiStrToUpper(&code);
  }
  SortUnique(meeting.mutable_countries());
  SortUnique(meeting.mutable_organizations());
  SortUnique(meeting.mutable_tags());
  SortUnique(meeting.mutable_topics());
  if (meeting.has_venue()) {  // A call or video conference has no venue: keep it absent.
    absl::AsciiStrToUpper(meeting.mutable_venue()->mutable_country_code());
  }

  // People: one entry per folded name; later mentions fill in what earlier ones lacked. Each
  // name is folded once (a hash map, not a scan per person: records hold hundreds of people).
  std::vector<v1::Person> people;
  absl::flat_hash_map<std::string, size_t> person_at;
  for (v1::Person& person : *meeting.mutable_people()) {
    absl::AsciiStrToUpper(person.mutable_country_code());
    auto [it, inserted] = person_at.emplace(FoldForMatch(person.name()), people.size());
    if (inserted) {
      people.push_back(std::move(person));
      continue;
    }
    v1::Person& first = people[it->second];
    if (first.role().empty()) {
      first.set_role(person.role());
    }
    if (first.country_code().empty()) {
      first.set_country_code(person.country_code());
    }
    if (first.organization().empty()) {
      first.set_organization(person.organization());
    }
  }
  meeting.clear_people();
  for (v1::Person& p : people) {
    *meeting.add_people() = std::move(p);
  }

  // Documents: one per type and folded title; untitled ones keep their number ("signed three
  // agreements" is three documents); an untitled document of a type is dropped when a titled
  // one of that type exists.
  std::vector<v1::Document> docs;
  absl::flat_hash_set<std::pair<int, std::string>> seen_docs;
  absl::flat_hash_set<int> titled_types;
  for (const v1::Document& doc : meeting.documents()) {
    if (doc.title().empty() || seen_docs.emplace(doc.type(), FoldForMatch(doc.title())).second) {
      docs.push_back(doc);
      if (!doc.title().empty()) {
        titled_types.insert(doc.type());
      }
    }
  }
  docs.erase(std::remove_if(docs.begin(), docs.end(),
                            [&](const v1::Document& d) {
                              return d.title().empty() && titled_types.contains(d.type());
                            }),
             docs.end());
  meeting.clear_documents();
  for (v1::Document& d : docs) {
    *meeting.add_documents() = std::move(d);
  }
  return meeting;
}

std::string ArticleId(const v1::Article& article) {
  std::string content = article.title();
  content.push_back('\n');
  content.append(article.body());
  return absl::StrCat("a-", Sha256Hex(content, 16));
}

std::string MeetingId(uint64_t sequence) { return absl::StrFormat("m-%012d", sequence); }

uint64_t MeetingSequence(absl::string_view id) {
  uint64_t sequence = 0;
  if (id.size() > 2 && id.substr(0, 2) == "m-" && absl::SimpleAtoi(id.substr(2), &sequence)) {
    return sequence;
  }
  return 0;
}

double SameMeetingScore(const v1::Meeting& a, const v1::Meeting& b) {
  // Dates: overlapping spans, or one of them unknown.
  const bool a_dated = HasDate(a.start_date());
  const bool b_dated = HasDate(b.start_date());
  double score = 0;
  if (a_dated && b_dated) {
    const auto sa = DaySpan(a.start_date(), a.end_date());
    const auto sb = DaySpan(b.start_date(), b.end_date());
    if (sa.second < sb.first || sb.second < sa.first) {
      return 0;
    }
    score += 0.25;
  } else if (a_dated != b_dated) {
    score += 0.05;
  }

  // Venue: conflicting cities or host countries rule a match out.
  if (!a.venue().city().empty() && !b.venue().city().empty()) {
    if (!EqualFolded(a.venue().city(), b.venue().city())) {
      return 0;
    }
    score += 0.15;
  }
  if (!a.venue().country_code().empty() && !b.venue().country_code().empty() &&
      a.venue().country_code() != b.venue().country_code()) {
    return 0;
  }

  // Medium: a phone call is not the in-person meeting of the same day.
  const Medium ma = MediumOf(a.kind());
  const Medium mb = MediumOf(b.kind());
  if (ma != Medium::kUnknown && mb != Medium::kUnknown && ma != mb) {
    return 0;
  }
  // A side meeting is not the summit it took place at: two-party talks do not merge into a
  // summit or a multilateral meeting.
  const bool a_bilateral =
      a.kind() == v1::MEETING_KIND_BILATERAL || a.kind() == v1::MEETING_KIND_STATE_VISIT;
  const bool b_bilateral =
      b.kind() == v1::MEETING_KIND_BILATERAL || b.kind() == v1::MEETING_KIND_STATE_VISIT;
  if (a_bilateral != b_bilateral && a.kind() != v1::MEETING_KIND_UNSPECIFIED &&
      b.kind() != v1::MEETING_KIND_UNSPECIFIED) {
    return 0;
  }

  // Participants.
  const std::set<std::string> ca(a.countries().begin(), a.countries().end());
  const std::set<std::string> cb(b.countries().begin(), b.countries().end());
  const double countries = Overlap(ca, cb);
  const double people = Overlap(FoldedSurnames(a), FoldedSurnames(b));
  if (countries < 0 && people < 0) {
    return 0;  // Nothing to tell them apart by.
  }
  if (countries >= 0 && countries < 0.67) {
    return 0;
  }
  if (countries >= 0 && ca.size() != cb.size()) {
    // Sets of different size must also be close in Jaccard terms: {US, RU} is not {US, RU, CN,
    // FR, GB}.
    size_t common = 0;
    for (const std::string& c : ca) {
      common += cb.count(c);
    }
    const double jaccard =
        static_cast<double>(common) / static_cast<double>(ca.size() + cb.size() - common);
    if (jaccard < 0.5) {
      return 0;
    }
  }
  if (people >= 0 && countries < 0 && people < 0.5) {
    return 0;
  }
  score += countries >= 0 ? 0.3 * countries : 0;
  score += people >= 0 ? 0.2 * people : 0.1;
  if (!a.format().empty() && EqualFolded(a.format(), b.format())) {
    score += 0.1;
  }
  // Undated reports need more than participants to be merged.
  if (!(a_dated && b_dated) && score < kSameMeetingThreshold) {
    return score;
  }
  return std::min(1.0, score + 0.1);
}

v1::Meeting MergeMeetings(const v1::Meeting& base, const v1::Meeting& incoming) {
  v1::Meeting out = base;
  // Dates: a more precise date wins; an end date is added when missing.
  const v1::Date& bs = base.start_date();
  const v1::Date& is = incoming.start_date();
  if (!HasDate(bs) ||
      (bs.year() == is.year() && ((bs.month() == 0 && is.month() != 0) ||
                                  (bs.month() == is.month() && bs.day() == 0 && is.day() != 0)))) {
    if (HasDate(is)) {
      *out.mutable_start_date() = is;
    }
  }
  if (!HasDate(out.end_date()) && HasDate(incoming.end_date())) {
    *out.mutable_end_date() = incoming.end_date();
  }
  // Venue: fill unknown parts (a meeting with no venue, such as a call, keeps none).
  if (incoming.has_venue()) {
    v1::Place* venue = out.mutable_venue();
    if (venue->city().empty()) {
      venue->set_city(incoming.venue().city());
    }
    if (venue->region().empty()) {
      venue->set_region(incoming.venue().region());
    }
    if (venue->country_code().empty()) {
      venue->set_country_code(incoming.venue().country_code());
      venue->set_country(incoming.venue().country());
    }
  }
  if (out.title().empty()) {
    out.set_title(incoming.title());
  }
  if (out.format().empty()) {
    out.set_format(incoming.format());
  }
  if (out.kind() == v1::MEETING_KIND_UNSPECIFIED || out.kind() == v1::MEETING_KIND_OTHER) {
    if (incoming.kind() != v1::MEETING_KIND_UNSPECIFIED) {
      out.set_kind(incoming.kind());
    }
  }
  // Status: the latest report knows best (a scheduled meeting later reported as held).
  if (incoming.status() != v1::MEETING_STATUS_UNSPECIFIED &&
      (out.status() == v1::MEETING_STATUS_UNSPECIFIED || Seconds(incoming) >= Seconds(base))) {
    out.set_status(incoming.status());
  }
  if (out.parent_id().empty()) {
    out.set_parent_id(incoming.parent_id());
  }
  for (const std::string& c : incoming.countries()) {
    out.add_countries(c);
  }
  for (const std::string& o : incoming.organizations()) {
    out.add_organizations(o);
  }
  for (const v1::Person& p : incoming.people()) {
    *out.add_people() = p;
  }
  // Documents: a multiset union. Untitled documents of a type count as many as the report that
  // tells more of them (two reports of "three agreements" are three, not six).
  absl::flat_hash_map<int, int> untitled;
  for (const v1::Document& d : out.documents()) {
    untitled[d.type()] += d.title().empty() ? 1 : 0;
  }
  for (const v1::Document& d : incoming.documents()) {
    if (d.title().empty() && untitled[d.type()]-- > 0) {
      continue;
    }
    *out.add_documents() = d;
  }
  for (int t : incoming.topics()) {
    out.add_topics(static_cast<v1::Topic>(t));
  }
  for (const std::string& t : incoming.tags()) {
    out.add_tags(t);
  }
  absl::flat_hash_set<std::string> seen_statements;
  for (const v1::Statement& s : out.statements()) {
    seen_statements.insert(FoldForMatch(s.text()));
  }
  for (const v1::Statement& s : incoming.statements()) {
    if (seen_statements.insert(FoldForMatch(s.text())).second) {
      *out.add_statements() = s;
    }
  }
  absl::flat_hash_set<std::string> seen_sources;
  for (const v1::Source& s : out.sources()) {
    seen_sources.insert(s.article_id());
  }
  for (const v1::Source& s : incoming.sources()) {
    if (seen_sources.insert(s.article_id()).second) {
      *out.add_sources() = s;
    }
  }
  for (const v1::Evidence& e : incoming.evidence()) {
    *out.add_evidence() = e;
  }
  return Normalised(std::move(out));
}

absl::string_view TruncateUtf8(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return text;
  }
  size_t end = max_bytes;
  // text[end] is the first byte cut off; while it continues a character, that character
  // started before the cut and goes too.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

namespace {

void CutString(std::string* s, size_t max_bytes, bool* cut) {
  if (s->size() > max_bytes) {
    s->resize(TruncateUtf8(*s, max_bytes).size());
    *cut = true;
  }
}

template <typename Field>
void KeepFirst(Field* field, int n, bool* cut) {
  if (n >= 0 && field->size() > n) {
    field->DeleteSubrange(n, field->size() - n);
    *cut = true;
  }
}

bool NewerThan(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b) {
  return a.seconds() != b.seconds() ? a.seconds() > b.seconds() : a.nanos() > b.nanos();
}

// Bytes an element of `size` bytes takes in its repeated field: tag, length, payload.
size_t FramedSize(size_t size, int field_number) {
  return (field_number < 16 ? 1 : 2) + google::protobuf::io::CodedOutputStream::VarintSize64(size) +
         size;
}

size_t ElementSize(const std::string& s) { return s.size(); }
size_t ElementSize(const google::protobuf::Message& m) { return m.ByteSizeLong(); }

// Drops the last element of `field` while the record is over its budget.
template <typename Field>
void DropTailWhileOver(Field* field, int field_number, size_t max_bytes, size_t* total, bool* cut) {
  while (*total > max_bytes && !field->empty()) {
    const size_t framed = FramedSize(ElementSize(field->Get(field->size() - 1)), field_number);
    field->RemoveLast();
    *total -= std::min(*total, framed);
    *cut = true;
  }
}

}  // namespace

v1::Meeting BoundMeeting(v1::Meeting meeting, const RecordLimits& limits, bool* cut_out) {
  bool cut = false;
  if (limits.max_bytes == 0) {
    if (cut_out != nullptr) {
      *cut_out = false;
    }
    return meeting;
  }
  // 1. Strings.
  const size_t name = limits.max_name_bytes;
  CutString(meeting.mutable_title(), limits.max_title_bytes, &cut);
  CutString(meeting.mutable_format(), name, &cut);
  CutString(meeting.mutable_parent_id(), name, &cut);
  if (meeting.has_venue()) {  // mutable_venue() would add an empty venue.
    CutString(meeting.mutable_venue()->mutable_city(), name, &cut);
    CutString(meeting.mutable_venue()->mutable_region(), name, &cut);
    CutString(meeting.mutable_venue()->mutable_country(), name, &cut);
  }
  for (std::string& s : *meeting.mutable_organizations()) {
    CutString(&s, name, &cut);
  }
  for (std::string& s : *meeting.mutable_tags()) {
    CutString(&s, name, &cut);
  }
  for (v1::Person& p : *meeting.mutable_people()) {
    CutString(p.mutable_name(), name, &cut);
    CutString(p.mutable_role(), name, &cut);
    CutString(p.mutable_organization(), name, &cut);
  }
  for (v1::Document& d : *meeting.mutable_documents()) {
    CutString(d.mutable_title(), limits.max_title_bytes, &cut);
  }
  for (v1::Statement& st : *meeting.mutable_statements()) {
    CutString(st.mutable_speaker(), name, &cut);
    CutString(st.mutable_text(), limits.max_text_bytes, &cut);
  }
  for (v1::Source& src : *meeting.mutable_sources()) {
    CutString(src.mutable_article_id(), name, &cut);
    CutString(src.mutable_url(), limits.max_url_bytes, &cut);
    CutString(src.mutable_outlet(), name, &cut);
    CutString(src.mutable_attributed_to(), name, &cut);
  }
  for (v1::Evidence& e : *meeting.mutable_evidence()) {
    CutString(e.mutable_field(), name, &cut);
    CutString(e.mutable_article_id(), name, &cut);
    CutString(e.mutable_value(), name, &cut);
  }

  // 2. Sources: the newest, in their original order; evidence of a dropped article goes too.
  if (limits.max_sources >= 0 && meeting.sources_size() > limits.max_sources) {
    std::vector<int> order(static_cast<size_t>(meeting.sources_size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return NewerThan(meeting.sources(a).published_at(), meeting.sources(b).published_at());
    });
    std::vector<bool> keep(order.size(), false);
    for (int i = 0; i < limits.max_sources; ++i) {
      keep[static_cast<size_t>(order[static_cast<size_t>(i)])] = true;
    }
    absl::flat_hash_set<std::string> kept_articles;
    google::protobuf::RepeatedPtrField<v1::Source> sources;
    for (int i = 0; i < meeting.sources_size(); ++i) {
      if (keep[static_cast<size_t>(i)]) {
        kept_articles.insert(meeting.sources(i).article_id());
        *sources.Add() = std::move(*meeting.mutable_sources(i));
      }
    }
    meeting.mutable_sources()->Swap(&sources);
    google::protobuf::RepeatedPtrField<v1::Evidence> evidence;
    for (v1::Evidence& e : *meeting.mutable_evidence()) {
      if (e.article_id().empty() || kept_articles.contains(e.article_id())) {
        *evidence.Add() = std::move(e);
      }
    }
    meeting.mutable_evidence()->Swap(&evidence);
    cut = true;
  }

  // 3. The first N of the other lists.
  KeepFirst(meeting.mutable_statements(), limits.max_statements, &cut);
  KeepFirst(meeting.mutable_evidence(), limits.max_evidence, &cut);
  KeepFirst(meeting.mutable_people(), limits.max_people, &cut);
  KeepFirst(meeting.mutable_documents(), limits.max_documents, &cut);
  KeepFirst(meeting.mutable_organizations(), limits.max_organizations, &cut);
  KeepFirst(meeting.mutable_tags(), limits.max_tags, &cut);

  // 4. The byte budget.
  size_t total = meeting.ByteSizeLong();
  while (total > limits.max_bytes) {
    const size_t before = total;
    DropTailWhileOver(meeting.mutable_evidence(), 17, limits.max_bytes, &total, &cut);
    DropTailWhileOver(meeting.mutable_statements(), 14, limits.max_bytes, &total, &cut);
    while (total > limits.max_bytes && meeting.sources_size() > 0) {
      int oldest = 0;
      for (int i = 1; i < meeting.sources_size(); ++i) {
        if (NewerThan(meeting.sources(oldest).published_at(), meeting.sources(i).published_at())) {
          oldest = i;
        }
      }
      const size_t framed = FramedSize(meeting.sources(oldest).ByteSizeLong(), 15);
      meeting.mutable_sources()->DeleteSubrange(oldest, 1);
      total -= std::min(total, framed);
      cut = true;
    }
    DropTailWhileOver(meeting.mutable_people(), 11, limits.max_bytes, &total, &cut);
    DropTailWhileOver(meeting.mutable_documents(), 12, limits.max_bytes, &total, &cut);
    DropTailWhileOver(meeting.mutable_organizations(), 10, limits.max_bytes, &total, &cut);
    DropTailWhileOver(meeting.mutable_tags(), 16, limits.max_bytes, &total, &cut);
    total = meeting.ByteSizeLong();  // Exact again (the framing estimate may be off by a byte).
    if (total >= before) {
      break;  // Nothing left to drop: what remains is never dropped.
    }
  }
  if (cut_out != nullptr) {
    *cut_out = cut;
  }
  return meeting;
}

bool MatchesFilter(const v1::Meeting& meeting, const v1::MeetingFilter& filter) {
  if (filter.countries_size() > 0 &&
      std::none_of(filter.countries().begin(), filter.countries().end(), [&](const std::string& c) {
        const std::string upper = absl::AsciiStrToUpper(c);
        return std::find(meeting.countries().begin(), meeting.countries().end(), upper) !=
               meeting.countries().end();
      })) {
    return false;
  }
  if (!filter.person().empty()) {
    const std::string wanted = FoldForMatch(filter.person());
    const bool found =
        std::any_of(meeting.people().begin(), meeting.people().end(), [&](const v1::Person& p) {
          const std::string name = FoldForMatch(p.name());
          if (name == wanted) {
            return true;
          }
          // A surname alone matches the full name ("Shultz" finds "George Shultz").
          return wanted.find(' ') == std::string::npos && name.size() > wanted.size() &&
                 name.compare(name.size() - wanted.size(), wanted.size(), wanted) == 0 &&
                 name[name.size() - wanted.size() - 1] == ' ';
        });
    if (!found) {
      return false;
    }
  }
  if (!filter.city().empty() && !EqualFolded(filter.city(), meeting.venue().city())) {
    return false;
  }
  if (!filter.format().empty() && !EqualFolded(filter.format(), meeting.format())) {
    return false;
  }
  if (filter.kinds_size() > 0 && std::find(filter.kinds().begin(), filter.kinds().end(),
                                           meeting.kind()) == filter.kinds().end()) {
    return false;
  }
  if (filter.statuses_size() > 0 && std::find(filter.statuses().begin(), filter.statuses().end(),
                                              meeting.status()) == filter.statuses().end()) {
    return false;
  }
  if (filter.topics_size() > 0 &&
      std::none_of(filter.topics().begin(), filter.topics().end(), [&](int t) {
        return std::find(meeting.topics().begin(), meeting.topics().end(), t) !=
               meeting.topics().end();
      })) {
    return false;
  }
  const int32_t key = DateKey(meeting.start_date());
  if (HasDate(filter.start_date_from()) && (key == 0 || key < DateKey(filter.start_date_from()))) {
    return false;
  }
  if (HasDate(filter.start_date_to())) {
    // A partial bound covers its whole month or year: "to 2025-04" includes 2025-04-30.
    v1::Date to = filter.start_date_to();
    if (to.month() == 0) {
      to.set_month(99);
    }
    if (to.day() == 0) {
      to.set_day(99);
    }
    if (key == 0 || key > DateKey(to)) {
      return false;
    }
  }
  return true;
}

v1::Meeting MatchKeys(const v1::Meeting& meeting) {
  v1::Meeting keys;
  keys.set_id(meeting.id());
  *keys.mutable_countries() = meeting.countries();
  for (const v1::Person& p : meeting.people()) {
    keys.add_people()->set_name(p.name());
  }
  if (!meeting.venue().city().empty()) {
    keys.mutable_venue()->set_city(meeting.venue().city());
  }
  if (!meeting.venue().country_code().empty()) {
    keys.mutable_venue()->set_country_code(meeting.venue().country_code());
  }
  if (meeting.has_end_date()) {
    *keys.mutable_end_date() = meeting.end_date();
  }
  keys.set_format(meeting.format());
  keys.set_kind(meeting.kind());
  keys.set_status(meeting.status());
  *keys.mutable_topics() = meeting.topics();
  *keys.mutable_start_date() = meeting.start_date();
  return keys;
}

absl::Status ValidateFilter(const v1::MeetingFilter& filter) {
  // Sizes first: nothing below should walk a million values or fold megabytes.
  const struct {
    const char* field;
    int size;
  } kRepeated[] = {{"filter.countries", filter.countries_size()},
                   {"filter.kinds", filter.kinds_size()},
                   {"filter.statuses", filter.statuses_size()},
                   {"filter.topics", filter.topics_size()}};
  for (const auto& r : kRepeated) {
    if (r.size > kMaxFilterValues) {
      return absl::InvalidArgumentError(
          absl::StrCat(r.field, " has ", r.size, " entries; at most ", kMaxFilterValues));
    }
  }
  for (const auto& [field, value] :
       {std::pair<const char*, const std::string*>{"filter.person", &filter.person()},
        {"filter.city", &filter.city()},
        {"filter.format", &filter.format()}}) {
    if (value->size() > kMaxFilterStringBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, " is ", value->size(), " bytes; at most ", kMaxFilterStringBytes));
    }
  }
  for (const std::string& c : filter.countries()) {
    if (!IsCountryCode(c)) {
      return absl::InvalidArgumentError(
          absl::StrCat("filter.countries: \"", c, "\" is not an assigned ISO 3166-1 alpha-2 code"));
    }
  }
  if (absl::Status s = ValidateDate(filter.start_date_from(), "filter.start_date_from"); !s.ok()) {
    return s;
  }
  if (absl::Status s = ValidateDate(filter.start_date_to(), "filter.start_date_to"); !s.ok()) {
    return s;
  }
  for (int k : filter.kinds()) {
    if (!v1::MeetingKind_IsValid(k)) {
      return absl::InvalidArgumentError(absl::StrCat("filter.kinds: ", k, " is not defined"));
    }
  }
  for (int s : filter.statuses()) {
    if (!v1::MeetingStatus_IsValid(s)) {
      return absl::InvalidArgumentError(absl::StrCat("filter.statuses: ", s, " is not defined"));
    }
  }
  for (int t : filter.topics()) {
    if (!v1::Topic_IsValid(t)) {
      return absl::InvalidArgumentError(absl::StrCat("filter.topics: ", t, " is not defined"));
    }
  }
  if (HasDate(filter.start_date_from()) && HasDate(filter.start_date_to())) {
    // The range must hold at least one day: the last day `to` covers is not before the first
    // day `from` covers (partial dates cover their month or year).
    const int64_t from = DaySpan(filter.start_date_from(), v1::Date()).first;
    const int64_t to = DaySpan(filter.start_date_to(), v1::Date()).second;
    if (to < from) {
      return absl::InvalidArgumentError(
          absl::StrCat("filter.start_date_to ", DateText(filter.start_date_to()),
                       " is before filter.start_date_from ", DateText(filter.start_date_from())));
    }
  }
  return absl::OkStatus();
}

bool ContentDiffers(const v1::Meeting& a, const v1::Meeting& b) {
  v1::Meeting x = a;
  v1::Meeting y = b;
  for (v1::Meeting* m : {&x, &y}) {
    m->clear_id();
    m->clear_create_revision();
    m->clear_update_revision();
    m->clear_create_time();
    m->clear_update_time();
  }
  return !google::protobuf::util::MessageDifferencer::Equals(x, y);
}

}  // namespace parley
