#ifndef PARLEY_SERVICES_STORE_INDEX_KEYS_H
#define PARLEY_SERVICES_STORE_INDEX_KEYS_H

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

namespace parley {

// Key layout of the `index` column family. Every entry is
//   <tag> '\0' <value> '\0' <sort suffix>   ->   meeting id
// where the sort suffix orders a prefix newest first: 8 digits of (99999999 - YYYYMMDD start
// date, unknown parts 0) then 12 digits of (999999999999 - id sequence). Undated meetings sort
// last. Tags: 'a' all, 'c' country, 'p' folded person name and surname, 'y' folded city,
// 'f' folded format, 'k' kind, 's' status, 't' topic.
namespace index_keys {

inline constexpr size_t kSuffixSize = 20;

// The sort suffix of a meeting (see above).
std::string SortSuffix(const v1::Meeting& meeting);
// The date part of a sort suffix for a YYYYMMDD key (inverted).
std::string DatePart(int32_t date_key);
// The prefix "<tag>\0<value>\0".
std::string Prefix(char tag, absl::string_view value);
// Every index key of `meeting`.
std::vector<std::string> AllKeys(const v1::Meeting& meeting);
// Big-endian fixed 8-byte encoding, for change-log keys and counters.
std::string EncodeU64(uint64_t value);
uint64_t DecodeU64(absl::string_view bytes);

}  // namespace index_keys
}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_INDEX_KEYS_H
