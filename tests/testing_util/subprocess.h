#ifndef PARLEY_TESTS_TESTING_UTIL_SUBPROCESS_H
#define PARLEY_TESTS_TESTING_UTIL_SUBPROCESS_H

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/flags/port_file.h"

namespace parley::testing_util {

// A child process started with posix_spawn; killed (SIGKILL) and reaped on destruction if
// still running. Output goes to `log_path` when given.
class Subprocess {
 public:
  explicit Subprocess(const std::vector<std::string>& argv, const std::string& log_path = "");
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  void Signal(int signal);
  // Waits up to `timeout` for the exit; returns the exit status (WEXITSTATUS) or -1 on a
  // timeout or a death by signal.
  int Wait(absl::Duration timeout);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// True in AddressSanitizer builds, where resident memory is no measure of the program (freed
// blocks stay in a quarantine): memory-bound assertions are skipped there.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderAddressSanitizer = true;
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif
#else
inline constexpr bool kUnderAddressSanitizer = false;
#endif

// True in ThreadSanitizer builds, where resident memory is no measure either (shadow memory for
// every byte the program touches, and freed blocks kept for race reports).
#if defined(__SANITIZE_THREAD__)
inline constexpr bool kUnderThreadSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
inline constexpr bool kUnderThreadSanitizer = true;
#else
inline constexpr bool kUnderThreadSanitizer = false;
#endif
#else
inline constexpr bool kUnderThreadSanitizer = false;
#endif

// A TCP port on 127.0.0.1 that this process holds: bound to port 0, so the kernel picked it and
// nobody else can take it while it is held. Servers start on port 0 and report their port
// (--port_file, WaitForPortFile()); a HeldPort is for the address where no server is *yet*:
//   * held, it is an address where nobody serves: connections are refused;
//   * after Listen(), connections are accepted and never answered, so WaitForConnection() shows
//     that a client is trying to reach it;
//   * Release() frees it for the server the test starts on it next.
// Not thread-safe.
class HeldPort {
 public:
  HeldPort();  // Aborts when no port can be bound.
  ~HeldPort();
  HeldPort(const HeldPort&) = delete;
  HeldPort& operator=(const HeldPort&) = delete;

  int port() const { return port_; }
  // "127.0.0.1:PORT".
  std::string address() const;
  void Listen();
  // Waits until a client connects (after Listen()); false after `timeout`.
  bool WaitForConnection(absl::Duration timeout);
  // Closes the socket and the connections it accepted. Idempotent.
  void Release();

 private:
  int fd_ = -1;
  int port_ = 0;
  std::vector<int> accepted_;
};

// Waits until `process` (parleyd or `parley-ingest run` started with --port_file=`path`) wrote
// its port file, and returns its lines. Returns DeadlineExceeded after `timeout`, Aborted when
// the process exits first.
[[nodiscard]] absl::StatusOr<PortList> WaitForPortFile(Subprocess& process, const std::string& path,
                                                       absl::Duration timeout);
// The port of `listener` ("listen", "intake_listen", ...) in `ports`; 0 when it is absent.
int PortOf(const PortList& ports, absl::string_view listener);

// Waits until `condition` holds or `timeout` passes; returns the last value.
template <typename F>
bool WaitFor(F condition, absl::Duration timeout);

// Waits until the file at `path` (a process's log) contains `text`.
bool WaitForFileToContain(const std::string& path, const std::string& text, absl::Duration timeout);

}  // namespace parley::testing_util

#include "absl/time/clock.h"

namespace parley::testing_util {

template <typename F>
bool WaitFor(F condition, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    if (condition()) {
      return true;
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return condition();
}

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_SUBPROCESS_H
