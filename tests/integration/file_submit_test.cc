// `parley-ingest submit`'s units: files read with their limit, submitted by several threads to a
// real Parley server (RocksDB in a temp dir, gRPC on loopback) or queued on a real nats-server,
// failures reported per file, and the give-up when the service or the queue is gone.
#include "workers/ingest/file_submit.h"

#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/nats_cluster.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/server_harness.h"
#include "tests/testing_util/status_matchers.h"
#include "tests/testing_util/subprocess.h"
#include "workers/extract/extractor.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::NatsCluster;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::ServerHarness;
using ::parley::testing_util::StatusIs;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::string WriteFile(const ScopedTempDir& dir, const std::string& name, const std::string& bytes) {
  std::string path = dir.path() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// A plain-text article (title line, then the body) about a meeting of its own.
std::string Article(int i) {
  return absl::StrCat("Ministers meet\nThe foreign minister of France met his German counterpart ",
                      "in Paris on March ", i + 1, ", 2024. They discussed trade and energy.\n");
}

// `count` article files a0.txt, a1.txt, ... in `dir`, with room for `extra` more paths.
std::vector<std::string> WriteArticles(const ScopedTempDir& dir, int count, int extra) {
  std::vector<std::string> files;
  files.reserve(static_cast<size_t>(count) + static_cast<size_t>(extra));
  for (int i = 0; i < count; ++i) {
    files.push_back(WriteFile(dir, absl::StrCat("a", i, ".txt"), Article(i)));
  }
  return files;
}

// Failures reported to SubmitFailureFn, by source.
class Failures {
 public:
  SubmitFailureFn Fn() {
    return [this](absl::string_view source, const absl::Status& status) {
      absl::MutexLock lock(&mu_);
      seen_.emplace_back(std::string(source), status.code());
    };
  }
  std::vector<std::pair<std::string, absl::StatusCode>> seen() {
    absl::MutexLock lock(&mu_);
    return seen_;
  }

 private:
  absl::Mutex mu_;
  std::vector<std::pair<std::string, absl::StatusCode>> seen_ ABSL_GUARDED_BY(mu_);
};

TEST(ReadInputFileTest, ReadsWholeFilesAndRefusesMissingOrOversizeOnes) {
  ScopedTempDir dir;
  const std::string path = WriteFile(dir, "a.txt", std::string(100, 'x'));
  absl::StatusOr<std::string> read = ReadInputFile(path, 100);
  ASSERT_THAT(read.status(), IsOk());
  EXPECT_EQ(*read, std::string(100, 'x'));
  const absl::Status too_big = ReadInputFile(path, 99).status();
  EXPECT_THAT(too_big, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(too_big.message(), HasSubstr("limit of 99 bytes"));
  const absl::Status missing = ReadInputFile(dir.path() + "/missing.txt", 100).status();
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(missing.message(), HasSubstr("missing.txt"));
}

class SubmitFilesToServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<extract::Extractor>> extractor = extract::Extractor::Default();
    ASSERT_THAT(extractor.status(), IsOk());
    pipeline_ = std::make_unique<Pipeline>(*std::move(extractor));
  }

  // The ids of the articles the server stored.
  std::set<std::string> StoredIds() {
    auto stub = v1::IngestService::NewStub(harness_.NewChannel());
    std::set<std::string> ids;
    v1::ListArticlesRequest request;
    request.set_page_size(1000);
    v1::ListArticlesResponse response;
    grpc::ClientContext context;
    EXPECT_TRUE(stub->ListArticles(&context, request, &response).ok());
    for (const v1::StoredArticle& stored : response.articles()) {
      ids.insert(stored.article().id());
    }
    return ids;
  }

  ScopedTempDir files_;
  ServerHarness harness_;
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(SubmitFilesToServiceTest, StoresEveryArticleOnceAndReportsEachBadFile) {
  std::vector<std::string> files = WriteArticles(files_, 12, 2);
  files.push_back(WriteFile(files_, "huge.txt", std::string(5000, 'x')));
  files.push_back(files_.path() + "/missing.txt");
  ProgressDeadline deadline(absl::Seconds(30), harness_.address());
  RetryOptions retry;
  retry.deadline = &deadline;
  IngestClient client(harness_.NewChannel(), retry);
  Failures failures;
  ServiceSubmitOptions options;
  options.threads = 3;
  options.max_file_bytes = 4096;
  options.extractor_version = "test/1";
  options.deadline = &deadline;
  options.on_failure = failures.Fn();
  SubmitCounters counters;
  EXPECT_THAT(SubmitFilesToService(files, *pipeline_, client, options, &counters), IsOk());
  EXPECT_EQ(counters.files_done.load(), 14u);
  EXPECT_EQ(counters.articles.load(), 12u);
  EXPECT_EQ(counters.failures.load(), 2u);
  EXPECT_GE(counters.meetings.load(), 12u);
  EXPECT_THAT(failures.seen(),
              UnorderedElementsAre(std::pair(files[12], absl::StatusCode::kInvalidArgument),
                                   std::pair(files[13], absl::StatusCode::kNotFound)));
  std::set<std::string> expected;  // The ids the files' articles get.
  for (int i = 0; i < 12; ++i) {
    for (const PipelineResult& result : pipeline_->Process(Article(i), files[i], std::nullopt)) {
      expected.insert(result.article.id());
    }
  }
  EXPECT_EQ(expected.size(), 12u);
  EXPECT_EQ(StoredIds(), expected);
}

TEST_F(SubmitFilesToServiceTest, GivesUpWhenTheServiceIsGoneAndSaysSoOnce) {
  std::vector<std::string> files = WriteArticles(files_, 6, 0);
  harness_.Stop();
  ProgressDeadline deadline(absl::Milliseconds(300), harness_.address());
  RetryOptions retry;
  retry.initial_backoff = absl::Milliseconds(10);
  retry.max_backoff = absl::Milliseconds(50);
  retry.deadline = &deadline;
  IngestClient client(harness_.NewChannel(), retry);
  Failures failures;
  ServiceSubmitOptions options;
  options.threads = 2;
  options.deadline = &deadline;
  options.on_failure = failures.Fn();
  SubmitCounters counters;
  const absl::Time start = absl::Now();
  const absl::Status status = SubmitFilesToService(files, *pipeline_, client, options, &counters);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status, deadline.given_up());
  EXPECT_THAT(status.message(), HasSubstr(harness_.address()));
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  EXPECT_EQ(counters.articles.load(), 0u);
  EXPECT_EQ(counters.files_done.load(), 0u);  // The files in hand stay unfinished.
  EXPECT_TRUE(failures.seen().empty());       // The give-up is the caller's to say, once.
}

class SubmitFilesToQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nats_ = std::make_unique<NatsCluster>(dir_.path(), 1);
    ASSERT_TRUE(nats_->Start());
    ArticleQueueOptions options;
    options.servers = {nats_->urls()};
    absl::StatusOr<std::unique_ptr<ArticleQueue>> queue = ArticleQueue::Connect(options);
    ASSERT_THAT(queue.status(), IsOk());
    queue_ = *std::move(queue);
    ASSERT_TRUE(testing_util::WaitFor([&] { return queue_->Connected(); }, absl::Seconds(10)));
  }

  ScopedTempDir dir_;
  ScopedTempDir files_;
  std::unique_ptr<NatsCluster> nats_;
  std::unique_ptr<ArticleQueue> queue_;
};

TEST_F(SubmitFilesToQueueTest, QueuesEachContentOnceAndReportsEachBadFile) {
  std::vector<std::string> files = WriteArticles(files_, 8, 2);
  files.push_back(WriteFile(files_, "copy.txt", Article(0)));  // The same bytes as a0.txt.
  files.push_back(files_.path() + "/missing.txt");
  Failures failures;
  QueueSubmitOptions options;
  options.threads = 3;
  options.patience = absl::Seconds(20);  // A just-started JetStream may have no leader yet.
  options.on_failure = failures.Fn();
  SubmitCounters counters;
  EXPECT_THAT(SubmitFilesToQueue(files, *queue_, options, &counters), IsOk());
  EXPECT_EQ(counters.files_done.load(), 10u);
  EXPECT_EQ(counters.articles.load(), 9u);
  EXPECT_EQ(counters.failures.load(), 1u);
  EXPECT_THAT(failures.seen(),
              UnorderedElementsAre(std::pair(files[9], absl::StatusCode::kNotFound)));
  absl::StatusOr<QueueDepth> depth = queue_->Depth();
  ASSERT_THAT(depth.status(), IsOk());
  EXPECT_EQ(depth->waiting, 8u);  // The copy was not queued twice.
}

TEST_F(SubmitFilesToQueueTest, GivesUpOnceNothingWasQueuedForItsPatience) {
  std::vector<std::string> files = WriteArticles(files_, 5, 0);
  nats_->Kill(0);
  ASSERT_TRUE(testing_util::WaitFor([&] { return !queue_->Connected(); }, absl::Seconds(10)));
  Failures failures;
  QueueSubmitOptions options;
  options.threads = 2;
  options.patience = absl::Milliseconds(300);
  options.retry_interval = absl::Milliseconds(20);
  options.on_failure = failures.Fn();
  SubmitCounters counters;
  const absl::Time start = absl::Now();
  const absl::Status status = SubmitFilesToQueue(files, *queue_, options, &counters);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(status.message(), HasSubstr("gave up on the article queue"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  EXPECT_EQ(counters.articles.load(), 0u);
  EXPECT_EQ(counters.files_done.load(), 0u);
  EXPECT_TRUE(failures.seen().empty());
}

}  // namespace
}  // namespace parley
