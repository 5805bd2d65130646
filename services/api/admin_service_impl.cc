#include "services/api/admin_service_impl.h"

#include <unistd.h>

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/api/checkpoint_stream.h"
#include "services/status/grpc_status.h"

namespace parley {

AdminServiceImpl::AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir,
                                   CallResources resources, std::string stream_dir)
    : store_(store),
      checkpoint_dir_(std::move(checkpoint_dir)),
      resources_(resources),
      stream_dir_(std::move(stream_dir)) {}

grpc::ServerUnaryReactor* AdminServiceImpl::CreateCheckpoint(grpc::CallbackServerContext* context,
                                                             const grpc::ByteBuffer* raw_request,
                                                             grpc::ByteBuffer* raw_response) {
  return ServeUnary<v1::CreateCheckpointRequest, v1::CreateCheckpointResponse>(
      context, raw_request, raw_response, resources_, Access::kWrite,
      [&](const v1::CreateCheckpointRequest& request,
          v1::CreateCheckpointResponse* response) -> absl::Status {
        if (checkpoint_dir_.empty()) {
          return absl::FailedPreconditionError(
              "this server has no --checkpoint_dir; checkpoints are disabled");
        }
        const std::string& name = request.name();
        const bool valid = !name.empty() && name.size() <= 128 && name != "." && name != ".." &&
                           std::all_of(name.begin(), name.end(), [](char c) {
                             return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                                    c == '-' || c == '_' || c == '.';
                           });
        if (!valid) {
          return absl::InvalidArgumentError("name must be 1-128 letters, digits, '-', '_' or '.'");
        }
        const std::string path = checkpoint_dir_ + "/" + name;
        if (access(path.c_str(), F_OK) == 0) {
          return absl::AlreadyExistsError(absl::StrCat("checkpoint ", path, " exists"));
        }
        const uint64_t revision = store_->revision();
        if (absl::Status s = store_->Checkpoint(path); !s.ok()) {
          return s;
        }
        response->set_path(path);
        response->set_revision(revision);
        return absl::OkStatus();
      });
}

grpc::ServerWriteReactor<v1::CheckpointChunk>* AdminServiceImpl::StreamCheckpoint(
    grpc::CallbackServerContext* context, const v1::StreamCheckpointRequest* /*request*/) {
  if (resources_.auth != nullptr) {
    if (absl::Status s = resources_.auth->Check(*context, Access::kWrite); !s.ok()) {
      class Refusal : public grpc::ServerWriteReactor<v1::CheckpointChunk> {
       public:
        explicit Refusal(grpc::Status status) { Finish(std::move(status)); }
        void OnDone() override { delete this; }
      };
      return new Refusal(ToGrpcStatus(s));
    }
  }
  return StartCheckpointStream(store_, stream_dir_);
}

}  // namespace parley
