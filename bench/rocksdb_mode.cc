// parley-bench rocksdb: point reads through MeetingStore on the benchmark's threads, no gRPC: the
// store's own ceiling under the service figures (docs/performance.md).

#include <atomic>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/bench_process.h"
#include "bench/modes.h"
#include "bench/parleyd_setup.h"
#include "services/store/meeting_store.h"

namespace parley::bench {

int RunRocksDb(const RocksDbOptions& run) {
  const int meetings = run.meetings;
  TempDir dir;
  Preload(dir.path(), meetings);
  StoreOptions options;
  options.path = dir.path();
  auto store = MeetingStore::Open(options);
  if (!store.ok()) {
    return 1;
  }
  std::atomic<uint64_t> reads{0};
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(run.threads));
  const absl::Time deadline = absl::Now() + run.duration;
  const absl::Time begin = absl::Now();
  for (int t = 0; t < run.threads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      uint64_t n = 0;
      while (absl::Now() < deadline) {
        for (int k = 0; k < 256; ++k) {
          auto m = (*store)->GetMeeting(absl::StrFormat("m-%012d", 1 + rng() % meetings));
          n += m.ok() ? 1 : 0;
        }
      }
      reads.fetch_add(n);
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  std::printf("%-34s %9.0f reads/s  (%d threads, no gRPC)\n", "RocksDB point reads via store",
              reads.load() / absl::ToDoubleSeconds(absl::Now() - begin), run.threads);
  return 0;
}

}  // namespace parley::bench
