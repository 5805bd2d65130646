#ifndef PARLEY_WORKERS_INGEST_FILE_SUBMIT_H
#define PARLEY_WORKERS_INGEST_FILE_SUBMIT_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"
#include "workers/queue/article_queue.h"

namespace parley {

// Reads an input file whole, or standard input for "-". NOT_FOUND when it cannot be opened,
// INVALID_ARGUMENT when it holds more than `max_bytes` (reading stops there).
[[nodiscard]] absl::StatusOr<std::string> ReadInputFile(const std::string& path, size_t max_bytes);

// Reads `path` and runs it through `pipeline`: one result per article, or one failed result
// naming the file when it cannot be read.
std::vector<PipelineResult> ProcessInputFile(const Pipeline& pipeline, const std::string& path,
                                             size_t max_bytes,
                                             std::optional<absl::CivilDay> published);

// Called for each input or article that failed (not for the give-up), from any submitting
// thread, one call at a time.
using SubmitFailureFn = std::function<void(absl::string_view source, const absl::Status& status)>;

// Counters of a submission in progress; read them from another thread to show progress.
struct SubmitCounters {
  std::atomic<uint64_t> files_done{0};  // Every article of the file stored (or failed).
  std::atomic<uint64_t> articles{0};    // Articles stored, or inputs queued.
  std::atomic<uint64_t> meetings{0};    // Meetings the service reported for them.
  std::atomic<uint64_t> failures{0};    // Reported through SubmitFailureFn.
};

struct ServiceSubmitOptions {
  int threads = 1;
  size_t max_file_bytes = 8 << 20;
  std::optional<absl::CivilDay> published;  // For articles that carry no date of their own.
  std::string extractor_version;
  // The command's patience, shared with the client's RetryOptions::deadline: once it gave up, no
  // file is started and the one in hand is left unfinished. Required; not owned.
  const ProgressDeadline* deadline = nullptr;
  SubmitFailureFn on_failure;
};

// `parley-ingest submit --target`: `threads` threads read, decode and extract the files and store
// every article through IngestArticle (`client` retries). Ingest is idempotent per article, so
// files left unsubmitted after a give-up are simply submitted again. Blocks until done; returns
// the deadline's give-up error, or OK. `counters` may be read while it runs.
[[nodiscard]] absl::Status SubmitFilesToService(const std::vector<std::string>& files,
                                                const Pipeline& pipeline,
                                                const IngestClient& client,
                                                const ServiceSubmitOptions& options,
                                                SubmitCounters* counters);

struct QueueSubmitOptions {
  int threads = 1;
  size_t max_file_bytes = 8 << 20;
  // A file is queued again while the queue is unreachable (UNAVAILABLE, DEADLINE_EXCEEDED);
  // the submission gives up once nothing was queued for `patience`.
  absl::Duration patience = absl::Seconds(10);
  absl::Duration call_timeout = absl::Seconds(5);
  absl::Duration retry_interval = absl::Milliseconds(200);
  SubmitFailureFn on_failure;
};

// `parley-ingest submit --queue_servers`: `threads` threads queue each file as it is (the
// workers decode and extract it; the queue keeps one copy per content). Blocks until done;
// returns UNAVAILABLE naming the last error once it gave up (files after it are not queued),
// else OK. `counters->articles` counts the inputs queued; `files_done` the files handled.
[[nodiscard]] absl::Status SubmitFilesToQueue(const std::vector<std::string>& files,
                                              ArticleQueue& queue,
                                              const QueueSubmitOptions& options,
                                              SubmitCounters* counters);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_FILE_SUBMIT_H
