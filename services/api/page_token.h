#ifndef PARLEY_SERVICES_API_PAGE_TOKEN_H
#define PARLEY_SERVICES_API_PAGE_TOKEN_H

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

namespace parley {

// The decoded form of an opaque ListMeetings page token.
struct PageToken {
  uint64_t revision = 0;  // Snapshot revision of the listing.
  std::string after_key;  // Store sort key after which the next page starts.
};

// Encodes a token bound to `filter`: using it with another filter is an error.
std::string EncodePageToken(const PageToken& token, const v1::MeetingFilter& filter);

// Returns InvalidArgument when `text` is not a token this server issued, or was issued for
// another filter.
[[nodiscard]] absl::StatusOr<PageToken> DecodePageToken(absl::string_view text,
                                                        const v1::MeetingFilter& filter);

}  // namespace parley

#endif  // PARLEY_SERVICES_API_PAGE_TOKEN_H
