// ArticleQueue against a real nats-server (JetStream, file storage, on a loopback port).
#include "workers/queue/article_queue.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/nats_cluster.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/status_matchers.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::NatsCluster;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::StatusIs;
using ::testing::HasSubstr;

class ArticleQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nats_ = std::make_unique<NatsCluster>(dir_.path(), 1);
    ASSERT_TRUE(nats_->Start());
    options_.servers = {nats_->urls()};
  }

  // A queue client (a worker or a submitter), connected and set up.
  std::unique_ptr<ArticleQueue> Connect() {
    absl::StatusOr<std::unique_ptr<ArticleQueue>> queue = ArticleQueue::Connect(options_);
    EXPECT_THAT(queue.status(), IsOk());
    EXPECT_TRUE(testing_util::WaitFor([&] { return (*queue)->Connected(); }, absl::Seconds(10)));
    return *std::move(queue);
  }

  // Submits, retrying while a just-started JetStream has no leader yet.
  static uint64_t SubmitOk(ArticleQueue& queue, const std::string& data, const std::string& name) {
    absl::StatusOr<uint64_t> sequence = absl::UnavailableError("not tried");
    EXPECT_TRUE(testing_util::WaitFor(
        [&] {
          sequence = queue.Submit(data, name, absl::Seconds(2));
          return sequence.status().code() != absl::StatusCode::kUnavailable;
        },
        absl::Seconds(20)));
    EXPECT_THAT(sequence.status(), IsOk());
    return sequence.value_or(0);
  }

  static std::vector<std::unique_ptr<QueuedInput>> TakeOk(ArticleQueue& queue, int max,
                                                          absl::Duration timeout) {
    absl::StatusOr<std::vector<std::unique_ptr<QueuedInput>>> taken = queue.Take(max, timeout);
    EXPECT_THAT(taken.status(), IsOk());
    return taken.ok() ? *std::move(taken) : std::vector<std::unique_ptr<QueuedInput>>{};
  }

  ScopedTempDir dir_;
  std::unique_ptr<NatsCluster> nats_;
  ArticleQueueOptions options_;
};

TEST_F(ArticleQueueTest, AnInputIsQueuedOnceTakenByOneWorkerAndGoneWhenDone) {
  std::unique_ptr<ArticleQueue> submitter = Connect();
  const uint64_t first = SubmitOk(*submitter, "article one", "one.txt");
  const uint64_t second = SubmitOk(*submitter, "article two", "two.txt");
  EXPECT_EQ(SubmitOk(*submitter, "article one", "one-again.txt"), first);  // Same bytes: once.
  EXPECT_NE(first, second);

  std::unique_ptr<ArticleQueue> worker_a = Connect();
  std::unique_ptr<ArticleQueue> worker_b = Connect();
  std::vector<std::unique_ptr<QueuedInput>> a = TakeOk(*worker_a, 1, absl::Seconds(5));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0]->name(), "one.txt");
  EXPECT_EQ(a[0]->data(), "article one");
  EXPECT_EQ(a[0]->deliveries(), 1u);
  std::vector<std::unique_ptr<QueuedInput>> b = TakeOk(*worker_b, 5, absl::Seconds(5));
  ASSERT_EQ(b.size(), 1u);  // The other input: one worker at a time holds each.
  EXPECT_EQ(b[0]->name(), "two.txt");

  absl::StatusOr<QueueDepth> depth = submitter->Depth();
  ASSERT_THAT(depth.status(), IsOk());
  EXPECT_EQ(depth->waiting, 0u);
  EXPECT_EQ(depth->in_progress, 2u);

  EXPECT_THAT(a[0]->Done(), IsOk());
  EXPECT_THAT(b[0]->Done(), IsOk());
  depth = submitter->Depth();
  ASSERT_THAT(depth.status(), IsOk());
  EXPECT_EQ(depth->waiting + depth->in_progress, 0u);
  EXPECT_TRUE(TakeOk(*worker_a, 5, absl::Milliseconds(500)).empty());
}

TEST_F(ArticleQueueTest, AnInputWhoseWorkerDiedGoesToAnotherAfterTheAckWait) {
  options_.ack_wait = absl::Seconds(1);
  std::unique_ptr<ArticleQueue> submitter = Connect();
  SubmitOk(*submitter, "article", "a.txt");
  {
    std::unique_ptr<ArticleQueue> dying = Connect();
    std::vector<std::unique_ptr<QueuedInput>> taken = TakeOk(*dying, 1, absl::Seconds(5));
    ASSERT_EQ(taken.size(), 1u);
  }  // Neither done nor released: as if the worker were killed.
  std::unique_ptr<ArticleQueue> other = Connect();
  std::vector<std::unique_ptr<QueuedInput>> again;
  ASSERT_TRUE(testing_util::WaitFor(
      [&] {
        again = TakeOk(*other, 1, absl::Milliseconds(500));
        return !again.empty();
      },
      absl::Seconds(10)));
  EXPECT_EQ(again[0]->name(), "a.txt");
  EXPECT_EQ(again[0]->deliveries(), 2u);
  EXPECT_THAT(again[0]->Done(), IsOk());
}

