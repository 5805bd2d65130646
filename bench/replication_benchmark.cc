// Cluster mode's write path (docs/scaling.md), in process: a write straight into the store
// against the same write through the NATS JetStream log (append, acknowledgement, this replica's
// apply), one writer and many; and the rate at which a replica applies a log it is behind on.
// Needs NATS: PARLEY_BENCH_NATS is the servers' URLs (bench/replication-bench.sh starts a lone
// server and a 3-server cluster and runs this against each); without it the log benchmarks
// are skipped, saying so.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "benchmark/benchmark.h"
#include "services/replication/meeting_writer.h"
#include "services/replication/nats_write_log.h"
#include "services/replication/replica.h"
#include "services/store/meeting_store.h"

namespace parley {
namespace {

// Article `k`: one of three reports of meeting k / 3 (its own day and pair of countries).
v1::IngestOp Article(int64_t k, const std::string& salt) {
  static const char* kCountries[] = {"FR", "DE", "JP", "IN", "BR", "AR", "KE", "ET", "PL", "CZ"};
  const int64_t meeting = k / 3;
  v1::IngestOp op;
  op.mutable_article()->set_title(absl::StrCat("Talks ", meeting, " (", k % 3, ") ", salt));
  op.mutable_article()->set_body(
      absl::StrCat("Report ", k, " ", salt, ": the ministers met in Geneva and discussed trade."));
  v1::Meeting* m = op.add_meetings();
  m->set_kind(v1::MEETING_KIND_BILATERAL);
  m->set_status(v1::MEETING_STATUS_HELD);
  const int64_t day = meeting * 2;
  m->mutable_start_date()->set_year(static_cast<int32_t>(2000 + day / 336));
  m->mutable_start_date()->set_month(static_cast<int32_t>(1 + (day / 28) % 12));
  m->mutable_start_date()->set_day(static_cast<int32_t>(1 + day % 28));
  m->mutable_venue()->set_city("Geneva");
  m->mutable_venue()->set_country_code("CH");
  m->add_countries(kCountries[meeting % 10]);
  m->add_countries(kCountries[(meeting + 3) % 10]);
  op.set_extractor_version("bench");
  return op;
}

// A fresh store in a temporary folder, removed afterwards.
class TempStore {
 public:
  // `sync`: as the single process (true) or a cluster replica (false) runs it.
  explicit TempStore(bool sync) {
    static int counter = 0;
    path_ = absl::StrCat(std::filesystem::temp_directory_path().string(), "/parley-repl-bench-",
                         getpid(), "-", counter++);
    std::filesystem::create_directories(path_);
    StoreOptions options;
    options.path = path_;
    options.sync_writes = sync;
    store_ = *MeetingStore::Open(options);
  }
  ~TempStore() {
    store_.reset();
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  MeetingStore* get() { return store_.get(); }

 private:
  std::string path_;
  std::unique_ptr<MeetingStore> store_;
};

// The log at PARLEY_BENCH_NATS on a stream of its own; null (and the benchmark skipped) without.
std::unique_ptr<NatsWriteLog> Log(benchmark::State& state, const std::string& stream) {
  const char* servers = std::getenv("PARLEY_BENCH_NATS");
  if (servers == nullptr || *servers == '\0') {
    state.SkipWithError("PARLEY_BENCH_NATS is not set (run bench/replication-bench.sh)");
    return nullptr;
  }
  NatsLogOptions options;
  options.servers = absl::StrSplit(servers, ',');
  options.stream = stream;
  options.subject = absl::StrCat("bench.", stream);
  const char* replicas = std::getenv("PARLEY_BENCH_NATS_REPLICAS");
  options.replicas = replicas != nullptr ? std::atoi(replicas) : 1;
  absl::StatusOr<std::unique_ptr<NatsWriteLog>> log = NatsWriteLog::Connect(options);
  if (!log.ok()) {
    state.SkipWithError(log.status().ToString().c_str());
    return nullptr;
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (!(*log)->Connected() && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  return *std::move(log);
}

std::string UniqueName(const char* what) {
  static int counter = 0;
  return absl::StrCat(what, "_", getpid(), "_", counter++, "_", absl::ToUnixMicros(absl::Now()));
}

void BM_WriteDirect(benchmark::State& state) {
  TempStore store(/*sync=*/true);
  StoreWriter writer(store.get());
  const std::string salt = UniqueName("direct");
  int64_t k = 0;
  for (auto _ : state) {
    absl::StatusOr<IngestOutcome> outcome = writer.Ingest(Article(k++, salt));
    if (!outcome.ok()) {
      state.SkipWithError(outcome.status().ToString().c_str());
      break;
    }
  }
  state.SetItemsProcessed(k);
}
BENCHMARK(BM_WriteDirect)->UseRealTime();

// Writers share one replica (its writes are appended concurrently); state.threads() of them.
struct SharedReplica {
  std::unique_ptr<TempStore> store;
  std::unique_ptr<NatsWriteLog> log;
  std::unique_ptr<Replica> replica;
};
SharedReplica* shared = nullptr;

void BM_WriteThroughLog(benchmark::State& state) {
  if (state.thread_index() == 0) {
    shared = new SharedReplica;
    shared->log = Log(state, UniqueName("WRITES"));
    if (shared->log != nullptr) {
      shared->store = std::make_unique<TempStore>(/*sync=*/false);
      shared->replica =
          std::make_unique<Replica>(shared->store->get(), shared->log.get(), ReplicaOptions());
      shared->replica->Start();
    }
  }
  const std::string salt = UniqueName("log");
  int64_t k = state.thread_index();  // Threads take every threads()-th article.
  int64_t done = 0;
  for (auto _ : state) {
    if (shared->replica == nullptr) {
      state.SkipWithError("no log");
      break;
    }
    absl::StatusOr<IngestOutcome> outcome = shared->replica->Ingest(Article(k, salt));
    k += state.threads();
    if (!outcome.ok()) {
      state.SkipWithError(outcome.status().ToString().c_str());
      break;
    }
    ++done;
  }
  state.SetItemsProcessed(done);
  if (state.thread_index() == 0) {
    delete shared;
    shared = nullptr;
  }
}
BENCHMARK(BM_WriteThroughLog)->UseRealTime()->Threads(1)->Threads(8);

// A replica that is `range(0)` entries behind catches up: entries applied per second.
void BM_ApplyBacklog(benchmark::State& state) {
  std::unique_ptr<NatsWriteLog> log = Log(state, UniqueName("BACKLOG"));
  if (log == nullptr) {
    return;
  }
  const int64_t entries = state.range(0);
  const std::string salt = UniqueName("backlog");
  for (int64_t k = 0; k < entries; ++k) {
    v1::LogEntry entry;
    entry.mutable_time()->set_seconds(1700000000 + k);
    *entry.mutable_ingest() = Article(k, salt);
    if (!log->Append(entry.SerializeAsString(), absl::StrCat(salt, k), absl::Seconds(10)).ok()) {
      state.SkipWithError("append failed");
      return;
    }
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto store = std::make_unique<TempStore>(/*sync=*/false);
    Replica replica(store->get(), log.get(), ReplicaOptions());
    state.ResumeTiming();
    replica.Start();
    while (replica.state().applied_position < static_cast<uint64_t>(entries)) {
      absl::SleepFor(absl::Milliseconds(1));
    }
    state.PauseTiming();
    replica.Stop();
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * entries);
}
BENCHMARK(BM_ApplyBacklog)->Arg(200)->Arg(3000)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
