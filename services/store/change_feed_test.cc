#include "services/store/change_feed.h"

#include <atomic>

#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::StatusIs;
using ::testing::SizeIs;

class ChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.path = dir_.path();
    options.sync_writes = false;
    options.history_max_revisions = 50;
    auto store = MeetingStore::Open(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    feed_ = std::make_unique<ChangeFeed>(store_.get(), 8);
  }

  void Write(int i) {
    v1::Article article;
    article.set_body("article " + std::to_string(i));
    v1::Meeting m;
    m.add_countries("US");
    m.add_countries(i % 2 == 0 ? "RU" : "CN");
    m.mutable_start_date()->set_year(1990 + i);
    ASSERT_THAT(store_->IngestArticle(article, {m}, "v1", absl::Now()), IsOk());
  }

  ScopedTempDir dir_;
  std::unique_ptr<MeetingStore> store_;
  std::unique_ptr<ChangeFeed> feed_;
};

TEST_F(ChangeFeedTest, ReadsFromRingAndFallsBackToTheLog) {
  for (int i = 0; i < 20; ++i) {
    Write(i);
  }
  // Revisions 13..20 are in the ring, 1..12 only in the log.
  for (uint64_t from : {1u, 5u, 13u, 18u}) {
    auto entries = feed_->Read(from, 100, 64 << 20);
    ASSERT_THAT(entries, IsOk());
    ASSERT_THAT(*entries, SizeIs(21 - from)) << from;
    for (size_t i = 0; i < entries->size(); ++i) {
      EXPECT_EQ((*entries)[i]->revision, from + i);
    }
  }
  auto none = feed_->Read(21, 100, 64 << 20);
  ASSERT_THAT(none, IsOk());
  EXPECT_TRUE(none->empty());
  auto limited = feed_->Read(1, 3, 64 << 20);
  ASSERT_THAT(limited, IsOk());
  EXPECT_THAT(*limited, SizeIs(3));
}

TEST_F(ChangeFeedTest, CompactedRevisionIsOutOfRange) {
  for (int i = 0; i < 60; ++i) {
    Write(i);
  }
  EXPECT_THAT(feed_->Read(5, 10, 1 << 20), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(feed_->Read(11, 10, 1 << 20), IsOk());
}

TEST_F(ChangeFeedTest, WakesWaitersOnCommitAndOnShutdown) {
  absl::Notification woke;
  ASSERT_TRUE(feed_->NotifyWhenCommitted(1, [&] { woke.Notify(); }).has_value());
  EXPECT_FALSE(woke.HasBeenNotified());
  Write(0);
  EXPECT_TRUE(woke.WaitForNotificationWithTimeout(absl::Seconds(10)));
  // Already committed: nothing registered, the caller reads at once.
  EXPECT_FALSE(feed_->NotifyWhenCommitted(1, [] {}).has_value());

  absl::Notification cancelled_never_runs;
  auto id = feed_->NotifyWhenCommitted(5, [&] { cancelled_never_runs.Notify(); });
  ASSERT_TRUE(id.has_value());
  EXPECT_TRUE(feed_->Cancel(*id));
  absl::Notification at_shutdown;
  ASSERT_TRUE(feed_->NotifyWhenCommitted(9, [&] { at_shutdown.Notify(); }).has_value());
  feed_->Shutdown();
  EXPECT_TRUE(at_shutdown.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_FALSE(cancelled_never_runs.HasBeenNotified());
  EXPECT_FALSE(feed_->NotifyWhenCommitted(100, [] {}).has_value());
}

TEST_F(ChangeFeedTest, RingIsCappedInBytesAndOlderEntriesComeFromTheLog) {
  // 40 writes of ~64 KiB events into a ring of 1,000 entries but only 256 KiB.
  feed_.reset();  // One feed per store: it is the store's commit listener.
  feed_ = std::make_unique<ChangeFeed>(store_.get(), 1000, 256 << 10);
  auto write_big = [&](int i) {
    v1::Article article;
    article.set_body("big article " + std::to_string(i));
    v1::Meeting m;
    m.add_countries("US");
    m.mutable_start_date()->set_year(1900 + i);
    for (int k = 0; k < 16; ++k) {
      m.add_statements()->set_text(std::string(4000, static_cast<char>('a' + k)));
    }
    ASSERT_THAT(store_->IngestArticle(article, {m}, "v1", absl::Now()), IsOk());
  };
  for (int i = 0; i < 40; ++i) {
    write_big(i);
  }
  EXPECT_LE(feed_->ring_memory_peak(), 256u << 10);
  EXPECT_GT(feed_->ring_memory(), 0u);
  auto all = feed_->Read(1, 100, 64 << 20);
  ASSERT_THAT(all, IsOk());
  ASSERT_THAT(*all, SizeIs(40));
  for (size_t i = 0; i < all->size(); ++i) {
    EXPECT_EQ((*all)[i]->revision, i + 1);
  }
  // An entry larger than the whole ring is not kept; it is still read, from the log.
  feed_.reset();
  feed_ = std::make_unique<ChangeFeed>(store_.get(), 1000, 16 << 10);
  write_big(100);
  EXPECT_EQ(feed_->ring_memory(), 0u);
  auto last = feed_->Read(41, 10, 64 << 20);
  ASSERT_THAT(last, IsOk());
  EXPECT_THAT(*last, SizeIs(1));
}

}  // namespace
}  // namespace parley
