// TLS, mutual TLS and authorisation end to end: the real server, the worker and watch binaries
// with certificates made by openssl for the test, refusals counted in metrics, health open for
// probes, no secret in any log, and no way out of the inbox through a symbolic link.

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/auth/credentials.h"
#include "tests/testing_util/metrics_scrape.h"
#include "tests/testing_util/server_harness.h"
#include "tests/testing_util/status_matchers.h"
#include "tests/testing_util/subprocess.h"
#include "tests/testing_util/test_pki.h"

namespace parley {
namespace {

using ::parley::testing_util::BinDir;
using ::parley::testing_util::IsOk;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::Sample;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::ServerHarness;
using ::parley::testing_util::SourceDir;
using ::parley::testing_util::Subprocess;
using ::parley::testing_util::WaitFor;
using ::parley::testing_util::WaitForFileToContain;
using ::parley::testing_util::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

constexpr char kWriteToken[] = "tok-write-7f3a9c2e51";
constexpr char kReadToken[] = "tok-read-0b8d4e6f13";
constexpr char kWrongToken[] = "tok-wrong-5c1e8a7d90";

std::string Sample1() {
  return SourceDir() + "/examples/articles/almaty-foreign-ministers-2025-04-26.txt";
}

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<testing_util::TestPki> pki = testing_util::MakeTestPki(work_.path());
    ASSERT_THAT(pki, IsOk());
    pki_ = *pki;
    WriteFile(work_.Sub("write.tokens"), absl::StrCat(kWriteToken, "\n"));
    WriteFile(work_.Sub("read.tokens"), absl::StrCat(kReadToken, "\n"));
    WriteFile(work_.Sub("write.token"), kWriteToken);
    WriteFile(work_.Sub("read.token"), kReadToken);
    WriteFile(work_.Sub("wrong.token"), kWrongToken);
  }

  std::shared_ptr<grpc::Channel> Channel(const std::string& address,
                                         const ClientSecurityOptions& o) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.use_local_subchannel_pool", 1);
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = MakeClientChannel(address, o, args);
    EXPECT_THAT(channel, IsOk());
    return channel.ok() ? *channel : nullptr;
  }

  ScopedTempDir work_;
  testing_util::TestPki pki_;
};

grpc::Status Get(const std::shared_ptr<grpc::Channel>& channel, const std::string& id) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::GetMeetingRequest request;
  request.set_id(id);
  v1::Meeting meeting;
  return v1::MeetingService::NewStub(channel)->GetMeeting(&context, request, &meeting);
}

grpc::Status List(const std::shared_ptr<grpc::Channel>& channel, v1::ListMeetingsResponse* out) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return v1::MeetingService::NewStub(channel)->ListMeetings(&context, {}, out);
}

grpc::Status Ingest(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::IngestArticleRequest request;
  request.mutable_article()->set_body("An article that must not be stored.");
  v1::IngestArticleResponse response;
  return v1::IngestService::NewStub(channel)->IngestArticle(&context, request, &response);
}

grpc::Status Delete(const std::shared_ptr<grpc::Channel>& channel, const std::string& id) {
  grpc::ClientContext context;
  v1::DeleteMeetingRequest request;
  request.set_id(id);
  v1::DeleteMeetingResponse response;
  return v1::IngestService::NewStub(channel)->DeleteMeeting(&context, request, &response);
}

grpc::Status Checkpoint(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::ClientContext context;
  v1::CreateCheckpointRequest request;
  request.set_name("stolen");
  v1::CreateCheckpointResponse response;
  return v1::AdminService::NewStub(channel)->CreateCheckpoint(&context, request, &response);
}

