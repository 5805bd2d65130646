#include "services/store/data_dir_check.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "services/status/status_macros.h"
#include "services/store/rocksdb_status.h"

namespace parley {
namespace {

// Discards RocksDB's info log: the read-only probe below must not write (or rotate) LOG files.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
};

// Fails when another process holds the RocksDB lock of `path`, without touching any file.
[[nodiscard]] absl::Status CheckNotLocked(const std::string& path) {
  const std::string lock_path = path + "/LOCK";
  const int fd = open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::OkStatus();  // No lock file: no store yet, or nobody has opened it.
  }
  struct flock probe = {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  const int rc = fcntl(fd, F_GETLK, &probe);
  close(fd);
  if (rc == 0 && probe.l_type != F_UNLCK) {
    return absl::FailedPreconditionError(absl::StrCat("data dir ", path,
                                                      " is locked by another process (pid ",
                                                      probe.l_pid, "): one parleyd per store"));
  }
  return absl::OkStatus();
}

// Reads the schema version of an existing store read-only, writing nothing; 0 when the store
// has none yet.
[[nodiscard]] absl::StatusOr<int> ProbeSchemaVersion(const std::string& path, const char* key) {
  if (access((path + "/CURRENT").c_str(), F_OK) != 0) {
    return 0;
  }
  rocksdb::Options options;
  options.info_log = std::make_shared<SilentLogger>();
  options.create_if_missing = false;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status status = rocksdb::DB::OpenForReadOnly(options, path, &raw);
  if (!status.ok()) {
    return FromRocksDb(status, absl::StrCat("read store at ", path));
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string value;
  const rocksdb::Status got = db->Get(rocksdb::ReadOptions(), key, &value);
  if (got.IsNotFound()) {
    return 0;
  }
  if (!got.ok()) {
    return FromRocksDb(got, "read schema version");
  }
  int version = 0;
  if (!absl::SimpleAtoi(value, &version)) {
    return absl::DataLossError(absl::StrCat("schema version \"", value, "\" is corrupt"));
  }
  return version;
}

}  // namespace

absl::Status CheckDataDir(const std::string& path, const char* schema_key, int supported_schema) {
  if (path.empty()) {
    return absl::InvalidArgumentError("store path must not be empty");
  }
  if (access(path.c_str(), F_OK) != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", path, " does not exist; create it first"));
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat("data dir ", path, " is not a directory"));
  }
  if (access(path.c_str(), W_OK | X_OK) != 0) {
    return absl::FailedPreconditionError(absl::StrCat("data dir ", path,
                                                      " is not writable by this user (uid ",
                                                      geteuid(), "): ", std::strerror(errno)));
  }
  PARLEY_RETURN_IF_ERROR(CheckNotLocked(path));
  PARLEY_ASSIGN_OR_RETURN(const int stored_version, ProbeSchemaVersion(path, schema_key));
  if (stored_version > supported_schema) {
    return absl::FailedPreconditionError(
        absl::StrCat("data dir ", path, " has schema version ", stored_version,
                     "; this build supports up to ", supported_schema, ": upgrade parleyd"));
  }
  return absl::OkStatus();
}

}  // namespace parley
