#include "services/store/snapshot_registry.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::StatusIs;
using ::testing::HasSubstr;

// A snapshot that records its release.
struct Fake {
  explicit Fake(int* counter) : released(counter) {}
  ~Fake() { ++*released; }
  int* released;
};

class SnapshotRegistryTest : public ::testing::Test {
 protected:
  std::shared_ptr<Fake> New() { return std::make_shared<Fake>(&released_); }
  static std::string Message(const absl::Status& status) { return std::string(status.message()); }

  FakeClock clock_;
  int released_ = 0;
};

TEST_F(SnapshotRegistryTest, AnIdleListingExpiresAndSaysSo) {
  SnapshotRegistry<Fake> registry(SnapshotLimits{}, &clock_);
  registry.Add(7, New());
  clock_.Advance(absl::Minutes(4));
  EXPECT_THAT(registry.Find(7), IsOk());  // Used: idle time starts again.
  clock_.Advance(absl::Minutes(4));
  EXPECT_THAT(registry.Find(7), IsOk());
  clock_.Advance(absl::Minutes(5) + absl::Seconds(1));
  const absl::Status gone = registry.Find(7).status();
  EXPECT_THAT(gone, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(Message(gone),
              HasSubstr("revision 7 expired: its listing was idle for more than 5m"));
  EXPECT_THAT(Message(gone), HasSubstr("--list_snapshot_idle"));
  EXPECT_EQ(released_, 1);
}

TEST_F(SnapshotRegistryTest, ATooOldListingExpiresEvenWhenBusy) {
  SnapshotRegistry<Fake> registry(SnapshotLimits{}, &clock_);
  registry.Add(3, New());
  for (int i = 0; i < 7; ++i) {  // A page every 4 minutes: never idle, 28 minutes old.
    clock_.Advance(absl::Minutes(4));
    ASSERT_THAT(registry.Find(3), IsOk()) << i;
  }
  clock_.Advance(absl::Minutes(3));
  const absl::Status gone = registry.Find(3).status();
  EXPECT_THAT(gone, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(Message(gone), HasSubstr("older than 30m"));
  EXPECT_THAT(Message(gone), HasSubstr("--list_snapshot_max_age"));
}

TEST_F(SnapshotRegistryTest, TheCountCapReleasesTheLeastRecentlyUsedAndSaysSo) {
  SnapshotLimits limits;
  limits.max_count = 3;
  SnapshotRegistry<Fake> registry(limits, &clock_);
  registry.Add(1, New());
  registry.Add(2, New());
  registry.Add(3, New());
  ASSERT_THAT(registry.Find(1), IsOk());  // 2 is now the least recently used.
  registry.Add(4, New());
  EXPECT_EQ(registry.size(), 3u);
  const absl::Status gone = registry.Find(2).status();
  EXPECT_THAT(gone, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(Message(gone), HasSubstr("more than 3 listings were open at once"));
  EXPECT_THAT(Message(gone), HasSubstr("--max_list_snapshots"));
  EXPECT_THAT(registry.Find(1), IsOk());
}

TEST_F(SnapshotRegistryTest, OneSnapshotPerRevisionAndUnknownRevisionsAreNamedAsSuch) {
  SnapshotRegistry<Fake> registry(SnapshotLimits{}, &clock_);
  std::shared_ptr<Fake> first = registry.Add(5, New());
  std::shared_ptr<Fake> second = registry.Add(5, New());  // A race: the held one wins.
  EXPECT_EQ(first, second);
  EXPECT_EQ(released_, 1);
  EXPECT_EQ(registry.FindForNewListing(5), first);
  EXPECT_EQ(registry.FindForNewListing(6), nullptr);
  const absl::Status unknown = registry.Find(99).status();
  EXPECT_THAT(unknown, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(Message(unknown), HasSubstr("not held by this server"));
}

TEST_F(SnapshotRegistryTest, ExpiryNeverReleasesASnapshotStillInUse) {
  SnapshotRegistry<Fake> registry(SnapshotLimits{}, &clock_);
  std::shared_ptr<Fake> reading = registry.Add(5, New());
  clock_.Advance(absl::Hours(1));
  EXPECT_THAT(registry.Find(5).status(), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_EQ(released_, 0);  // A page being read holds its own reference.
  reading.reset();
  EXPECT_EQ(released_, 1);
}

}  // namespace
}  // namespace parley
