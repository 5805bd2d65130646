#include "services/store/data_dir_check.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "services/store/meeting_store.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::StatusIs;
using ::testing::HasSubstr;

constexpr char kKey[] = "schema_version";

// A RocksDB database in `path` whose default column family holds `schema` under kKey.
void WriteSchema(const std::string& path, const std::string& schema) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(options, path, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), kKey, schema).ok());
  ASSERT_TRUE(db->Close().ok());
}

std::string Message(const absl::Status& status) { return std::string(status.message()); }

TEST(DataDirCheckTest, AnEmptyOrMissingPathIsRefused) {
  ScopedTempDir dir;
  EXPECT_THAT(CheckDataDir("", kKey, 1), StatusIs(absl::StatusCode::kInvalidArgument));
  const absl::Status missing = CheckDataDir(dir.Sub("absent"), kKey, 1);
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Message(missing), HasSubstr("does not exist; create it first"));
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("absent")));
}

TEST(DataDirCheckTest, AFileIsNotADataDir) {
  ScopedTempDir dir;
  testing_util::WriteFile(dir.Sub("file"), "not a store");
  const absl::Status status = CheckDataDir(dir.Sub("file"), kKey, 1);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Message(status), HasSubstr("is not a directory"));
}

TEST(DataDirCheckTest, AnEmptyDirOrAStoreOfThisSchemaIsFine) {
  ScopedTempDir dir;
  EXPECT_THAT(CheckDataDir(dir.path(), kKey, 1), IsOk());
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // The check writes nothing.
  WriteSchema(dir.path(), "1");
  EXPECT_THAT(CheckDataDir(dir.path(), kKey, 1), IsOk());
}

TEST(DataDirCheckTest, ANewerSchemaIsRefusedWithoutTouchingTheStore) {
  ScopedTempDir dir;
  WriteSchema(dir.path(), "99");
  std::vector<std::string> before;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    before.push_back(entry.path().filename().string());
  }
  const absl::Status status = CheckDataDir(dir.path(), kKey, 1);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Message(status),
              HasSubstr("has schema version 99; this build supports up to 1: upgrade parleyd"));
  std::vector<std::string> after;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    after.push_back(entry.path().filename().string());
  }
  std::sort(before.begin(), before.end());
  std::sort(after.begin(), after.end());
  EXPECT_EQ(after, before);
}

TEST(DataDirCheckTest, ACorruptSchemaVersionIsDataLoss) {
  ScopedTempDir dir;
  WriteSchema(dir.path(), "one");
  EXPECT_THAT(CheckDataDir(dir.path(), kKey, 1), StatusIs(absl::StatusCode::kDataLoss));
}

TEST(DataDirCheckTest, TheStoreRefusesANewerSchemaAtOpen) {
  ScopedTempDir dir;
  WriteSchema(dir.path(), "2");
  StoreOptions options;
  options.path = dir.path();
  EXPECT_THAT(MeetingStore::Open(options), StatusIs(absl::StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace parley
