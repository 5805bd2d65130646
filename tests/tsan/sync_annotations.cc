// ThreadSanitizer builds only (PARLEY_SANITIZE=thread): tells TSan about synchronisation it
// cannot see because it happens inside libraries Debian ships uninstrumented.
//
// 1. absl::Mutex, CondVar and Notification. libabsl_synchronization is not built with
//    -fsanitize=thread, so its locks are atomics and futex calls TSan never observes: every
//    field our code guards with an absl::Mutex would be reported as a data race (a two-thread
//    counter under absl::MutexLock is). Abseil built with TSan annotates itself with the
//    __tsan_mutex_* interface; this file applies the same annotations from outside.
// 2. gRPC's callback API: an operation started on a call (grpc_call_start_batch) happens before
//    the callback that reports its completion, which gRPC runs on another thread after a
//    hand-off through atomics in libgrpc. Without this, every reactor's first callback (a
//    client reactor built on one thread, its OnReadDone on another) was reported as racing with
//    the code that started it. Starting a batch releases on its tag; the tag's callback, when
//    it is one of the program's own grpcpp callback tags, acquires it first.
// 3. gRPC's reactors end on its executor: once a call is finished, libgrpc++ runs the reactor's
//    OnDone on an executor thread (ServerCallbackCall::ScheduleOnDone and the client reactors'
//    InternalScheduleOnDone hand a closure to grpc_core::Executor::Run). What the reactor wrote
//    before Finish (DeferredCall::Complete's reservation, WatchStream's state) was reported
//    against its deletion in OnDone. Handing a closure of libgrpc++ to the executor releases on
//    its argument; the closure acquires it before running.
//
// Each function below is defined in the executable, so the dynamic linker binds every call to
// it (ours, gRPC's and libabsl's own calls through their PLT) here first; it annotates and
// calls the library's definition (dlsym RTLD_NEXT). Calls made while a wrapped absl call is
// running (libabsl calling itself) pass straight through.
//
// Linked into every executable of a thread-sanitized build by the top-level CMakeLists.txt.
#include <dlfcn.h>
#include <link.h>
#include <sanitizer/tsan_interface.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>

#include "absl/base/options.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "grpc/grpc.h"
#include "grpcpp/server.h"
#include "grpcpp/support/server_callback.h"

namespace {

#define PARLEY_TSAN_STRINGIFY_INNER(x) #x
#define PARLEY_TSAN_STRINGIFY(x) PARLEY_TSAN_STRINGIFY_INNER(x)

// The library's definition of absl::<inline namespace>::<rest>, e.g. Real<void (*)(Mutex*)>("N",
// "5Mutex4LockEv") for `_ZN4absl7debian35Mutex4LockEv`; prefix "NK" for a const member.
template <typename F>
F Real(const char* prefix, const char* rest) {
  const char* ns = PARLEY_TSAN_STRINGIFY(ABSL_OPTION_INLINE_NAMESPACE_NAME);
  const std::string name =
      std::string("_Z") + prefix + "4absl" + std::to_string(std::strlen(ns)) + ns + rest;
  void* f = dlsym(RTLD_NEXT, name.c_str());
  if (f == nullptr) {
    std::fprintf(stderr, "tsan annotations: %s not found in the absl libraries\n", name.c_str());
    std::abort();
  }
  return reinterpret_cast<F>(f);
}

// The next definition of the C or mangled symbol `name` (gRPC's).
template <typename F>
F Real(const char* name) {
  void* f = dlsym(RTLD_NEXT, name);
  if (f == nullptr) {
    std::fprintf(stderr, "tsan annotations: %s not found in the gRPC libraries\n", name);
    std::abort();
  }
  return reinterpret_cast<F>(f);
}

// Depth of wrapped calls on this thread: only the outermost one annotates.
thread_local int depth = 0;
class Outer {
 public:
  Outer() : outer_(depth++ == 0) {}
  ~Outer() { --depth; }
  Outer(const Outer&) = delete;
  Outer& operator=(const Outer&) = delete;
  explicit operator bool() const { return outer_; }

