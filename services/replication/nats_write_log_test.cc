// NatsWriteLog against a real nats-server (JetStream, file storage, on a loopback port).
#include "services/replication/nats_write_log.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/nats_cluster.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::NatsCluster;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::StatusIs;
using ::testing::HasSubstr;

// Every entry a reader opened after `position` returns, until none comes for a second.
std::vector<LogRecord> ReadAll(WriteLog& log, uint64_t position) {
  absl::StatusOr<std::unique_ptr<LogReader>> reader = log.OpenReader(position);
  EXPECT_THAT(reader.status(), IsOk());
  std::vector<LogRecord> out;
  while (reader.ok()) {
    absl::StatusOr<std::optional<LogRecord>> next = (*reader)->Next(absl::Seconds(1));
    EXPECT_THAT(next.status(), IsOk());
    if (!next.ok() || !next->has_value()) {
      break;
    }
    out.push_back(**next);
  }
  return out;
}

class NatsWriteLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    nats_ = std::make_unique<NatsCluster>(dir_.path(), 1);
    ASSERT_TRUE(nats_->Start());
    options_.servers = {nats_->urls()};
    options_.stream = "TEST_WRITES";
    options_.subject = "test.writes";
  }

  std::unique_ptr<NatsWriteLog> Connect() {
    absl::StatusOr<std::unique_ptr<NatsWriteLog>> log = NatsWriteLog::Connect(options_);
    EXPECT_THAT(log.status(), IsOk());
    EXPECT_TRUE(testing_util::WaitFor([&] { return (*log)->Connected(); }, absl::Seconds(10)));
    return *std::move(log);
  }

  ScopedTempDir dir_;
  std::unique_ptr<NatsCluster> nats_;
  NatsLogOptions options_;
};

TEST_F(NatsWriteLogTest, AppendsAreReadBackInOrderFromAnyPosition) {
  std::unique_ptr<NatsWriteLog> log = Connect();
  for (int i = 1; i <= 5; ++i) {
    absl::StatusOr<uint64_t> position =
        log->Append(absl::StrCat("entry ", i), absl::StrCat("id-", i), absl::Seconds(5));
    ASSERT_THAT(position.status(), IsOk());
    EXPECT_EQ(*position, static_cast<uint64_t>(i));
  }
  EXPECT_EQ(*log->LastPosition(), 5u);
  const std::vector<LogRecord> all = ReadAll(*log, 0);
  ASSERT_EQ(all.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(all[i].position, static_cast<uint64_t>(i + 1));
    EXPECT_EQ(all[i].data, absl::StrCat("entry ", i + 1));
    EXPECT_EQ(all[i].pending, static_cast<uint64_t>(4 - i));
  }
  const std::vector<LogRecord> tail = ReadAll(*log, 3);
  ASSERT_EQ(tail.size(), 2u);
  EXPECT_EQ(tail[0].position, 4u);
  EXPECT_EQ(tail[1].data, "entry 5");
}

TEST_F(NatsWriteLogTest, TheSameDedupeIdIsStoredOnceAndAnswersItsFirstPosition) {
  std::unique_ptr<NatsWriteLog> log = Connect();
  ASSERT_EQ(*log->Append("a", "same", absl::Seconds(5)), 1u);
  ASSERT_EQ(*log->Append("b", "other", absl::Seconds(5)), 2u);
  EXPECT_EQ(*log->Append("a again", "same", absl::Seconds(5)), 1u);
  EXPECT_EQ(*log->LastPosition(), 2u);
  EXPECT_EQ(ReadAll(*log, 0).size(), 2u);
}

