#include "workers/ingest/queue_metrics.h"

#include <exception>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/family.h"
#include "prometheus/gauge.h"
#include "prometheus/registry.h"

namespace parley {

struct QueueMetrics::Impl {
  Impl(const std::string& address, ArticleQueue* source, const QueueWorkerCounters* worker)
      : exposer(address),
        registry(std::make_shared<prometheus::Registry>()),
        inputs(prometheus::BuildGauge()
                   .Name("parley_queue_inputs")
                   .Help("Inputs in the shared article queue: waiting for a worker, or taken and "
                         "not yet acknowledged")
                   .Register(*registry)),
        outcomes(prometheus::BuildCounter()
                     .Name("parley_queue_worker_inputs_total")
                     .Help("Inputs this worker finished (done, failed) or took again after "
                           "another worker held them (redelivered)")
                     .Register(*registry)),
        waiting(inputs.Add({{"state", "waiting"}})),
        in_progress(inputs.Add({{"state", "in_progress"}})),
        done(outcomes.Add({{"outcome", "done"}})),
        failed(outcomes.Add({{"outcome", "failed"}})),
        redelivered(outcomes.Add({{"outcome", "redelivered"}})),
        articles(prometheus::BuildCounter()
                     .Name("parley_queue_worker_articles_total")
                     .Help("Articles this worker stored")
                     .Register(*registry)
                     .Add({})),
        queue(source),
        counters(worker) {
    exposer.RegisterCollectable(registry);
  }

  // Counters from the worker's atomics: the increase since the last sample.
  static void Advance(prometheus::Counter& counter, uint64_t now, uint64_t* last) {
    if (now > *last) {
      counter.Increment(static_cast<double>(now - *last));
      *last = now;
    }
  }

  prometheus::Exposer exposer;
  std::shared_ptr<prometheus::Registry> registry;
  prometheus::Family<prometheus::Gauge>& inputs;
  prometheus::Family<prometheus::Counter>& outcomes;
  prometheus::Gauge& waiting;
  prometheus::Gauge& in_progress;
  prometheus::Counter& done;
  prometheus::Counter& failed;
  prometheus::Counter& redelivered;
  prometheus::Counter& articles;
  ArticleQueue* const queue;
  const QueueWorkerCounters* const counters;
  uint64_t last_done = 0;
  uint64_t last_failed = 0;
  uint64_t last_redelivered = 0;
  uint64_t last_articles = 0;
};

absl::StatusOr<std::unique_ptr<QueueMetrics>> QueueMetrics::Start(
    const std::string& address, ArticleQueue* queue, const QueueWorkerCounters* counters,
    absl::Duration interval) {
  std::unique_ptr<QueueMetrics> metrics(new QueueMetrics());
  try {
    // prometheus-cpp (civetweb) throws when it cannot bind: caught here, at its one border.
    metrics->impl_ = std::make_unique<Impl>(address, queue, counters);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", address, ": ", e.what()));
  }
  const std::vector<int> ports = metrics->impl_->exposer.GetListeningPorts();
  metrics->port_ = ports.empty() ? 0 : ports[0];
  metrics->Sample();
  QueueMetrics* self = metrics.get();
  metrics->sampler_ = std::thread([self, interval] {
    while (!self->stop_.load()) {
      const absl::Time until = absl::Now() + interval;
      while (!self->stop_.load() && absl::Now() < until) {
        absl::SleepFor(absl::Milliseconds(50));
      }
      self->Sample();
    }
  });
  return metrics;
}

QueueMetrics::~QueueMetrics() {
  stop_.store(true);
  if (sampler_.joinable()) {
    sampler_.join();
  }
}

void QueueMetrics::Sample() {
  Impl& m = *impl_;
  if (absl::StatusOr<QueueDepth> depth = m.queue->Depth(); depth.ok()) {
    m.waiting.Set(static_cast<double>(depth->waiting));
    m.in_progress.Set(static_cast<double>(depth->in_progress));
  }  // Unreachable: the last known depth stays.
  Impl::Advance(m.done, m.counters->done.load(), &m.last_done);
  Impl::Advance(m.failed, m.counters->failed.load(), &m.last_failed);
  Impl::Advance(m.redelivered, m.counters->redelivered.load(), &m.last_redelivered);
  Impl::Advance(m.articles, m.counters->articles.load(), &m.last_articles);
}

}  // namespace parley
