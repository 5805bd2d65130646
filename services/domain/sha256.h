#ifndef PARLEY_SERVICES_DOMAIN_SHA256_H
#define PARLEY_SERVICES_DOMAIN_SHA256_H

#include <array>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace parley {

// FIPS 180-4 SHA-256 of `data`. Used for content-addressed article ids, so the worker and the
// service compute the same id without sharing a crypto library.
std::array<uint8_t, 32> Sha256(absl::string_view data);

// Lower-case hex of the first `bytes` bytes of the digest.
std::string Sha256Hex(absl::string_view data, size_t bytes = 32);

}  // namespace parley

#endif  // PARLEY_SERVICES_DOMAIN_SHA256_H
