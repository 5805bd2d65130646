// IngestClient's retry policy (which codes are retried, how often, how long it waits between
// attempts, what stops it) against a real gRPC server on loopback with a scripted service, and
// the patience that submit and reprocess share (issue 13, item 12).

#include "workers/ingest/ingest_client.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::testing::HasSubstr;

// A real IngestService on loopback that answers the next `fail_next` calls (of either method)
// with `failure`, then OK, and records when each call arrived.
class FakeIngestService final : public v1::IngestService::Service {
 public:
  grpc::Status IngestArticle(grpc::ServerContext*, const v1::IngestArticleRequest*,
                             v1::IngestArticleResponse* response) override {
    if (grpc::Status status = Answer(); !status.ok()) {
      return status;
    }
    response->set_article_id("a-1");
    return grpc::Status::OK;
  }
  grpc::Status ListArticles(grpc::ServerContext*, const v1::ListArticlesRequest*,
                            v1::ListArticlesResponse* response) override {
    if (grpc::Status status = Answer(); !status.ok()) {
      return status;
    }
    response->add_articles()->mutable_article()->set_id("a-1");
    return grpc::Status::OK;
  }

  std::vector<absl::Time> arrivals() {
    absl::MutexLock lock(&mu_);
    return arrivals_;
  }

  std::atomic<int> calls{0};
  std::atomic<int> fail_next{0};
  grpc::Status failure{grpc::StatusCode::UNAVAILABLE, "not now"};

 private:
  grpc::Status Answer() {
    calls.fetch_add(1);
    {
      absl::MutexLock lock(&mu_);
      arrivals_.push_back(absl::Now());
    }
    if (fail_next.load() > 0) {
      fail_next.fetch_sub(1);
      return failure;
    }
    return grpc::Status::OK;
  }

  absl::Mutex mu_;
  std::vector<absl::Time> arrivals_ ABSL_GUARDED_BY(mu_);
};

// Holds every IngestArticle call until `release` (or the call's deadline passes).
class HangingIngestService final : public v1::IngestService::Service {
 public:
  grpc::Status IngestArticle(grpc::ServerContext* context, const v1::IngestArticleRequest*,
                             v1::IngestArticleResponse*) override {
    calls.fetch_add(1);
    while (!release.WaitForNotificationWithTimeout(absl::Milliseconds(10))) {
      if (context->IsCancelled()) {
        return grpc::Status::CANCELLED;
      }
    }
    return grpc::Status::OK;
  }

  std::atomic<int> calls{0};
  absl::Notification release;
};

// Retries without waiting long: the policy, not the default timings, is under test.
RetryOptions FastRetries() {
  RetryOptions options;
  options.initial_backoff = absl::Milliseconds(1);
  options.max_backoff = absl::Milliseconds(4);
  return options;
}

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

TEST(IsTransientTest, OnlyCodesWorthRetryingAreTransient) {
  for (const absl::StatusCode code :
       {absl::StatusCode::kUnavailable, absl::StatusCode::kDeadlineExceeded,
        absl::StatusCode::kResourceExhausted, absl::StatusCode::kAborted,
        absl::StatusCode::kCancelled}) {
    EXPECT_TRUE(IsTransient(code)) << absl::StatusCodeToString(code);
  }
  for (const absl::StatusCode code :
       {absl::StatusCode::kOk, absl::StatusCode::kInvalidArgument, absl::StatusCode::kNotFound,
        absl::StatusCode::kAlreadyExists, absl::StatusCode::kFailedPrecondition,
        absl::StatusCode::kOutOfRange, absl::StatusCode::kPermissionDenied,
        absl::StatusCode::kUnauthenticated, absl::StatusCode::kUnimplemented,
        absl::StatusCode::kInternal, absl::StatusCode::kDataLoss, absl::StatusCode::kUnknown}) {
    EXPECT_FALSE(IsTransient(code)) << absl::StatusCodeToString(code);
  }
}

TEST_F(IngestClientTest, EveryTransientCodeIsRetriedUntilTheCallSucceeds) {
  for (const grpc::StatusCode code :
       {grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::DEADLINE_EXCEEDED,
        grpc::StatusCode::RESOURCE_EXHAUSTED, grpc::StatusCode::ABORTED,
        grpc::StatusCode::CANCELLED}) {
    service_.calls = 0;
    service_.failure = grpc::Status(code, "transient");
    service_.fail_next = 3;
    IngestClient client(MakeChannel(target_), FastRetries());
    const absl::StatusOr<v1::IngestArticleResponse> response = client.Ingest({});
    ASSERT_TRUE(response.ok()) << code << ": " << response.status();
    EXPECT_EQ(response->article_id(), "a-1");
    EXPECT_EQ(service_.calls.load(), 4) << code;
  }
}

