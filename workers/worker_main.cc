// parley-ingest: the ingestion worker.
//   parley-ingest extract [--published=YYYY-MM-DD] FILE...   articles -> ExtractResult JSON lines
//   parley-ingest submit --target=HOST:PORT FILE...|-         one-shot batch load
//   parley-ingest run --target=HOST:PORT --inbox=DIR          long-running inbox worker
//   parley-ingest run --target=HOST:PORT --queue_servers=URLS  cluster mode: a queue worker
//   parley-ingest submit --queue_servers=URLS FILE...          cluster mode: queue the files
//   parley-ingest reprocess --target=HOST:PORT                re-extract stored articles
//   parley-ingest health --target=HOST:PORT                   exit 0 when it answers SERVING

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "services/flags/env_flags.h"
#include "services/flags/port_file.h"
#include "services/log/library_logs.h"
#include "services/log/log.h"
#include "workers/client_flags.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/file_submit.h"
#include "workers/ingest/inbox_worker.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/intake_server.h"
#include "workers/ingest/pipeline.h"
#include "workers/ingest/queue_metrics.h"
#include "workers/ingest/queue_worker.h"
#include "workers/ingest/reprocess.h"
#include "workers/queue/article_queue.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "Meeting service address [PARLEY_TARGET]");
ABSL_FLAG(std::string, inbox, "", "run: the inbox folder [PARLEY_INBOX]");
ABSL_FLAG(int32_t, workers, 0, "Parallel workers; 0 = number of cores [PARLEY_WORKERS]");
ABSL_FLAG(std::string, published, "",
          "extract/submit: publication date (YYYY-MM-DD) for articles that have none");
ABSL_FLAG(std::string, intake_listen, "",
          "run: also serve parley.v1.ArticleIntake on this address (empty = off) "
          "[PARLEY_INTAKE_LISTEN]");
ABSL_FLAG(absl::Duration, give_up_after, absl::Seconds(10),
          "submit/reprocess: give up (exit 3) once the service has acknowledged nothing for this "
          "long, retries included; inf = retry each article up to 20 times");
ABSL_FLAG(int64_t, max_file_bytes, 8 << 20, "Largest input file accepted, bytes");
ABSL_FLAG(bool, explain, false, "extract: print how each article was read instead of JSON");
ABSL_FLAG(std::string, log_format, "text", "run: log lines as text or json [PARLEY_LOG_FORMAT]");
ABSL_FLAG(std::string, health_listen, "",
          "run: serve grpc.health.v1 alone, plaintext, on this host:port (for probes when the "
          "intake uses TLS) [PARLEY_HEALTH_LISTEN]");
ABSL_FLAG(std::string, intake_tls_cert, "",
          "run: PEM certificate for the intake listener; set = TLS [PARLEY_INTAKE_TLS_CERT]");
ABSL_FLAG(std::string, intake_tls_key, "",
          "run: PEM key of --intake_tls_cert [PARLEY_INTAKE_TLS_KEY]");
ABSL_FLAG(std::string, intake_tls_client_ca, "",
          "run: PEM CA of intake clients; set = mutual TLS, and any certificate it signed may "
          "submit [PARLEY_INTAKE_TLS_CLIENT_CA]");
ABSL_FLAG(std::string, port_file, "",
          "run: once listening, write the bound ports here as name=port lines (intake_listen=, "
          "health_listen=): start them on port 0 and read them [PARLEY_PORT_FILE]");
ABSL_FLAG(std::string, queue_servers, "",
          "Cluster mode: NATS servers (comma list of nats://host:port) of the article queue; "
          "submit queues files there, run takes them from there [PARLEY_QUEUE_SERVERS]");
ABSL_FLAG(std::string, queue_stream, "PARLEY_ARTICLES",
          "The queue's work-queue stream (created when missing) [PARLEY_QUEUE_STREAM]");
ABSL_FLAG(std::string, queue_subject, "parley.articles",
          "The queue stream's subject [PARLEY_QUEUE_SUBJECT]");
ABSL_FLAG(std::string, queue_consumer, "parley-workers",
          "The durable consumer every worker shares [PARLEY_QUEUE_CONSUMER]");
ABSL_FLAG(int32_t, queue_replicas, 1,
          "JetStream replicas of the queue's streams when created (3 in production) "
          "[PARLEY_QUEUE_REPLICAS]");
