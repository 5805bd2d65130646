#ifndef PARLEY_TESTS_TESTING_UTIL_PARLEYD_PROCESS_H
#define PARLEY_TESTS_TESTING_UTIL_PARLEYD_PROCESS_H

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "tests/testing_util/subprocess.h"

namespace parley::testing_util {

// Resident memory of a process, from /proc/<pid>/status: VmRSS (now) and VmHWM (its peak).
struct ProcessMemory {
  int64_t rss_bytes = 0;
  int64_t peak_bytes = 0;
};
// Zeroes when the process is gone.
ProcessMemory ReadProcessMemory(pid_t pid);

// The real `parleyd` binary on loopback over `data_dir` (created when missing), with `flags`
// added to its command line; its output goes to `log_path`. The first Start() binds port 0 and
// reads the port back from parleyd's --port_file (`log_path`.port): no port is guessed. Start()
// waits until it answers health checks with SERVING.
class ParleydProcess {
 public:
  ParleydProcess(std::string data_dir, std::string log_path, std::vector<std::string> flags = {});
  ~ParleydProcess();  // SIGKILL if still running.

  // Starts the process and waits for SERVING. Again after Stop(), it asks for the port the first
  // start was given, so clients (and workers) keep their target.
  // Returns false when it does not come up within `timeout`.
  bool Start(absl::Duration timeout = absl::Seconds(30));
  // SIGTERM, then waits for the exit; returns its status (-1 on a timeout or a signal).
  int Stop(absl::Duration timeout = absl::Seconds(30));

  // "127.0.0.1:PORT"; empty before the first Start().
  const std::string& address() const { return address_; }
  // The port of a listener named in the port file ("listen", "metrics_listen" with
  // --metrics_listen=127.0.0.1:0, ...), as of the last Start(); 0 when it has none.
  int port(absl::string_view listener) const;
  pid_t pid() const { return process_ == nullptr ? -1 : process_->pid(); }
  Subprocess* process() { return process_.get(); }
  const std::string& log_path() const { return log_path_; }
  std::shared_ptr<grpc::Channel> NewChannel() const;

 private:
  std::string data_dir_;
  std::string log_path_;
  std::vector<std::string> flags_;
  std::string address_;
  int port_ = 0;  // 0 until the first start has bound one.
  PortList ports_;
  std::unique_ptr<Subprocess> process_;
};

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_PARLEYD_PROCESS_H
