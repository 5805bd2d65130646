// The Authorizer and the TLS credentials against a real gRPC server on loopback: a generic
// callback service that answers every call with the Authorizer's verdict.

#include "services/auth/authorizer.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "services/auth/credentials.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/status_matchers.h"
#include "tests/testing_util/test_pki.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::StatusIs;
using ::testing::HasSubstr;

// Every method is served; "/t.T/Write" needs write access, anything else read access.
class VerdictService : public grpc::CallbackGenericService {
 public:
  explicit VerdictService(const Authorizer* auth) : auth_(auth) {}

  grpc::ServerGenericBidiReactor* CreateReactor(
      grpc::GenericCallbackServerContext* context) override {
    class Reactor : public grpc::ServerGenericBidiReactor {
     public:
      Reactor(grpc::GenericCallbackServerContext* context, const Authorizer* auth) {
        const Access access = context->method() == "/t.T/Write" ? Access::kWrite : Access::kRead;
        const absl::Status s = auth->Check(*context, access);
        if (!s.ok()) {
          Finish(grpc::Status(static_cast<grpc::StatusCode>(s.code()), std::string(s.message())));
          return;
        }
        StartRead(&request_);
      }
      void OnReadDone(bool /*ok*/) override {
        StartWriteAndFinish(&request_, grpc::WriteOptions(), grpc::Status::OK);
      }
      void OnDone() override { delete this; }

     private:
      grpc::ByteBuffer request_;
    };
    return new Reactor(context, auth_);
  }

 private:
  const Authorizer* auth_;
};

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<testing_util::TestPki> pki = testing_util::MakeTestPki(dir_.path());
    ASSERT_THAT(pki, IsOk());
    pki_ = *pki;
    testing_util::WriteFile(dir_.Sub("write.tokens"), "# writers\nw-secret-1\n\nw-secret-2\n");
    testing_util::WriteFile(dir_.Sub("read.tokens"), "r-secret\n");
    testing_util::WriteFile(dir_.Sub("w.token"), "w-secret-2\n");
    testing_util::WriteFile(dir_.Sub("r.token"), "r-secret");
    testing_util::WriteFile(dir_.Sub("bad.token"), "not-a-secret");
  }

  void TearDown() override {
    if (server_ != nullptr) {
      server_->Shutdown();
    }
  }

  void Serve(AuthPolicy policy, const ServerTlsOptions& tls) {
    authorizer_ = std::make_unique<Authorizer>(std::move(policy));
    service_ = std::make_unique<VerdictService>(authorizer_.get());
    absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
        MakeServerCredentials(tls);
    ASSERT_THAT(credentials, IsOk());
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", *credentials, &port_);
    builder.RegisterCallbackGenericService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
  }

  // Calls `method` with `client` security; returns the call's status.
  absl::Status Call(const std::string& method, const ClientSecurityOptions& client) {
    grpc::ChannelArguments args;
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
        MakeClientChannel(absl::StrCat("localhost:", port_), client, args);
    if (!channel.ok()) {
      return channel.status();
    }
    grpc::GenericStub stub(*channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::Slice empty("");
    grpc::ByteBuffer request(&empty, 1);
    grpc::ByteBuffer response;
    absl::Notification done;
    grpc::Status status;
    stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response, [&](grpc::Status s) {
      status = std::move(s);
      done.Notify();
    });
    done.WaitForNotification();
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }

  ClientSecurityOptions Token(const std::string& file) {
    ClientSecurityOptions options;
    options.token_file = dir_.Sub(file);
    return options;
  }

  testing_util::ScopedTempDir dir_;
  testing_util::TestPki pki_;
  std::unique_ptr<Authorizer> authorizer_;
  std::unique_ptr<VerdictService> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

TEST_F(AuthTest, LoadPolicyReadsTokenFilesAndIdentities) {
  absl::StatusOr<AuthPolicy> policy = LoadAuthPolicy(
      dir_.Sub("write.tokens"), dir_.Sub("read.tokens"), "parley-writer, ops ", true);
  ASSERT_THAT(policy, IsOk());
  EXPECT_THAT(policy->write_tokens, ::testing::ElementsAre("w-secret-1", "w-secret-2"));
  EXPECT_THAT(policy->read_tokens, ::testing::ElementsAre("r-secret"));
  EXPECT_THAT(policy->write_identities, ::testing::ElementsAre("parley-writer", "ops"));
  EXPECT_TRUE(policy->reads_require_credential);
}