ABSL_FLAG(absl::Duration, queue_ack_wait, absl::Seconds(60),
          "An input a worker took and neither finished nor released in this time (it died) "
          "goes to another worker [PARLEY_QUEUE_ACK_WAIT]");
ABSL_FLAG(std::string, metrics_listen, "",
          "run with --queue_servers: serve Prometheus metrics (the queue's depth for "
          "autoscaling, this worker's counts) at /metrics on this host:port; empty = off "
          "[PARLEY_METRICS_LISTEN]");
ABSL_FLAG(bool, intake_queue, false,
          "run with --queue_servers: articles pushed to the intake are queued for any worker "
          "(answered once queued, with their id) instead of extracted and stored here "
          "[PARLEY_INTAKE_QUEUE]");
ABSL_FLAG(std::string, intake_token_file, "",
          "run: bearer tokens (one per line) that may submit to the intake "
          "[PARLEY_INTAKE_TOKEN_FILE]");

namespace {

using parley::Pipeline;
using parley::PipelineResult;

// --workers (or PARLEY_WORKERS); 0 or less = the number of cores.
int Workers() {
  const int flag = absl::GetFlag(FLAGS_workers);
  if (flag > 0) {
    return flag;
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : static_cast<int>(cores);
}

std::unique_ptr<Pipeline> MakePipeline() {
  absl::StatusOr<std::unique_ptr<parley::extract::Extractor>> extractor =
      parley::extract::Extractor::Default();
  if (!extractor.ok()) {
    std::fprintf(stderr, "parley-ingest: cannot load dictionaries: %s\n",
                 extractor.status().ToString().c_str());
    std::exit(2);
  }
  parley::DecodeOptions options;
  options.max_input_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_file_bytes));
  return std::make_unique<Pipeline>(*std::move(extractor), options);
}

std::optional<absl::CivilDay> PublishedFlag() {
  const std::string text = absl::GetFlag(FLAGS_published);
  if (text.empty()) {
    return std::nullopt;
  }
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) {
    std::fprintf(stderr, "parley-ingest: --published=%s is not YYYY-MM-DD\n", text.c_str());
    std::exit(2);
  }
  return day;
}

size_t MaxFileBytes() { return static_cast<size_t>(absl::GetFlag(FLAGS_max_file_bytes)); }

int Extract(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "usage: parley-ingest extract [--published=YYYY-MM-DD] FILE...\n");
    return 2;
  }
  const std::unique_ptr<Pipeline> pipeline = MakePipeline();
  const std::optional<absl::CivilDay> published = PublishedFlag();
  bool failed = false;
  for (const std::string& path : files) {
    if (absl::GetFlag(FLAGS_explain)) {
      absl::StatusOr<std::string> bytes = parley::ReadInputFile(path, MaxFileBytes());
      std::cout << (bytes.ok() ? pipeline->Explain(*bytes, path, published)
                               : bytes.status().ToString() + "\n");
      continue;
    }
    for (const PipelineResult& result :
         parley::ProcessInputFile(*pipeline, path, MaxFileBytes(), published)) {
      failed = failed || !result.status.ok();
      std::cout << parley::ToExtractResultJson(result) << '\n';
    }
  }
  std::cout.flush();
  return failed ? 1 : 0;
}

// The channel to --target with the --target_* security flags; exits 2 on a bad setting.
std::shared_ptr<grpc::Channel> TargetChannel() {
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      parley::MakeChannel(absl::GetFlag(FLAGS_target), parley::TargetSecurityFromFlags());
  if (!channel.ok()) {
    std::fprintf(stderr, "parley-ingest: %s\n", channel.status().ToString().c_str());
    std::exit(2);
  }
  return *std::move(channel);
}

// submit and reprocess exit 3 when they gave up on the service (unreachable, or acknowledging
// nothing for --give_up_after): nothing is wrong with the input, run them again later.
constexpr int kExitGaveUp = 3;

// The patience of submit and reprocess (--give_up_after); exits 2 on a bad value.
std::unique_ptr<parley::ProgressDeadline> GiveUpDeadline() {
  const absl::Duration patience = absl::GetFlag(FLAGS_give_up_after);
  if (patience <= absl::ZeroDuration()) {
    std::fprintf(stderr, "parley-ingest: --give_up_after=%s must be positive (inf = never)\n",
                 absl::FormatDuration(patience).c_str());
    std::exit(2);
  }
  return std::make_unique<parley::ProgressDeadline>(patience, absl::GetFlag(FLAGS_target));
}

