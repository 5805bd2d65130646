#ifndef PARLEY_WORKERS_QUEUE_ARTICLE_QUEUE_H
#define PARLEY_WORKERS_QUEUE_ARTICLE_QUEUE_H

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/nats/nats_connection.h"

namespace parley {

struct ArticleQueueOptions {
  std::vector<std::string> servers;  // nats://host:port of one or more cluster members.
  // The work-queue stream of inputs (an input leaves it once a worker acknowledged it) and its
  // subject; created when missing.
  std::string stream = "PARLEY_ARTICLES";
  std::string subject = "parley.articles";
  // Inputs that cannot be processed, each with its reason; created when missing, kept by age.
  std::string failed_stream = "PARLEY_ARTICLES_FAILED";
  std::string failed_subject = "parley.failed";
  absl::Duration failed_max_age = absl::Hours(24 * 30);
  std::string consumer = "parley-workers";  // The durable consumer every worker shares.
  int replicas = 1;                         // JetStream replicas of both streams (3 in production).
  // An input taken and neither acknowledged nor released within this time (its worker died) is
  // delivered again to another worker. A worker keeps it alive while it works on it.
  absl::Duration ack_wait = absl::Seconds(60);
  // Inputs with the same bytes submitted within this window are queued once.
  absl::Duration duplicate_window = absl::Minutes(2);
  absl::Duration request_timeout = absl::Seconds(5);  // JetStream API calls.
};

// One input taken from the queue. Exactly one of Done, Release or (through the queue) Fail
// ends it; one that is not ended (its worker died) is delivered again after the ack wait.
// Not thread-safe: one worker holds it.
class QueuedInput {
 public:
  QueuedInput(const QueuedInput&) = delete;
  QueuedInput& operator=(const QueuedInput&) = delete;
  ~QueuedInput();

  const std::string& name() const { return name_; }  // As submitted (a file name).
  absl::string_view data() const;
  uint64_t sequence() const { return sequence_; }      // In the stream.
  uint64_t deliveries() const { return deliveries_; }  // 1 the first time.

  // Stored: acknowledged, and the server confirmed it; it is never delivered again.
  [[nodiscard]] absl::Status Done();
  // Not processed now (the service is unavailable, the worker is stopping): delivered again,
  // to any worker, after `delay`.
  [[nodiscard]] absl::Status Release(absl::Duration delay);
  // Still being worked on: the ack wait starts again.
  [[nodiscard]] absl::Status KeepAlive();

 private:
  friend class ArticleQueue;
  QueuedInput(natsMsg* msg, std::string name, uint64_t sequence, uint64_t deliveries)
      : msg_(msg), name_(std::move(name)), sequence_(sequence), deliveries_(deliveries) {}

  natsMsg* msg_;
  std::string name_;
  uint64_t sequence_;
  uint64_t deliveries_;
};

// How much work the queue holds, for autoscaling.
struct QueueDepth {
  uint64_t waiting = 0;      // Not yet taken by any worker.
  uint64_t in_progress = 0;  // Taken, not yet acknowledged.
};

// The work queue of raw inputs on NATS JetStream. Submitters publish inputs (the bytes of a
// file, as `parley-ingest submit` would read it) with a de-duplication id (SHA-256 of the
// bytes); workers take them from one shared durable pull consumer, so each input goes to one
// worker at a time, and acknowledge each only after its articles are stored. An input that
// cannot be processed is moved to the failed stream with its reason, then acknowledged: nothing
// is lost. Thread-safe.
class ArticleQueue {
 public:
  // Connects (a cluster that is down is reached later) and, when JetStream answers, makes sure
  // both streams and the consumer exist. InvalidArgument for a bad option.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ArticleQueue>> Connect(
      ArticleQueueOptions options);
  ~ArticleQueue();
  ArticleQueue(const ArticleQueue&) = delete;
  ArticleQueue& operator=(const ArticleQueue&) = delete;

  // Queues one input under `name`; returns its stream sequence (the first one's, for a
  // duplicate). Unavailable while NATS is unreachable; InvalidArgument when it is larger than
  // the servers take.
  [[nodiscard]] absl::StatusOr<uint64_t> Submit(absl::string_view data, absl::string_view name,
                                                absl::Duration timeout);

  // Up to `max` inputs, waiting at most `timeout` for the first; empty when none came.
  // Unavailable while NATS is unreachable.
  [[nodiscard]] absl::StatusOr<std::vector<std::unique_ptr<QueuedInput>>> Take(
      int max, absl::Duration timeout);

  // Records that `input` cannot be processed: its bytes, name and `reason` (one line of JSON)
  // go to the failed stream, then the input is acknowledged. A failure to record leaves the
  // input in the queue (to be delivered again) and is returned.
  [[nodiscard]] absl::Status Fail(QueuedInput& input, absl::string_view reason);

  [[nodiscard]] absl::StatusOr<QueueDepth> Depth();

  bool Connected() const { return connection_->Connected(); }

 private:
  ArticleQueue(ArticleQueueOptions options, std::unique_ptr<NatsConnection> connection)
      : options_(std::move(options)), connection_(std::move(connection)) {}

  // Creates the streams and the consumer when missing and binds the pull subscription; once
  // done, returns at once.
  [[nodiscard]] absl::Status EnsureSetUp() ABSL_LOCKS_EXCLUDED(setup_mu_);

  const ArticleQueueOptions options_;
  const std::unique_ptr<NatsConnection> connection_;
  absl::Mutex setup_mu_;  // Serialises set-up.
  // Set once, under setup_mu_; read without it (Submit never waits for a fetch).
  std::atomic<natsSubscription*> subscription_{nullptr};
  absl::Mutex fetch_mu_;  // One fetch at a time on the one subscription.
};

}  // namespace parley

#endif  // PARLEY_WORKERS_QUEUE_ARTICLE_QUEUE_H
