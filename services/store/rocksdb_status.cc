#include "services/store/rocksdb_status.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "rocksdb/status.h"

namespace parley {

absl::Status FromRocksDb(const rocksdb::Status& status, absl::string_view what) {
  if (status.ok()) {
    return absl::OkStatus();
  }
  const std::string message = absl::StrCat(what, ": ", status.ToString());
  if (status.IsNotFound()) {
    return absl::NotFoundError(message);
  }
  if (status.IsCorruption()) {
    return absl::DataLossError(message);
  }
  if (status.IsNoSpace() || status.IsMemoryLimit()) {
    return absl::ResourceExhaustedError(message);
  }
  if (status.IsBusy() || status.IsTryAgain() || status.IsTimedOut() ||
      status.IsShutdownInProgress()) {
    return absl::UnavailableError(message);
  }
  if (status.IsIOError() && status.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(message);
  }
  if (status.IsInvalidArgument()) {
    return absl::FailedPreconditionError(message);
  }
  return absl::InternalError(message);
}

}  // namespace parley