// The article queue of --queue_servers (cluster mode); exits 2 on a bad setting.
std::unique_ptr<parley::ArticleQueue> ConnectQueue() {
  parley::ArticleQueueOptions options;
  options.servers = absl::StrSplit(absl::GetFlag(FLAGS_queue_servers), ',', absl::SkipEmpty());
  options.stream = absl::GetFlag(FLAGS_queue_stream);
  options.subject = absl::GetFlag(FLAGS_queue_subject);
  options.failed_stream = options.stream + "_FAILED";
  options.failed_subject = options.subject + ".failed";
  options.consumer = absl::GetFlag(FLAGS_queue_consumer);
  options.replicas = absl::GetFlag(FLAGS_queue_replicas);
  options.ack_wait = absl::GetFlag(FLAGS_queue_ack_wait);
  absl::StatusOr<std::unique_ptr<parley::ArticleQueue>> queue =
      parley::ArticleQueue::Connect(std::move(options));
  if (!queue.ok()) {
    std::fprintf(stderr, "parley-ingest: %s\n", queue.status().ToString().c_str());
    std::exit(2);
  }
  return *std::move(queue);
}

// Prints a failed file or article of `submit`.
void PrintFailure(absl::string_view source, const absl::Status& status) {
  std::fprintf(stderr, "%s: %s\n", std::string(source).c_str(), status.ToString().c_str());
}

// `submit` in cluster mode: each file is queued as it is (workers decode and extract it), by
// --workers threads; exit 3 once nothing was queued for --give_up_after.
int SubmitToQueue(const std::vector<std::string>& files) {
  const std::unique_ptr<parley::ArticleQueue> queue = ConnectQueue();
  parley::QueueSubmitOptions options;
  options.threads = Workers();
  options.max_file_bytes = MaxFileBytes();
  options.patience = absl::GetFlag(FLAGS_give_up_after);
  options.on_failure = PrintFailure;
  parley::SubmitCounters counters;
  const absl::Status gave_up = parley::SubmitFilesToQueue(files, *queue, options, &counters);
  if (!gave_up.ok()) {
    std::fprintf(stderr,
                 "parley-ingest: %s; %zu files not queued (queueing is idempotent: run it "
                 "again)\n",
                 std::string(gave_up.message()).c_str(),
                 files.size() - static_cast<size_t>(counters.files_done.load()));
    return kExitGaveUp;
  }
  std::fprintf(stderr, "queued %llu of %zu files, %llu failed\n",
               static_cast<unsigned long long>(counters.articles.load()), files.size(),
               static_cast<unsigned long long>(counters.failures.load()));
  return counters.failures.load() == 0 ? 0 : 1;
}

void BlockShutdownSignals(sigset_t* set) {
  sigemptyset(set);
  sigaddset(set, SIGTERM);
  sigaddset(set, SIGINT);
  pthread_sigmask(SIG_BLOCK, set, nullptr);
}

