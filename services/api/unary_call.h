#ifndef PARLEY_SERVICES_API_UNARY_CALL_H
#define PARLEY_SERVICES_API_UNARY_CALL_H

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "grpcpp/grpcpp.h"
#include "services/api/call_gate.h"
#include "services/auth/authorizer.h"
#include "services/status/grpc_status.h"

namespace parley {

// What the unary handlers of one server share. Every member may be null (tests, embedded use):
// then every call is admitted, nothing is budgeted and no credential is checked.
struct CallResources {
  CallGate* gate = nullptr;          // Admission; refuses new calls while draining.
  ByteBudget* responses = nullptr;   // Response bytes held until sent.
  const Authorizer* auth = nullptr;  // Who may call.
  // The transport's message limit (0 = none): a response over it would fail in the transport,
  // unseen by the handler and the logs; it is answered INTERNAL instead (a server fault).
  size_t max_message_bytes = 0;
};

// Every RPC is registered raw (ByteBuffer in and out) and parses its request here, so a request
// that does not parse is answered INVALID_ARGUMENT "<message type> does not parse" (gRPC's own
// deserialisation answers UNIMPLEMENTED with no message, and libprotobuf logs to stderr).
[[nodiscard]] absl::Status ParseRequest(const grpc::ByteBuffer& raw,
                                        google::protobuf::Message* request);

// A ByteBuffer that takes over `bytes` without copying them.
grpc::ByteBuffer OwnedBuffer(std::string bytes);

// Finishes a raw unary call with `response` (its bytes, OK) or its error. The response's bytes
// are reserved from `resources.responses` (RESOURCE_EXHAUSTED when it is spent) and, with the
// call's admission ticket, held until gRPC is done with the call.
grpc::ServerUnaryReactor* FinishCall(CallGate::Ticket ticket, ByteBudget* responses,
                                     absl::StatusOr<std::string> response,
                                     grpc::ByteBuffer* raw_response, size_t max_message_bytes = 0);

// A unary call whose answer comes later, from another thread (the write path): created by the
// handler and returned to gRPC, completed exactly once with Complete(). Until gRPC is done with
// the call it holds the admission ticket (so a drain waits for it) and then its response's
// reservation.
class DeferredCall final : public grpc::ServerUnaryReactor {
 public:
  DeferredCall(CallGate::Ticket ticket, ByteBudget* responses, grpc::ByteBuffer* raw_response,
               size_t max_message_bytes = 0)
      : ticket_(std::move(ticket)),
        responses_(responses),
        raw_response_(raw_response),
        max_message_bytes_(max_message_bytes) {}

  // Sends `response` (its bytes) or its error.
  void Complete(absl::StatusOr<std::string> response);
  void OnDone() override { delete this; }

 private:
  ~DeferredCall() override;

  CallGate::Ticket ticket_;
  ByteBudget* const responses_;
  grpc::ByteBuffer* const raw_response_;
  const size_t max_message_bytes_;
  size_t reserved_ = 0;
};

// Admits the call (UNAVAILABLE while draining), checks `access`, and, when both pass, returns
// an admitted ticket; otherwise `*refusal` holds the reactor that already answered, and `*why`
// (when given) the refusal.
CallGate::Ticket AdmitCall(grpc::CallbackServerContext* context, const CallResources& resources,
                           Access access, grpc::ServerUnaryReactor** refusal,
                           absl::Status* why = nullptr);

// The whole life of a unary call whose handler fills a typed response:
//   admit, authorise, parse `Request`, `handler(request, &response)` -> Status, send.
template <typename Request, typename Response, typename Handler>
grpc::ServerUnaryReactor* ServeUnary(grpc::CallbackServerContext* context,
                                     const grpc::ByteBuffer* raw_request,
                                     grpc::ByteBuffer* raw_response, const CallResources& resources,
                                     Access access, Handler&& handler) {
  grpc::ServerUnaryReactor* refusal = nullptr;
  CallGate::Ticket ticket = AdmitCall(context, resources, access, &refusal);
  if (refusal != nullptr) {
    return refusal;
  }
  Request request;
  if (absl::Status parsed = ParseRequest(*raw_request, &request); !parsed.ok()) {
    return FinishCall(std::move(ticket), nullptr, parsed, raw_response);
  }
  absl::StatusOr<std::string> bytes;
  {
    Response response;
    if (absl::Status status = handler(request, &response); !status.ok()) {
      bytes = status;
    } else {
      bytes = response.SerializeAsString();
    }
  }
  return FinishCall(std::move(ticket), resources.responses, std::move(bytes), raw_response,
                    resources.max_message_bytes);
}

// The same for a handler that produces the response's bytes itself:
//   `handler(request)` -> StatusOr<std::string>.
template <typename Request, typename Handler>
grpc::ServerUnaryReactor* ServeUnaryBytes(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* raw_request,
                                          grpc::ByteBuffer* raw_response,
                                          const CallResources& resources, Access access,
                                          Handler&& handler) {
  grpc::ServerUnaryReactor* refusal = nullptr;
  CallGate::Ticket ticket = AdmitCall(context, resources, access, &refusal);
  if (refusal != nullptr) {
    return refusal;
  }
  Request request;
  if (absl::Status parsed = ParseRequest(*raw_request, &request); !parsed.ok()) {
    return FinishCall(std::move(ticket), nullptr, parsed, raw_response);
  }
  return FinishCall(std::move(ticket), resources.responses, handler(request), raw_response,
                    resources.max_message_bytes);
}

}  // namespace parley

#endif  // PARLEY_SERVICES_API_UNARY_CALL_H
