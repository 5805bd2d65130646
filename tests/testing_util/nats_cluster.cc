#include "tests/testing_util/nats_cluster.h"

#include <signal.h>
#include <sys/stat.h>

#include <cstdlib>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley::testing_util {
namespace {

// The port in the last "Listening for client connections on HOST:PORT" line of `log`; 0 if none.
int ClientPortInLog(const std::string& log) {
  static const std::string kMarker = "Listening for client connections on ";
  const size_t at = log.rfind(kMarker);
  if (at == std::string::npos) {
    return 0;
  }
  const size_t line_end = log.find('\n', at);
  const std::string address = log.substr(at + kMarker.size(), line_end == std::string::npos
                                                                  ? std::string::npos
                                                                  : line_end - at - kMarker.size());
  int port = 0;
  const size_t colon = address.rfind(':');
  return colon != std::string::npos && absl::SimpleAtoi(address.substr(colon + 1), &port) ? port
                                                                                          : 0;
}

// Debian installs the server as /usr/sbin/nats-server; PARLEY_NATS_SERVER overrides.
std::string ServerBinary() {
  const char* env = std::getenv("PARLEY_NATS_SERVER");
  return env != nullptr && *env != '\0' ? env : "/usr/sbin/nats-server";
}

}  // namespace

NatsCluster::NatsCluster(std::string dir, int nodes) : dir_(std::move(dir)), nodes_(nodes) {
  for (int i = 0; i < nodes; ++i) {
    Node& node = nodes_[i];
    node.config_path = absl::StrCat(dir_, "/nats-", i, ".conf");
    node.log_path = absl::StrCat(dir_, "/nats-", i, ".log");
    node.store_dir = absl::StrCat(dir_, "/nats-", i);
    mkdir(node.store_dir.c_str(), 0755);
  }
}

NatsCluster::~NatsCluster() = default;

void NatsCluster::WriteConfig(int i) {
  const Node& node = nodes_[i];
  std::ostringstream config;
  config << "server_name: n" << i << "\n"
         << "listen: 127.0.0.1:" << node.client_port << "\n"
         << "jetstream { store_dir: \"" << node.store_dir << "\" }\n";
  if (max_payload_ > 0) {
    config << "max_payload: " << max_payload_ << "\n";
  }
  if (nodes_.size() > 1) {
    std::vector<std::string> routes;
    for (const Node& other : nodes_) {
      routes.push_back(absl::StrCat("nats-route://127.0.0.1:", other.route_port));
    }
    config << "cluster { name: parley, listen: 127.0.0.1:" << node.route_port << ", routes: ["
           << absl::StrJoin(routes, ", ") << "] }\n";
  }
  WriteFile(node.config_path, config.str());
}

bool NatsCluster::StartNode(int i, absl::Duration timeout) {
  Node& node = nodes_[i];
  std::remove(node.log_path.c_str());
  WriteConfig(i);
  node.process = std::make_unique<Subprocess>(
      std::vector<std::string>{ServerBinary(), "-c", node.config_path}, node.log_path);
  int port = 0;
  const bool listening = WaitFor(
      [&] {
        if (!node.process->running()) {
          return true;  // Failed to start: stop waiting.
        }
        port = ClientPortInLog(ReadFile(node.log_path));
        return port > 0;
      },
      timeout);
  if (!listening || port == 0) {
    return false;
  }
  node.client_port = port;
  return true;
}

bool NatsCluster::Start(absl::Duration timeout) {
  const absl::Time end = absl::Now() + timeout;
  for (int attempt = 0; attempt < 3 && absl::Now() < end; ++attempt) {
    // Each attempt gets its share of what is left (a cluster that did not form is retried on
    // new route ports).
    const absl::Time deadline = absl::Now() + (end - absl::Now()) / (3 - attempt);
    // Route ports must be known before any node starts (each names all of them): held until
    // just before the start, then released to the nodes (a small window; retried).
    std::vector<std::unique_ptr<HeldPort>> held;
    for (Node& node : nodes_) {
      node.client_port = -1;
      node.route_port = 0;
      if (nodes_.size() > 1) {
        held.push_back(std::make_unique<HeldPort>());
        node.route_port = held.back()->port();
      }
    }
    held.clear();
    bool started = true;
    for (int i = 0; i < size() && started; ++i) {
      started = StartNode(i, deadline - absl::Now());
    }
    const bool ready =
        started &&
        WaitFor(
            [&] {
              for (const Node& node : nodes_) {
                const std::string log = ReadFile(node.log_path);
                if (nodes_.size() == 1
                        ? log.find("Server is ready") == std::string::npos
                        : log.find("JetStream cluster new metadata leader") == std::string::npos &&
                              log.find("Self is new JetStream cluster metadata "
                                       "leader") == std::string::npos) {
                  return false;
                }
              }
              return true;
            },
            deadline - absl::Now());
    if (ready) {
      return true;
    }
    for (int i = 0; i < size(); ++i) {
      Kill(i);
    }
  }
  return false;
}

void NatsCluster::Kill(int i) {
  Node& node = nodes_[i];
  if (node.process != nullptr && node.process->running()) {
    node.process->Signal(SIGKILL);
    node.process->Wait(absl::Seconds(10));
  }
}

bool NatsCluster::Restart(int i, absl::Duration timeout) { return StartNode(i, timeout); }

std::string NatsCluster::Logs() const {
  std::string out;
  for (const Node& node : nodes_) {
    const std::string log = ReadFile(node.log_path);
    absl::StrAppend(&out, "== ", node.log_path, "\n",
                    log.size() > 3000 ? log.substr(log.size() - 3000) : log, "\n");
  }
  return out;
}

std::string NatsCluster::urls() const {
  std::vector<std::string> urls;
  for (const Node& node : nodes_) {
    urls.push_back(absl::StrCat("nats://127.0.0.1:", node.client_port));
  }
  return absl::StrJoin(urls, ",");
}

}  // namespace parley::testing_util
