#ifndef PARLEY_BENCH_MODES_H
#define PARLEY_BENCH_MODES_H

#include <string>

#include "absl/time/time.h"
#include "bench/load_driver.h"

// The modes of parley-bench, one file each; load_main.cc turns its flags into these options.
// Each mode prints one line of figures per measurement and returns the process's exit status.
namespace parley::bench {

// Where parleyd is and how it is started.
struct ParleydFlags {
  std::string bin_dir = "build/bin";
  int block_cache_mb = 64;
};

// lookup_mode.cc: the null-gRPC ceiling, then GetMeeting and ListMeetings against parleyd over
// `meetings` preloaded meetings.
struct LookupOptions {
  ParleydFlags parleyd;
  int meetings = 10000;
  LoadShape load;
  std::string store_dir;  // Keeps the preloaded store for the next run; empty = a temp dir.
  absl::Duration warmup = absl::ZeroDuration();  // GetMeeting load run first, unmeasured.
  // A running server to measure instead of a parleyd started and preloaded here (a cluster
  // replica, bench/cluster-bench.sh): its meetings must be m-1 .. m-`meetings`. No baseline.
  std::string target;
};
int RunLookup(const LookupOptions& options);

// lookup_mode.cc: the do-nothing service `RunLookup` measures the ceiling against, started as
// `parley-bench null-server` (its own process, so it has cores of its own as parleyd does).
struct NullServerOptions {
  std::string listen = "127.0.0.1:0";
  std::string port_file;  // Receives "listen=PORT" once serving; empty = none.
  int bytes = 600;        // Size of every answer.
};
int RunNullServer(const NullServerOptions& options);

// rocksdb_mode.cc: point reads through MeetingStore, no gRPC.
struct RocksDbOptions {
  int meetings = 10000;
  int threads = 2;
  absl::Duration duration = absl::Seconds(10);
};
int RunRocksDb(const RocksDbOptions& run);

// ingest_mode.cc: generated articles through the pipeline and IngestArticle, end to end.
struct IngestOptions {
  ParleydFlags parleyd;
  int articles = 20000;
  int workers = 4;
  bool sync_writes = false;
};
int RunIngest(const IngestOptions& run);

// fanout_mode.cc: `watchers` watch streams while writes arrive at `rate` per second.
struct FanoutOptions {
  ParleydFlags parleyd;
  int watchers = 1000;
  double rate = 200;
  absl::Duration duration = absl::Seconds(10);
};
int RunFanout(const FanoutOptions& run);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_MODES_H
