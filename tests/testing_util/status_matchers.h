#ifndef PARLEY_TESTS_TESTING_UTIL_STATUS_MATCHERS_H
#define PARLEY_TESTS_TESTING_UTIL_STATUS_MATCHERS_H

#include <ostream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"

// gmock matchers for absl::Status and absl::StatusOr (abseil 20220623 ships none).
namespace parley::testing_util {

inline const absl::Status& GetStatus(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// Matches an OK Status or StatusOr.
MATCHER(IsOk, "is OK") {
  const absl::Status& status = GetStatus(arg);
  if (!status.ok()) {
    *result_listener << "status is " << status;
  }
  return status.ok();
}

// Matches a Status or StatusOr with this code.
MATCHER_P(StatusIs, code, "has status code " + absl::StatusCodeToString(code)) {
  const absl::Status& status = GetStatus(arg);
  if (status.code() != code) {
    *result_listener << "status is " << status;
  }
  return status.code() == code;
}

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_STATUS_MATCHERS_H
