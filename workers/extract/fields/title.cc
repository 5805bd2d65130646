// The title resolver.
#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

std::string ResolveTitle(const Context& c, const MeetingGroup& g, const v1::Meeting& m) {
  (void)c;
  (void)g;
  static const auto* kinds =
      new std::map<int, std::string>{{v1::MEETING_KIND_UNSPECIFIED, "meeting"},
                                     {v1::MEETING_KIND_SUMMIT, "summit"},
                                     {v1::MEETING_KIND_MINISTERIAL, "ministerial meeting"},
                                     {v1::MEETING_KIND_BILATERAL, "talks"},
                                     {v1::MEETING_KIND_MULTILATERAL, "meeting"},
                                     {v1::MEETING_KIND_STATE_VISIT, "visit"},
                                     {v1::MEETING_KIND_PHONE_CALL, "phone call"},
                                     {v1::MEETING_KIND_VIDEO_CONFERENCE, "video conference"},
                                     {v1::MEETING_KIND_OTHER, "meeting"}};
  std::string who = m.format();
  if (who.empty()) {
    who = absl::StrJoin(m.countries(), "-");
  }
  std::string title = absl::EndsWith(who, "Summit")
                          ? who
                          : absl::StrCat(who.empty() ? "" : who + " ", kinds->at(m.kind()));
  if (!m.venue().city().empty()) {
    absl::StrAppend(&title, " in ", m.venue().city());
  }
  if (m.start_date().year() > 0) {
    absl::StrAppend(&title, ", ", m.start_date().year());
    if (m.start_date().month() > 0) {
      absl::StrAppend(&title, "-", m.start_date().month() < 10 ? "0" : "", m.start_date().month());
    }
    if (m.start_date().day() > 0) {
      absl::StrAppend(&title, "-", m.start_date().day() < 10 ? "0" : "", m.start_date().day());
    }
  }
  return title;
}

}  // namespace parley::extract
