// The listeners of `parley-ingest run` on loopback port 0: what starts for which options, health
// on both listeners, an article pushed through the intake to a real gRPC IngestService, a bad
// token file, an address in use, and the shutdown.

#include "workers/ingest/intake_server.h"

#include <atomic>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/intake_service.grpc.pb.h"
#include "tests/testing_util/subprocess.h"
#include "workers/extract/extractor.h"

namespace parley {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

int PortOf(const PortList& ports, absl::string_view name) {
  for (const auto& [listener, port] : ports) {
    if (listener == name) {
      return port;
    }
  }
  return 0;
}

// The meeting service's write path, acknowledging every article.
class AcknowledgingIngestService final : public v1::IngestService::Service {
 public:
  grpc::Status IngestArticle(grpc::ServerContext*, const v1::IngestArticleRequest* request,
                             v1::IngestArticleResponse* response) override {
    ingested.fetch_add(1);
    response->set_article_id(request->article().id());
    response->add_meeting_ids("m-000000000001");
    response->set_revision(7);
    return grpc::Status::OK;
  }
  std::atomic<int> ingested{0};
};

grpc::health::v1::HealthCheckResponse::ServingStatus Health(int port) {
  auto stub = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = stub->Check(&context, {}, &response);
  return status.ok() ? response.status() : grpc::health::v1::HealthCheckResponse::UNKNOWN;
}

class IntakeServersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<extract::Extractor>> extractor = extract::Extractor::Default();
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    pipeline_ = new Pipeline(*std::move(extractor));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service_);
    service_server_ = builder.BuildAndStart();
    ASSERT_NE(service_server_, nullptr);
    client_ = std::make_unique<IngestClient>(MakeChannel(absl::StrCat("127.0.0.1:", port)));
  }
  void TearDown() override { service_server_->Shutdown(); }

  static const Pipeline* pipeline_;
  AcknowledgingIngestService service_;
  std::unique_ptr<grpc::Server> service_server_;
  std::unique_ptr<IngestClient> client_;
};

const Pipeline* IntakeServersTest::pipeline_ = nullptr;

TEST_F(IntakeServersTest, NoListenerAskedForStartsNone) {
  absl::StatusOr<std::unique_ptr<IntakeServers>> servers =
      IntakeServers::Start(IntakeServerOptions(), pipeline_, client_.get());
  ASSERT_TRUE(servers.ok()) << servers.status();
  EXPECT_THAT((*servers)->ports(), IsEmpty());
}

TEST_F(IntakeServersTest, BothListenersServeHealthOnTheirReportedPorts) {
  IntakeServerOptions options;
  options.intake_listen = "127.0.0.1:0";
  options.health_listen = "127.0.0.1:0";
  absl::StatusOr<std::unique_ptr<IntakeServers>> servers =
      IntakeServers::Start(options, pipeline_, client_.get());
  ASSERT_TRUE(servers.ok()) << servers.status();
  ASSERT_THAT((*servers)->ports(), SizeIs(2));
  const int intake = PortOf((*servers)->ports(), "intake_listen");
  const int health = PortOf((*servers)->ports(), "health_listen");
  ASSERT_GT(intake, 0);
  ASSERT_GT(health, 0);
  EXPECT_NE(intake, health);
  EXPECT_EQ(Health(intake), grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(Health(health), grpc::health::v1::HealthCheckResponse::SERVING);

  (*servers)->Shutdown();
  EXPECT_EQ(Health(health), grpc::health::v1::HealthCheckResponse::UNKNOWN);  // Closed.
  EXPECT_EQ(Health(intake), grpc::health::v1::HealthCheckResponse::UNKNOWN);
  (*servers)->Shutdown();  // Idempotent.
}

TEST_F(IntakeServersTest, AnArticlePushedToTheIntakeReachesTheService) {
  IntakeServerOptions options;
  options.intake_listen = "127.0.0.1:0";
  options.extractor_version = "x-1";
  absl::StatusOr<std::unique_ptr<IntakeServers>> servers =
      IntakeServers::Start(options, pipeline_, client_.get());
  ASSERT_TRUE(servers.ok()) << servers.status();
  auto intake = v1::ArticleIntake::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", PortOf((*servers)->ports(), "intake_listen")),
                          grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  v1::SubmitArticlesRequest request;
  v1::Article* article = request.add_articles();
  article->set_title("French and German ministers hold talks");
  article->set_body(
      "French Foreign Minister Anna Novak met her German counterpart Jonas Tanaka in Paris on "
      "March 3, 2024.");
  v1::SubmitArticlesResponse response;
  ASSERT_TRUE(intake->SubmitArticles(&context, request, &response).ok());
  ASSERT_EQ(response.results_size(), 1);
  EXPECT_FALSE(response.results(0).has_error()) << response.results(0).error().message();
  EXPECT_EQ(response.results(0).revision(), 7u);
  EXPECT_EQ(service_.ingested.load(), 1);
}

TEST_F(IntakeServersTest, AnUnreadableTokenFileIsABadSettingNotABusyAddress) {
  IntakeServerOptions options;
  options.intake_listen = "127.0.0.1:0";
  options.token_file = "/nonexistent/tokens";
  const absl::Status status = IntakeServers::Start(options, pipeline_, client_.get()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
  EXPECT_NE(status.code(), absl::StatusCode::kUnavailable);
}

TEST_F(IntakeServersTest, AnAddressInUseIsUnavailableNamingIt) {
  const testing_util::HeldPort taken;  // Bound by this process: nobody else may bind it.
  for (const bool intake : {true, false}) {
    IntakeServerOptions options;
    (intake ? options.intake_listen : options.health_listen) = taken.address();
    const absl::Status status = IntakeServers::Start(options, pipeline_, client_.get()).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable) << status;
    EXPECT_EQ(status.message(), "cannot listen on " + taken.address());
  }
}

}  // namespace
}  // namespace parley
