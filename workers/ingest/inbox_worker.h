#ifndef PARLEY_WORKERS_INGEST_INBOX_WORKER_H
#define PARLEY_WORKERS_INGEST_INBOX_WORKER_H

#include <atomic>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"

namespace parley {

struct InboxOptions {
  std::string inbox;  // Folder that receives complete files (written elsewhere, renamed in).
  int workers = 2;    // Files processed in parallel.
  absl::Duration poll_interval = absl::Milliseconds(200);
  size_t max_file_bytes = 8 << 20;
  std::string extractor_version;
};

struct InboxCounters {
  std::atomic<uint64_t> done{0};
  std::atomic<uint64_t> failed{0};
  std::atomic<uint64_t> articles{0};
};

// The long-running `parley-ingest run` loop. Protocol, chosen so that no file is lost or
// ingested twice whenever the process dies:
//   1. a file in `inbox/` is claimed by an atomic rename into `inbox/processing/`;
//   2. it is decoded and extracted, and every article is sent to IngestService (retried while
//      the service is unavailable; ingest is idempotent per article);
//   3. only after the service acknowledged every article does the file move to `inbox/done/`;
//      a file that cannot be processed gets `inbox/failed/<name>.error.json` (written first,
//      atomically) and then moves to `inbox/failed/`.
// At start, files left in `processing/` by a killed worker are processed again (step 2 is
// idempotent, so an article acknowledged before the crash is not duplicated). One `run`
// process per inbox.
class InboxWorker {
 public:
  InboxWorker(InboxOptions options, const Pipeline* pipeline, const IngestClient* client);

  // Runs until `stop` is set, then finishes the files in progress and returns. Files claimed
  // but not started stay in `processing/` for the next start. Returns FailedPrecondition when
  // the inbox folders cannot be created.
  [[nodiscard]] absl::Status Run(const std::atomic<bool>& stop);

  const InboxCounters& counters() const { return counters_; }

 private:
  void ProcessFile(const std::string& name, const std::atomic<bool>& stop);

  InboxOptions options_;
  const Pipeline* pipeline_;
  const IngestClient* client_;
  InboxCounters counters_;
};

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_INBOX_WORKER_H