 private:
  const bool outer_;
};

constexpr unsigned kRead = __tsan_mutex_read_lock;
constexpr unsigned kTry = __tsan_mutex_try_lock;
constexpr unsigned kTryFailed = __tsan_mutex_try_lock_failed;

void PreLock(void* mu, unsigned flags) { __tsan_mutex_pre_lock(mu, flags); }
void PostLock(void* mu, unsigned flags) { __tsan_mutex_post_lock(mu, flags, 0); }
void Unlocked(void* mu, unsigned flags) {
  __tsan_mutex_pre_unlock(mu, flags);
  __tsan_mutex_post_unlock(mu, flags);
}

// Runs `call`, which acquires `mu`, between the lock annotations; with `waits`, `mu` is held on
// entry and released while `call` waits (Await, CondVar::Wait), so that is recorded first.
template <typename Call>
auto Locking(void* mu, unsigned flags, bool waits, Call call) -> decltype(call()) {
  Outer outer;
  if (!outer) return call();
  if (waits) Unlocked(mu, flags);
  PreLock(mu, flags);
  if constexpr (std::is_void_v<decltype(call())>) {
    call();
    PostLock(mu, flags);
  } else {
    auto result = call();
    PostLock(mu, flags);
    return result;
  }
}

}  // namespace

namespace absl {
ABSL_NAMESPACE_BEGIN

// Lock, unlock and try.
void Mutex::Lock() {
  static const auto real = Real<void (*)(Mutex*)>("N", "5Mutex4LockEv");
  Locking(this, 0, false, [&] { real(this); });
}
void Mutex::ReaderLock() {
  static const auto real = Real<void (*)(Mutex*)>("N", "5Mutex10ReaderLockEv");
  Locking(this, kRead, false, [&] { real(this); });
}
void Mutex::Unlock() {
  static const auto real = Real<void (*)(Mutex*)>("N", "5Mutex6UnlockEv");
  Outer outer;
  if (outer) __tsan_mutex_pre_unlock(this, 0);
  real(this);
  if (outer) __tsan_mutex_post_unlock(this, 0);
}
void Mutex::ReaderUnlock() {
  static const auto real = Real<void (*)(Mutex*)>("N", "5Mutex12ReaderUnlockEv");
  Outer outer;
  if (outer) __tsan_mutex_pre_unlock(this, kRead);
  real(this);
  if (outer) __tsan_mutex_post_unlock(this, kRead);
}
bool Mutex::TryLock() {
  static const auto real = Real<bool (*)(Mutex*)>("N", "5Mutex7TryLockEv");
  Outer outer;
  if (!outer) return real(this);
  PreLock(this, kTry);
  const bool locked = real(this);
  __tsan_mutex_post_lock(this, kTry | (locked ? 0 : kTryFailed), 0);
  return locked;
}
bool Mutex::ReaderTryLock() {
  static const auto real = Real<bool (*)(Mutex*)>("N", "5Mutex13ReaderTryLockEv");
  Outer outer;
  if (!outer) return real(this);
  PreLock(this, kRead | kTry);
  const bool locked = real(this);
  __tsan_mutex_post_lock(this, kRead | kTry | (locked ? 0 : kTryFailed), 0);
  return locked;
}

// Lock when a condition holds: the mutex is held on return, whatever a timed call returns.
void Mutex::LockWhen(const Condition& cond) {
  static const auto real =
      Real<void (*)(Mutex*, const Condition&)>("N", "5Mutex8LockWhenERKNS0_9ConditionE");
  Locking(this, 0, false, [&] { real(this, cond); });
}
void Mutex::ReaderLockWhen(const Condition& cond) {
  static const auto real =
      Real<void (*)(Mutex*, const Condition&)>("N", "5Mutex14ReaderLockWhenERKNS0_9ConditionE");
  Locking(this, kRead, false, [&] { real(this, cond); });
}
bool Mutex::LockWhenWithTimeout(const Condition& cond, absl::Duration timeout) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, absl::Duration)>(
      "N", "5Mutex19LockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  return Locking(this, 0, false, [&] { return real(this, cond, timeout); });
}
bool Mutex::ReaderLockWhenWithTimeout(const Condition& cond, absl::Duration timeout) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, absl::Duration)>(
      "N", "5Mutex25ReaderLockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  return Locking(this, kRead, false, [&] { return real(this, cond, timeout); });
}
bool Mutex::LockWhenWithDeadline(const Condition& cond, absl::Time deadline) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, absl::Time)>(
      "N", "5Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  return Locking(this, 0, false, [&] { return real(this, cond, deadline); });
}
bool Mutex::ReaderLockWhenWithDeadline(const Condition& cond, absl::Time deadline) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, absl::Time)>(
      "N", "5Mutex26ReaderLockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  return Locking(this, kRead, false, [&] { return real(this, cond, deadline); });
}

