#include "services/server/health_service.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/api/unary_call.h"

namespace parley {

using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;

// One Health/Watch call: sends the current status, then every change; ends at shutdown (after
// sending NOT_SERVING) or when the client cancels. Owns itself until OnDone. gRPC calls
// (StartWrite, Finish) are made outside its mutex.
class HealthWatch final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  explicit HealthWatch(std::string service) : service_(std::move(service)) {}

  const std::string& service() const { return service_; }

  // The status of the watched service (nullopt: unknown), or the server is shutting down.
  void Update(std::optional<bool> serving, bool ending) {
    {
      absl::MutexLock lock(&mu_);
      current_ = serving;
      ending_ = ending_ || ending;
    }
    Step();
  }

  void OnWriteDone(bool ok) override {
    {
      absl::MutexLock lock(&mu_);
      writing_ = false;
      if (!ok) {
        ending_ = true;  // The client went away; OnCancel finishes the call.
        return;
      }
    }
    Step();
  }

  void OnCancel() override {
    {
      absl::MutexLock lock(&mu_);
      if (finished_) {
        return;
      }
      finished_ = true;
    }
    Finish(grpc::Status(grpc::StatusCode::CANCELLED, "health watch cancelled by the client"));
  }

  void OnDone() override;

  HealthState* state = nullptr;

 private:
  // Writes the status when it differs from the last sent, or ends the call when shutting down.
  void Step() {
    bool write = false;
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (finished_ || writing_) {
        return;
      }
      const std::optional<bool> serving = ending_ ? std::optional<bool>(false) : current_;
      const HealthCheckResponse::ServingStatus status =
          !serving.has_value() ? HealthCheckResponse::SERVICE_UNKNOWN
          : *serving           ? HealthCheckResponse::SERVING
                               : HealthCheckResponse::NOT_SERVING;
      if (!sent_.has_value() || *sent_ != status) {
        sent_ = status;
        HealthCheckResponse response;
        response.set_status(status);
        buffer_ = OwnedBuffer(response.SerializeAsString());
        writing_ = true;
        write = true;
      } else if (ending_) {
        finished_ = true;
        finish = true;
      }
    }
    if (write) {
      StartWrite(&buffer_);
    } else if (finish) {
      Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                          "the server is shutting down; watch health elsewhere"));
    }
  }

  const std::string service_;
  absl::Mutex mu_;
  std::optional<bool> current_ ABSL_GUARDED_BY(mu_);
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool ending_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<HealthCheckResponse::ServingStatus> sent_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer buffer_;  // Written only when no write is in flight.
};

void HealthWatch::OnDone() {
  state->Unsubscribe(this);
  delete this;
}

void HealthState::Set(const std::string& service, bool serving) {
  {
    absl::MutexLock lock(&mu_);
    if (shut_down_) {
      return;
    }
    services_[service] = serving;
  }
  NotifyAll();
}

void HealthState::SetAll(bool serving) {
  {
    absl::MutexLock lock(&mu_);
    if (shut_down_) {
      return;
    }
    for (auto& [name, status] : services_) {
      status = serving;
    }
  }
  NotifyAll();
}

void HealthState::Shutdown() {
  absl::MutexLock lock(&mu_);
  shut_down_ = true;
  for (auto& [name, status] : services_) {
    status = false;
  }
  // Registered watches are alive (OnDone unsubscribes under mu_).
  for (HealthWatch* watch : watches_) {
    watch->Update(false, /*ending=*/true);
  }
}

std::optional<bool> HealthState::Get(const std::string& service) const {
  absl::MutexLock lock(&mu_);
  auto it = services_.find(service);
  if (it == services_.end()) {
    return std::nullopt;
  }
  return it->second;
}

bool HealthState::Subscribe(HealthWatch* watch) {
  absl::MutexLock lock(&mu_);
  auto it = services_.find(watch->service());
  watch->Update(it == services_.end() ? std::nullopt : std::optional<bool>(it->second),
                /*ending=*/shut_down_);
  if (shut_down_) {
    return false;
  }
  watches_.insert(watch);
  return true;
}

void HealthState::Unsubscribe(HealthWatch* watch) {
  absl::MutexLock lock(&mu_);
  watches_.erase(watch);
}

void HealthState::NotifyAll() {
  absl::MutexLock lock(&mu_);
  for (HealthWatch* watch : watches_) {
    auto it = services_.find(watch->service());
    watch->Update(it == services_.end() ? std::nullopt : std::optional<bool>(it->second),
                  /*ending=*/false);
  }
}

grpc::ServerUnaryReactor* HealthService::Check(grpc::CallbackServerContext* /*context*/,
                                               const grpc::ByteBuffer* raw_request,
                                               grpc::ByteBuffer* raw_response) {
  HealthCheckRequest request;
  const absl::Status status = ParseRequest(*raw_request, &request);
  absl::StatusOr<std::string> bytes;
  if (!status.ok()) {
    bytes = status;
  } else {
    const std::optional<bool> serving = state_->Get(request.service());
    if (!serving.has_value()) {
      bytes = absl::NotFoundError(absl::StrCat("unknown service \"", request.service(), "\""));
    } else {
      HealthCheckResponse response;
      response.set_status(*serving ? HealthCheckResponse::SERVING
                                   : HealthCheckResponse::NOT_SERVING);
      bytes = response.SerializeAsString();
    }
  }
  return FinishCall(CallGate::Ticket(), nullptr, std::move(bytes), raw_response);
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* HealthService::Watch(
    grpc::CallbackServerContext* /*context*/, const grpc::ByteBuffer* raw_request) {
  HealthCheckRequest request;
  if (absl::Status status = ParseRequest(*raw_request, &request); !status.ok()) {
    class Refusal : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
     public:
      explicit Refusal(grpc::Status status) { Finish(std::move(status)); }
      void OnDone() override { delete this; }
    };
    return new Refusal(
        grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, std::string(status.message())));
  }
  auto* watch = new HealthWatch(request.service());
  watch->state = state_;
  state_->Subscribe(watch);  // Sends the current status (and ends at once after a shutdown).
  return watch;
}

}  // namespace parley
