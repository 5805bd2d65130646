#ifndef PARLEY_WORKERS_INGEST_REPROCESS_H
#define PARLEY_WORKERS_INGEST_REPROCESS_H

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"

namespace parley {

struct ReprocessOptions {
  // Stored articles extracted by another version are extracted again and stored under this one.
  std::string extractor_version;
  int page_size = 100;  // Articles listed per ListArticles call.
  // The command's patience (the client's RetryOptions::deadline): once it gave up, the run stops
  // after the call in hand. Null: the run ends only when every article was listed or listing
  // failed. Not owned.
  const ProgressDeadline* deadline = nullptr;
  // Called for each article that could not be re-extracted or stored (not for the give-up).
  std::function<void(absl::string_view article_id, const absl::Status& status)> on_failure;
};

// What a reprocess run did.
struct ReprocessSummary {
  uint64_t seen = 0;     // Stored articles listed.
  uint64_t updated = 0;  // Re-extracted and stored under the current version.
  uint64_t failed = 0;   // Reported through `on_failure`.
  // Why listing stopped before the end (after the client's retries), other than the give-up;
  // OK when every page was listed or the command gave up.
  absl::Status list_error;
};

// `parley-ingest reprocess`: pages through the stored articles (ListArticles, retried by
// `client`) and sends every article stored by another extractor version through `pipeline` and
// IngestArticle again. Ingest is idempotent per article, so a run that stopped half-way is
// simply run again. Blocks until done; `client` and `pipeline` are only read.
ReprocessSummary ReprocessStoredArticles(const IngestClient& client, const Pipeline& pipeline,
                                         const ReprocessOptions& options);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_REPROCESS_H