int Submit(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "usage: parley-ingest submit --target=HOST:PORT FILE...|-\n");
    return 2;
  }
  if (!absl::GetFlag(FLAGS_queue_servers).empty()) {
    return SubmitToQueue(files);
  }
  const std::unique_ptr<Pipeline> pipeline = MakePipeline();
  const std::optional<absl::CivilDay> published = PublishedFlag();
  const std::unique_ptr<parley::ProgressDeadline> deadline = GiveUpDeadline();
  parley::RetryOptions retry;
  retry.max_attempts = 20;
  retry.deadline = deadline.get();
  parley::IngestClient client(TargetChannel(), retry);
  parley::ServiceSubmitOptions options;
  options.threads = Workers();
  options.max_file_bytes = MaxFileBytes();
  options.published = published;
  options.extractor_version = std::string(parley::extract::Extractor::kVersion);
  options.deadline = deadline.get();
  const bool tty = isatty(STDERR_FILENO) != 0;
  options.on_failure = [tty](absl::string_view source, const absl::Status& status) {
    std::fprintf(stderr, "%s", tty ? "\r" : "");
    PrintFailure(source, status);
  };
  parley::SubmitCounters counters;
  const absl::Time start = absl::Now();
  std::atomic<bool> finished{false};
  std::thread progress([&] {
    while (tty && !finished.load()) {
      absl::SleepFor(absl::Milliseconds(250));
      const double secs = absl::ToDoubleSeconds(absl::Now() - start);
      std::fprintf(stderr, "\rfiles %llu/%zu  articles %llu  failures %llu  %.0f articles/s ",
                   static_cast<unsigned long long>(counters.files_done.load()), files.size(),
                   static_cast<unsigned long long>(counters.articles.load()),
                   static_cast<unsigned long long>(counters.failures.load()),
                   secs > 0 ? counters.articles.load() / secs : 0.0);
    }
  });
  const absl::Status gave_up =
      parley::SubmitFilesToService(files, *pipeline, client, options, &counters);
  finished.store(true);
  progress.join();
  const double secs = absl::ToDoubleSeconds(absl::Now() - start);
  std::fprintf(stderr,
               "%ssubmitted %llu of %zu files: %llu articles stored (%llu meetings), %llu failed, "
               "%.1f s, %.0f articles/s\n",
               tty ? "\r" : "", static_cast<unsigned long long>(counters.files_done.load()),
               files.size(), static_cast<unsigned long long>(counters.articles.load()),
               static_cast<unsigned long long>(counters.meetings.load()),
               static_cast<unsigned long long>(counters.failures.load()), secs,
               secs > 0 ? counters.articles.load() / secs : 0.0);
  if (!gave_up.ok()) {
    std::fprintf(stderr,
                 "parley-ingest: %s; %zu files not submitted (submit is idempotent: run it again "
                 "once the service answers)\n",
                 std::string(gave_up.message()).c_str(),
                 files.size() - static_cast<size_t>(counters.files_done.load()));
    return kExitGaveUp;
  }
  return counters.failures.load() == 0 ? 0 : 1;
}

