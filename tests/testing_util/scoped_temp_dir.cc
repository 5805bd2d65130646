#include "tests/testing_util/scoped_temp_dir.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace parley::testing_util {
namespace {

// A test's gRPC clients sit idle between calls, and gRPC's C++ client then notices a server's
// GOAWAY (or a listener that has just come up) only through its backup poller, every 5 s by
// default; a server's shutdown waits for that. Every test binary links this file: poll every
// 50 ms in tests, set before gRPC initialises (child processes inherit it).
[[maybe_unused]] const bool kBackupPollSet =
    setenv("GRPC_CLIENT_CHANNEL_BACKUP_POLL_INTERVAL_MS", "50", /*overwrite=*/0) == 0;

}  // namespace

ScopedTempDir::ScopedTempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/parley-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  path_ = pattern;
}

ScopedTempDir::~ScopedTempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::abort();
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string SourceDir() {
  const char* dir = std::getenv("PARLEY_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

std::string BinDir() {
  if (const char* dir = std::getenv("PARLEY_BIN_DIR"); dir != nullptr) {
    return dir;
  }
  // Test binaries live in <build>/tests, the programs in <build>/bin: the same build's.
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec && std::filesystem::exists(self.parent_path().parent_path() / "bin" / "parleyd", ec)) {
    return (self.parent_path().parent_path() / "bin").string();
  }
  return "build/bin";
}

}  // namespace parley::testing_util
