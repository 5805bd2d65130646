// parley-reflect: grpcurl-style queries through server reflection, for scripts that smoke-test
// a deployed server (deploy/test-image.sh). Knows no Parley proto at compile time.
//   parley-reflect --target=HOST:PORT list
//   parley-reflect --target=HOST:PORT describe SERVICE
//   parley-reflect --target=HOST:PORT call SERVICE/METHOD 'JSON'

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "grpcpp/grpcpp.h"
#include "tests/testing_util/reflection_client.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "Server address");

int main(int argc, char** argv) {
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string command = args.size() > 1 ? args[1] : "";
  parley::testing_util::ReflectionClient client(
      grpc::CreateChannel(absl::GetFlag(FLAGS_target), grpc::InsecureChannelCredentials()));
  if (command == "list") {
    auto services = client.ListServices();
    if (!services.ok()) {
      std::fprintf(stderr, "%s\n", services.status().ToString().c_str());
      return 1;
    }
    for (const std::string& s : *services) {
      std::printf("%s\n", s.c_str());
    }
    return 0;
  }
  if (command == "describe" && args.size() > 2) {
    auto service = client.DescribeService(args[2]);
    if (!service.ok()) {
      std::fprintf(stderr, "%s\n", service.status().ToString().c_str());
      return 1;
    }
    std::printf("%s", (*service)->DebugString().c_str());
    return 0;
  }
  if (command == "call" && args.size() > 3) {
    auto json = client.CallJson(args[2], args[3]);
    if (!json.ok()) {
      std::fprintf(stderr, "%s\n", json.status().ToString().c_str());
      return 1;
    }
    std::printf("%s\n", json->c_str());
    return 0;
  }
  std::fprintf(stderr,
               "usage: parley-reflect --target=HOST:PORT list|describe SVC|call SVC/M JSON\n");
  return 2;
}
