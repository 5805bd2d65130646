#include "tests/testing_util/server_harness.h"

#include <cstdio>
#include <cstdlib>

namespace parley::testing_util {

ServerOptions ServerHarness::DefaultOptions() {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.store.sync_writes = false;
  options.shutdown_grace = absl::Seconds(2);
  options.progress_interval = absl::ZeroDuration();
  return options;
}

ServerHarness::ServerHarness(ServerOptions options, bool start) : options_(std::move(options)) {
  options_.store.path = dir_.path();
  if (start) {
    StartServer();
  }
}

void ServerHarness::Start() { StartServer(); }

ServerHarness::~ServerHarness() { Stop(); }

void ServerHarness::StartServer() {
  absl::StatusOr<std::unique_ptr<ParleyServer>> server = ParleyServer::Start(options_);
  if (!server.ok()) {
    std::fprintf(stderr, "cannot start the test server: %s\n", server.status().ToString().c_str());
    std::abort();
  }
  server_ = *std::move(server);
  address_ = server_->address();
  options_.listen = address_;  // A restart asks for the same port.
}

void ServerHarness::Restart() {
  Stop();
  StartServer();
}

void ServerHarness::Stop() {
  if (server_ != nullptr) {
    server_->Shutdown();
    server_.reset();
  }
}

std::shared_ptr<grpc::Channel> ServerHarness::NewChannel() const {
  grpc::ChannelArguments args;
  args.SetInt("grpc.use_local_subchannel_pool", 1);  // A connection of its own.
  return grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args);
}

}  // namespace parley::testing_util
