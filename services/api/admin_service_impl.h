#ifndef PARLEY_SERVICES_API_ADMIN_SERVICE_IMPL_H
#define PARLEY_SERVICES_API_ADMIN_SERVICE_IMPL_H

#include <string>

#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/unary_call.h"
#include "services/store/meeting_store.h"

namespace parley {

// Registered raw, as MeetingServiceImpl is (see meeting_service_impl.h).
using AdminServiceBase =
    v1::AdminService::WithRawCallbackMethod_CreateCheckpoint<v1::AdminService::Service>;

// parley.v1.AdminService: checkpoints for backups, a write. Thread-safe; `store` and what
// `resources` points to must outlive it.
class AdminServiceImpl final : public AdminServiceBase {
 public:
  // `checkpoint_dir` empty: CreateCheckpoint answers FAILED_PRECONDITION.
  AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir, CallResources resources = {});

  grpc::ServerUnaryReactor* CreateCheckpoint(grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response) override;

 private:
  MeetingStore* const store_;
  const std::string checkpoint_dir_;
  const CallResources resources_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_API_ADMIN_SERVICE_IMPL_H
