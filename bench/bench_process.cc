#include "bench/bench_process.h"

#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/flags/port_file.h"

namespace parley::bench {

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  if (posix_spawn(&pid_, args[0], nullptr, nullptr, args.data(), environ) != 0) {
    std::perror(argv[0].c_str());
    std::exit(1);
  }
}

ChildProcess::~ChildProcess() {
  if (running()) {
    kill(pid_, SIGKILL);
  }
  Wait(absl::Seconds(10));
}

bool ChildProcess::running() {
  if (!reaped_ && waitpid(pid_, &status_, WNOHANG) == pid_) {
    reaped_ = true;
  }
  return !reaped_;
}

void ChildProcess::Signal(int signal) {
  if (!reaped_) {
    kill(pid_, signal);
  }
}

int ChildProcess::Wait(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (running() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  if (!reaped_) {
    return -1;
  }
  return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

TempDir::TempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      absl::StrCat(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp", "/parley-bench-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::exit(1);
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

absl::StatusOr<int> WaitForListenPort(ChildProcess& process, const std::string& port_file,
                                      absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    // The file is renamed into place whole: any text is all of it.
    std::ifstream in(port_file);
    std::stringstream text;
    text << in.rdbuf();
    if (!text.str().empty()) {
      absl::StatusOr<PortList> ports = ParsePortFile(text.str());
      if (!ports.ok()) {
        return ports.status();
      }
      for (const auto& [name, port] : *ports) {
        if (name == "listen") {
          return port;
        }
      }
      return absl::InvalidArgumentError(absl::StrCat(port_file, " has no listen= line"));
    }
    if (!process.running()) {
      return absl::AbortedError(absl::StrCat("process exited before writing ", port_file));
    }
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(absl::StrCat("no port file ", port_file));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
}

int64_t ProcessKb(pid_t pid, const char* field) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::atoll(line.c_str() + std::strlen(field));
    }
  }
  return 0;
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      total += entry.file_size();
    }
  }
  return total;
}

}  // namespace parley::bench