int Run() {
  parley::SetLogProgram("parley-ingest");
  parley::LogFormat format;
  if (parley::ParseLogFormat(absl::GetFlag(FLAGS_log_format), &format)) {
    parley::SetLogFormat(format);
  }
  parley::RouteLibraryLogs();
  const std::string inbox = absl::GetFlag(FLAGS_inbox);
  const bool use_queue = !absl::GetFlag(FLAGS_queue_servers).empty();
  if (inbox.empty() && !use_queue) {
    std::fprintf(stderr,
                 "usage: parley-ingest run --target=HOST:PORT --inbox=DIR|--queue_servers=URLS\n");
    return 2;
  }
  if (!inbox.empty() && use_queue) {
    std::fprintf(stderr,
                 "parley-ingest run: --inbox and --queue_servers exclude each other (submit "
                 "files to the queue with parley-ingest submit --queue_servers)\n");
    return 2;
  }
  sigset_t signals;
  BlockShutdownSignals(&signals);  // Again: main blocked them before any thread started.
  const std::unique_ptr<Pipeline> pipeline = MakePipeline();
  const std::shared_ptr<grpc::Channel> channel = TargetChannel();
  parley::RetryOptions inbox_retry;
  inbox_retry.retry_auth_failures = true;  // Keep the files; the operator fixes the token.
  parley::IngestClient client(channel, inbox_retry);
  parley::RetryOptions intake_retry;
  intake_retry.max_attempts = 10;
  parley::IngestClient intake_client(channel, intake_retry);
  std::atomic<bool> stop{false};

  // Cluster mode: the article queue this worker takes from (and the intake may queue to).
  std::unique_ptr<parley::ArticleQueue> queue;
  if (use_queue) {
    queue = ConnectQueue();
  } else if (absl::GetFlag(FLAGS_intake_queue)) {
    std::fprintf(stderr, "parley-ingest run: --intake_queue needs --queue_servers\n");
    return 2;
  }
  parley::IntakeServerOptions listeners;
  if (absl::GetFlag(FLAGS_intake_queue)) {
    listeners.queue = queue.get();
  }
  listeners.intake_listen = absl::GetFlag(FLAGS_intake_listen);
  listeners.tls.cert_file = absl::GetFlag(FLAGS_intake_tls_cert);
  listeners.tls.key_file = absl::GetFlag(FLAGS_intake_tls_key);
  listeners.tls.client_ca_file = absl::GetFlag(FLAGS_intake_tls_client_ca);
  listeners.token_file = absl::GetFlag(FLAGS_intake_token_file);
  listeners.health_listen = absl::GetFlag(FLAGS_health_listen);
  listeners.extractor_version = std::string(parley::extract::Extractor::kVersion);
  absl::StatusOr<std::unique_ptr<parley::IntakeServers>> servers =
      parley::IntakeServers::Start(listeners, pipeline.get(), &intake_client);
  if (!servers.ok()) {
    if (servers.status().code() == absl::StatusCode::kUnavailable) {  // An address in use.
      std::fprintf(stderr, "parley-ingest: %s\n", std::string(servers.status().message()).c_str());
      return 1;
    }
    parley::Log(parley::LogLevel::kError, servers.status().ToString());  // A bad setting.
    return 2;
  }
  // Cluster mode: the queue's worker and metrics (whose port goes in the port file too).
  parley::QueueWorkerOptions queue_options;
  queue_options.workers = Workers();
  queue_options.max_input_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_file_bytes));
  queue_options.extractor_version = std::string(parley::extract::Extractor::kVersion);
  queue_options.keep_alive = std::max(absl::Seconds(1), absl::GetFlag(FLAGS_queue_ack_wait) / 3);
  std::unique_ptr<parley::QueueWorker> queue_worker;
  std::unique_ptr<parley::QueueMetrics> metrics;  // Reads queue_worker's counters: after it.
  parley::PortList ports = (*servers)->ports();
  if (use_queue) {
    queue_worker =
        std::make_unique<parley::QueueWorker>(queue_options, queue.get(), pipeline.get(), &client);
    if (const std::string listen = absl::GetFlag(FLAGS_metrics_listen); !listen.empty()) {
      absl::StatusOr<std::unique_ptr<parley::QueueMetrics>> started =
          parley::QueueMetrics::Start(listen, queue.get(), &queue_worker->counters());
      if (!started.ok()) {
        std::fprintf(stderr, "parley-ingest: %s\n",
                     std::string(started.status().message()).c_str());
        return 1;
      }
      metrics = *std::move(started);
      ports.emplace_back("metrics_listen", metrics->port());
    }
  }
  if (const std::string port_file = absl::GetFlag(FLAGS_port_file); !port_file.empty()) {
    if (const absl::Status written = parley::WritePortFile(port_file, ports); !written.ok()) {
      parley::Log(parley::LogLevel::kError, written.ToString());
      return 1;
    }
  }

  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    parley::Log(parley::LogLevel::kInfo,
                absl::StrCat("signal ", sig, ": finishing in-flight files"));
    stop.store(true);
  });
  if (use_queue) {
    parley::QueueWorker& worker = *queue_worker;
    parley::Log(
        parley::LogLevel::kInfo,
        absl::StrCat("taking articles from the queue ", absl::GetFlag(FLAGS_queue_stream), " at ",
                     absl::GetFlag(FLAGS_queue_servers), ", sending to ",
                     absl::GetFlag(FLAGS_target), " with ", queue_options.workers, " workers"));
    const absl::Status status = worker.Run(stop);
    metrics.reset();  // Its sampler reads the worker's counters and the queue.
    (*servers)->Shutdown();
    if (!stop.load()) {
      kill(getpid(), SIGTERM);  // Release the waiter thread.
    }
    waiter.join();
    parley::Log(parley::LogLevel::kInfo,
                absl::StrCat("stopped; ", worker.counters().done.load(), " inputs done, ",
                             worker.counters().failed.load(), " failed"));
    return status.ok() ? 0 : 1;
  }
  parley::InboxOptions options;
  options.inbox = inbox;
  options.workers = Workers();
  options.max_file_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_max_file_bytes));
  options.extractor_version = std::string(parley::extract::Extractor::kVersion);
  parley::InboxWorker worker(options, pipeline.get(), &client);
  parley::Log(parley::LogLevel::kInfo,
              absl::StrCat("watching ", inbox, ", sending to ", absl::GetFlag(FLAGS_target),
                           " with ", options.workers, " workers"));
  const absl::Status status = worker.Run(stop);
  (*servers)->Shutdown();
  if (!stop.load()) {
    kill(getpid(), SIGTERM);  // Release the waiter thread.
  }
  waiter.join();
  parley::Log(parley::LogLevel::kInfo,
              absl::StrCat("stopped; ", worker.counters().done.load(), " files done, ",
                           worker.counters().failed.load(), " failed"));
  if (!status.ok()) {
    parley::Log(parley::LogLevel::kError, status.ToString());
    return 1;
  }
  return 0;
}

