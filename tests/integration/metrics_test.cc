// Prometheus metrics over HTTP, counting real calls on a real server.

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "tests/testing_util/metrics_scrape.h"
#include "tests/testing_util/server_harness.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::HttpGet;
using ::parley::testing_util::Sample;
using ::parley::testing_util::WaitFor;
using ::testing::HasSubstr;

TEST(MetricsTest, HandledTotalCountsRealCalls) {
  ServerOptions options = testing_util::ServerHarness::DefaultOptions();
  options.metrics_listen = "127.0.0.1:0";
  testing_util::ServerHarness harness(options);
  const int port = harness.server()->metrics_port();
  ASSERT_GT(port, 0);
  auto channel = harness.NewChannel();
  auto meetings = v1::MeetingService::NewStub(channel);
  auto ingest = v1::IngestService::NewStub(channel);
  for (int i = 0; i < 3; ++i) {
    grpc::ClientContext context;
    v1::GetMeetingRequest request;
    request.set_id("m-404");
    v1::Meeting meeting;
    EXPECT_EQ(meetings->GetMeeting(&context, request, &meeting).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  for (int i = 0; i < 2; ++i) {  // Stored once, then unchanged.
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    request.mutable_article()->set_body("A body.");
    request.add_meetings()->add_countries("FR");
    v1::IngestArticleResponse response;
    EXPECT_TRUE(ingest->IngestArticle(&context, request, &response).ok());
  }
  // The gauges refresh every second.
  std::string text;
  EXPECT_TRUE(WaitFor(
      [&] {
        text = HttpGet(port, "/metrics");
        return Sample(text, {"parley_store_revision"}) == 1;
      },
      absl::Seconds(10)))
      << text;
  EXPECT_THAT(text, HasSubstr("200 OK"));
  EXPECT_EQ(Sample(text, {"grpc_server_handled_total{", "grpc_code=\"NotFound\"",
                          "grpc_method=\"GetMeeting\"", "grpc_service=\"parley.v1.MeetingService\"",
                          "grpc_type=\"unary\""}),
            3);
  EXPECT_EQ(Sample(text, {"grpc_server_started_total{", "grpc_method=\"GetMeeting\""}), 3);
  EXPECT_EQ(Sample(text, {"grpc_server_handling_seconds_count{", "grpc_method=\"GetMeeting\""}), 3);
  EXPECT_EQ(Sample(text, {"parley_ingest_articles_total{", "result=\"stored\""}), 1);
  EXPECT_EQ(Sample(text, {"parley_ingest_articles_total{", "result=\"unchanged\""}), 1);
  EXPECT_EQ(Sample(text, {"parley_store_revision"}), 1);
  EXPECT_EQ(Sample(text, {"parley_meetings"}), 1);
  EXPECT_EQ(Sample(text, {"parley_watch_streams"}), 0);  // None opened yet.

  // One watch stream open: the gauge says 1, and 0 again once the stream is cancelled.
  auto watch_streams = [&] { return Sample(HttpGet(port, "/metrics"), {"parley_watch_streams"}); };
  {
    grpc::ClientContext context;
    v1::WatchMeetingsRequest request;
    auto stream = meetings->WatchMeetings(&context, request);
    EXPECT_TRUE(WaitFor([&] { return watch_streams() == 1; }, absl::Seconds(10)))
        << watch_streams();
    context.TryCancel();
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  EXPECT_TRUE(WaitFor([&] { return watch_streams() == 0; }, absl::Seconds(10))) << watch_streams();
}

TEST(MetricsTest, UnbindableAddressFailsAtStart) {
  ServerOptions options = testing_util::ServerHarness::DefaultOptions();
  options.metrics_listen = "256.1.1.1:1";
  testing_util::ScopedTempDir dir;
  options.store.path = dir.path();
  absl::StatusOr<std::unique_ptr<ParleyServer>> server = ParleyServer::Start(options);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kUnavailable) << server.status();
}

}  // namespace
}  // namespace parley
