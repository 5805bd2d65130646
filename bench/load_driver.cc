#include "bench/load_driver.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <utility>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "grpcpp/generic/generic_stub.h"

namespace parley::bench {

void Latencies::Merge(const Latencies& other) {
  micros.insert(micros.end(), other.micros.begin(), other.micros.end());
}

double Latencies::Percentile(double p) {
  if (micros.empty()) {
    return 0;
  }
  std::sort(micros.begin(), micros.end());
  const size_t i = std::min(micros.size() - 1, static_cast<size_t>(p * micros.size()));
  return micros[i] / 1000.0;
}

LoadResult RunLoad(int slots, absl::Duration duration,
                   const std::function<void(int, std::function<void(bool)>)>& issue) {
  struct Slot {
    Latencies latencies;
    uint64_t errors = 0;
    absl::Time started;
  };
  std::vector<Slot> state(slots);
  std::atomic<int> running{slots};
  absl::Notification all_done;
  const absl::Time deadline = absl::Now() + duration;
  std::function<void(int)> start = [&](int slot) {
    state[slot].started = absl::Now();
    issue(slot, [&, slot](bool ok) {
      const absl::Time now = absl::Now();
      state[slot].latencies.micros.push_back(
          static_cast<uint32_t>(absl::ToInt64Microseconds(now - state[slot].started)));
      state[slot].errors += ok ? 0 : 1;
      if (now < deadline) {
        start(slot);
      } else if (running.fetch_sub(1) == 1) {
        all_done.Notify();
      }
    });
  };
  const absl::Time begin = absl::Now();
  for (int s = 0; s < slots; ++s) {
    start(s);
  }
  all_done.WaitForNotification();
  LoadResult result;
  result.seconds = absl::ToDoubleSeconds(absl::Now() - begin);
  for (Slot& s : state) {
    result.calls += s.latencies.micros.size();
    result.errors += s.errors;
    result.latencies.Merge(s.latencies);
  }
  return result;
}

void PrintLoad(const std::string& name, LoadResult& r, double ceiling_qps) {
  const double qps = r.calls / r.seconds;
  std::printf("%-34s %9.0f QPS  p50 %6.2f ms  p99 %6.2f ms  p999 %6.2f ms  errors %llu",
              name.c_str(), qps, r.latencies.Percentile(0.50), r.latencies.Percentile(0.99),
              r.latencies.Percentile(0.999), static_cast<unsigned long long>(r.errors));
  if (ceiling_qps > 0) {
    std::printf("  ratio to baseline %.2f", qps / ceiling_qps);
  }
  std::printf("\n");
  std::fflush(stdout);
}

std::vector<std::shared_ptr<grpc::Channel>> Channels(const std::string& address, int n) {
  std::vector<std::shared_ptr<grpc::Channel>> out;
  for (int i = 0; i < n; ++i) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.use_local_subchannel_pool", 1);
    args.SetInt("bench.channel", i);  // Distinct arguments: a connection of its own.
    out.push_back(grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
  }
  return out;
}

LoadResult RawUnaryLoad(const std::string& address, const std::string& method,
                        const LoadShape& shape,
                        const std::function<std::string(int slot, int n)>& request_bytes) {
  const int connections = shape.connections;
  const int streams = shape.streams;
  auto channels = Channels(address, connections);
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs;
  stubs.reserve(channels.size());
  for (auto& c : channels) {
    stubs.push_back(std::make_unique<grpc::GenericStub>(c));
  }
  struct Call {
    std::unique_ptr<grpc::ClientContext> context;
    grpc::ByteBuffer request;
    grpc::ByteBuffer response;
    int n = 0;
  };
  std::vector<Call> calls(static_cast<size_t>(connections) * static_cast<size_t>(streams));
  return RunLoad(
      static_cast<int>(calls.size()), shape.duration,
      [&](int slot, const std::function<void(bool)>& done) {
        Call& call = calls[slot];
        call.context = std::make_unique<grpc::ClientContext>();
        grpc::Slice slice(request_bytes(slot, call.n++));
        call.request = grpc::ByteBuffer(&slice, 1);
        stubs[slot % connections]->UnaryCall(
            call.context.get(), method, grpc::StubOptions(), &call.request, &call.response,
            [done, &call](const grpc::Status& s) { done(s.ok() && call.response.Length() > 0); });
      });
}

}  // namespace parley::bench
