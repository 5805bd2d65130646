#ifndef PARLEY_WORKERS_INGEST_INGEST_CLIENT_H
#define PARLEY_WORKERS_INGEST_INGEST_CLIENT_H

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/auth/credentials.h"

namespace parley {

// The patience of one command (submit, reprocess), shared by all its calls: a call gives up once
// the service has acknowledged nothing -- no call of the command succeeded -- for `patience`
// since the call began (time spent extracting between calls does not count), and from then on
// the whole command has given up: every call fails at once with the same DEADLINE_EXCEEDED
// "gave up on TARGET: nothing acknowledged for ...; last error: ...". Thread-safe.
class ProgressDeadline {
 public:
  // `target` names the service in the error.
  ProgressDeadline(absl::Duration patience, std::string target);

  // An acknowledgement.
  void Progress();
  // When a call that began at `began` gives up, unless the service acknowledges something.
  absl::Time DeadlineFor(absl::Time began) const;
  // The command gives up after `last`; returns the error every call now returns (the first
  // call to give up decides it).
  [[nodiscard]] absl::Status GiveUp(const absl::Status& last);
  // That error once the command gave up, else OK.
  [[nodiscard]] absl::Status given_up() const;

  absl::Duration patience() const { return patience_; }
  const std::string& target() const { return target_; }

 private:
  const absl::Duration patience_;
  const std::string target_;
  std::atomic<int64_t> last_progress_ns_;
  mutable absl::Mutex mu_;
  absl::Status given_up_ ABSL_GUARDED_BY(mu_);
};

struct RetryOptions {
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
  absl::Duration call_timeout = absl::Seconds(30);
  int max_attempts = 0;  // 0 = until stopped.
  // UNAUTHENTICATED and PERMISSION_DENIED are a deployment fault, not the article's: a
  // long-running worker keeps the article and retries until the credential is fixed.
  bool retry_auth_failures = false;
  // When set, retries stop once it expires (DEADLINE_EXCEEDED naming the target and the last
  // error), no call's own deadline lies beyond it, and once one call gave up every call fails at
  // once. Not owned; shared by the clients of one command.
  ProgressDeadline* deadline = nullptr;
};

// The worker's write path to the meeting service. IngestArticle is idempotent per article, so
// every transient failure (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, and a
// CANCELLED from the server, e.g. at its shutdown) is retried with exponential backoff until it
// succeeds, fails for good, or `stop` is set.
// Thread-safe.
class IngestClient {
 public:
  explicit IngestClient(std::shared_ptr<grpc::Channel> channel, RetryOptions options = {});

  // Returns the service's answer, or the permanent error (INVALID_ARGUMENT, ...), or
  // CANCELLED when `stop` was set while waiting to retry, or DEADLINE_EXCEEDED ("gave up on
  // TARGET: ...; last error: ...") when `options.deadline` expired.
  [[nodiscard]] absl::StatusOr<v1::IngestArticleResponse> Ingest(
      const v1::IngestArticleRequest& request, const std::atomic<bool>* stop = nullptr) const;

  // One page of stored articles, retried the same way (a read).
  [[nodiscard]] absl::StatusOr<v1::ListArticlesResponse> ListArticles(
      const v1::ListArticlesRequest& request) const;

  v1::IngestService::Stub* stub() const { return stub_.get(); }

 private:
  std::unique_ptr<v1::IngestService::Stub> stub_;
  // Calls `call` until it succeeds, fails for good, `stop` is set or the deadline expires.
  [[nodiscard]] absl::Status WithRetries(
      const std::function<grpc::Status(grpc::ClientContext*)>& call,
      const std::atomic<bool>* stop) const;

  RetryOptions options_;
};

// A plaintext channel to HOST:PORT with the worker's settings.
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target);
// The same with TLS / a bearer token; errors name an unreadable or inconsistent setting.
[[nodiscard]] absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const std::string& target, const ClientSecurityOptions& security);

// True for codes worth retrying (CANCELLED included: this client never cancels its own calls).
bool IsTransient(absl::StatusCode code);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_INGEST_CLIENT_H
