#ifndef PARLEY_SERVICES_STORE_CLOCK_H
#define PARLEY_SERVICES_STORE_CLOCK_H

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace parley {

// The time, injectable: code that expires things by age takes a Clock so a test can move time
// instead of waiting for it. Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;

  // The system clock (absl::Now); never destroyed.
  static const Clock* Real();
};

// A clock that moves only when told (tests).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(absl::Time start = absl::FromUnixSeconds(1745700000)) : now_(start) {}
  absl::Time Now() const override {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }

 private:
  mutable absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_);
};

inline const Clock* Clock::Real() {
  class RealClock final : public Clock {
   public:
    absl::Time Now() const override { return absl::Now(); }
  };
  static const RealClock* const kReal = new RealClock();
  return kReal;
}

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_CLOCK_H
