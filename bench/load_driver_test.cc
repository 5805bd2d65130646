// The benchmark's own machinery: the closed-loop driver counts every call, its errors and
// latencies; percentiles; child processes, temp dirs and the port-file wait.

#include "bench/load_driver.h"

#include <signal.h>

#include <atomic>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <utility>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "bench/bench_process.h"
#include "gtest/gtest.h"

namespace parley::bench {
namespace {

TEST(LatenciesTest, PercentilesInMilliseconds) {
  Latencies latencies;
  for (uint32_t micros = 1000; micros <= 100000; micros += 1000) {  // 1..100 ms.
    latencies.micros.push_back(micros);
  }
  EXPECT_DOUBLE_EQ(latencies.Percentile(0.5), 51.0);
  EXPECT_DOUBLE_EQ(latencies.Percentile(0.99), 100.0);
  EXPECT_DOUBLE_EQ(latencies.Percentile(1.0), 100.0);
  EXPECT_DOUBLE_EQ(Latencies().Percentile(0.5), 0.0);
}

// Completes calls on a thread of its own, as gRPC's callbacks do.
class Completer {
 public:
  Completer() : thread_([this] { Loop(); }) {}
  ~Completer() {
    {
      absl::MutexLock lock(&mu_);
      closing_ = true;
    }
    thread_.join();
  }
  void Post(std::function<void()> done) {
    absl::MutexLock lock(&mu_);
    queue_.push_back(std::move(done));
  }

 private:
  void Loop() {
    while (true) {
      std::function<void()> next;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(
            +[](Completer* c) { return !c->queue_.empty() || c->closing_; }, this));
        if (queue_.empty()) {
          return;
        }
        next = std::move(queue_.front());
        queue_.pop_front();
      }
      next();
    }
  }

  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

TEST(RunLoadTest, KeepsEverySlotBusyForTheDurationAndCountsErrors) {
  std::atomic<int> issued{0};
  std::atomic<int> in_flight{0};
  std::atomic<int> most_in_flight{0};
  LoadResult result;
  {
    Completer completer;
    result = RunLoad(4, absl::Milliseconds(200), [&](int, const std::function<void(bool)>& done) {
      const int n = issued.fetch_add(1);
      const int now = in_flight.fetch_add(1) + 1;
      int seen = most_in_flight.load();
      while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
      }
      completer.Post([&, n, done] {
        in_flight.fetch_sub(1);
        done(n % 2 == 0);  // Every second call fails.
      });
    });
  }
  EXPECT_EQ(result.calls, static_cast<uint64_t>(issued.load()));
  EXPECT_EQ(result.latencies.micros.size(), result.calls);
  EXPECT_GT(result.calls, 4u);
  EXPECT_EQ(result.errors, result.calls / 2);
  EXPECT_LE(most_in_flight.load(), 4);
  EXPECT_GE(result.seconds, 0.2);
}

TEST(BenchProcessTest, TempDirIsRemovedWithItsFiles) {
  std::string path;
  {
    TempDir dir;
    path = dir.path();
    ASSERT_TRUE(std::filesystem::is_directory(path));
    std::ofstream(path + "/file") << "x";
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(BenchProcessTest, WaitForListenPortReadsTheReportedPort) {
  TempDir dir;
  const std::string port_file = dir.path() + "/x.port";
  ChildProcess writer({"/bin/sh", "-c",
                       "echo metrics_listen=4001 > " + port_file + ".tmp; echo listen=4000 >> " +
                           port_file + ".tmp; mv " + port_file + ".tmp " + port_file +
                           "; exec sleep 30"});
  const absl::StatusOr<int> port = WaitForListenPort(writer, port_file, absl::Seconds(30));
  ASSERT_TRUE(port.ok()) << port.status();
  EXPECT_EQ(*port, 4000);
  writer.Signal(SIGKILL);
  EXPECT_EQ(writer.Wait(absl::Seconds(10)), -1);  // Died by the signal.
}

TEST(BenchProcessTest, WaitForListenPortIsAbortedWhenTheProcessExitsFirst) {
  TempDir dir;
  ChildProcess quitter({"/bin/true"});
  const absl::StatusOr<int> port =
      WaitForListenPort(quitter, dir.path() + "/never.port", absl::Seconds(30));
  EXPECT_EQ(port.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(quitter.Wait(absl::Seconds(10)), 0);
}

}  // namespace
}  // namespace parley::bench
