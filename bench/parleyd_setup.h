#ifndef PARLEY_BENCH_PARLEYD_SETUP_H
#define PARLEY_BENCH_PARLEYD_SETUP_H

#include <memory>
#include <string>

#include "bench/bench_process.h"
#include "parley/v1/meeting.pb.h"

namespace parley::bench {

// A realistic stored meeting number `i` (distinct dates, so none merge).
v1::Meeting SyntheticMeeting(int i);

// Fills the store in `dir` with `n` meetings (one article each) and closes it; exits the
// benchmark on a store error.
void Preload(const std::string& dir, int n);

struct ParleydOptions {
  std::string bin_dir = "build/bin";  // Where the parleyd binary is.
  std::string data_dir;
  std::string port_dir;  // Receives parleyd's port file.
  bool sync_writes = false;
  int block_cache_mb = 64;
};

// A running parleyd and its address.
struct Parleyd {
  std::unique_ptr<ChildProcess> process;
  std::string address;  // "127.0.0.1:PORT".
};

// parleyd on port 0 (the port read from its --port_file), accepting connections when this
// returns; exits the benchmark when it does not come up within 30 s.
Parleyd StartParleyd(const ParleydOptions& options);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_PARLEYD_SETUP_H
