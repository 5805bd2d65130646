#include "tests/testing_util/subprocess.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley::testing_util {

Subprocess::Subprocess(const std::vector<std::string>& argv, const std::string& log_path) {
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!log_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
  }
  // The child must not inherit a blocked SIGTERM from the test's threads.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  if (posix_spawn(&pid_, args[0], &actions, &attr, args.data(), environ) != 0) {
    std::perror("posix_spawn");
    std::abort();
  }
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
}

Subprocess::~Subprocess() {
  if (running()) {
    kill(pid_, SIGKILL);
  }
  Wait(absl::Seconds(10));
}

bool Subprocess::running() {
  if (reaped_) {
    return false;
  }
  const pid_t r = waitpid(pid_, &status_, WNOHANG);
  if (r == pid_) {
    reaped_ = true;
  }
  return !reaped_;
}

void Subprocess::Signal(int signal) {
  if (!reaped_) {
    kill(pid_, signal);
  }
}

int Subprocess::Wait(absl::Duration timeout) {
  WaitFor([&] { return !running(); }, timeout);
  if (!reaped_) {
    return -1;
  }
  return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

HeldPort::HeldPort() {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::perror("HeldPort");
    std::abort();
  }
  port_ = ntohs(addr.sin_port);
}

HeldPort::~HeldPort() { Release(); }

std::string HeldPort::address() const { return absl::StrCat("127.0.0.1:", port_); }

void HeldPort::Listen() {
  if (fd_ >= 0 && listen(fd_, 16) != 0) {
    std::perror("HeldPort::Listen");
    std::abort();
  }
}

bool HeldPort::WaitForConnection(absl::Duration timeout) {
  if (fd_ < 0) {
    return false;
  }
  pollfd ready{};
  ready.fd = fd_;
  ready.events = POLLIN;
  if (poll(&ready, 1, static_cast<int>(absl::ToInt64Milliseconds(timeout))) != 1) {
    return false;
  }
  const int connection = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
  if (connection < 0) {
    return false;
  }
  accepted_.push_back(connection);  // Held open, never answered, until Release().
  return true;
}

void HeldPort::Release() {
  for (const int connection : accepted_) {
    close(connection);
  }
  accepted_.clear();
  if (fd_ >= 0) {
    close(fd_);
    fd_ = -1;
  }
}

absl::StatusOr<PortList> WaitForPortFile(Subprocess& process, const std::string& path,
                                         absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    // The file is renamed into place whole: any text is all of it.
    if (const std::string text = ReadFile(path); !text.empty()) {
      return ParsePortFile(text);
    }
    if (!process.running()) {
      return absl::AbortedError(absl::StrCat("process exited before writing ", path));
    }
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(absl::StrCat("no port file ", path));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
}

int PortOf(const PortList& ports, absl::string_view listener) {
  for (const auto& [name, port] : ports) {
    if (name == listener) {
      return port;
    }
  }
  return 0;
}

bool WaitForFileToContain(const std::string& path, const std::string& text,
                          absl::Duration timeout) {
  return WaitFor([&] { return ReadFile(path).find(text) != std::string::npos; }, timeout);
}

}  // namespace parley::testing_util
