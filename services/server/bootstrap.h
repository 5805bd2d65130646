#ifndef PARLEY_SERVICES_SERVER_BOOTSTRAP_H
#define PARLEY_SERVICES_SERVER_BOOTSTRAP_H

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace parley {

// True when `data_dir` holds no store yet (no RocksDB CURRENT file).
bool DataDirIsEmpty(const std::string& data_dir);

// Cluster mode: fills `data_dir`, which holds no store, with a copy of a peer's store
// (AdminService.StreamCheckpoint over `channel`), so a new or wiped replica starts from the
// peer's log position instead of replaying the write log from its start (which the stream may no
// longer hold). The files are written to `<data_dir>/.bootstrap` and moved into place only once
// every one has arrived: an interrupted bootstrap leaves no half store, and the next start
// begins again. Returns the revision the copy holds (at least). FailedPrecondition when
// `data_dir` already holds a store; the peer's status when the stream fails; DataLoss for a
// file name that is not a plain name.
[[nodiscard]] absl::StatusOr<uint64_t> BootstrapFromPeer(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& data_dir,
    absl::Duration timeout);

}  // namespace parley

#endif  // PARLEY_SERVICES_SERVER_BOOTSTRAP_H
