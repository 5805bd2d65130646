#ifndef PARLEY_WORKERS_INGEST_QUEUE_WORKER_H
#define PARLEY_WORKERS_INGEST_QUEUE_WORKER_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"
#include "workers/queue/article_queue.h"

namespace parley {

struct QueueWorkerOptions {
  int workers = 2;  // Inputs processed in parallel.
  size_t max_input_bytes = 8 << 20;
  std::string extractor_version;
  // How often an input being worked on is kept alive; under the queue's ack wait.
  absl::Duration keep_alive = absl::Seconds(10);
  // An input released because the worker stops is offered again after this delay.
  absl::Duration release_delay = absl::ZeroDuration();
};

struct QueueWorkerCounters {
  std::atomic<uint64_t> done{0};         // Inputs whose articles are all stored.
  std::atomic<uint64_t> failed{0};       // Inputs moved to the failed stream with a reason.
  std::atomic<uint64_t> articles{0};     // Articles stored.
  std::atomic<uint64_t> redelivered{0};  // Inputs taken that another worker had held before.
};

// `parley-ingest run` in cluster mode: workers of any number of pods take inputs from the shared
// article queue, extract them, store every article through IngestService, and acknowledge the
// input only after the service acknowledged each of its articles. An input whose worker dies is
// delivered again to another one after the queue's ack wait; ingest is idempotent per article,
// so the store keeps one copy. An input that cannot be processed (undecodable, refused by the
// service) is moved to the queue's failed stream with the reason of each of its articles, as the
// inbox's failed/ folder does. Inputs in progress are kept alive while the service retries.
class QueueWorker {
 public:
  QueueWorker(QueueWorkerOptions options, ArticleQueue* queue, const Pipeline* pipeline,
              const IngestClient* client);

  // Runs until `stop` is set, then releases or finishes the inputs in hand and returns.
  [[nodiscard]] absl::Status Run(const std::atomic<bool>& stop);

  const QueueWorkerCounters& counters() const { return counters_; }

 private:
  struct Slot;
  void Process(QueuedInput& input, Slot& slot, const std::atomic<bool>& stop);

  QueueWorkerOptions options_;
  ArticleQueue* queue_;
  const Pipeline* pipeline_;
  const IngestClient* client_;
  QueueWorkerCounters counters_;
};

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_QUEUE_WORKER_H
