#ifndef PARLEY_TESTS_TESTING_UTIL_SCOPED_TEMP_DIR_H
#define PARLEY_TESTS_TESTING_UTIL_SCOPED_TEMP_DIR_H

#include <string>

namespace parley::testing_util {

// A fresh directory under $TMPDIR (or /tmp), removed with its contents on destruction.
class ScopedTempDir {
 public:
  ScopedTempDir();
  ~ScopedTempDir();
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::string& path() const { return path_; }
  // `path()/name`.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Writes `content` to `path`, replacing it. Aborts the test binary on failure.
void WriteFile(const std::string& path, const std::string& content);
// The whole file; empty when it cannot be read.
std::string ReadFile(const std::string& path);
// The repository root (PARLEY_SOURCE_DIR, set by ctest; "." otherwise).
std::string SourceDir();
// The folder with the built binaries: PARLEY_BIN_DIR, else the bin/ beside the test binary's
// tests/ folder (the same build), else "build/bin".
std::string BinDir();

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_SCOPED_TEMP_DIR_H