int Reprocess() {
  const std::unique_ptr<Pipeline> pipeline = MakePipeline();
  auto channel = TargetChannel();
  const std::unique_ptr<parley::ProgressDeadline> deadline = GiveUpDeadline();
  parley::RetryOptions retry;
  retry.max_attempts = 20;
  retry.deadline = deadline.get();
  parley::IngestClient client(channel, retry);
  const std::string version(parley::extract::Extractor::kVersion);
  parley::ReprocessOptions options;
  options.extractor_version = version;
  options.deadline = deadline.get();
  options.on_failure = [](absl::string_view id, const absl::Status& status) {
    std::fprintf(stderr, "%s: %s\n", std::string(id).c_str(), status.ToString().c_str());
  };
  const parley::ReprocessSummary summary =
      parley::ReprocessStoredArticles(client, *pipeline, options);
  if (!summary.list_error.ok()) {
    std::fprintf(stderr, "parley-ingest: listing the articles of %s: %s\n",
                 absl::GetFlag(FLAGS_target).c_str(), summary.list_error.ToString().c_str());
  }
  std::fprintf(stderr, "reprocessed %llu of %llu stored articles with %s, %llu failed\n",
               static_cast<unsigned long long>(summary.updated),
               static_cast<unsigned long long>(summary.seen), version.c_str(),
               static_cast<unsigned long long>(summary.failed));
  if (const absl::Status gave_up = deadline->given_up(); !gave_up.ok()) {
    std::fprintf(stderr,
                 "parley-ingest: %s; reprocess stopped (it is idempotent: run it again once the "
                 "service answers)\n",
                 std::string(gave_up.message()).c_str());
    return kExitGaveUp;
  }
  return summary.failed == 0 && summary.list_error.ok() ? 0 : 1;
}

// grpc.health.v1 Check against --target; exit 0 only when SERVING.
int Health() {
  auto stub = grpc::health::v1::Health::NewStub(TargetChannel());
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(5)));
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", absl::GetFlag(FLAGS_target).c_str(),
                 status.error_message().c_str());
    return 1;
  }
  std::printf("%s\n",
              grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status()).c_str());
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "parley-ingest extract|submit|run|reprocess|health [flags] [FILE...]\n"
      "  extract [--published=YYYY-MM-DD] FILE...   print ExtractResult JSON lines\n"
      "  submit --target=HOST:PORT FILE...|-         extract and store, with a summary\n"
      "      exit 0 all stored, 1 some refused (listed), 2 usage, 3 gave up on the service\n"
      "      (it acknowledged nothing for --give_up_after, default 10s)\n"
      "  run --target=HOST:PORT --inbox=DIR          process files dropped into DIR\n"
      "  run --target=HOST:PORT --queue_servers=URLS take files from the article queue\n"
      "  submit --queue_servers=URLS FILE...         queue files for the workers\n"
      "  reprocess --target=HOST:PORT                re-extract stored articles\n"
      "  health --target=HOST:PORT                   exit 0 when the service is SERVING");
  // A SIGTERM that arrives while the dictionaries load must still end `run` cleanly: block it
  // before anything else; `run` waits for it with sigwait, other commands restore it.
  sigset_t shutdown_signals;
  BlockShutdownSignals(&shutdown_signals);
  // Flags, then PARLEY_* variables for those not given (a bad variable exits 2).
  std::vector<char*> positional = parley::ParseCommandLineAndEnv(argc, argv, "parley-ingest");
  if (positional.size() < 2 || std::string(positional[1]) != "run") {
    pthread_sigmask(SIG_UNBLOCK, &shutdown_signals, nullptr);
  }
  if (positional.size() < 2) {
    std::fprintf(stderr, "%s\n", absl::ProgramUsageMessage().data());
    return 2;
  }
  const std::string command = positional[1];
  const std::vector<std::string> files(positional.begin() + 2, positional.end());
  if (command == "extract") {
    return Extract(files);
  }
  if (command == "submit") {
    return Submit(files);
  }
  if (command == "run") {
    return Run();
  }
  if (command == "reprocess") {
    return Reprocess();
  }
  if (command == "health") {
    return Health();
  }
  std::fprintf(stderr, "parley-ingest: unknown command \"%s\"\n%s\n", command.c_str(),
               absl::ProgramUsageMessage().data());
  return 2;
}
