#ifndef PARLEY_WORKERS_INGEST_STORE_RESULTS_H
#define PARLEY_WORKERS_INGEST_STORE_RESULTS_H

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"

namespace parley {

// What storing the articles of one input came to.
struct StoredInput {
  uint64_t articles = 0;  // Stored through IngestArticle.
  // (source, why) of each article that failed to decode, extract or store.
  std::vector<std::pair<std::string, absl::Status>> errors;
  // The worker is stopping (`stop` set and the call cancelled for it): the articles after the
  // one in hand were not tried, and the input should be handed back, not recorded as failed.
  bool stopped = false;
};

// Stores every decoded article of `results` through `client` (which retries) under `version`,
// the inbox's and the queue's shared loop.
StoredInput StoreResults(const std::vector<PipelineResult>& results, const IngestClient& client,
                         absl::string_view version, const std::atomic<bool>& stop);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_STORE_RESULTS_H
