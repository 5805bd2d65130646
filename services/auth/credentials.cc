#include "services/auth/credentials.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/support/client_interceptor.h"

namespace parley {
namespace {

constexpr size_t kMaxCredentialFileBytes = 1 << 20;

// Adds `authorization: Bearer <token>` to the initial metadata of every call.
class BearerTokenInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit BearerTokenInterceptor(const std::string* header) : header_(header) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace("authorization", *header_);
    }
    methods->Proceed();
  }

 private:
  const std::string* header_;
};

class BearerTokenInterceptorFactory : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit BearerTokenInterceptorFactory(const std::string& token)
      : header_(absl::StrCat("Bearer ", token)) {}

  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo* /*info*/) override {
    return new BearerTokenInterceptor(&header_);
  }

 private:
  const std::string header_;  // Lives as long as the channel that owns this factory.
};

}  // namespace

absl::StatusOr<std::string> ReadCredentialFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read ", path, ": ", std::strerror(errno)));
  }
  std::string out;
  char buffer[8192];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) {
    out.append(buffer, n);
    if (out.size() > kMaxCredentialFileBytes) {
      std::fclose(f);
      return absl::FailedPreconditionError(
          absl::StrCat(path, " is larger than ", kMaxCredentialFileBytes, " bytes"));
    }
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    return absl::FailedPreconditionError(absl::StrCat("cannot read ", path));
  }
  return out;
}

bool ParseClientCertMode(absl::string_view text, ClientCertMode* mode) {
  if (text == "none") {
    *mode = ClientCertMode::kNone;
  } else if (text == "optional") {
    *mode = ClientCertMode::kOptional;
  } else if (text == "require") {
    *mode = ClientCertMode::kRequire;
  } else {
    return false;
  }
  return true;
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerTlsOptions& options) {
  if (options.cert_file.empty()) {
    if (!options.key_file.empty() || !options.client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "a TLS key or client CA is set without a certificate: set the certificate too");
    }
    return grpc::InsecureServerCredentials();
  }
  if (options.key_file.empty()) {
    return absl::InvalidArgumentError("a TLS certificate is set without its private key");
  }
  absl::StatusOr<std::string> cert = ReadCredentialFile(options.cert_file);
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadCredentialFile(options.key_file);
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  if (!options.client_ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadCredentialFile(options.client_ca_file);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    switch (options.client_certs) {
      case ClientCertMode::kNone:
        ssl.client_certificate_request = GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE;
        break;
      case ClientCertMode::kOptional:
        ssl.client_certificate_request = GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY;
        break;
      case ClientCertMode::kRequire:
        ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
        break;
    }
  }
  ssl.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
  return grpc::SslServerCredentials(ssl);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeClientChannel(
    const std::string& target, const ClientSecurityOptions& options, grpc::ChannelArguments args) {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.ca_file.empty()) {
    if (!options.cert_file.empty() || !options.key_file.empty()) {
      return absl::InvalidArgumentError(
          "a client certificate needs TLS: set the CA that verifies the server too");
    }
    credentials = grpc::InsecureChannelCredentials();
  } else {
    grpc::SslCredentialsOptions ssl;
    absl::StatusOr<std::string> ca = ReadCredentialFile(options.ca_file);
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
    if (options.cert_file.empty() != options.key_file.empty()) {
      return absl::InvalidArgumentError("a client certificate and its key go together");
    }
    if (!options.cert_file.empty()) {
      absl::StatusOr<std::string> cert = ReadCredentialFile(options.cert_file);
      if (!cert.ok()) return cert.status();
      absl::StatusOr<std::string> key = ReadCredentialFile(options.key_file);
      if (!key.ok()) return key.status();
      ssl.pem_cert_chain = *std::move(cert);
      ssl.pem_private_key = *std::move(key);
    }
    credentials = grpc::SslCredentials(ssl);
    if (!options.server_name.empty()) {
      args.SetSslTargetNameOverride(options.server_name);
    }
  }
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> interceptors;
  if (!options.token_file.empty()) {
    absl::StatusOr<std::string> token = ReadCredentialFile(options.token_file);
    if (!token.ok()) return token.status();
    const std::string trimmed(absl::StripAsciiWhitespace(*token));
    if (trimmed.empty() || trimmed.find_first_of(" \t\r\n") != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(options.token_file, " must hold one token on one line"));
    }
    interceptors.push_back(std::make_unique<BearerTokenInterceptorFactory>(trimmed));
  }
  return grpc::experimental::CreateCustomChannelWithInterceptors(target, credentials, args,
                                                                 std::move(interceptors));
}

}  // namespace parley
