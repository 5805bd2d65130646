#ifndef PARLEY_SERVICES_API_CALL_GATE_H
#define PARLEY_SERVICES_API_CALL_GATE_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace parley {

// A budget of bytes shared by many holders: responses waiting to be sent, writes waiting for
// the store. A reservation that does not fit is refused, except when nothing at all is
// reserved (so one request larger than the budget is still served, alone). Thread-safe.
class ByteBudget {
 public:
  // `name` and `flag` appear in refusals; `limit` 0 = no limit.
  ByteBudget(absl::string_view name, absl::string_view flag, size_t limit);

  // Reserves `bytes`, or ResourceExhausted naming the budget.
  [[nodiscard]] absl::Status Reserve(size_t bytes);
  void Release(size_t bytes);

  size_t reserved() const;
  // The most ever reserved at once.
  size_t peak() const;
  size_t limit() const { return limit_; }

 private:
  const std::string name_;
  const std::string flag_;
  const size_t limit_;
  mutable absl::Mutex mu_;
  size_t reserved_ ABSL_GUARDED_BY(mu_) = 0;
  size_t peak_ ABSL_GUARDED_BY(mu_) = 0;
};

// Admission of unary calls, for a drain that lets calls in progress finish: after
// BeginDrain() every new call is refused with UNAVAILABLE (retry elsewhere or later) while the
// calls already admitted run to their end; WaitIdle() tells when they have. Thread-safe.
class CallGate {
 public:
  // One admitted call; the call is in progress until the ticket is destroyed.
  class Ticket {
   public:
    Ticket() = default;
    explicit Ticket(CallGate* gate) : gate_(gate) {}
    Ticket(Ticket&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Ticket& operator=(Ticket&& other) noexcept;
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    ~Ticket();
    bool admitted() const { return gate_ != nullptr; }

   private:
    CallGate* gate_ = nullptr;
  };

  // An admitted ticket, or one that is not (`admitted()` false) while draining.
  Ticket Enter();
  // Refuses new calls from now on.
  void BeginDrain();
  bool draining() const;
  // Waits until no admitted call is in progress or `deadline` passes; true when idle.
  bool WaitIdle(absl::Time deadline);
  size_t in_flight() const;

 private:
  void Exit();

  mutable absl::Mutex mu_;
  size_t in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  bool draining_ ABSL_GUARDED_BY(mu_) = false;
};

// Runs closures one at a time, in order, on a thread of its own. The write path uses it so that
// writes, which the store serialises anyway, never block gRPC's callback threads: a call
// waiting for the store would hold one, and enough of them would starve every other call
// (reads included) and leave calls that had already arrived undispatched at a drain.
// The destructor runs what is queued, then joins. Thread-safe.
class SerialExecutor {
 public:
  SerialExecutor();
  ~SerialExecutor();
  SerialExecutor(const SerialExecutor&) = delete;
  SerialExecutor& operator=(const SerialExecutor&) = delete;

  void Run(std::function<void()> task);
  size_t queued() const;

 private:
  void Loop();

  mutable absl::Mutex mu_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_API_CALL_GATE_H
