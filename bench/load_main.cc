// parley-bench: load generators and baselines, each against a real parleyd process on this
// machine (docs/performance.md has the figures and the method).
//   parley-bench lookup   [--meetings=N] [--seconds=S] [--connections=C] [--streams=M]
//                         [--target=HOST:PORT]   (a running server instead of one started here)
//   parley-bench rocksdb  [--meetings=N] [--seconds=S] [--threads=T]
//   parley-bench ingest   [--articles=N] [--workers=W] [--sync_writes]
//   parley-bench fanout   [--watchers=N] [--rate=R] [--seconds=S]
//   parley-bench null-server [--listen=ADDR] [--port_file=F] [--bytes=B]   (lookup's baseline)
// Every run prints one line of figures per measurement. This file turns the flags into the
// options of a mode; each mode is a file of its own (bench/modes.h), around one load driver
// (bench/load_driver.h).

#include <signal.h>

#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/time.h"
#include "bench/modes.h"

ABSL_FLAG(int32_t, meetings, 10000, "Meetings stored before a lookup run");
ABSL_FLAG(double, seconds, 10, "Length of each measurement");
ABSL_FLAG(int32_t, connections, 4, "Client channels (separate TCP connections)");
ABSL_FLAG(int32_t, streams, 32, "Outstanding calls per connection");
ABSL_FLAG(int32_t, threads, 2, "Reader threads (rocksdb)");
ABSL_FLAG(int32_t, articles, 20000, "Articles to ingest");
ABSL_FLAG(int32_t, workers, 4, "Ingest client threads");
ABSL_FLAG(bool, sync_writes, false, "ingest: parleyd fsyncs every write (its default)");
ABSL_FLAG(int32_t, watchers, 1000, "Watch streams");
ABSL_FLAG(double, rate, 200, "Writes per second during fanout");
ABSL_FLAG(std::string, bin_dir, "build/bin", "Where parleyd is");
ABSL_FLAG(std::string, listen, "127.0.0.1:0", "null-server: address to serve on");
ABSL_FLAG(std::string, port_file, "", "null-server: write the bound port here (listen=PORT)");
ABSL_FLAG(int32_t, bytes, 600, "null-server: response size");
ABSL_FLAG(std::string, store_dir, "",
          "lookup: keep the preloaded store in this folder and reuse it on the next run "
          "(a 1M-meeting preload takes minutes); empty = a temp dir");
ABSL_FLAG(int32_t, block_cache_mb, 64, "lookup: parleyd --block_cache_mb");
ABSL_FLAG(std::string, target, "",
          "lookup: measure this running server (its meetings m-1..m-N) instead of starting one");
ABSL_FLAG(double, warmup_seconds, 0,
          "lookup: run the GetMeeting load this long first, unmeasured, so the block cache is "
          "in its steady state");

namespace {

using parley::bench::ParleydFlags;

ParleydFlags ParleydFromFlags() {
  ParleydFlags parleyd;
  parleyd.bin_dir = absl::GetFlag(FLAGS_bin_dir);
  parleyd.block_cache_mb = absl::GetFlag(FLAGS_block_cache_mb);
  return parleyd;
}

absl::Duration Seconds() { return absl::Seconds(absl::GetFlag(FLAGS_seconds)); }

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string command = args.size() > 1 ? args[1] : "";
  if (command == "lookup") {
    parley::bench::LookupOptions options;
    options.parleyd = ParleydFromFlags();
    options.meetings = absl::GetFlag(FLAGS_meetings);
    options.load.connections = absl::GetFlag(FLAGS_connections);
    options.load.streams = absl::GetFlag(FLAGS_streams);
    options.load.duration = Seconds();
    options.store_dir = absl::GetFlag(FLAGS_store_dir);
    options.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_seconds));
    options.target = absl::GetFlag(FLAGS_target);
    return parley::bench::RunLookup(options);
  }
  if (command == "rocksdb") {
    parley::bench::RocksDbOptions options;
    options.meetings = absl::GetFlag(FLAGS_meetings);
    options.threads = absl::GetFlag(FLAGS_threads);
    options.duration = Seconds();
    return parley::bench::RunRocksDb(options);
  }
  if (command == "ingest") {
    parley::bench::IngestOptions options;
    options.parleyd = ParleydFromFlags();
    options.articles = absl::GetFlag(FLAGS_articles);
    options.workers = absl::GetFlag(FLAGS_workers);
    options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
    return parley::bench::RunIngest(options);
  }
  if (command == "fanout") {
    parley::bench::FanoutOptions options;
    options.parleyd = ParleydFromFlags();
    options.watchers = absl::GetFlag(FLAGS_watchers);
    options.rate = absl::GetFlag(FLAGS_rate);
    options.duration = Seconds();
    return parley::bench::RunFanout(options);
  }
  if (command == "null-server") {
    parley::bench::NullServerOptions options;
    options.listen = absl::GetFlag(FLAGS_listen);
    options.port_file = absl::GetFlag(FLAGS_port_file);
    options.bytes = absl::GetFlag(FLAGS_bytes);
    return parley::bench::RunNullServer(options);
  }
  std::fprintf(stderr, "usage: parley-bench lookup|rocksdb|ingest|fanout [flags]\n");
  return 2;
}
