#ifndef PARLEY_SERVICES_AUTH_CREDENTIALS_H
#define PARLEY_SERVICES_AUTH_CREDENTIALS_H

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"

namespace parley {

// Whether a TLS server asks its clients for a certificate.
enum class ClientCertMode {
  kNone,      // Server-side TLS only.
  kOptional,  // Verified against the CA when presented; callers without one may use a token.
  kRequire,   // Mutual TLS: a connection without a certificate signed by the CA is refused.
};

// TLS for a gRPC server. An empty `cert_file` means plaintext.
struct ServerTlsOptions {
  std::string cert_file;       // PEM certificate chain of the server.
  std::string key_file;        // PEM private key of the server.
  std::string client_ca_file;  // PEM CA bundle that signs client certificates.
  ClientCertMode client_certs = ClientCertMode::kRequire;  // Used when client_ca_file is set.
};

// Parses "none", "optional" or "require".
bool ParseClientCertMode(absl::string_view text, ClientCertMode* mode);

// Server credentials for `options`: insecure when no certificate is configured, TLS otherwise.
// InvalidArgument names the missing piece (a key without a certificate, a CA without TLS);
// FailedPrecondition names a file that cannot be read.
[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerTlsOptions& options);

// How a client reaches a Parley endpoint. Plaintext unless `ca_file` is set.
struct ClientSecurityOptions {
  std::string ca_file;      // PEM CA bundle that verifies the server; set = TLS.
  std::string cert_file;    // Client certificate for mutual TLS (with key_file).
  std::string key_file;     // Client private key.
  std::string server_name;  // Name to verify in the server certificate; default: the target.
  std::string token_file;   // Bearer token sent on every call as `authorization`.
};

// A channel to `target` with `args` and the security in `options`. The token, when set, is
// added to every call by a client interceptor, so it works over TLS and (for meshes that
// terminate TLS) plaintext alike.
[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeClientChannel(
    const std::string& target, const ClientSecurityOptions& options,
    grpc::ChannelArguments args = {});

// Reads a small secret or certificate file (at most 1 MiB). FailedPrecondition with the path
// and the reason when it cannot be read; the contents never appear in a message.
[[nodiscard]] absl::StatusOr<std::string> ReadCredentialFile(const std::string& path);

}  // namespace parley

#endif  // PARLEY_SERVICES_AUTH_CREDENTIALS_H
