#include "workers/ingest/file_submit.h"

#include <cstdio>
#include <memory>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace parley {
namespace {

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != stdin) {
      std::fclose(f);
    }
  }
};

// Runs `body(i)` for every file index on `threads` threads (at least one), each index once.
template <typename Body>
void ForEachFile(size_t count, int threads, const Body& body) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  const int n = threads < 1 ? 1 : threads;
  pool.reserve(static_cast<size_t>(n));
  for (int t = 0; t < n; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
        if (!body(i)) {
          return;
        }
      }
    });
  }
  for (std::thread& t : pool) {
    t.join();
  }
}

// One failure report at a time, whichever thread reports it.
class FailureReporter {
 public:
  FailureReporter(const SubmitFailureFn& fn, SubmitCounters* counters)
      : fn_(fn), counters_(counters) {}

  void Report(absl::string_view source, const absl::Status& status) {
    counters_->failures.fetch_add(1);
    if (fn_) {
      absl::MutexLock lock(&mu_);
      fn_(source, status);
    }
  }

 private:
  const SubmitFailureFn& fn_;
  SubmitCounters* const counters_;
  absl::Mutex mu_;
};

}  // namespace

absl::StatusOr<std::string> ReadInputFile(const std::string& path, size_t max_bytes) {
  std::unique_ptr<FILE, FileCloser> f(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (f == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path));
  }
  std::string bytes;
  char buf[65536];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), f.get())) > 0) {
    bytes.append(buf, n);
    if (bytes.size() > max_bytes) {
      return absl::InvalidArgumentError(
          absl::StrCat("input is larger than the limit of ", max_bytes, " bytes"));
    }
  }
  if (std::ferror(f.get()) != 0) {
    return absl::DataLossError(absl::StrCat("cannot read ", path));
  }
  return bytes;
}

std::vector<PipelineResult> ProcessInputFile(const Pipeline& pipeline, const std::string& path,
                                             size_t max_bytes,
                                             std::optional<absl::CivilDay> published) {
  absl::StatusOr<std::string> bytes = ReadInputFile(path, max_bytes);
  if (!bytes.ok()) {
    PipelineResult failed;
    failed.source = path;
    failed.status = bytes.status();
    return {failed};
  }
  return pipeline.Process(*bytes, path, published);
}

absl::Status SubmitFilesToService(const std::vector<std::string>& files, const Pipeline& pipeline,
                                  const IngestClient& client, const ServiceSubmitOptions& options,
                                  SubmitCounters* counters) {
  FailureReporter failures(options.on_failure, counters);
  const ProgressDeadline& deadline = *options.deadline;
  ForEachFile(files.size(), options.threads, [&](size_t i) {
    if (!deadline.given_up().ok()) {
      return false;
    }
    for (const PipelineResult& result :
         ProcessInputFile(pipeline, files[i], options.max_file_bytes, options.published)) {
      absl::Status status = result.status;
      if (status.ok()) {
        absl::StatusOr<v1::IngestArticleResponse> response =
            client.Ingest(IngestRequestFor(result, options.extractor_version));
        status = response.status();
        if (response.ok()) {
          counters->articles.fetch_add(1);
          counters->meetings.fetch_add(static_cast<uint64_t>(response->meeting_ids_size()));
        } else if (status == deadline.given_up()) {
          return false;  // The file stays unfinished; the caller says why, once.
        }
      }
      if (!status.ok()) {
        failures.Report(result.source, status);
      }
    }
    counters->files_done.fetch_add(1);
    return true;
  });
  return deadline.given_up();
}

absl::Status SubmitFilesToQueue(const std::vector<std::string>& files, ArticleQueue& queue,
                                const QueueSubmitOptions& options, SubmitCounters* counters) {
  FailureReporter failures(options.on_failure, counters);
  absl::Mutex mu;
  absl::Time progress = absl::Now();  // Guarded by mu.
  absl::Status gave_up;               // Guarded by mu.
  ForEachFile(files.size(), options.threads, [&](size_t i) {
    {
      absl::MutexLock lock(&mu);
      if (!gave_up.ok()) {
        return false;  // Another thread gave up: no file is started.
      }
    }
    const std::string& path = files[i];
    absl::StatusOr<std::string> bytes = ReadInputFile(path, options.max_file_bytes);
    if (!bytes.ok()) {
      failures.Report(path, bytes.status());
      counters->files_done.fetch_add(1);
      return true;
    }
    while (true) {
      absl::StatusOr<uint64_t> sequence = queue.Submit(*bytes, path, options.call_timeout);
      const absl::StatusCode code = sequence.status().code();
      if (sequence.ok()) {
        absl::MutexLock lock(&mu);
        progress = absl::Now();
        counters->articles.fetch_add(1);
        break;
      }
      if (code != absl::StatusCode::kUnavailable && code != absl::StatusCode::kDeadlineExceeded) {
        failures.Report(path, sequence.status());
        break;
      }
      {
        absl::MutexLock lock(&mu);
        if (!gave_up.ok()) {
          return false;
        }
        if (absl::Now() - progress > options.patience) {
          gave_up = absl::UnavailableError(absl::StrCat(
              "gave up on the article queue after ", absl::FormatDuration(options.patience),
              " without queueing anything: ", sequence.status().ToString()));
          return false;
        }
      }
      absl::SleepFor(options.retry_interval);
    }
    counters->files_done.fetch_add(1);
    return true;
  });
  absl::MutexLock lock(&mu);
  return gave_up;
}

}  // namespace parley
