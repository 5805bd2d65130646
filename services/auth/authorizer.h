#ifndef PARLEY_SERVICES_AUTH_AUTHORIZER_H
#define PARLEY_SERVICES_AUTH_AUTHORIZER_H

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "grpcpp/grpcpp.h"

namespace parley {

enum class Access { kRead, kWrite };

const char* AccessName(Access access);  // "read" or "write".

// Who may call. A caller proves itself with a bearer token (`authorization: Bearer <token>`)
// or with the identity of a client certificate the server verified (mutual TLS): the
// certificate's subject alternative names and common name.
struct AuthPolicy {
  std::vector<std::string> write_tokens;  // May read and write.
  std::vector<std::string> read_tokens;   // May read.
  // Certificate identities that may write; "*" admits every verified certificate.
  std::vector<std::string> write_identities;
  // When false, reads need no credential (a presented token must still be valid).
  bool reads_require_credential = false;
};

// Builds a policy from files of tokens (one per line; blank lines and lines starting with '#'
// are skipped) and a comma-separated identity list. Empty paths are skipped.
// FailedPrecondition names an unreadable file; InvalidArgument a file without any token.
[[nodiscard]] absl::StatusOr<AuthPolicy> LoadAuthPolicy(const std::string& write_token_file,
                                                        const std::string& read_token_file,
                                                        absl::string_view write_identities,
                                                        bool reads_require_credential);

// Decides whether a call may proceed. Writes are open only when the policy names no write
// credential at all (a development setup; `writes_open()` tells, and parleyd warns).
// Refusals: UNAUTHENTICATED when no valid credential was presented (a malformed or unknown
// token, more than one authorization header, or none), PERMISSION_DENIED when the caller is known
// but may not do this. Tokens are compared in constant time and never appear in a status message.
// Thread-safe.
class Authorizer {
 public:
  explicit Authorizer(AuthPolicy policy);

  [[nodiscard]] absl::Status Check(const grpc::ServerContextBase& context, Access access) const;

  bool writes_open() const { return writes_open_; }
  bool reads_open() const { return !policy_.reads_require_credential; }

  // Called for every refusal (e.g. to count it in metrics). Set before serving.
  void set_on_refused(std::function<void(Access, absl::StatusCode)> on_refused) {
    on_refused_ = std::move(on_refused);
  }
  // Refusals so far, by access.
  uint64_t refused(Access access) const {
    return access == Access::kRead ? refused_reads_.load() : refused_writes_.load();
  }

 private:
  enum class Caller { kAnonymous, kReader, kWriter };
  [[nodiscard]] absl::StatusOr<Caller> Identify(const grpc::ServerContextBase& context) const;
  [[nodiscard]] absl::Status Refuse(Access access, absl::Status status) const;

  const AuthPolicy policy_;
  const bool writes_open_;
  std::function<void(Access, absl::StatusCode)> on_refused_;
  mutable std::atomic<uint64_t> refused_reads_{0};
  mutable std::atomic<uint64_t> refused_writes_{0};
};

}  // namespace parley

#endif  // PARLEY_SERVICES_AUTH_AUTHORIZER_H
