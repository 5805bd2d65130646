#include "workers/ingest/queue_worker.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "services/log/log.h"
#include "workers/ingest/store_results.h"

namespace parley {

// The input a worker thread holds, kept alive by the keep-alive thread under `mu`.
struct QueueWorker::Slot {
  absl::Mutex mu;
  QueuedInput* input ABSL_GUARDED_BY(mu) = nullptr;
};

QueueWorker::QueueWorker(QueueWorkerOptions options, ArticleQueue* queue, const Pipeline* pipeline,
                         const IngestClient* client)
    : options_(std::move(options)), queue_(queue), pipeline_(pipeline), client_(client) {}

absl::Status QueueWorker::Run(const std::atomic<bool>& stop) {
  const int workers = std::max(1, options_.workers);
  std::vector<std::unique_ptr<Slot>> slots;
  slots.reserve(static_cast<size_t>(workers));
  for (int w = 0; w < workers; ++w) {
    slots.push_back(std::make_unique<Slot>());
  }
  std::atomic<bool> queue_down{false};  // Logged once per outage.
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(workers));
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      while (!stop.load()) {
        absl::StatusOr<std::vector<std::unique_ptr<QueuedInput>>> taken =
            queue_->Take(1, absl::Milliseconds(500));
        if (!taken.ok()) {
          if (!queue_down.exchange(true)) {
            Log(LogLevel::kWarning, absl::StrCat("article queue: ", taken.status().ToString()));
          }
          absl::SleepFor(absl::Milliseconds(250));
          continue;
        }
        if (queue_down.exchange(false)) {
          Log(LogLevel::kInfo, "article queue: reachable again");
        }
        for (std::unique_ptr<QueuedInput>& input : *taken) {
          Process(*input, *slots[w], stop);
        }
      }
    });
  }
  // Inputs in progress stay held while the service is slow or retried: the queue would hand
  // them to another worker after its ack wait.
  std::thread keep_alive([&] {
    while (!stop.load()) {
      const absl::Time until = absl::Now() + options_.keep_alive;
      while (!stop.load() && absl::Now() < until) {
        absl::SleepFor(absl::Milliseconds(50));
      }
      for (const std::unique_ptr<Slot>& slot : slots) {
        absl::MutexLock lock(&slot->mu);
        if (slot->input != nullptr) {
          (void)slot->input->KeepAlive();  // A lost one: at worst the input is redone.
        }
      }
    }
  });
  for (std::thread& t : threads) {
    t.join();
  }
  keep_alive.join();
  return absl::OkStatus();
}

void QueueWorker::Process(QueuedInput& input, Slot& slot, const std::atomic<bool>& stop) {
  if (input.deliveries() > 1) {
    counters_.redelivered.fetch_add(1);
  }
  {
    absl::MutexLock lock(&slot.mu);
    slot.input = &input;
  }
  StoredInput stored;
  if (input.data().size() > options_.max_input_bytes) {
    stored.errors.emplace_back(
        input.name(),
        absl::InvalidArgumentError(absl::StrCat(
            "input is ", input.data().size(), " bytes; the limit is ", options_.max_input_bytes)));
  } else {
    // A stop hands the input back below; the articles stored so far are not redone twice.
    stored = StoreResults(pipeline_->Process(input.data(), input.name()), *client_,
                          options_.extractor_version, stop);
    counters_.articles.fetch_add(stored.articles);
  }
  const std::vector<std::pair<std::string, absl::Status>>& errors = stored.errors;
  absl::MutexLock lock(&slot.mu);
  slot.input = nullptr;
  absl::Status ended;
  if (stored.stopped) {
    ended = input.Release(options_.release_delay);
  } else if (errors.empty()) {
    ended = input.Done();
    if (ended.ok()) counters_.done.fetch_add(1);
  } else {
    ended =
        queue_->Fail(input, FailureRecordJson("input", input.name(), errors, /*one_line=*/true));
    if (ended.ok()) {
      counters_.failed.fetch_add(1);
      Log(LogLevel::kWarning, absl::StrCat("input ", input.name(), " (", input.sequence(),
                                           ") failed: ", errors.front().second.ToString()));
    }
  }
  if (!ended.ok()) {
    // The queue delivers it again after its ack wait; ingest is idempotent.
    Log(LogLevel::kWarning, ended.ToString());
  }
}

}  // namespace parley