// Await: called holding the mutex (exclusively, as all our callers do); it is released while
// waiting and held again on return.
void Mutex::Await(const Condition& cond) {
  static const auto real =
      Real<void (*)(Mutex*, const Condition&)>("N", "5Mutex5AwaitERKNS0_9ConditionE");
  Locking(this, 0, true, [&] { real(this, cond); });
}
bool Mutex::AwaitWithTimeout(const Condition& cond, absl::Duration timeout) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, absl::Duration)>(
      "N", "5Mutex16AwaitWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  return Locking(this, 0, true, [&] { return real(this, cond, timeout); });
}
bool Mutex::AwaitWithDeadline(const Condition& cond, absl::Time deadline) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, absl::Time)>(
      "N", "5Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  return Locking(this, 0, true, [&] { return real(this, cond, deadline); });
}

// CondVar waits: `mu` is released while waiting and held again on return.
void CondVar::Wait(Mutex* mu) {
  static const auto real = Real<void (*)(CondVar*, Mutex*)>("N", "7CondVar4WaitEPNS0_5MutexE");
  Locking(mu, 0, true, [&] { real(this, mu); });
}
bool CondVar::WaitWithTimeout(Mutex* mu, absl::Duration timeout) {
  static const auto real = Real<bool (*)(CondVar*, Mutex*, absl::Duration)>(
      "N", "7CondVar15WaitWithTimeoutEPNS0_5MutexENS0_8DurationE");
  return Locking(mu, 0, true, [&] { return real(this, mu, timeout); });
}
bool CondVar::WaitWithDeadline(Mutex* mu, absl::Time deadline) {
  static const auto real = Real<bool (*)(CondVar*, Mutex*, absl::Time)>(
      "N", "7CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE");
  return Locking(mu, 0, true, [&] { return real(this, mu, deadline); });
}

// Notification: Notify releases, a wait that saw the notification acquires. The release is
// made on the flag itself, so the inline HasBeenNotified() (an acquire load of it, compiled
// into our code and so instrumented) synchronises with it too.
void Notification::Notify() {
  static const auto real = Real<void (*)(Notification*)>("N", "12Notification6NotifyEv");
  __tsan_release(&notified_yet_);
  real(this);
}
void Notification::WaitForNotification() const {
  static const auto real =
      Real<void (*)(const Notification*)>("NK", "12Notification19WaitForNotificationEv");
  real(this);
  __tsan_acquire(const_cast<std::atomic<bool>*>(&notified_yet_));
}
bool Notification::WaitForNotificationWithTimeout(absl::Duration timeout) const {
  static const auto real = Real<bool (*)(const Notification*, absl::Duration)>(
      "NK", "12Notification30WaitForNotificationWithTimeoutENS0_8DurationE");
  const bool notified = real(this, timeout);
  if (notified) __tsan_acquire(const_cast<std::atomic<bool>*>(&notified_yet_));
  return notified;
}
bool Notification::WaitForNotificationWithDeadline(absl::Time deadline) const {
  static const auto real = Real<bool (*)(const Notification*, absl::Time)>(
      "NK", "12Notification31WaitForNotificationWithDeadlineENS0_4TimeE");
  const bool notified = real(this, deadline);
  if (notified) __tsan_acquire(const_cast<std::atomic<bool>*>(&notified_yet_));
  return notified;
}

ABSL_NAMESPACE_END
}  // namespace absl

// gRPC: grpc_call_start_batch releases on its tag; a callback tag compiled into this program
// (grpcpp's CallbackWithSuccessTag / CallbackWithStatusTag, whose first member is the function
// gRPC calls on completion) is given a trampoline that acquires on the tag before running it.
namespace {

using FunctorRun = void (*)(grpc_completion_queue_functor*, int);

// The program's own executable code: a tag whose first word points there is a functor of
// grpcpp's inline code (a tag of the synchronous API starts with a vtable pointer, into data).
struct ProgramText {
  uintptr_t begin = 0;
  uintptr_t end = 0;
};
ProgramText FindProgramText() {
  ProgramText text;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        auto* t = static_cast<ProgramText*>(out);
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& p = info->dlpi_phdr[i];
          if (p.p_type == PT_LOAD && (p.p_flags & PF_X) != 0) {
            t->begin = info->dlpi_addr + p.p_vaddr;
            t->end = t->begin + p.p_memsz;
          }
        }
        return 1;  // The first object is the program itself.
      },
      &text);
  return text;
}