TEST_F(IngestClientTest, MaxAttemptsBoundsTheCallsAndReturnsTheLastError) {
  RetryOptions options = FastRetries();
  options.max_attempts = 3;
  IngestClient client(MakeChannel(target_), options);
  service_.fail_next = 1 << 30;
  const absl::Status status = client.Ingest({}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(status.message()), HasSubstr("not now"));
  EXPECT_EQ(service_.calls.load(), 3);
}

TEST_F(IngestClientTest, BackoffDoublesFromTheInitialOneUpToTheCap) {
  RetryOptions options;
  options.initial_backoff = absl::Milliseconds(25);
  options.max_backoff = absl::Milliseconds(50);
  options.max_attempts = 6;
  IngestClient client(MakeChannel(target_), options);
  service_.fail_next = 1 << 30;
  EXPECT_EQ(client.Ingest({}).status().code(), absl::StatusCode::kUnavailable);
  const std::vector<absl::Time> arrivals = service_.arrivals();
  ASSERT_EQ(arrivals.size(), 6u);
  // Waits of 25, 50, then 50 ms (capped): each gap is at least its wait. Uncapped, the last
  // would be 400 ms; the bound below leaves a loaded machine 300 ms of scheduling delay.
  const absl::Duration waits[] = {absl::Milliseconds(25), absl::Milliseconds(50),
                                  absl::Milliseconds(50), absl::Milliseconds(50),
                                  absl::Milliseconds(50)};
  for (size_t i = 1; i < arrivals.size(); ++i) {
    EXPECT_GE(arrivals[i] - arrivals[i - 1], waits[i - 1]) << "before attempt " << i + 1;
  }
  EXPECT_LT(arrivals[5] - arrivals[4], absl::Milliseconds(350));
}

TEST_F(IngestClientTest, AuthFailuresAreFinalUnlessTheWorkerHoldsItsFiles) {
  for (const grpc::StatusCode code :
       {grpc::StatusCode::UNAUTHENTICATED, grpc::StatusCode::PERMISSION_DENIED}) {
    service_.failure = grpc::Status(code, "who are you");

    service_.calls = 0;
    service_.fail_next = 2;
    IngestClient once(MakeChannel(target_), FastRetries());
    EXPECT_EQ(static_cast<int>(once.Ingest({}).status().code()), static_cast<int>(code));
    EXPECT_EQ(service_.calls.load(), 1);

    service_.calls = 0;
    service_.fail_next = 2;
    RetryOptions holding = FastRetries();
    holding.retry_auth_failures = true;  // parley-ingest run.
    IngestClient patient(MakeChannel(target_), holding);
    EXPECT_TRUE(patient.Ingest({}).ok());
    EXPECT_EQ(service_.calls.load(), 3);
  }
}

TEST_F(IngestClientTest, AStopRequestEndsTheRetriesWithCancelled) {
  RetryOptions options;
  options.initial_backoff = absl::Seconds(30);  // Only the stop can end the wait in time.
  IngestClient client(MakeChannel(target_), options);
  service_.fail_next = 1 << 30;
  const std::atomic<bool> stop{true};
  const absl::Time start = absl::Now();
  const absl::Status status = client.Ingest({}, &stop).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(std::string(status.message()), HasSubstr("stopped while waiting to retry"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("not now"));
  EXPECT_EQ(service_.calls.load(), 1);
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
}

TEST_F(IngestClientTest, ListArticlesIsRetriedTheSameWay) {
  IngestClient client(MakeChannel(target_), FastRetries());
  service_.fail_next = 2;
  const absl::StatusOr<v1::ListArticlesResponse> page = client.ListArticles({});
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->articles_size(), 1);
  EXPECT_EQ(service_.calls.load(), 3);
}

TEST_F(IngestClientTest, EachAttemptHasTheCallTimeoutAsItsDeadline) {
  // A service that never answers in time: every attempt ends DEADLINE_EXCEEDED (transient),
  // so the client retries until max_attempts.
  server_->Shutdown();
  HangingIngestService hanging;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&hanging);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  RetryOptions options = FastRetries();
  options.call_timeout = absl::Milliseconds(100);
  options.max_attempts = 2;
  IngestClient client(MakeChannel(absl::StrCat("127.0.0.1:", port)), options);
  const absl::Status status = client.Ingest({}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDeadlineExceeded) << status;
  EXPECT_EQ(hanging.calls.load(), 2);
  hanging.release.Notify();
  server->Shutdown();
}

}  // namespace
}  // namespace parley
