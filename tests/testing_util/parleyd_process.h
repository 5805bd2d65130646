#ifndef PARLEY_TESTS_TESTING_UTIL_PARLEYD_PROCESS_H
#define PARLEY_TESTS_TESTING_UTIL_PARLEYD_PROCESS_H

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

// The real `parleyd` binary on a free loopback port over `data_dir` (created when missing), with
// `flags` added to its command line; its output goes to `log_path`. Start() waits until it
// answers health checks with SERVING.
class ParleydProcess {
 public:
  ParleydProcess(std::string data_dir, std::string log_path, std::vector<std::string> flags = {});
  ~ParleydProcess();  // SIGKILL if still running.

  // Starts the process (again, after Stop()) on the same port and waits for SERVING.
  // Returns false when it does not come up within `timeout`.
  bool Start(absl::Duration timeout = absl::Seconds(30));
  // SIGTERM, then waits for the exit; returns its status (-1 on a timeout or a signal).
  int Stop(absl::Duration timeout = absl::Seconds(30));

  const std::string& address() const { return address_; }
  pid_t pid() const { return process_ == nullptr ? -1 : process_->pid(); }
  Subprocess* process() { return process_.get(); }
  const std::string& log_path() const { return log_path_; }
  std::shared_ptr<grpc::Channel> NewChannel() const;

 private:
  std::string data_dir_;
  std::string log_path_;
  std::vector<std::string> flags_;
  std::string address_;
  std::unique_ptr<Subprocess> process_;
};

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_PARLEYD_PROCESS_H
