#ifndef PARLEY_TESTS_TESTING_UTIL_TEST_PKI_H
#define PARLEY_TESTS_TESTING_UTIL_TEST_PKI_H

#include <string>

#include "absl/status/statusor.h"

namespace parley::testing_util {

// Certificates made for one test by Debian's openssl (P-256 keys, valid two days):
// a CA; a server certificate for localhost / 127.0.0.1; client certificates "parley-writer"
// and "parley-reader" signed by the CA; and a client certificate "parley-rogue" signed by
// a second, untrusted CA. Each entry is a PEM file path in the given folder.
struct TestPki {
  std::string ca;
  std::string server_cert, server_key;
  std::string writer_cert, writer_key;
  std::string reader_cert, reader_key;
  std::string rogue_cert, rogue_key;
};

[[nodiscard]] absl::StatusOr<TestPki> MakeTestPki(const std::string& dir);

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_TEST_PKI_H
