#ifndef PARLEY_SERVICES_SERVER_HEALTH_SERVICE_H
#define PARLEY_SERVICES_SERVER_HEALTH_SERVICE_H

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"

namespace parley {

class HealthWatch;

// The serving status of a server's services, shared by the grpc.health.v1.Health service of
// each of its listeners. Thread-safe.
class HealthState {
 public:
  // Sets the status of `service` ("" = the server as a whole); watchers are told.
  void Set(const std::string& service, bool serving);
  // Sets every known service to `serving`.
  void SetAll(bool serving);
  // NOT_SERVING for everything, and every Watch stream ends (UNAVAILABLE) right after telling
  // its client so: an open health watch must not hold the server's shutdown.
  void Shutdown();
  // The status of `service`, or nullopt when it is unknown.
  std::optional<bool> Get(const std::string& service) const;

  // Watch streams register here; false when the state is shut down.
  bool Subscribe(HealthWatch* watch);
  void Unsubscribe(HealthWatch* watch);

 private:
  void NotifyAll();

  mutable absl::Mutex mu_;
  std::map<std::string, bool> services_ ABSL_GUARDED_BY(mu_) = {{"", false}};
  std::set<HealthWatch*> watches_ ABSL_GUARDED_BY(mu_);
  bool shut_down_ ABSL_GUARDED_BY(mu_) = false;
};

// grpc.health.v1.Health over a HealthState (replaces gRPC's default health service, whose
// Watch streams stay open until the server's grace period has passed and whose cancelled
// streams end UNKNOWN "OnCancel()"). Registered raw: a request that does not parse is
// INVALID_ARGUMENT. Check answers NOT_FOUND for an unknown service; Watch answers
// SERVICE_UNKNOWN then follows the status, as the protocol says. `state` must outlive it.
class HealthService final : public grpc::health::v1::Health::WithRawCallbackMethod_Check<
                                grpc::health::v1::Health::WithRawCallbackMethod_Watch<
                                    grpc::health::v1::Health::Service>> {
 public:
  explicit HealthService(HealthState* state) : state_(state) {}

  grpc::ServerUnaryReactor* Check(grpc::CallbackServerContext* context,
                                  const grpc::ByteBuffer* request,
                                  grpc::ByteBuffer* response) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* Watch(grpc::CallbackServerContext* context,
                                                    const grpc::ByteBuffer* request) override;

 private:
  HealthState* const state_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_SERVER_HEALTH_SERVICE_H
