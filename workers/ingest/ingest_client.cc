#include "workers/ingest/ingest_client.h"

#include <algorithm>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/log/log.h"
#include "services/status/grpc_status.h"

namespace parley {

bool IsTransient(absl::StatusCode code) {
  // CANCELLED comes from the server (this client never cancels its own calls): a server that
  // shut down while the call ran may or may not have committed it, and ingest is idempotent.
  return code == absl::StatusCode::kUnavailable || code == absl::StatusCode::kDeadlineExceeded ||
         code == absl::StatusCode::kResourceExhausted || code == absl::StatusCode::kAborted ||
         code == absl::StatusCode::kCancelled;
}

namespace {

grpc::ChannelArguments WorkerChannelArguments() {
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(32 << 20);
  args.SetMaxReceiveMessageSize(32 << 20);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  return args;
}

}  // namespace

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& target) {
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(),
                                   WorkerChannelArguments());
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const std::string& target,
                                                           const ClientSecurityOptions& security) {
  return MakeClientChannel(target, security, WorkerChannelArguments());
}

IngestClient::IngestClient(std::shared_ptr<grpc::Channel> channel, RetryOptions options)
    : stub_(v1::IngestService::NewStub(std::move(channel))), options_(options) {}

absl::StatusOr<v1::IngestArticleResponse> IngestClient::Ingest(
    const v1::IngestArticleRequest& request, const std::atomic<bool>* stop) const {
  absl::Duration backoff = options_.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + options_.call_timeout));
    v1::IngestArticleResponse response;
    const absl::Status status = FromGrpcStatus(stub_->IngestArticle(&context, request, &response));
    if (status.ok()) {
      return response;
    }
    const bool auth_failure = status.code() == absl::StatusCode::kUnauthenticated ||
                              status.code() == absl::StatusCode::kPermissionDenied;
    if (!(IsTransient(status.code()) || (auth_failure && options_.retry_auth_failures)) ||
        (options_.max_attempts > 0 && attempt >= options_.max_attempts)) {
      return status;
    }
    if (auth_failure && (attempt & (attempt - 1)) == 0) {  // Attempts 1, 2, 4, 8, ...
      Log(LogLevel::kError, absl::StrCat("the meeting service refused this worker's credential (",
                                         status.ToString(), "); holding the article and retrying"));
    }
    // Sleep in small steps so a stop request is noticed.
    const absl::Time until = absl::Now() + backoff;
    while (absl::Now() < until) {
      if (stop != nullptr && stop->load()) {
        return absl::CancelledError("stopped while waiting to retry: " + status.ToString());
      }
      absl::SleepFor(std::min(absl::Milliseconds(50), until - absl::Now()));
    }
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
}

}  // namespace parley
