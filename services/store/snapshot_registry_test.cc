#include "services/store/snapshot_registry.h"

#include <memory>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

// A pinned snapshot that counts its releases.
struct FakeSnapshot {
  explicit FakeSnapshot(int* counter) : releases(counter) {}
  ~FakeSnapshot() { ++*releases; }
  int* releases;
};

class SnapshotRegistryTest : public ::testing::Test {
 protected:
  SnapshotRegistry<FakeSnapshot> Registry(size_t max = 10) {
    return SnapshotRegistry<FakeSnapshot>(absl::Minutes(5), max, [this] { return now_; });
  }
  std::shared_ptr<FakeSnapshot> Snapshot() { return std::make_shared<FakeSnapshot>(&released_); }

  absl::Time now_ = absl::FromUnixSeconds(1745700000);
  int released_ = 0;
};

TEST_F(SnapshotRegistryTest, ARegisteredSnapshotIsFoundUntilIdleForLongerThanTheTtl) {
  SnapshotRegistry<FakeSnapshot> registry = Registry();
  EXPECT_EQ(registry.Find(7), nullptr);
  std::shared_ptr<FakeSnapshot> added = registry.Add(7, Snapshot());
  added.reset();
  now_ += absl::Minutes(4);
  EXPECT_NE(registry.Find(7), nullptr);  // Used: its idle time starts again.
  now_ += absl::Minutes(5);
  EXPECT_NE(registry.Find(7), nullptr);
  EXPECT_EQ(released_, 0);
  now_ += absl::Minutes(5) + absl::Seconds(1);
  EXPECT_EQ(registry.Find(7), nullptr);
  EXPECT_EQ(released_, 1);
  EXPECT_EQ(registry.size(), 0u);
}

TEST_F(SnapshotRegistryTest, AddingARevisionTwiceKeepsTheFirstSnapshot) {
  SnapshotRegistry<FakeSnapshot> registry = Registry();
  std::shared_ptr<FakeSnapshot> first = registry.Add(3, Snapshot());
  std::shared_ptr<FakeSnapshot> second = registry.Add(3, Snapshot());
  EXPECT_EQ(first, second);
  EXPECT_EQ(released_, 1);  // The second one, dropped.
}

TEST_F(SnapshotRegistryTest, BeyondTheCapTheLeastRecentlyUsedGoes) {
  SnapshotRegistry<FakeSnapshot> registry = Registry(/*max=*/2);
  registry.Add(1, Snapshot());
  now_ += absl::Seconds(1);
  registry.Add(2, Snapshot());
  now_ += absl::Seconds(1);
  registry.Find(1);  // 2 is now the least recently used.
  now_ += absl::Seconds(1);
  registry.Add(3, Snapshot());  // Three: over the cap at the next check.
  now_ += absl::Seconds(1);
  EXPECT_EQ(registry.Find(2), nullptr);
  EXPECT_NE(registry.Find(1), nullptr);
  EXPECT_NE(registry.Find(3), nullptr);
}

TEST_F(SnapshotRegistryTest, ExpiryNeverReleasesASnapshotStillInUse) {
  SnapshotRegistry<FakeSnapshot> registry = Registry();
  std::shared_ptr<FakeSnapshot> reading = registry.Add(5, Snapshot());
  now_ += absl::Hours(1);
  EXPECT_EQ(registry.Find(5), nullptr);
  EXPECT_EQ(released_, 0);
  reading.reset();
  EXPECT_EQ(released_, 1);
}

}  // namespace
}  // namespace parley
