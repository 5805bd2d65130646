#ifndef PARLEY_BENCH_BENCH_PROCESS_H
#define PARLEY_BENCH_BENCH_PROCESS_H

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace parley::bench {

// A program the benchmark runs beside itself (parleyd, its own null server): started with
// posix_spawn, output inherited; killed (SIGKILL) and reaped on destruction if still running.
// Not thread-safe.
class ChildProcess {
 public:
  // Exits the benchmark when `argv[0]` cannot be started.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  void Signal(int signal);
  // Waits up to `timeout` for the exit; returns the exit status, or -1 on a timeout or a death
  // by signal.
  int Wait(absl::Duration timeout);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();  // Exits the benchmark when no folder can be made.
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The "listen=" port that `process`, started with --port_file=`port_file` on port 0, reports.
// Returns DeadlineExceeded after `timeout`, Aborted when the process exits first, and
// InvalidArgument for a file without a valid "listen=" line.
[[nodiscard]] absl::StatusOr<int> WaitForListenPort(ChildProcess& process,
                                                    const std::string& port_file,
                                                    absl::Duration timeout);

// A field of /proc/<pid>/status in KiB ("VmRSS:", "VmHWM:"); 0 when absent.
int64_t ProcessKb(pid_t pid, const char* field);

// Bytes of the regular files under `dir`.
uint64_t DirBytes(const std::string& dir);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_BENCH_PROCESS_H
