#include "services/api/unary_call.h"

#include <vector>

#include "absl/strings/str_cat.h"

namespace parley {
namespace {

// Keeps a call's admission ticket and response reservation until gRPC is done with it.
class UnaryCall final : public grpc::ServerUnaryReactor {
 public:
  UnaryCall(CallGate::Ticket ticket, ByteBudget* responses, size_t reserved)
      : ticket_(std::move(ticket)), responses_(responses), reserved_(reserved) {}
  void OnDone() override { delete this; }

 private:
  ~UnaryCall() override {
    if (responses_ != nullptr && reserved_ > 0) {
      responses_->Release(reserved_);
    }
  }

  CallGate::Ticket ticket_;
  ByteBudget* responses_;
  size_t reserved_;
};

}  // namespace

absl::Status ParseRequest(const grpc::ByteBuffer& raw, google::protobuf::Message* request) {
  std::vector<grpc::Slice> slices;
  bool ok = raw.Dump(&slices).ok();
  if (ok) {
    std::string bytes;
    bytes.reserve(raw.Length());
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    // Proto3 has no required fields: ParsePartial fails exactly on a malformed message (bad
    // wire format, or invalid UTF-8 in a string field, which libprotobuf also logs).
    ok = request->ParsePartialFromString(bytes);
  }
  if (!ok) {
    return absl::InvalidArgumentError(
        absl::StrCat(request->GetDescriptor()->name(),
                     " does not parse (not the wire format of this message, or a string field "
                     "that is not valid UTF-8)"));
  }
  return absl::OkStatus();
}

grpc::ByteBuffer OwnedBuffer(std::string bytes) {
  auto* owned = new std::string(std::move(bytes));
  grpc::Slice slice(
      owned->data(), owned->size(), [](void* p) { delete static_cast<std::string*>(p); }, owned);
  return grpc::ByteBuffer(&slice, 1);
}

namespace {

// A response the transport would refuse to send is the server's fault: said so, precisely.
[[nodiscard]] absl::Status CheckSendable(const absl::StatusOr<std::string>& response,
                                         size_t max_message_bytes) {
  if (response.ok() && max_message_bytes > 0 && response->size() > max_message_bytes) {
    return absl::InternalError(absl::StrCat("the response takes ", response->size(),
                                            " bytes, over the message limit of ", max_message_bytes,
                                            " (a server fault)"));
  }
  return response.status();
}

}  // namespace

grpc::ServerUnaryReactor* FinishCall(CallGate::Ticket ticket, ByteBudget* responses,
                                     absl::StatusOr<std::string> response,
                                     grpc::ByteBuffer* raw_response, size_t max_message_bytes) {
  size_t reserved = 0;
  absl::Status status = CheckSendable(response, max_message_bytes);
  if (status.ok() && responses != nullptr) {
    status = responses->Reserve(response->size());
    if (status.ok()) {
      reserved = response->size();
    }
  }
  if (status.ok()) {
    *raw_response = OwnedBuffer(*std::move(response));
  }
  auto* call = new UnaryCall(std::move(ticket), responses, reserved);
  call->Finish(ToGrpcStatus(status));
  return call;
}

void DeferredCall::Complete(absl::StatusOr<std::string> response) {
  absl::Status status = CheckSendable(response, max_message_bytes_);
  if (status.ok() && responses_ != nullptr) {
    status = responses_->Reserve(response->size());
    if (status.ok()) {
      reserved_ = response->size();
    }
  }
  if (status.ok()) {
    *raw_response_ = OwnedBuffer(*std::move(response));
  }
  Finish(ToGrpcStatus(status));
}

DeferredCall::~DeferredCall() {
  if (responses_ != nullptr && reserved_ > 0) {
    responses_->Release(reserved_);
  }
}

CallGate::Ticket AdmitCall(grpc::CallbackServerContext* context, const CallResources& resources,
                           Access access, grpc::ServerUnaryReactor** refusal, absl::Status* why) {
  CallGate::Ticket ticket;
  absl::Status status;
  if (resources.gate != nullptr) {
    ticket = resources.gate->Enter();
    if (!ticket.admitted()) {
      status =
          absl::UnavailableError("the server is shutting down; retry on another server or later");
    }
  }
  if (status.ok() && resources.auth != nullptr) {
    status = resources.auth->Check(*context, access);
  }
  if (status.ok()) {
    return ticket;
  }
  if (why != nullptr) {
    *why = status;
  }
  *refusal = FinishCall(std::move(ticket), nullptr, status, nullptr);
  return CallGate::Ticket();
}

}  // namespace parley
