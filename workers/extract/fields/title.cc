// The title resolver.
#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

// "26 April 2025", "April 2025", "2025".
std::string HumanDate(const v1::Date& d) {
  if (d.year() == 0) {
    return "";
  }
  if (d.month() < 1 || d.month() > 12) {
    return absl::StrCat(d.year());
  }
  if (d.day() == 0) {
    return absl::StrCat(kMonths[d.month() - 1], " ", d.year());
  }
  return absl::StrCat(d.day(), " ", kMonths[d.month() - 1], " ", d.year());
}

// The name the text gives the event: a meeting word written with a capital ("Summit",
// "Session") in a noun phrase that names it ("the second China-Central Asia Summit", "the 31st
// ASEAN Summit"), without its article.
std::string EventName(const Context& c, const MeetingGroup& g) {
  const Annotations& a = c.a;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (!m.named_event || !a.tok(m.first).cap || a.sentence(m.sentence).all_caps ||
        m.sentence == 0) {
      continue;
    }
    // Without its article and the words that only place it in time ("the forthcoming Fifth
    // Caspian Summit" -> "Fifth Caspian Summit"); an ordinal stays ("Second ... Summit").
    int first = m.np_first;
    while (first < m.first && !a.tok(first).cap && !a.Is(first, WordClass::kOrdinal) &&
           !absl::ascii_isdigit(static_cast<unsigned char>(a.fold(first)[0]))) {
      ++first;
    }
    const int end = std::max(m.end, m.np_end);
    std::string name = a.Surface(first, end);
    if (name.size() > 120) {
      continue;
    }
    if (!name.empty()) {
      name[0] = absl::ascii_toupper(name[0]);
    }
    return name;
  }
  return "";
}

}  // namespace

std::string ResolveTitle(const Context& c, const MeetingGroup& g, const v1::Meeting& m) {
  static const auto* kinds =
      new std::map<int, std::string>{{v1::MEETING_KIND_UNSPECIFIED, "meeting"},
                                     {v1::MEETING_KIND_SUMMIT, "summit"},
                                     {v1::MEETING_KIND_MINISTERIAL, "ministerial meeting"},
                                     {v1::MEETING_KIND_BILATERAL, "talks"},
                                     {v1::MEETING_KIND_MULTILATERAL, "meeting"},
                                     {v1::MEETING_KIND_STATE_VISIT, "state visit"},
                                     {v1::MEETING_KIND_PHONE_CALL, "phone call"},
                                     {v1::MEETING_KIND_VIDEO_CONFERENCE, "video conference"},
                                     {v1::MEETING_KIND_OTHER, "meeting"}};
  std::string title = EventName(c, g);
  if (title.empty()) {
    // "Kazakhstan–China talks", "Central Asia-China ministerial meeting", "G20 summit".
    std::string who = m.format();
    if (who.empty()) {
      std::vector<std::string> names;
      for (const std::string& code : m.countries()) {
        const std::string& name = c.a.dict->CountryName(code);
        names.push_back(name.empty() ? code : name);
      }
      // A body among few countries is one of the parties: "Chile–UN talks".
      if (names.size() < 2) {
        for (const std::string& org : m.organizations()) {
          names.push_back(org);
        }
      }
      if (names.size() > 3) {
        who = absl::StrCat(names.size(), "-party");
      } else {
        who = absl::StrJoin(names, "–");
      }
    }
    const std::string& kind = kinds->at(m.kind());
    title = absl::EndsWith(absl::AsciiStrToLower(who), kind) || absl::EndsWith(who, "Summit")
                ? who
                : absl::StrCat(who.empty() ? "" : who + " ", kind);
    if (!title.empty()) {
      title[0] = absl::ascii_toupper(title[0]);
    }
  }
  if (!m.venue().city().empty()) {
    absl::StrAppend(&title, " in ", m.venue().city());
  } else if (!m.venue().country().empty()) {
    absl::StrAppend(&title, " in ", m.venue().country());
  }
  const std::string date = HumanDate(m.start_date());
  if (!date.empty()) {
    absl::StrAppend(&title, ", ", date);
  }
  return title;
}

}  // namespace parley::extract
