#ifndef PARLEY_BENCH_LOAD_DRIVER_H
#define PARLEY_BENCH_LOAD_DRIVER_H

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace parley::bench {

// Call latencies in microseconds.
struct Latencies {
  std::vector<uint32_t> micros;
  void Merge(const Latencies& other);
  // The `p` quantile (0..1) in milliseconds; 0 when empty. Sorts `micros`.
  double Percentile(double p);
};

struct LoadResult {
  uint64_t calls = 0;
  uint64_t errors = 0;
  double seconds = 0;
  Latencies latencies;
};

// Closed-loop load: `slots` calls in flight for `duration`; `issue(slot, done)` starts one call
// and calls `done(ok)` when it completes (on any thread). Returns the calls completed and their
// latencies.
LoadResult RunLoad(int slots, absl::Duration duration,
                   const std::function<void(int, std::function<void(bool)>)>& issue);

// How many connections and calls per connection a load keeps busy, and for how long.
struct LoadShape {
  int connections = 4;
  int streams = 32;
  absl::Duration duration = absl::Seconds(10);
};

// `n` channels to `address`, each a TCP connection of its own.
std::vector<std::shared_ptr<grpc::Channel>> Channels(const std::string& address, int n);

// Raw unary calls of `method` (like h2load): requests are encoded once per call by
// `request_bytes(slot, n)` (the n-th call of that slot), responses are checked for status and
// size but not decoded, so the client's own decoding on the shared cores does not dominate the
// server's figures.
LoadResult RawUnaryLoad(const std::string& address, const std::string& method,
                        const LoadShape& shape,
                        const std::function<std::string(int slot, int n)>& request_bytes);

// One line of figures: QPS, p50/p99/p999 latency, errors, and the ratio to `ceiling_qps` when
// it is positive.
void PrintLoad(const std::string& name, LoadResult& result, double ceiling_qps = 0);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_LOAD_DRIVER_H
