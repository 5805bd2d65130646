#ifndef PARLEY_TESTS_TESTING_UTIL_SERVER_HARNESS_H
#define PARLEY_TESTS_TESTING_UTIL_SERVER_HARNESS_H

#include <memory>
#include <string>

#include "grpcpp/grpcpp.h"
#include "services/server/parley_server.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley::testing_util {

// A real ParleyServer on 127.0.0.1:0 over a RocksDB store in its own temp dir. The first start
// binds the port `options.listen` names (0 = one the kernel picks); every later start (Start()
// after Stop(), Restart()) binds the port the first start got, so clients keep their target.
class ServerHarness {
 public:
  // Starts the server unless `start` is false. Aborts the test on failure.
  explicit ServerHarness(ServerOptions options = DefaultOptions(), bool start = true);
  ~ServerHarness();

  static ServerOptions DefaultOptions();

  // Stops the server and starts a new one on the same data dir (a restart).
  void Restart();
  void Stop();
  void Start();

  std::shared_ptr<grpc::Channel> NewChannel() const;
  const std::string& address() const { return address_; }
  ParleyServer* server() { return server_.get(); }
  const ScopedTempDir& dir() const { return dir_; }

 private:
  void StartServer();

  ScopedTempDir dir_;
  ServerOptions options_;
  std::unique_ptr<ParleyServer> server_;
  std::string address_;
};

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_SERVER_HARNESS_H
