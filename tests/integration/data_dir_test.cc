// parleyd against unusable data directories: missing, not a directory, unwritable, locked by a
// running parleyd, or written by a newer schema. Each fails at start with a precise message,
// exit status 1, and leaves the folder exactly as it was (names, sizes, modification times).

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::BinDir;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::Subprocess;
using ::parley::testing_util::WaitFor;
using ::parley::testing_util::WaitForFileToContain;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

// Every entry under `dir`: relative path -> (size, modification time in ns).
std::map<std::string, std::tuple<uintmax_t, int64_t>> Snapshot(const std::string& dir) {
  std::map<std::string, std::tuple<uintmax_t, int64_t>> out;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    struct stat st;
    if (lstat(entry.path().c_str(), &st) != 0) {
      continue;
    }
    out[fs::relative(entry.path(), dir).string()] = {
        static_cast<uintmax_t>(st.st_size),
        static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
  }
  return out;
}

class DataDirTest : public ::testing::Test {
 protected:
  // Runs parleyd on `data_dir` (optionally with a command prefix) and returns its exit status;
  // its output is in log().
  int RunParleyd(const std::string& data_dir, std::vector<std::string> prefix = {}) {
    std::vector<std::string> argv = std::move(prefix);
    argv.push_back(BinDir() + "/parleyd");
    argv.push_back("--data_dir=" + data_dir);
    argv.emplace_back("--listen=127.0.0.1:0");
    Subprocess parleyd(argv, log_path_);
    return parleyd.Wait(absl::Seconds(30));
  }
  std::string log() const { return ReadFile(log_path_); }

  // A store made by a real parleyd that started and stopped cleanly.
  std::string MakeStore() {
    std::string data = work_.Sub("store");
    fs::create_directories(data);
    Subprocess parleyd({BinDir() + "/parleyd", "--data_dir=" + data, "--listen=127.0.0.1:0"},
                       work_.Sub("make-store.log"));
    EXPECT_TRUE(WaitForFileToContain(work_.Sub("make-store.log"), "serving on", absl::Seconds(30)));
    parleyd.Signal(SIGTERM);
    EXPECT_EQ(parleyd.Wait(absl::Seconds(30)), 0);
    return data;
  }

  ScopedTempDir work_;
  std::string log_path_ = work_.Sub("parleyd.log");
};

TEST_F(DataDirTest, MissingDirIsNotCreated) {
  const std::string data = work_.Sub("absent");
  EXPECT_EQ(RunParleyd(data), 1);
  EXPECT_THAT(log(), HasSubstr("data dir " + data + " does not exist; create it first"));
  EXPECT_FALSE(fs::exists(data));
}

TEST_F(DataDirTest, AFileIsNotADataDir) {
  const std::string data = work_.Sub("plain-file");
  testing_util::WriteFile(data, "not a store");
  EXPECT_EQ(RunParleyd(data), 1);
  EXPECT_THAT(log(), HasSubstr("is not a directory"));
  EXPECT_EQ(ReadFile(data), "not a store");
}

TEST_F(DataDirTest, UnwritableDirFailsAndStaysEmpty) {
  const std::string data = work_.Sub("read-only");
  fs::create_directories(data);
  ASSERT_EQ(chmod(data.c_str(), 0555), 0);
  std::vector<std::string> prefix;
  if (geteuid() == 0) {
    // root writes anywhere: run parleyd as nobody, who may enter the folders but not write.
    ASSERT_EQ(chmod(work_.path().c_str(), 0755), 0);
    prefix = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  EXPECT_EQ(RunParleyd(data, prefix), 1) << log();
  EXPECT_THAT(log(), HasSubstr("is not writable by this user"));
  EXPECT_TRUE(fs::is_empty(data));
}

TEST_F(DataDirTest, LockedDirFailsWithoutTouchingTheRunningStore) {
  const std::string data = MakeStore();
  Subprocess owner({BinDir() + "/parleyd", "--data_dir=" + data, "--listen=127.0.0.1:0"},
                   work_.Sub("owner.log"));
  ASSERT_TRUE(WaitForFileToContain(work_.Sub("owner.log"), "serving on", absl::Seconds(30)));
  // The owner's start-up writes (RocksDB's info log, background file deletions) are over once
  // the folder stays the same for five polls in a row (100 ms).
  auto before = Snapshot(data);
  int unchanged_polls = 0;
  ASSERT_TRUE(WaitFor(
      [&] {
        auto now = Snapshot(data);
        unchanged_polls = now == before ? unchanged_polls + 1 : 0;
        before = std::move(now);
        return unchanged_polls >= 5;
      },
      absl::Seconds(30)))
      << "the running store's folder never settled";
  EXPECT_EQ(RunParleyd(data), 1);
  EXPECT_THAT(log(),
              HasSubstr("is locked by another process (pid " + std::to_string(owner.pid()) + ")"));
  EXPECT_EQ(Snapshot(data), before);
  owner.Signal(SIGTERM);
  EXPECT_EQ(owner.Wait(absl::Seconds(30)), 0);
}

TEST_F(DataDirTest, NewerSchemaFailsWithoutTouchingTheStore) {
  const std::string data = MakeStore();
  {
    // Pretend a future parleyd wrote this store.
    rocksdb::Options options;
    std::vector<std::string> families;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(options, data, &families).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    descriptors.reserve(families.size());
    for (const std::string& f : families) {
      descriptors.emplace_back(f, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, data, descriptors, &handles, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "schema_version", "99").ok());
    for (rocksdb::ColumnFamilyHandle* h : handles) {
      ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
    }
    ASSERT_TRUE(db->Close().ok());
    delete db;
  }
  const auto before = Snapshot(data);
  EXPECT_EQ(RunParleyd(data), 1);
  EXPECT_THAT(log(), HasSubstr("has schema version 99; this build supports up to 1: upgrade "
                               "parleyd"));
  EXPECT_EQ(Snapshot(data), before);
}

}  // namespace
}  // namespace parley