TEST_F(NatsWriteLogTest, AReaderAheadOfTheStreamIsRefused) {
  std::unique_ptr<NatsWriteLog> log = Connect();
  ASSERT_THAT(log->Append("a", "a", absl::Seconds(5)).status(), IsOk());
  EXPECT_THAT(log->OpenReader(7).status(), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(NatsWriteLogTest, EntriesRemovedByRetentionAreAGapNotSkippedSilently) {
  options_.max_age = absl::Seconds(1);
  std::unique_ptr<NatsWriteLog> log = Connect();
  ASSERT_THAT(log->Append("old", "old", absl::Seconds(5)).status(), IsOk());
  absl::SleepFor(absl::Milliseconds(1500));  // The stream's max age passes.
  ASSERT_THAT(log->Append("new", "new", absl::Seconds(5)).status(), IsOk());
  // A replica at 0 would need entry 1, which is gone; one at 1 needs only what is there.
  absl::StatusOr<std::unique_ptr<LogReader>> reader = log->OpenReader(0);
  EXPECT_THAT(reader.status(), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(reader.status().message()), HasSubstr("bootstrap"));
  EXPECT_THAT(log->OpenReader(1).status(), IsOk());
}

TEST_F(NatsWriteLogTest, WithTheServerGoneAppendsFailAtOnceAndResumeWhenItIsBack) {
  std::unique_ptr<NatsWriteLog> log = Connect();
  ASSERT_THAT(log->Append("a", "a", absl::Seconds(5)).status(), IsOk());
  nats_->Kill(0);
  ASSERT_TRUE(testing_util::WaitFor([&] { return !log->Connected(); }, absl::Seconds(10)));
  const absl::Time start = absl::Now();
  absl::StatusOr<uint64_t> refused = log->Append("b", "b", absl::Seconds(5));
  EXPECT_THAT(refused.status(), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("NATS"));
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(100));
  ASSERT_TRUE(nats_->Restart(0));
  ASSERT_TRUE(testing_util::WaitFor([&] { return log->Connected(); }, absl::Seconds(20)));
  absl::StatusOr<uint64_t> position;
  ASSERT_TRUE(testing_util::WaitFor(
      [&] {
        position = log->Append("b", "b", absl::Seconds(2));
        return position.ok();
      },
      absl::Seconds(20)))
      << position.status();
  EXPECT_EQ(*position, 2u);  // The stream (file storage) survived the restart.
}

TEST_F(NatsWriteLogTest, AnEntryOverTheServersMaxPayloadIsRefusedAtOnceNotRetried) {
  // NATS's default max_payload (1 MiB) is below Parley's largest write (an 8 MiB article): an
  // entry over it is refused by the client as an argument error naming both sizes, which a
  // writer must not retry; an entry under it goes through.
  std::unique_ptr<NatsWriteLog> log = Connect();
  ASSERT_THAT(log->Append(std::string(512 << 10, 'a'), "half", absl::Seconds(5)).status(), IsOk());
  const absl::Time start = absl::Now();
  absl::StatusOr<uint64_t> refused =
      log->Append(std::string(2 << 20, 'b'), "two", absl::Seconds(5));
  EXPECT_THAT(refused.status(), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("max_payload"));
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("2097152 bytes"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

TEST(NatsWriteLogPayloadTest, ServersConfiguredForLargeArticlesTakeThem) {
  ScopedTempDir dir;
  NatsCluster nats(dir.path(), 1);
  nats.set_max_payload(16 << 20);  // As deploy/k8s/overlays/cluster/nats.yaml sets it.
  ASSERT_TRUE(nats.Start());
  NatsLogOptions options;
  options.servers = {nats.urls()};
  absl::StatusOr<std::unique_ptr<NatsWriteLog>> log = NatsWriteLog::Connect(options);
  ASSERT_THAT(log.status(), IsOk());
  ASSERT_TRUE(testing_util::WaitFor([&] { return (*log)->Connected(); }, absl::Seconds(10)));
  absl::StatusOr<uint64_t> position = absl::UnavailableError("not tried");
  ASSERT_TRUE(testing_util::WaitFor(
      [&] {
        position = (*log)->Append(std::string(12 << 20, 'c'), "big", absl::Seconds(5));
        return position.status().code() != absl::StatusCode::kUnavailable;
      },
      absl::Seconds(20)));
  EXPECT_THAT(position.status(), IsOk());
  std::vector<LogRecord> records = ReadAll(**log, 0);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].data.size(), size_t{12} << 20);
}

}  // namespace
}  // namespace parley