// The completion functions seen so far (one per kind of tag), each with its trampoline.
constexpr size_t kMaxRuns = 4;
std::array<std::atomic<FunctorRun>, kMaxRuns> originals{};

template <size_t I>
void RunAfterHandOff(grpc_completion_queue_functor* functor, int ok) {
  __tsan_acquire(functor);
  // Relaxed: the store came before the tag was handed to gRPC, which orders it (and an acquire
  // here would order every callback after the first thread that registered this slot).
  originals[I].load(std::memory_order_relaxed)(functor, ok);
}
constexpr std::array<FunctorRun, kMaxRuns> kTrampolines = {
    &RunAfterHandOff<0>, &RunAfterHandOff<1>, &RunAfterHandOff<2>, &RunAfterHandOff<3>};

// The first word of any tag: not instrumented, because most tags are not functors this file
// annotates (synchronous calls' operation sets, libgrpc++'s own tags), and TSan would pair this
// read with the tag's later deletion on the thread that completed it.
__attribute__((no_sanitize("thread"))) FunctorRun FirstWord(const void* tag) {
  return *static_cast<const FunctorRun*>(tag);
}

void AcquireOnCompletion(void* tag) {
  static const ProgramText text = FindProgramText();
  auto* functor = static_cast<grpc_completion_queue_functor*>(tag);
  const FunctorRun run = FirstWord(tag);
  const auto address = reinterpret_cast<uintptr_t>(run);
  if (address < text.begin || address >= text.end) {
    return;
  }
  for (size_t i = 0; i < kMaxRuns; ++i) {
    if (run == kTrampolines[i]) {
      return;  // Already in place (the tag is reused).
    }
    FunctorRun expected = nullptr;
    if (originals[i].compare_exchange_strong(expected, run) || expected == run) {
      functor->functor_run = kTrampolines[i];
      return;
    }
  }
}

}  // namespace

extern "C" grpc_call_error grpc_call_start_batch(grpc_call* call, const grpc_op* ops, size_t nops,
                                                 void* tag, void* reserved) {
  static const auto real =
      Real<grpc_call_error (*)(grpc_call*, const grpc_op*, size_t, void*, void*)>(
          "grpc_call_start_batch");
  if (tag != nullptr) {
    AcquireOnCompletion(tag);
    __tsan_release(tag);
  }
  return real(call, ops, nops, tag, reserved);
}

// grpc::Server::Wait returns once every call has ended; each call's last act is to drop its
// reference (grpc_call_unref, after the reactor's OnDone), and gRPC counts them down with
// atomics in libgrpc++. So: every unref releases, and Wait acquires when it returns (what
// ParleyServer::Shutdown destroys after Wait is no longer racing with the calls' OnDone).
namespace {
char calls_ended;
}  // namespace

extern "C" void grpc_call_unref(grpc_call* call) {
  static const auto real = Real<void (*)(grpc_call*)>("grpc_call_unref");
  __tsan_release(&calls_ended);
  real(call);
}

void grpc::Server::Wait() {
  static const auto real = Real<void (*)(grpc::Server*)>("_ZN4grpc6Server4WaitEv");
  real(this);
  __tsan_acquire(&calls_ended);
}

// gRPC's executor: grpc_core::Executor::Run(closure, error, type, job type), in libgrpc,
// called by libgrpc++ to run a reactor's OnDone on an executor thread. grpc_closure is internal
// to gRPC (src/core/lib/iomgr/closure.h): its callback is the second word and the callback's
// argument the third (checked on Debian's libgrpc++ 1.51: ScheduleOnDone stores them at +8 and
// +16 before calling Run). Only closures whose callback is code of libgrpc++ are annotated; any
// other closure, or a layout that did not hold, passes through unannotated, so a hand-off this
// misses is reported, never hidden.
struct grpc_closure;
namespace grpc_core {
enum class ExecutorType : int;
enum class ExecutorJobType : int;
class Executor {
 public:
  static void Run(grpc_closure* closure, absl::Status error, ExecutorType type,
                  ExecutorJobType job_type);
};
}  // namespace grpc_core

