#include "workers/ingest/ingest_client.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/log/log.h"
#include "services/status/grpc_status.h"
#include "services/status/status_macros.h"

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

ProgressDeadline::ProgressDeadline(absl::Duration patience, std::string target)
    : patience_(patience),
      target_(std::move(target)),
      last_progress_ns_(absl::ToUnixNanos(absl::Now())) {}

void ProgressDeadline::Progress() {
  last_progress_ns_.store(absl::ToUnixNanos(absl::Now()), std::memory_order_relaxed);
}

absl::Time ProgressDeadline::DeadlineFor(absl::Time began) const {
  return std::max(began, absl::FromUnixNanos(last_progress_ns_.load(std::memory_order_relaxed))) +
         patience_;
}

absl::Status ProgressDeadline::GiveUp(const absl::Status& last) {
  absl::MutexLock lock(&mu_);
  if (given_up_.ok()) {
    given_up_ = absl::DeadlineExceededError(
        absl::StrCat("gave up on ", target_, ": nothing acknowledged for ",
                     absl::FormatDuration(patience_), "; last error: ", last.ToString()));
  }
  return given_up_;
}

absl::Status ProgressDeadline::given_up() const {
  absl::MutexLock lock(&mu_);
  return given_up_;
}

IngestClient::IngestClient(std::shared_ptr<grpc::Channel> channel, RetryOptions options)
    : stub_(v1::IngestService::NewStub(std::move(channel))), options_(options) {}

absl::StatusOr<v1::IngestArticleResponse> IngestClient::Ingest(
    const v1::IngestArticleRequest& request, const std::atomic<bool>* stop) const {
  v1::IngestArticleResponse response;
  PARLEY_RETURN_IF_ERROR(WithRetries(
      [&](grpc::ClientContext* context) {
        return stub_->IngestArticle(context, request, &response);
      },
      stop));
  return response;
}

absl::StatusOr<v1::ListArticlesResponse> IngestClient::ListArticles(
    const v1::ListArticlesRequest& request) const {
  v1::ListArticlesResponse page;
  PARLEY_RETURN_IF_ERROR(WithRetries(
      [&](grpc::ClientContext* context) { return stub_->ListArticles(context, request, &page); },
      nullptr));
  return page;
}

absl::Status IngestClient::WithRetries(
    const std::function<grpc::Status(grpc::ClientContext*)>& call,
    const std::atomic<bool>* stop) const {
  ProgressDeadline* const overall = options_.deadline;
  if (overall != nullptr) {
    PARLEY_RETURN_IF_ERROR(overall->given_up());
  }
  const absl::Time began = absl::Now();
  absl::Duration backoff = options_.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    grpc::ClientContext context;
    absl::Time call_deadline = absl::Now() + options_.call_timeout;
    if (overall != nullptr) {
      call_deadline = std::min(call_deadline, std::max(overall->DeadlineFor(began),
                                                       absl::Now() + absl::Milliseconds(100)));
    }
    context.set_deadline(absl::ToChronoTime(call_deadline));
    absl::Status status = FromGrpcStatus(call(&context));
    if (status.ok()) {
      if (overall != nullptr) {
        overall->Progress();
      }
      return status;
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
    // Sleep in small steps so a stop request, the overall deadline or another call giving up is
    // noticed.
    const absl::Time until = absl::Now() + backoff;
    while (true) {
      if (stop != nullptr && stop->load()) {
        return absl::CancelledError("stopped while waiting to retry: " + status.ToString());
      }
      if (overall != nullptr) {
        PARLEY_RETURN_IF_ERROR(overall->given_up());
        if (absl::Now() >= overall->DeadlineFor(began)) {
          return overall->GiveUp(status);
        }
      }
      const absl::Time now = absl::Now();
      if (now >= until) {
        break;
      }
      absl::SleepFor(std::min(absl::Milliseconds(50), until - now));
    }
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
}

}  // namespace parley
