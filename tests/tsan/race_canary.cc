// ThreadSanitizer builds only (CMakeLists.txt): checks the TSan suite itself. Two threads bump a
// counter 1,000 times each: `unguarded`, a plain int, which TSan must report as a data race with
// scripts/tsan.supp and sync_annotations.cc in force (so neither can hide a race in our code);
// `guarded`, under an absl::Mutex, which it must not report (so sync_annotations.cc describes
// Debian's uninstrumented absl::Mutex to it). Prints the final count.
#include <cstdio>
#include <cstring>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace {

int unguarded_count = 0;
absl::Mutex mu;
int guarded_count ABSL_GUARDED_BY(mu) = 0;

void Bump(bool guarded) {
  for (int i = 0; i < 1000; ++i) {
    if (guarded) {
      absl::MutexLock lock(&mu);
      ++guarded_count;
    } else {
      ++unguarded_count;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool guarded = argc > 1 && std::strcmp(argv[1], "guarded") == 0;
  std::thread a(Bump, guarded);
  std::thread b(Bump, guarded);
  a.join();
  b.join();
  absl::MutexLock lock(&mu);
  std::printf("%d\n", guarded ? guarded_count : unguarded_count);
  return 0;
}
