#ifndef PARLEY_WORKERS_INGEST_QUEUE_METRICS_H
#define PARLEY_WORKERS_INGEST_QUEUE_METRICS_H

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "workers/ingest/queue_worker.h"
#include "workers/queue/article_queue.h"

namespace parley {

// Prometheus metrics of a queue worker (`parley-ingest run --queue_servers --metrics_listen`),
// at /metrics:
//   parley_queue_inputs{state="waiting"|"in_progress"}  the shared queue's depth: what a
//       Kubernetes HPA scales the workers on (through an external-metrics adapter)
//   parley_queue_worker_inputs_total{outcome="done"|"failed"|"redelivered"}  this worker's
//   parley_queue_worker_articles_total  articles this worker stored
// Sampled every `interval` by a thread of its own until destroyed.
class QueueMetrics {
 public:
  // Unavailable when `address` cannot be bound. `queue` and `counters` must outlive this.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<QueueMetrics>> Start(
      const std::string& address, ArticleQueue* queue, const QueueWorkerCounters* counters,
      absl::Duration interval = absl::Seconds(1));
  ~QueueMetrics();
  QueueMetrics(const QueueMetrics&) = delete;
  QueueMetrics& operator=(const QueueMetrics&) = delete;

  int port() const { return port_; }  // The bound port (for --port_file).

 private:
  struct Impl;
  QueueMetrics() = default;
  void Sample();

  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread sampler_;
};

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_QUEUE_METRICS_H