TEST_F(SecurityTest, MutualTlsAdmitsTheWriterCertificateAndRefusesTheRest) {
  ServerOptions options = ServerHarness::DefaultOptions();
  options.tls = {pki_.server_cert, pki_.server_key, pki_.ca, ClientCertMode::kRequire};
  options.auth.write_identities = {"parley-writer"};
  options.metrics_listen = "127.0.0.1:0";
  options.health_listen = "127.0.0.1:0";
  options.checkpoint_dir = work_.Sub("checkpoints");
  fs::create_directories(options.checkpoint_dir);
  ServerHarness harness(options);
  const std::string target = absl::StrCat("localhost:", harness.server()->port());

  // The worker binary with the writer's certificate stores the sample.
  Subprocess submit(
      {BinDir() + "/parley-ingest", "submit", "--target=" + target, "--target_ca=" + pki_.ca,
       "--target_cert=" + pki_.writer_cert, "--target_key=" + pki_.writer_key, Sample1()},
      work_.Sub("submit.log"));
  ASSERT_EQ(submit.Wait(absl::Seconds(60)), 0) << ReadFile(work_.Sub("submit.log"));

  // The reader's certificate reads but cannot write, delete or checkpoint.
  auto reader = Channel(target, {pki_.ca, pki_.reader_cert, pki_.reader_key, "", ""});
  v1::ListMeetingsResponse listed;
  ASSERT_TRUE(List(reader, &listed).ok());
  ASSERT_GE(listed.meetings_size(), 1);
  EXPECT_EQ(Ingest(reader).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Delete(reader, listed.meetings(0).id()).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Checkpoint(reader).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(Get(reader, listed.meetings(0).id()).ok());

  // No certificate, a certificate from another CA, or plaintext: refused at the handshake.
  auto no_cert = Channel(target, {pki_.ca, "", "", "", ""});
  EXPECT_EQ(Get(no_cert, listed.meetings(0).id()).error_code(), grpc::StatusCode::UNAVAILABLE);
  auto rogue = Channel(target, {pki_.ca, pki_.rogue_cert, pki_.rogue_key, "", ""});
  EXPECT_EQ(Get(rogue, listed.meetings(0).id()).error_code(), grpc::StatusCode::UNAVAILABLE);
  auto plaintext = Channel(target, {});
  EXPECT_EQ(Get(plaintext, listed.meetings(0).id()).error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(harness.server()->store()->meeting_count(),
            static_cast<uint64_t>(listed.meetings_size()));

  // Probes: the plaintext health port answers without credentials, and so does the binary.
  auto probe = Channel(absl::StrCat("127.0.0.1:", harness.server()->health_port()), {});
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckResponse health;
  ASSERT_TRUE(grpc::health::v1::Health::NewStub(probe)->Check(&context, {}, &health).ok());
  EXPECT_EQ(health.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  Subprocess check(
      {BinDir() + "/parley-ingest", "health", "--target=" + target, "--target_ca=" + pki_.ca,
       "--target_cert=" + pki_.reader_cert, "--target_key=" + pki_.reader_key},
      work_.Sub("health.log"));
  EXPECT_EQ(check.Wait(absl::Seconds(20)), 0) << ReadFile(work_.Sub("health.log"));

  // Every refusal is counted.
  const std::string metrics = testing_util::HttpGet(harness.server()->metrics_port(), "/metrics");
  EXPECT_EQ(Sample(metrics, {"parley_auth_refused_total", "access=\"write\"",
                             "grpc_code=\"PermissionDenied\""}),
            3);
}

TEST_F(SecurityTest, BearerTokensOverPlaintextWithReadsRequiringOne) {
  ServerOptions options = ServerHarness::DefaultOptions();
  options.auth.write_tokens = {kWriteToken};
  options.auth.read_tokens = {kReadToken};
  options.auth.reads_require_credential = true;
  options.metrics_listen = "127.0.0.1:0";
  ServerHarness harness(options);
  const std::string target = harness.address();

  // A read token cannot write: the worker reports PERMISSION_DENIED and does not print it.
  Subprocess refused({BinDir() + "/parley-ingest", "submit", "--target=" + target,
                      "--target_token_file=" + work_.Sub("read.token"), Sample1()},
                     work_.Sub("refused.log"));
  EXPECT_EQ(refused.Wait(absl::Seconds(60)), 1);
  EXPECT_THAT(ReadFile(work_.Sub("refused.log")), HasSubstr("PERMISSION_DENIED"));
  EXPECT_THAT(ReadFile(work_.Sub("refused.log")), Not(HasSubstr(kReadToken)));
  EXPECT_EQ(harness.server()->store()->meeting_count(), 0u);

  Subprocess submit({BinDir() + "/parley-ingest", "submit", "--target=" + target,
                     "--target_token_file=" + work_.Sub("write.token"), Sample1()},
                    work_.Sub("submit.log"));
  ASSERT_EQ(submit.Wait(absl::Seconds(60)), 0) << ReadFile(work_.Sub("submit.log"));

  auto anonymous = Channel(target, {});
  v1::ListMeetingsResponse listed;
  EXPECT_EQ(List(anonymous, &listed).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Ingest(anonymous).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  ClientSecurityOptions wrong;
  wrong.token_file = work_.Sub("wrong.token");
  EXPECT_EQ(List(Channel(target, wrong), &listed).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  ClientSecurityOptions read;
  read.token_file = work_.Sub("read.token");
  ASSERT_TRUE(List(Channel(target, read), &listed).ok());
  EXPECT_GE(listed.meetings_size(), 1);

  // Watch streams are reads too: anonymous is refused, the reader follows from revision 1.
  {
    grpc::ClientContext context;
    v1::WatchMeetingsRequest request;
    request.set_start_revision(1);
    auto stream = v1::MeetingService::NewStub(anonymous)->WatchMeetings(&context, request);
    v1::WatchMeetingsResponse response;
    EXPECT_FALSE(stream->Read(&response));
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  Subprocess refused_watch({BinDir() + "/parley-watch", "--target=" + target, "--from=1"},
                           work_.Sub("refused-watch.log"));
  EXPECT_EQ(refused_watch.Wait(absl::Seconds(30)), 2);
  EXPECT_THAT(ReadFile(work_.Sub("refused-watch.log")), HasSubstr("reads need a credential"));
  Subprocess watch({BinDir() + "/parley-watch", "--target=" + target, "--from=1", "--max_events=1",
                    "--target_token_file=" + work_.Sub("read.token")},
                   work_.Sub("watch.log"));
  EXPECT_EQ(watch.Wait(absl::Seconds(30)), 0) << ReadFile(work_.Sub("watch.log"));
  EXPECT_THAT(ReadFile(work_.Sub("watch.log")), HasSubstr("\"revision\""));

  // Health stays open for probes on the main port too.
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckResponse health;
  EXPECT_TRUE(grpc::health::v1::Health::NewStub(anonymous)->Check(&context, {}, &health).ok());

  const std::string metrics = testing_util::HttpGet(harness.server()->metrics_port(), "/metrics");
  EXPECT_EQ(Sample(metrics, {"parley_auth_refused_total", "access=\"read\"",
                             "grpc_code=\"Unauthenticated\""}),
            4);
  EXPECT_EQ(Sample(metrics, {"parley_auth_refused_total", "access=\"write\""}), 1);
}

// parleyd and the inbox worker as processes, logs in JSON: a worker with a refused token holds
// its file (neither done nor failed) and retries; with the right token it finishes. Neither
// process ever writes a token to its log.
TEST_F(SecurityTest, RefusedWorkerHoldsItsFilesAndNoTokenReachesALog) {
  const std::string data = work_.Sub("data");
  const std::string inbox = work_.Sub("inbox");
  fs::create_directories(data);
  fs::create_directories(inbox);
  Subprocess parleyd(
      {BinDir() + "/parleyd", "--data_dir=" + data, "--listen=127.0.0.1:0",
       "--port_file=" + work_.Sub("parleyd.port"),
       "--write_token_file=" + work_.Sub("write.tokens"),
       "--read_token_file=" + work_.Sub("read.tokens"), "--log_format=json", "--sync_writes=false"},
      work_.Sub("parleyd.log"));
  const absl::StatusOr<PortList> ports =
      testing_util::WaitForPortFile(parleyd, work_.Sub("parleyd.port"), absl::Seconds(30));
  ASSERT_TRUE(ports.ok()) << ports.status() << "\n" << ReadFile(work_.Sub("parleyd.log"));
  const std::string target = absl::StrCat("127.0.0.1:", testing_util::PortOf(*ports, "listen"));
  WriteFile(inbox + "/sample.txt", ReadFile(Sample1()));

  {
    Subprocess worker(
        {BinDir() + "/parley-ingest", "run", "--target=" + target, "--inbox=" + inbox,
         "--workers=1", "--log_format=json", "--target_token_file=" + work_.Sub("wrong.token")},
        work_.Sub("worker-wrong.log"));
    ASSERT_TRUE(WaitForFileToContain(work_.Sub("worker-wrong.log"),
                                     "refused this worker's credential", absl::Seconds(30)))
        << ReadFile(work_.Sub("worker-wrong.log"));
    worker.Signal(SIGTERM);
    EXPECT_EQ(worker.Wait(absl::Seconds(30)), 0);
  }
  EXPECT_FALSE(fs::exists(inbox + "/done/sample.txt"));
  EXPECT_FALSE(fs::exists(inbox + "/failed/sample.txt"));

  Subprocess worker({BinDir() + "/parley-ingest", "run", "--target=" + target, "--inbox=" + inbox,
                     "--workers=1", "--target_token_file=" + work_.Sub("write.token")},
                    work_.Sub("worker-right.log"));
  EXPECT_TRUE(WaitFor([&] { return fs::exists(inbox + "/done/sample.txt"); }, absl::Seconds(30)))
      << ReadFile(work_.Sub("worker-right.log"));
  worker.Signal(SIGTERM);
  EXPECT_EQ(worker.Wait(absl::Seconds(30)), 0);
  parleyd.Signal(SIGTERM);
  EXPECT_EQ(parleyd.Wait(absl::Seconds(30)), 0);

  for (const char* log : {"parleyd.log", "worker-wrong.log", "worker-right.log"}) {
    const std::string text = ReadFile(work_.Sub(log));
    EXPECT_THAT(text, Not(HasSubstr(kWriteToken))) << log;
    EXPECT_THAT(text, Not(HasSubstr(kReadToken))) << log;
    EXPECT_THAT(text, Not(HasSubstr(kWrongToken))) << log;
  }
}

TEST_F(SecurityTest, ParleydRefusesToStartWithBadSecurityFilesAndTouchesNothing) {
  const std::string data = work_.Sub("data");
  fs::create_directories(data);
  struct Case {
    std::vector<std::string> flags;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--tls_cert=" + work_.Sub("missing.pem"), "--tls_key=" + pki_.server_key}, "missing.pem"},
      {{"--tls_cert=" + pki_.server_cert}, "without its private key"},
      {{"--tls_client_ca=" + pki_.ca}, "without a certificate"},
      {{"--write_token_file=" + work_.Sub("absent.tokens")}, "absent.tokens"},
      {{"--tls_cert=" + pki_.server_cert, "--tls_key=" + pki_.server_key,
        "--tls_client_auth=sometimes"},
       "--tls_client_auth"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> argv = {BinDir() + "/parleyd", "--data_dir=" + data,
                                     "--listen=127.0.0.1:0"};
    argv.insert(argv.end(), c.flags.begin(), c.flags.end());
    Subprocess parleyd(argv, work_.Sub("bad.log"));
    EXPECT_NE(parleyd.Wait(absl::Seconds(30)), 0);
    EXPECT_THAT(ReadFile(work_.Sub("bad.log")), HasSubstr(c.message));
  }
  EXPECT_TRUE(fs::is_empty(data));  // No store was created.
}

TEST_F(SecurityTest, InboxRefusesSymbolicLinksOutOfTheInbox) {
  ServerHarness harness;
  const std::string inbox = work_.Sub("inbox");
  fs::create_directories(inbox);
  // A "secret" outside the inbox that reads like an article.
  WriteFile(work_.Sub("secret.txt"), ReadFile(Sample1()));
  fs::create_symlink(work_.Sub("secret.txt"), inbox + "/link.txt");
  WriteFile(inbox + "/real.txt",
            ReadFile(SourceDir() + "/examples/articles/vienna-water-talks.json"));
  Subprocess worker({BinDir() + "/parley-ingest", "run", "--target=" + harness.address(),
                     "--inbox=" + inbox, "--workers=1"},
                    work_.Sub("worker.log"));
  ASSERT_TRUE(WaitFor(
      [&] {
        return fs::exists(inbox + "/done/real.txt") &&
               fs::exists(inbox + "/failed/link.txt.error.json");
      },
      absl::Seconds(30)))
      << ReadFile(work_.Sub("worker.log"));
  worker.Signal(SIGTERM);
  EXPECT_EQ(worker.Wait(absl::Seconds(30)), 0);
  EXPECT_THAT(ReadFile(inbox + "/failed/link.txt.error.json"), HasSubstr("symbolic link"));
  EXPECT_TRUE(fs::is_symlink(inbox + "/failed/link.txt"));
  EXPECT_TRUE(fs::exists(work_.Sub("secret.txt")));  // Untouched where it was.
  // Only the real file's article is stored.
  grpc::ClientContext context;
  v1::ListArticlesRequest request;
  v1::ListArticlesResponse articles;
  ASSERT_TRUE(v1::IngestService::NewStub(harness.NewChannel())
                  ->ListArticles(&context, request, &articles)
                  .ok());
  EXPECT_EQ(articles.articles_size(), 1);
}

TEST_F(SecurityTest, IdsCannotNameAnythingButRecords) {
  ServerHarness harness;
  auto channel = harness.NewChannel();
  const std::vector<std::string> ids = {"../../etc/passwd", "m-1/../../x", std::string("m-\0x", 3),
                                        "m-1\n", "a b"};
  for (const std::string& id : ids) {
    EXPECT_EQ(Get(channel, id).error_code(), grpc::StatusCode::INVALID_ARGUMENT) << id;
    grpc::ClientContext context;
    v1::GetArticleRequest request;
    request.set_id(id);
    v1::GetArticleResponse response;
    const grpc::Status status =
        v1::MeetingService::NewStub(channel)->GetArticle(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << id;
    EXPECT_THAT(status.error_message(), HasSubstr("id may hold only"));
  }
}

}  // namespace
}  // namespace parley