namespace {

using ClosureRun = void (*)(void* arg, absl::Status error);

// Whether `address` is code of libgrpc++.
bool InGrpcpp(const void* address) {
  Dl_info info;
  return dladdr(address, &info) != 0 && info.dli_fname != nullptr &&
         std::strstr(info.dli_fname, "libgrpc++.so") != nullptr;
}

constexpr size_t kMaxClosureRuns = 8;
std::array<std::atomic<ClosureRun>, kMaxClosureRuns> closure_originals{};

template <size_t I>
void RunClosureAfterHandOff(void* arg, absl::Status error) {
  __tsan_acquire(arg);
  closure_originals[I].load(std::memory_order_relaxed)(arg, std::move(error));
}
constexpr std::array<ClosureRun, kMaxClosureRuns> kClosureTrampolines = {
    &RunClosureAfterHandOff<0>, &RunClosureAfterHandOff<1>, &RunClosureAfterHandOff<2>,
    &RunClosureAfterHandOff<3>, &RunClosureAfterHandOff<4>, &RunClosureAfterHandOff<5>,
    &RunClosureAfterHandOff<6>, &RunClosureAfterHandOff<7>};

// The closure's callback and argument words; not instrumented, as FirstWord above (the closure
// was written by libgrpc++, and is freed on the executor's thread).
struct ClosureWords {
  void* next;
  ClosureRun run;
  void* arg;
};
__attribute__((no_sanitize("thread"))) ClosureWords ReadClosure(const grpc_closure* closure) {
  return *reinterpret_cast<const ClosureWords*>(closure);
}
__attribute__((no_sanitize("thread"))) void SetClosureRun(grpc_closure* closure, ClosureRun run) {
  reinterpret_cast<ClosureWords*>(closure)->run = run;
}

void AnnotateClosure(grpc_closure* closure) {
  const ClosureWords words = ReadClosure(closure);
  if (words.run == nullptr || words.arg == nullptr ||
      !InGrpcpp(reinterpret_cast<const void*>(words.run))) {
    return;
  }
  for (size_t i = 0; i < kMaxClosureRuns; ++i) {
    ClosureRun expected = nullptr;
    if (closure_originals[i].compare_exchange_strong(expected, words.run) ||
        expected == words.run) {
      __tsan_release(words.arg);
      SetClosureRun(closure, kClosureTrampolines[i]);
      return;
    }
  }
}

}  // namespace

void grpc_core::Executor::Run(grpc_closure* closure, absl::Status error, ExecutorType type,
                              ExecutorJobType job_type) {
  static const auto real = [] {
    const char* ns = PARLEY_TSAN_STRINGIFY(ABSL_OPTION_INLINE_NAMESPACE_NAME);
    const std::string name = "_ZN9grpc_core8Executor3RunEP12grpc_closureN4absl" +
                             std::to_string(std::strlen(ns)) + ns +
                             "6StatusENS_12ExecutorTypeENS_15ExecutorJobTypeE";
    return Real<void (*)(grpc_closure*, absl::Status, ExecutorType, ExecutorJobType)>(name.c_str());
  }();
  if (closure != nullptr) {
    AnnotateClosure(closure);
  }
  real(closure, std::move(error), type, job_type);
}

// The last reference to a server call: MaybeDone drops a reference with an acq_rel decrement
// (instrumented where it is compiled into our binaries), and whoever drops the last one calls
// ScheduleOnDone, which runs OnDone inline or hands it to the executor (above). When the last
// reference is dropped inside libgrpc++ (uninstrumented), TSan did not see that decrement order
// the earlier ones before OnDone (reported: a write-path response freed in CallOnDone against
// its allocation by DeferredCall::Complete). ScheduleOnDone acquires the counter first.
void grpc::internal::ServerCallbackCall::ScheduleOnDone(bool inline_ondone) {
  static const auto real = Real<void (*)(grpc::internal::ServerCallbackCall*, bool)>(
      "_ZN4grpc8internal18ServerCallbackCall14ScheduleOnDoneEb");
  __tsan_acquire(&callbacks_outstanding_);
  real(this, inline_ondone);
}
