#include "services/api/service_limits.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace parley {

absl::Status ValidateId(absl::string_view field, const std::string& id, size_t max_bytes) {
  if (id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, " must not be empty"));
  }
  if (id.size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(field, " is longer than ", max_bytes, " bytes"));
  }
  if (!std::all_of(id.begin(), id.end(), [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      })) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " may hold only letters, digits, '-' and '_'"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> PageSize(int requested, const ServiceLimits& limits) {
  if (requested < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size ", requested, " must not be negative"));
  }
  if (requested == 0) {
    return limits.default_page_size;
  }
  return std::min(requested, limits.max_page_size);
}

}  // namespace parley
