#ifndef PARLEY_WORKERS_INGEST_INGEST_CLIENT_H
#define PARLEY_WORKERS_INGEST_INGEST_CLIENT_H

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/auth/credentials.h"

namespace parley {

struct RetryOptions {
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(5);
  absl::Duration call_timeout = absl::Seconds(30);
  int max_attempts = 0;  // 0 = until stopped.
  // UNAUTHENTICATED and PERMISSION_DENIED are a deployment fault, not the article's: a
  // long-running worker keeps the article and retries until the credential is fixed.
  bool retry_auth_failures = false;
};

// The worker's write path to the meeting service. IngestArticle is idempotent per article, so
// every transient failure (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, and a
// CANCELLED from the server, e.g. at its shutdown) is retried with exponential backoff until it
// succeeds, fails for good, or `stop` is set.
// Thread-safe.
class IngestClient {
 public:
  IngestClient(std::shared_ptr<grpc::Channel> channel, RetryOptions options = {});

  // Returns the service's answer, or the permanent error (INVALID_ARGUMENT, ...), or
  // CANCELLED when `stop` was set while waiting to retry.
  absl::StatusOr<v1::IngestArticleResponse> Ingest(const v1::IngestArticleRequest& request,
                                                   const std::atomic<bool>* stop = nullptr) const;

  v1::IngestService::Stub* stub() const { return stub_.get(); }

 private:
  std::unique_ptr<v1::IngestService::Stub> stub_;
  RetryOptions options_;
};

// A plaintext channel to HOST:PORT with the worker's settings.
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target);
// The same with TLS / a bearer token; errors name an unreadable or inconsistent setting.
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const std::string& target,
                                                           const ClientSecurityOptions& security);

// True for codes worth retrying (CANCELLED included: this client never cancels its own calls).
bool IsTransient(absl::StatusCode code);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_INGEST_CLIENT_H
