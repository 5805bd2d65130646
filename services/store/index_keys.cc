#include "services/store/index_keys.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/text_fold.h"

namespace parley::index_keys {

std::string DatePart(int32_t date_key) { return absl::StrFormat("%08d", 99999999 - date_key); }

std::string SortSuffix(const v1::Meeting& meeting) {
  const uint64_t seq = MeetingSequence(meeting.id());
  return absl::StrCat(DatePart(DateKey(meeting.start_date())),
                      absl::StrFormat("%012d", 999999999999ULL - (seq % 1000000000000ULL)));
}

std::string Prefix(char tag, absl::string_view value) {
  std::string out(1, tag);
  out.push_back('\0');
  out.append(value.data(), value.size());
  out.push_back('\0');
  return out;
}

std::vector<std::string> AllKeys(const v1::Meeting& meeting) {
  std::set<std::string> prefixes;
  prefixes.insert(Prefix('a', ""));
  for (const std::string& c : meeting.countries()) {
    prefixes.insert(Prefix('c', c));
  }
  for (const v1::Person& p : meeting.people()) {
    const std::string folded = FoldForMatch(p.name());
    if (folded.empty()) {
      continue;
    }
    prefixes.insert(Prefix('p', folded));
    const size_t space = folded.rfind(' ');
    if (space != std::string::npos) {
      prefixes.insert(Prefix('p', folded.substr(space + 1)));
    }
  }
  if (!meeting.venue().city().empty()) {
    prefixes.insert(Prefix('y', FoldForMatch(meeting.venue().city())));
  }
  if (!meeting.format().empty()) {
    prefixes.insert(Prefix('f', FoldForMatch(meeting.format())));
  }
  prefixes.insert(Prefix('k', absl::StrCat(static_cast<int>(meeting.kind()))));
  prefixes.insert(Prefix('s', absl::StrCat(static_cast<int>(meeting.status()))));
  for (int t : meeting.topics()) {
    prefixes.insert(Prefix('t', absl::StrCat(t)));
  }
  const std::string suffix = SortSuffix(meeting);
  std::vector<std::string> keys;
  keys.reserve(prefixes.size());
  for (const std::string& prefix : prefixes) {
    keys.push_back(prefix + suffix);
  }
  return keys;
}

std::string EncodeU64(uint64_t value) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xFF);
    value >>= 8;
  }
  return out;
}

uint64_t DecodeU64(absl::string_view bytes) {
  uint64_t value = 0;
  for (size_t i = 0; i < 8 && i < bytes.size(); ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return value;
}

}  // namespace parley::index_keys
