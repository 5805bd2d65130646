#include "workers/ingest/store_results.h"

namespace parley {

StoredInput StoreResults(const std::vector<PipelineResult>& results, const IngestClient& client,
                         absl::string_view version, const std::atomic<bool>& stop) {
  StoredInput stored;
  for (const PipelineResult& result : results) {
    if (!result.status.ok()) {
      stored.errors.emplace_back(result.source, result.status);
      continue;
    }
    absl::StatusOr<v1::IngestArticleResponse> response =
        client.Ingest(IngestRequestFor(result, version), &stop);
    if (!response.ok()) {
      // A CANCELLED from the server is retried by the client instead, never taken as a stop.
      if (stop.load() && response.status().code() == absl::StatusCode::kCancelled) {
        stored.stopped = true;
        return stored;
      }
      stored.errors.emplace_back(result.source, response.status());
      continue;
    }
    ++stored.articles;
  }
  return stored;
}

}  // namespace parley
