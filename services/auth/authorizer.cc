#include "services/auth/authorizer.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "services/auth/credentials.h"

namespace parley {
namespace {

// Equality that takes the same time wherever the strings differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

bool AnyEquals(const std::vector<std::string>& tokens, absl::string_view token) {
  bool found = false;
  for (const std::string& t : tokens) {
    found |= ConstantTimeEquals(t, token);  // No early exit: every token is compared.
  }
  return found;
}

[[nodiscard]] absl::Status AppendTokens(const std::string& path, std::vector<std::string>* out) {
  if (path.empty()) {
    return absl::OkStatus();
  }
  absl::StatusOr<std::string> text = ReadCredentialFile(path);
  if (!text.ok()) {
    return text.status();
  }
  size_t found = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') {
      continue;
    }
    if (line.find_first_of(" \t") != absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": a line holds more than one word; write one token per line"));
    }
    out->emplace_back(line);
    ++found;
  }
  if (found == 0) {
    return absl::InvalidArgumentError(absl::StrCat(path, " holds no token"));
  }
  return absl::OkStatus();
}

}  // namespace

const char* AccessName(Access access) { return access == Access::kRead ? "read" : "write"; }

absl::StatusOr<AuthPolicy> LoadAuthPolicy(const std::string& write_token_file,
                                          const std::string& read_token_file,
                                          absl::string_view write_identities,
                                          bool reads_require_credential) {
  AuthPolicy policy;
  if (absl::Status s = AppendTokens(write_token_file, &policy.write_tokens); !s.ok()) {
    return s;
  }
  if (absl::Status s = AppendTokens(read_token_file, &policy.read_tokens); !s.ok()) {
    return s;
  }
  for (absl::string_view id : absl::StrSplit(write_identities, ',', absl::SkipWhitespace())) {
    policy.write_identities.emplace_back(absl::StripAsciiWhitespace(id));
  }
  policy.reads_require_credential = reads_require_credential;
  return policy;
}

Authorizer::Authorizer(AuthPolicy policy)
    : policy_(std::move(policy)),
      writes_open_(policy_.write_tokens.empty() && policy_.write_identities.empty()) {}

absl::StatusOr<Authorizer::Caller> Authorizer::Identify(
    const grpc::ServerContextBase& context) const {
  const auto& metadata = context.client_metadata();
  if (metadata.count("authorization") > 1) {
    // Which one would count? Proxies and servers disagree (first, last, joined): ambiguous
    // credentials are refused outright, never half-checked.
    return absl::UnauthenticatedError(
        "more than one authorization header; send exactly one 'Bearer <token>'");
  }
  const auto header = metadata.find("authorization");
  if (header != metadata.end()) {
    const absl::string_view value(header->second.data(), header->second.size());
    if (!absl::StartsWithIgnoreCase(value, "bearer ")) {
      return absl::UnauthenticatedError("the authorization header must be 'Bearer <token>'");
    }
    const absl::string_view token = absl::StripAsciiWhitespace(value.substr(7));
    if (AnyEquals(policy_.write_tokens, token)) {
      return Caller::kWriter;
    }
    if (AnyEquals(policy_.read_tokens, token)) {
      return Caller::kReader;
    }
    return absl::UnauthenticatedError("the bearer token is not valid");
  }
  const std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth != nullptr && auth->IsPeerAuthenticated()) {
    // gRPC verified the certificate against the CA; its names are the caller's identity.
    for (const char* property : {"x509_subject_alternative_name", "x509_common_name"}) {
      for (const grpc::string_ref& name : auth->FindPropertyValues(property)) {
        const absl::string_view id(name.data(), name.size());
        for (const std::string& allowed : policy_.write_identities) {
          if (allowed == "*" || allowed == id) {
            return Caller::kWriter;
          }
        }
      }
    }
    return Caller::kReader;
  }
  return Caller::kAnonymous;
}

absl::Status Authorizer::Refuse(Access access, absl::Status status) const {
  (access == Access::kRead ? refused_reads_ : refused_writes_).fetch_add(1);
  if (on_refused_) {
    on_refused_(access, status.code());
  }
  return status;
}

absl::Status Authorizer::Check(const grpc::ServerContextBase& context, Access access) const {
  // Fast path for open access: no credential to look at (the auth context is not even built),
  // and a presented token is still checked below.
  const bool open = access == Access::kRead ? !policy_.reads_require_credential : writes_open_;
  if (open && context.client_metadata().count("authorization") == 0) {
    return absl::OkStatus();
  }
  absl::StatusOr<Caller> caller = Identify(context);
  if (!caller.ok()) {
    return Refuse(access, caller.status());
  }
  if (access == Access::kRead) {
    if (*caller == Caller::kAnonymous && policy_.reads_require_credential) {
      return Refuse(access, absl::UnauthenticatedError(
                                "reads need a credential: a bearer token or a client certificate"));
    }
    return absl::OkStatus();
  }
  if (writes_open_ || *caller == Caller::kWriter) {
    return absl::OkStatus();
  }
  if (*caller == Caller::kAnonymous) {
    return Refuse(access, absl::UnauthenticatedError(
                              "writes need a credential: a bearer token or a client certificate"));
  }
  return Refuse(access, absl::PermissionDeniedError("this credential may read but not write"));
}

}  // namespace parley
