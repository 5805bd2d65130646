#ifndef PARLEY_SERVICES_API_ADMIN_SERVICE_IMPL_H
#define PARLEY_SERVICES_API_ADMIN_SERVICE_IMPL_H

#include <string>

#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/unary_call.h"
#include "services/store/meeting_store.h"

namespace parley {

// CreateCheckpoint registered raw, as MeetingServiceImpl's methods are (see
// meeting_service_impl.h); StreamCheckpoint streams generated messages.
using AdminServiceBase = v1::AdminService::WithRawCallbackMethod_CreateCheckpoint<
    v1::AdminService::WithCallbackMethod_StreamCheckpoint<v1::AdminService::Service>>;

// parley.v1.AdminService: checkpoints for backups and for a new replica's bootstrap, writes.
// Thread-safe; `store` and what `resources` points to must outlive it.
class AdminServiceImpl final : public AdminServiceBase {
 public:
  // `checkpoint_dir` empty: CreateCheckpoint answers FAILED_PRECONDITION. StreamCheckpoint makes
  // its temporary checkpoint under `stream_dir` (on the store's file system, for hard links);
  // empty: FAILED_PRECONDITION.
  AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir, CallResources resources = {},
                   std::string stream_dir = "");

  grpc::ServerUnaryReactor* CreateCheckpoint(grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response) override;
  // Write access (it ships every record and article).
  grpc::ServerWriteReactor<v1::CheckpointChunk>* StreamCheckpoint(
      grpc::CallbackServerContext* context, const v1::StreamCheckpointRequest* request) override;

 private:
  MeetingStore* const store_;
  const std::string checkpoint_dir_;
  const CallResources resources_;
  const std::string stream_dir_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_API_ADMIN_SERVICE_IMPL_H
