#ifndef PARLEY_SERVICES_API_CHECKPOINT_STREAM_H
#define PARLEY_SERVICES_API_CHECKPOINT_STREAM_H

#include <string>

#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/store/meeting_store.h"

namespace parley {

// AdminService.StreamCheckpoint: makes a checkpoint of `store` in a fresh folder under
// `checkpoint_dir` (the server's --checkpoint_dir, else its data folder: RocksDB ignores a
// folder inside its own), sends its files in chunks of at most 1 MiB (one write in flight, so
// memory stays at one chunk whatever the store weighs), and deletes the folder when the stream
// ends, however it ends. Returns the reactor (which owns itself).
grpc::ServerWriteReactor<v1::CheckpointChunk>* StartCheckpointStream(
    MeetingStore* store, const std::string& checkpoint_dir);

}  // namespace parley

#endif  // PARLEY_SERVICES_API_CHECKPOINT_STREAM_H
