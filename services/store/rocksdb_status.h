#ifndef PARLEY_SERVICES_STORE_ROCKSDB_STATUS_H
#define PARLEY_SERVICES_STORE_ROCKSDB_STATUS_H

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace rocksdb {
class Status;
}  // namespace rocksdb

namespace parley {

// The one place a `rocksdb::Status` becomes an `absl::Status`. `what` names the operation
// ("open store at data/"), and is prefixed to the message.
[[nodiscard]] absl::Status FromRocksDb(const rocksdb::Status& status, absl::string_view what);

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_ROCKSDB_STATUS_H