TEST_F(AuthTest, LoadPolicyRejectsBadFilesWithoutPrintingThem) {
  EXPECT_THAT(LoadAuthPolicy(dir_.Sub("missing"), "", "", false),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  testing_util::WriteFile(dir_.Sub("empty"), "# nothing\n\n");
  EXPECT_THAT(LoadAuthPolicy(dir_.Sub("empty"), "", "", false),
              StatusIs(absl::StatusCode::kInvalidArgument));
  testing_util::WriteFile(dir_.Sub("two-words"), "secret-a secret-b\n");
  absl::StatusOr<AuthPolicy> two = LoadAuthPolicy(dir_.Sub("two-words"), "", "", false);
  ASSERT_THAT(two, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(two.status().message(), ::testing::Not(HasSubstr("secret-a")));
}

TEST_F(AuthTest, OpenPolicyAdmitsEveryone) {
  Serve(AuthPolicy{}, ServerTlsOptions{});
  EXPECT_TRUE(authorizer_->writes_open());
  EXPECT_THAT(Call("/t.T/Write", {}), IsOk());
  EXPECT_THAT(Call("/t.T/Read", {}), IsOk());
  // A token that is presented must still be valid.
  EXPECT_THAT(Call("/t.T/Read", Token("bad.token")), StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(AuthTest, BearerTokensSeparateReadersFromWriters) {
  absl::StatusOr<AuthPolicy> policy =
      LoadAuthPolicy(dir_.Sub("write.tokens"), dir_.Sub("read.tokens"), "", false);
  ASSERT_THAT(policy, IsOk());
  Serve(*policy, ServerTlsOptions{});
  EXPECT_THAT(Call("/t.T/Write", Token("w.token")), IsOk());
  EXPECT_THAT(Call("/t.T/Read", Token("w.token")), IsOk());
  EXPECT_THAT(Call("/t.T/Read", Token("r.token")), IsOk());
  EXPECT_THAT(Call("/t.T/Read", {}), IsOk());  // Reads are open in this policy.

  const absl::Status anonymous = Call("/t.T/Write", {});
  EXPECT_THAT(anonymous, StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(anonymous.message(), HasSubstr("writes need a credential"));
  const absl::Status reader = Call("/t.T/Write", Token("r.token"));
  EXPECT_THAT(reader, StatusIs(absl::StatusCode::kPermissionDenied));
  const absl::Status bad = Call("/t.T/Write", Token("bad.token"));
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(bad.message(), ::testing::Not(HasSubstr("not-a-secret")));
  EXPECT_EQ(authorizer_->refused(Access::kWrite), 3u);
  EXPECT_EQ(authorizer_->refused(Access::kRead), 0u);
}

TEST_F(AuthTest, ReadsCanRequireACredential) {
  absl::StatusOr<AuthPolicy> policy =
      LoadAuthPolicy(dir_.Sub("write.tokens"), dir_.Sub("read.tokens"), "", true);
  ASSERT_THAT(policy, IsOk());
  Serve(*policy, ServerTlsOptions{});
  EXPECT_THAT(Call("/t.T/Read", {}), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(Call("/t.T/Read", Token("r.token")), IsOk());
  EXPECT_EQ(authorizer_->refused(Access::kRead), 1u);
}

TEST_F(AuthTest, MalformedAuthorizationHeaderIsUnauthenticated) {
  Serve(AuthPolicy{{"w-secret-1"}, {}, {}, false}, ServerTlsOptions{});
  auto channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", port_), grpc::InsecureChannelCredentials());
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Basic dXNlcjpwYXNz");
  grpc::Slice empty("");
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(&context, "/t.T/Write", grpc::StubOptions(), &request, &response,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("Bearer"));
}

// Two authorization headers, a valid write token after a bad one (or the other way round):
// only the first used to be checked. Ambiguous credentials are refused, for reads too.
TEST_F(AuthTest, TwoAuthorizationHeadersAreRefused) {
  absl::StatusOr<AuthPolicy> policy =
      LoadAuthPolicy(dir_.Sub("write.tokens"), dir_.Sub("read.tokens"), "", false);
  ASSERT_THAT(policy, IsOk());
  Serve(*policy, ServerTlsOptions{});
  auto channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", port_), grpc::InsecureChannelCredentials());
  grpc::GenericStub stub(channel);
  for (const auto& [first, second] :
       {std::pair<std::string, std::string>{"Bearer w.token", "Bearer bad.token"},
        {"Bearer r.token", "Bearer w.token"}}) {
    for (const char* method : {"/t.T/Write", "/t.T/Read"}) {
      grpc::ClientContext context;
      context.AddMetadata("authorization", first);
      context.AddMetadata("authorization", second);
      grpc::Slice empty("");
      grpc::ByteBuffer request(&empty, 1);
      grpc::ByteBuffer response;
      absl::Notification done;
      grpc::Status status;
      stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                     [&](grpc::Status s) {
                       status = std::move(s);
                       done.Notify();
                     });
      done.WaitForNotification();
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method << " " << first;
      EXPECT_THAT(status.error_message(), HasSubstr("more than one authorization header"));
    }
  }
}

TEST_F(AuthTest, TlsServerRefusesPlaintextAndUnknownCa) {
  Serve(AuthPolicy{}, ServerTlsOptions{pki_.server_cert, pki_.server_key, "", {}});
  ClientSecurityOptions tls;
  tls.ca_file = pki_.ca;
  EXPECT_THAT(Call("/t.T/Read", tls), IsOk());
  EXPECT_THAT(Call("/t.T/Read", {}), StatusIs(absl::StatusCode::kUnavailable));
  ClientSecurityOptions wrong_ca;
  wrong_ca.ca_file = dir_.Sub("rogue-ca.pem");  // Does not sign the server's certificate.
  EXPECT_THAT(Call("/t.T/Read", wrong_ca), StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(AuthTest, MutualTlsRequiresACertificateFromTheCaAndMapsIdentities) {
  AuthPolicy policy;
  policy.write_identities = {"parley-writer"};
  Serve(policy,
        ServerTlsOptions{pki_.server_cert, pki_.server_key, pki_.ca, ClientCertMode::kRequire});
  ClientSecurityOptions writer{pki_.ca, pki_.writer_cert, pki_.writer_key, "", ""};
  ClientSecurityOptions reader{pki_.ca, pki_.reader_cert, pki_.reader_key, "", ""};
  ClientSecurityOptions rogue{pki_.ca, pki_.rogue_cert, pki_.rogue_key, "", ""};
  ClientSecurityOptions no_cert{pki_.ca, "", "", "", ""};
  EXPECT_THAT(Call("/t.T/Write", writer), IsOk());
  EXPECT_THAT(Call("/t.T/Read", reader), IsOk());
  EXPECT_THAT(Call("/t.T/Write", reader), StatusIs(absl::StatusCode::kPermissionDenied));
  // No certificate, or one from another CA: the handshake itself fails.
  EXPECT_THAT(Call("/t.T/Read", no_cert), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(Call("/t.T/Read", rogue), StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(AuthTest, OptionalClientCertificatesLetTokensIn) {
  AuthPolicy policy;
  policy.write_identities = {"*"};
  policy.write_tokens = {"w-secret-2"};
  Serve(policy,
        ServerTlsOptions{pki_.server_cert, pki_.server_key, pki_.ca, ClientCertMode::kOptional});
  ClientSecurityOptions reader_cert{pki_.ca, pki_.reader_cert, pki_.reader_key, "", ""};
  EXPECT_THAT(Call("/t.T/Write", reader_cert), IsOk());  // "*": any verified certificate.
  ClientSecurityOptions token{pki_.ca, "", "", "", dir_.Sub("w.token")};
  EXPECT_THAT(Call("/t.T/Write", token), IsOk());
  ClientSecurityOptions nothing{pki_.ca, "", "", "", ""};
  EXPECT_THAT(Call("/t.T/Write", nothing), StatusIs(absl::StatusCode::kUnauthenticated));
  ClientSecurityOptions rogue{pki_.ca, pki_.rogue_cert, pki_.rogue_key, "", ""};
  EXPECT_THAT(Call("/t.T/Read", rogue), StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(AuthTest, BadTlsSettingsAreNamed) {
  EXPECT_THAT(MakeServerCredentials({"", pki_.server_key, "", {}}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MakeServerCredentials({pki_.server_cert, "", "", {}}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> missing =
      MakeServerCredentials({dir_.Sub("nope.pem"), pki_.server_key, "", {}});
  ASSERT_THAT(missing, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(missing.status().message(), HasSubstr("nope.pem"));
  EXPECT_THAT(MakeClientChannel("localhost:1", {"", pki_.writer_cert, pki_.writer_key, "", ""}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MakeClientChannel("localhost:1", {pki_.ca, pki_.writer_cert, "", "", ""}),
              StatusIs(absl::StatusCode::kInvalidArgument));
  testing_util::WriteFile(dir_.Sub("two.token"), "a b\n");
  EXPECT_THAT(MakeClientChannel("localhost:1", Token("two.token")),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parley
