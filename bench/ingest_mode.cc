// parley-bench ingest: generated articles through the worker's pipeline and IngestClient into
// parleyd, end to end, then the store's size (docs/performance.md).

#include <signal.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "bench/bench_process.h"
#include "bench/corpus_generator.h"
#include "bench/modes.h"
#include "bench/parleyd_setup.h"
#include "services/store/meeting_store.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"

namespace parley::bench {

int RunIngest(const IngestOptions& run) {
  const int n = run.articles;
  const std::vector<v1::Article> corpus = GenerateCorpus(n, 2026);
  TempDir dir, port_dir;
  ParleydOptions parleyd_options;
  parleyd_options.bin_dir = run.parleyd.bin_dir;
  parleyd_options.block_cache_mb = run.parleyd.block_cache_mb;
  parleyd_options.data_dir = dir.path();
  parleyd_options.port_dir = port_dir.path();
  parleyd_options.sync_writes = run.sync_writes;
  const Parleyd started = StartParleyd(parleyd_options);
  ChildProcess* const parleyd = started.process.get();
  const std::string& address = started.address;
  auto extractor = extract::Extractor::Default();
  Pipeline pipeline(*std::move(extractor));
  IngestClient client(MakeChannel(address));
  std::atomic<int> next{0};
  std::atomic<uint64_t> meetings{0};
  std::atomic<uint64_t> failures{0};
  const absl::Time begin = absl::Now();
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(run.workers));
  for (int w = 0; w < run.workers; ++w) {
    threads.emplace_back([&] {
      for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
        PipelineResult r = pipeline.ProcessArticle(corpus[i], "bench");
        const v1::IngestArticleRequest request = IngestRequestFor(r, "bench");
        auto response = client.Ingest(request);
        if (response.ok()) {
          meetings.fetch_add(static_cast<uint64_t>(response->changes_size()));
        } else {
          failures.fetch_add(1);
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - begin);
  const int64_t rss_kb = ProcessKb(parleyd->pid(), "VmHWM:");
  parleyd->Signal(SIGTERM);
  parleyd->Wait(absl::Seconds(30));
  StoreOptions options;
  options.path = dir.path();
  uint64_t count = 0;
  {
    auto store = MeetingStore::Open(options);
    if (store.ok()) {
      count = (*store)->meeting_count();
    }
  }
  const double mib = DirBytes(dir.path()) / 1048576.0;
  std::printf("%-34s %9.0f articles/s  (%d articles, %d workers, sync_writes=%s, %llu failed)\n",
              "end-to-end ingest", n / seconds, n, run.workers, run.sync_writes ? "true" : "false",
              static_cast<unsigned long long>(failures.load()));
  std::printf(
      "store: %llu meetings, %.1f MiB on disk, %.2f MiB per 1,000 meetings; parleyd peak "
      "RSS %.1f MiB\n",
      static_cast<unsigned long long>(count), mib, count > 0 ? mib * 1000 / count : 0.0,
      rss_kb / 1024.0);
  return failures.load() == 0 ? 0 : 1;
}

}  // namespace parley::bench
