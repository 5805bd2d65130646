// IngestClient's retries against an in-process fake service, and the patience that submit and
// reprocess share (issue 13, item 12).

#include "workers/ingest/ingest_client.h"

#include <atomic>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::testing::HasSubstr;

// Answers the next `fail_next` calls with `failure`, then OK.
class FakeIngestService final : public v1::IngestService::Service {
 public:
  grpc::Status IngestArticle(grpc::ServerContext*, const v1::IngestArticleRequest*,
                             v1::IngestArticleResponse* response) override {
    calls.fetch_add(1);
    if (fail_next.load() > 0) {
      fail_next.fetch_sub(1);
      return failure;
    }
    response->set_article_id("a-1");
    return grpc::Status::OK;
  }

  std::atomic<int> calls{0};
  std::atomic<int> fail_next{0};
  grpc::Status failure{grpc::StatusCode::UNAVAILABLE, "not now"};
};

class IngestClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    target_ = absl::StrCat("127.0.0.1:", port);
  }
  void TearDown() override { server_->Shutdown(); }

  FakeIngestService service_;
  std::unique_ptr<grpc::Server> server_;
  std::string target_;
};

TEST_F(IngestClientTest, GivesUpNamingTheTargetAndTheLastErrorThenEveryCallFailsAtOnce) {
  ProgressDeadline deadline(absl::Milliseconds(500), target_);
  RetryOptions options;
  options.deadline = &deadline;
  IngestClient client(MakeChannel(target_), options);
  service_.fail_next = 1 << 30;

  const absl::StatusOr<v1::IngestArticleResponse> first = client.Ingest({});
  ASSERT_EQ(first.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(first.status().message(),
              HasSubstr(absl::StrCat("gave up on ", target_, ": nothing acknowledged for 500ms; ",
                                     "last error: UNAVAILABLE: not now")));
  EXPECT_GE(service_.calls.load(), 2);  // Retried meanwhile.
  EXPECT_EQ(deadline.given_up(), first.status());

  // The command has given up: the next calls fail with the same error and send nothing.
  const int calls = service_.calls.load();
  EXPECT_EQ(client.Ingest({}).status(), first.status());
  EXPECT_EQ(client.ListArticles({}).status(), first.status());
  EXPECT_EQ(service_.calls.load(), calls);
}

TEST_F(IngestClientTest, TimeBetweenCallsDoesNotCountAgainstThePatience) {
  ProgressDeadline deadline(absl::Seconds(1), target_);
  RetryOptions options;
  options.deadline = &deadline;
  IngestClient client(MakeChannel(target_), options);
  ASSERT_TRUE(client.Ingest({}).ok());
  // Longer than the patience spent elsewhere (extracting the next file), then two failures:
  // the call still has its full second to retry in.
  absl::SleepFor(absl::Milliseconds(1500));
  service_.fail_next = 2;
  EXPECT_TRUE(client.Ingest({}).ok());
  EXPECT_TRUE(deadline.given_up().ok());
}

TEST_F(IngestClientTest, APermanentErrorIsReturnedAtOnceAndDoesNotGiveUpTheCommand) {
  ProgressDeadline deadline(absl::Seconds(30), target_);
  RetryOptions options;
  options.deadline = &deadline;
  IngestClient client(MakeChannel(target_), options);
  service_.failure = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad meeting");
  service_.fail_next = 1;
  EXPECT_EQ(client.Ingest({}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(service_.calls.load(), 1);
  EXPECT_TRUE(deadline.given_up().ok());
  EXPECT_TRUE(client.Ingest({}).ok());
}

TEST_F(IngestClientTest, NobodyListeningGivesUpWithTheConnectionError) {
  server_->Shutdown();
  ProgressDeadline deadline(absl::Milliseconds(300), target_);
  RetryOptions options;
  options.deadline = &deadline;
  IngestClient client(MakeChannel(target_), options);
  const absl::Status status = client.Ingest({}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(status.message(), HasSubstr(absl::StrCat("gave up on ", target_)));
  EXPECT_THAT(status.message(), HasSubstr("last error: UNAVAILABLE: "));
}

}  // namespace
}  // namespace parley
