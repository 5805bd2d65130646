// libFuzzer target for ListMeetings page tokens: any text must decode or fail cleanly, and a
// token that decodes must re-encode to one that decodes to the same position.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "services/api/page_token.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parley::v1::MeetingFilter filter;
  // The first byte picks a filter, so tokens bound to one are tried against others.
  if (size > 0 && (data[0] & 1) != 0) {
    filter.add_countries("KZ");
  }
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<parley::PageToken> token = parley::DecodePageToken(text, filter);
  if (!token.ok()) {
    return 0;
  }
  absl::StatusOr<parley::PageToken> again =
      parley::DecodePageToken(parley::EncodePageToken(*token, filter), filter);
  if (!again.ok() || again->revision != token->revision || again->after_key != token->after_key) {
    std::abort();
  }
  return 0;
}
