#ifndef PARLEY_TESTS_TESTING_UTIL_REFLECTION_CLIENT_H
#define PARLEY_TESTS_TESTING_UTIL_REFLECTION_CLIENT_H

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor_database.h"
#include "grpcpp/grpcpp.h"

namespace parley::testing_util {

// A grpcurl-style client that knows nothing of Parley's protos at compile time: it learns
// every type through the server's reflection service (v1alpha, what gRPC 1.51 serves) and
// calls methods with JSON. Proves that what grpcurl users do works. Not thread-safe.
class ReflectionClient {
 public:
  explicit ReflectionClient(std::shared_ptr<grpc::Channel> channel);
  ~ReflectionClient();

  // Fully-qualified names of the services the server exposes (grpcurl list).
  [[nodiscard]] absl::StatusOr<std::vector<std::string>> ListServices();
  // The descriptor of a service (grpcurl describe), or NotFound.
  [[nodiscard]] absl::StatusOr<const google::protobuf::ServiceDescriptor*> DescribeService(
      const std::string& name);
  // Calls a unary method ("parley.v1.MeetingService/ListMeetings" or with a dot) with a JSON
  // request and returns the JSON response, or the call's status.
  [[nodiscard]] absl::StatusOr<std::string> CallJson(const std::string& method,
                                                     const std::string& json);

 private:
  class Database;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<google::protobuf::DescriptorPool> pool_;
};

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_REFLECTION_CLIENT_H
