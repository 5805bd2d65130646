#include "services/api/page_token.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "services/domain/sha256.h"

namespace parley {
namespace {

constexpr absl::string_view kVersion = "p1";

std::string Fingerprint(const v1::MeetingFilter& filter) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  {
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    filter.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(bytes, 8);
}

}  // namespace

std::string EncodePageToken(const PageToken& token, const v1::MeetingFilter& filter) {
  const std::string body =
      absl::StrCat(kVersion, "|", token.revision, "|", Fingerprint(filter), "|", token.after_key);
  // A checksum so a mangled token is caught before it reaches the store.
  return absl::WebSafeBase64Escape(absl::StrCat(body, "|", Sha256Hex(body, 4)));
}

absl::StatusOr<PageToken> DecodePageToken(absl::string_view text, const v1::MeetingFilter& filter) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(text, &raw)) {
    return absl::InvalidArgumentError("page_token is malformed");
  }
  const size_t checksum_at = raw.rfind('|');
  if (checksum_at == std::string::npos ||
      Sha256Hex(absl::string_view(raw).substr(0, checksum_at), 4) != raw.substr(checksum_at + 1)) {
    return absl::InvalidArgumentError("page_token is malformed");
  }
  const std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(raw).substr(0, checksum_at), absl::MaxSplits('|', 3));
  PageToken token;
  if (parts.size() != 4 || parts[0] != kVersion || !absl::SimpleAtoi(parts[1], &token.revision)) {
    return absl::InvalidArgumentError("page_token is malformed");
  }
  if (parts[2] != Fingerprint(filter)) {
    return absl::InvalidArgumentError(
        "page_token was issued for another filter; repeat the filter of the first page");
  }
  token.after_key = std::string(parts[3]);
  return token;
}

}  // namespace parley
