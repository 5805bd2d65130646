// The reprocess loop against a real gRPC server on loopback whose IngestService holds a scripted
// set of stored articles, with the real extractor: which articles are redone, paging, failures
// per article, a listing that fails, and the command giving up.

#include "workers/ingest/reprocess.h"

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "workers/extract/extractor.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

// Stored articles by id, listed in id order `after_id` on; IngestArticle records what it got.
class StoredArticlesService final : public v1::IngestService::Service {
 public:
  void Store(const std::string& id, const std::string& body, const std::string& version) {
    v1::StoredArticle stored;
    stored.mutable_article()->set_id(id);
    stored.mutable_article()->set_title("Talks");
    stored.mutable_article()->set_body(body);
    stored.set_extractor_version(version);
    absl::MutexLock lock(&mu_);
    stored_[id] = std::move(stored);
  }

  grpc::Status ListArticles(grpc::ServerContext*, const v1::ListArticlesRequest* request,
                            v1::ListArticlesResponse* response) override {
    list_calls.fetch_add(1);
    if (list_failures.load() > 0) {
      list_failures.fetch_sub(1);
      return list_failure;
    }
    absl::MutexLock lock(&mu_);
    auto it = stored_.upper_bound(request->after_id());
    for (; it != stored_.end() && response->articles_size() < request->page_size(); ++it) {
      *response->add_articles() = it->second;
    }
    if (it != stored_.end()) {
      response->set_next_after_id(response->articles(response->articles_size() - 1).article().id());
    }
    return grpc::Status::OK;
  }

  grpc::Status IngestArticle(grpc::ServerContext*, const v1::IngestArticleRequest* request,
                             v1::IngestArticleResponse* response) override {
    absl::MutexLock lock(&mu_);
    ingested_.emplace_back(request->article().body(), request->extractor_version());
    response->set_article_id(request->article().id());
    return grpc::Status::OK;
  }

  std::vector<std::pair<std::string, std::string>> ingested() {
    absl::MutexLock lock(&mu_);
    return ingested_;
  }

  std::atomic<int> list_calls{0};
  std::atomic<int> list_failures{0};
  grpc::Status list_failure{grpc::StatusCode::UNAVAILABLE, "not now"};

 private:
  absl::Mutex mu_;
  std::map<std::string, v1::StoredArticle> stored_ ABSL_GUARDED_BY(mu_);
  std::vector<std::pair<std::string, std::string>> ingested_ ABSL_GUARDED_BY(mu_);
};

std::string Report(int i) {
  return absl::StrCat("French Foreign Minister Anna Novak met her German counterpart Jonas ",
                      "Tanaka in Paris on March ", i, ", 2024. They discussed trade.");
}

class ReprocessTest : public ::testing::Test {
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
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    target_ = absl::StrCat("127.0.0.1:", port);
  }
  void TearDown() override { server_->Shutdown(); }

  RetryOptions Retries() const {
    RetryOptions retry;
    retry.initial_backoff = absl::Milliseconds(1);
    retry.max_backoff = absl::Milliseconds(4);
    retry.max_attempts = 20;
    return retry;
  }

  static const Pipeline* pipeline_;
  StoredArticlesService service_;
  std::unique_ptr<grpc::Server> server_;
  std::string target_;
};

const Pipeline* ReprocessTest::pipeline_ = nullptr;

TEST_F(ReprocessTest, RedoesOnlyArticlesOfOtherVersionsPageByPage) {
  service_.Store("a-1", Report(1), "old");
  service_.Store("a-2", Report(2), "current");
  service_.Store("a-3", Report(3), "older");
  service_.Store("a-4", Report(4), "current");
  service_.Store("a-5", Report(5), "old");
  IngestClient client(MakeChannel(target_), Retries());
  ReprocessOptions options;
  options.extractor_version = "current";
  options.page_size = 2;
  const ReprocessSummary summary = ReprocessStoredArticles(client, *pipeline_, options);
  EXPECT_EQ(summary.seen, 5u);
  EXPECT_EQ(summary.updated, 3u);
  EXPECT_EQ(summary.failed, 0u);
  EXPECT_TRUE(summary.list_error.ok()) << summary.list_error;
  EXPECT_THAT(service_.ingested(),
              ElementsAre(Pair(Report(1), "current"), Pair(Report(3), "current"),
                          Pair(Report(5), "current")));
  EXPECT_EQ(service_.list_calls.load(), 3);  // Pages of 2, 2 and 1.
}

TEST_F(ReprocessTest, AnArticleThatFailsIsReportedAndTheOthersGoOn) {
  service_.Store("a-1", "", "old");  // The extractor refuses an empty body.
  service_.Store("a-2", Report(2), "old");
  IngestClient client(MakeChannel(target_), Retries());
  std::vector<std::string> failures;
  ReprocessOptions options;
  options.extractor_version = "current";
  options.on_failure = [&](absl::string_view id, const absl::Status& status) {
    failures.push_back(absl::StrCat(id, " ", absl::StatusCodeToString(status.code())));
  };
  const ReprocessSummary summary = ReprocessStoredArticles(client, *pipeline_, options);
  EXPECT_EQ(summary.seen, 2u);
  EXPECT_EQ(summary.updated, 1u);
  EXPECT_EQ(summary.failed, 1u);
  EXPECT_THAT(failures, ElementsAre("a-1 INVALID_ARGUMENT"));
}

TEST_F(ReprocessTest, ATransientListingFailureIsRetried) {
  service_.Store("a-1", Report(1), "old");
  service_.list_failures = 3;
  IngestClient client(MakeChannel(target_), Retries());
  ReprocessOptions options;
  options.extractor_version = "current";
  const ReprocessSummary summary = ReprocessStoredArticles(client, *pipeline_, options);
  EXPECT_TRUE(summary.list_error.ok()) << summary.list_error;
  EXPECT_EQ(summary.updated, 1u);
  EXPECT_EQ(service_.list_calls.load(), 4);
}

TEST_F(ReprocessTest, APermanentListingFailureStopsTheRunWithItsError) {
  service_.Store("a-1", Report(1), "old");
  service_.list_failure = grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "no reads for you");
  service_.list_failures = 1;
  IngestClient client(MakeChannel(target_), Retries());
  ReprocessOptions options;
  options.extractor_version = "current";
  const ReprocessSummary summary = ReprocessStoredArticles(client, *pipeline_, options);
  EXPECT_EQ(summary.list_error.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(summary.list_error.message()), HasSubstr("no reads for you"));
  EXPECT_EQ(summary.seen, 0u);
  EXPECT_TRUE(service_.ingested().empty());
}

TEST_F(ReprocessTest, AGiveUpEndsTheRunWithoutAListingError) {
  service_.list_failures = 1 << 30;
  ProgressDeadline deadline(absl::Milliseconds(200), target_);
  RetryOptions retry = Retries();
  retry.max_attempts = 0;  // Only the patience ends the retries.
  retry.deadline = &deadline;
  IngestClient client(MakeChannel(target_), retry);
  ReprocessOptions options;
  options.extractor_version = "current";
  options.deadline = &deadline;
  const ReprocessSummary summary = ReprocessStoredArticles(client, *pipeline_, options);
  EXPECT_TRUE(summary.list_error.ok()) << summary.list_error;  // The caller reports the give-up.
  EXPECT_EQ(deadline.given_up().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(summary.seen, 0u);
}

}  // namespace
}  // namespace parley