TEST_F(ArticleQueueTest, KeepAliveHoldsAnInputAndReleaseHandsItBack) {
  options_.ack_wait = absl::Seconds(2);
  std::unique_ptr<ArticleQueue> submitter = Connect();
  SubmitOk(*submitter, "article", "a.txt");
  std::unique_ptr<ArticleQueue> worker = Connect();
  std::unique_ptr<ArticleQueue> other = Connect();
  std::vector<std::unique_ptr<QueuedInput>> held = TakeOk(*worker, 1, absl::Seconds(5));
  ASSERT_EQ(held.size(), 1u);
  // Kept alive past two ack waits, it is never delivered to the other worker.
  const absl::Time until = absl::Now() + absl::Seconds(4);
  while (absl::Now() < until) {
    ASSERT_THAT(held[0]->KeepAlive(), IsOk());
    EXPECT_TRUE(TakeOk(*other, 1, absl::Milliseconds(700)).empty());
  }
  ASSERT_THAT(held[0]->Release(absl::ZeroDuration()), IsOk());
  std::vector<std::unique_ptr<QueuedInput>> released = TakeOk(*other, 1, absl::Seconds(5));
  ASSERT_EQ(released.size(), 1u);
  EXPECT_EQ(released[0]->deliveries(), 2u);
  EXPECT_THAT(released[0]->Done(), IsOk());
}

TEST_F(ArticleQueueTest, AFailedInputIsKeptWithItsReasonAndLeavesTheQueue) {
  std::unique_ptr<ArticleQueue> submitter = Connect();
  SubmitOk(*submitter, "<not an article>", "bad.html");
  std::unique_ptr<ArticleQueue> worker = Connect();
  std::vector<std::unique_ptr<QueuedInput>> taken = TakeOk(*worker, 1, absl::Seconds(5));
  ASSERT_EQ(taken.size(), 1u);
  const std::string reason = R"({"code":"INVALID_ARGUMENT","message":"no article body"})";
  ASSERT_THAT(worker->Fail(*taken[0], reason), IsOk());
  EXPECT_TRUE(TakeOk(*worker, 1, absl::Milliseconds(500)).empty());

  // The failed stream holds the input's bytes, its name and the reason.
  jsCtx* js = nullptr;
  natsConnection* nc = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&nc, nats_->urls().c_str()), NATS_OK);
  ASSERT_EQ(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
  jsSubOptions subscribe;
  jsSubOptions_Init(&subscribe);
  subscribe.Stream = options_.failed_stream.c_str();
  subscribe.Config.DeliverPolicy = js_DeliverAll;
  natsSubscription* sub = nullptr;
  ASSERT_EQ(
      js_SubscribeSync(&sub, js, options_.failed_subject.c_str(), nullptr, &subscribe, nullptr),
      NATS_OK);
  natsMsg* msg = nullptr;
  ASSERT_EQ(natsSubscription_NextMsg(&msg, sub, 5000), NATS_OK);
  EXPECT_EQ(std::string(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)), "<not an article>");
  const char* value = nullptr;
  ASSERT_EQ(natsMsgHeader_Get(msg, "Parley-Error", &value), NATS_OK);
  EXPECT_EQ(std::string(value), reason);
  ASSERT_EQ(natsMsgHeader_Get(msg, "Parley-Source", &value), NATS_OK);
  EXPECT_EQ(std::string(value), "bad.html");
  natsMsg_Destroy(msg);
  natsSubscription_Unsubscribe(sub);
  natsSubscription_Destroy(sub);
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
}

TEST_F(ArticleQueueTest, AnInputOverTheServersMaxPayloadIsRefusedNotQueued) {
  std::unique_ptr<ArticleQueue> submitter = Connect();
  absl::StatusOr<uint64_t> refused =
      submitter->Submit(std::string(2 << 20, 'x'), "big.txt", absl::Seconds(2));
  EXPECT_THAT(refused.status(), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("big.txt"));
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("max_payload"));
}

TEST_F(ArticleQueueTest, WithoutNatsSubmitAndTakeFailAtOnceAndResume) {
  std::unique_ptr<ArticleQueue> queue = Connect();
  SubmitOk(*queue, "before", "before.txt");
  nats_->Kill(0);
  ASSERT_TRUE(testing_util::WaitFor([&] { return !queue->Connected(); }, absl::Seconds(10)));
  const absl::Time start = absl::Now();
  EXPECT_THAT(queue->Submit("during", "during.txt", absl::Seconds(2)).status(),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(queue->Take(1, absl::Seconds(2)).status(), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(500));
  ASSERT_TRUE(nats_->Restart(0));
  ASSERT_TRUE(testing_util::WaitFor([&] { return queue->Connected(); }, absl::Seconds(20)));
  std::vector<std::unique_ptr<QueuedInput>> taken;
  ASSERT_TRUE(testing_util::WaitFor(
      [&] {
        absl::StatusOr<std::vector<std::unique_ptr<QueuedInput>>> got =
            queue->Take(1, absl::Milliseconds(500));
        if (got.ok()) taken = *std::move(got);
        return !taken.empty();
      },
      absl::Seconds(20)));
  EXPECT_EQ(taken[0]->name(), "before.txt");  // File storage: the queue survived the restart.
  EXPECT_THAT(taken[0]->Done(), IsOk());
}

TEST(ArticleQueueOptionsTest, BadOptionsAreRefusedBeforeConnecting) {
  ArticleQueueOptions options;
  options.servers = {"nats://127.0.0.1:1"};
  options.replicas = 7;
  EXPECT_THAT(ArticleQueue::Connect(options).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  options.replicas = 1;
  options.consumer = "a.b";
  EXPECT_THAT(ArticleQueue::Connect(options).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
  options.consumer = "workers";
  options.servers.clear();
  EXPECT_THAT(ArticleQueue::Connect(options).status(),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parley
