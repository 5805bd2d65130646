#ifndef PARLEY_TESTS_TESTING_UTIL_NATS_CLUSTER_H
#define PARLEY_TESTS_TESTING_UTIL_NATS_CLUSTER_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "tests/testing_util/subprocess.h"

namespace parley::testing_util {

// A real NATS JetStream cluster of `nodes` `nats-server` processes on loopback, with file
// storage under `dir`, for cluster-mode tests. Client ports are bound as port 0 and read from
// each server's log; a cluster of more than one node needs its route ports known in advance,
// which are held (HeldPort) and released just before the nodes start (Start() tries again with
// new ports when a node cannot bind). A node stopped and started again keeps its ports and its
// storage.
class NatsCluster {
 public:
  NatsCluster(std::string dir, int nodes);
  ~NatsCluster();  // SIGKILL to every node still running.
  NatsCluster(const NatsCluster&) = delete;
  NatsCluster& operator=(const NatsCluster&) = delete;

  // The largest message the servers take (their max_payload; NATS's default is 1 MiB). Set
  // before Start().
  void set_max_payload(int64_t bytes) { max_payload_ = bytes; }

  // Starts every node and waits until JetStream has a leader (a lone node: until it listens).
  // False when it does not come up within `timeout`.
  bool Start(absl::Duration timeout = absl::Seconds(30));
  // SIGKILL to node `i` (its storage stays).
  void Kill(int i);
  // Starts node `i` again on its ports; false when it does not listen within `timeout`.
  bool Restart(int i, absl::Duration timeout = absl::Seconds(30));

  // The last lines of every node's log, for a failure message.
  std::string Logs() const;

  // "nats://127.0.0.1:PORT,..." of every node, for --nats_servers.
  std::string urls() const;
  int size() const { return static_cast<int>(nodes_.size()); }

 private:
  struct Node {
    std::string config_path;
    std::string log_path;
    std::string store_dir;
    int client_port = -1;  // -1 until the first start has bound one.
    int route_port = 0;
    std::unique_ptr<Subprocess> process;
  };
  void WriteConfig(int i);
  bool StartNode(int i, absl::Duration timeout);

  std::string dir_;
  std::vector<Node> nodes_;
  int64_t max_payload_ = 0;  // 0 = the server's default.
};

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_NATS_CLUSTER_H
