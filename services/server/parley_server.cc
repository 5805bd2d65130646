#include "services/server/parley_server.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "services/log/log.h"
#include "services/status/status_macros.h"

namespace parley {

absl::StatusOr<std::unique_ptr<ParleyServer>> ParleyServer::Start(const ServerOptions& options) {
  std::unique_ptr<ParleyServer> server(new ParleyServer(options));
  // Credentials first: a bad certificate path must fail before the store is touched.
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                          MakeServerCredentials(options.tls));
  // So must a checkpoint folder that cannot take checkpoints (every CreateCheckpoint would
  // otherwise fail INTERNAL with an mkdir error, long after the start).
  if (!options.checkpoint_dir.empty()) {
    const std::string& dir = options.checkpoint_dir;
    struct stat st;
    if (stat(dir.c_str(), &st) != 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("checkpoint dir ", dir, " does not exist; create it first"));
    }
    if (!S_ISDIR(st.st_mode)) {
      return absl::FailedPreconditionError(
          absl::StrCat("checkpoint dir ", dir, " is not a directory"));
    }
    if (access(dir.c_str(), W_OK | X_OK) != 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "checkpoint dir ", dir, " is not writable by this user (uid ", geteuid(), ")"));
    }
  }
  ServiceLimits limits = options.limits;
  if (limits.max_response_bytes == 0) {
    // Headroom for the page token, the revision and framing.
    limits.max_response_bytes =
        static_cast<size_t>(std::max(options.max_message_bytes, 1 << 17)) - (1 << 16);
  }
  // No record may outgrow a response: the record budget is at most the response budget.
  StoreOptions store_options = options.store;
  if (store_options.record_limits.max_bytes == 0 ||
      store_options.record_limits.max_bytes > limits.max_response_bytes) {
    store_options.record_limits.max_bytes = limits.max_response_bytes;
  }
  if (store_options.max_change_bytes == 0 ||
      store_options.max_change_bytes > limits.max_response_bytes) {
    store_options.max_change_bytes = limits.max_response_bytes;  // A revision fits a response.
  }
  WatchOptions watch = options.watch;
  watch.max_message_bytes = limits.max_response_bytes;
  watch.max_response_bytes = std::min(watch.max_response_bytes, watch.max_message_bytes);
  if (!options.cluster.log.servers.empty()) {
    // The write log is the durable copy (JetStream acknowledged it before this replica applies
    // it), and each entry's position is in the same batch as its records: after a machine crash
    // the replica re-applies what its disk lost, deterministically, to the same revisions. So a
    // replica does not sync each apply, which would cap it at the disk's sync rate.
    store_options.sync_writes = false;
  }
  PARLEY_ASSIGN_OR_RETURN(server->store_, MeetingStore::Open(store_options));
  server->feed_ = std::make_unique<ChangeFeed>(server->store_.get(), options.change_ring_entries,
                                               options.change_ring_bytes);
  server->authorizer_ = std::make_unique<Authorizer>(options.auth);
  server->gate_ = std::make_unique<CallGate>();
  server->responses_ = std::make_unique<ByteBudget>("response buffers", "--response_buffer_mb",
                                                    options.response_buffer_bytes);
  server->write_queue_ =
      std::make_unique<ByteBudget>("write queue", "--write_queue_mb", options.write_queue_bytes);
  CallResources resources;
  resources.max_message_bytes = static_cast<size_t>(options.max_message_bytes);
  resources.gate = server->gate_.get();
  resources.responses = server->responses_.get();
  resources.auth = server->authorizer_.get();
  server->meeting_service_ =
      std::make_unique<MeetingServiceImpl>(server->store_.get(), server->feed_.get(), limits, watch,
                                           resources, options.watch_buffer_bytes);

  // Our own grpc.health.v1.Health on every listener (gRPC's default one keeps Watch streams
  // open through the whole shutdown grace): the default must stay off.
  grpc::EnableDefaultHealthCheckService(false);
  server->health_ = std::make_unique<HealthState>();
  auto health_service = [&server]() {
    server->health_services_.push_back(std::make_unique<HealthService>(server->health_.get()));
    return server->health_services_.back().get();
  };
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  IngestServiceImpl::IngestObserver observer;
  if (!options.metrics_listen.empty()) {
    PARLEY_ASSIGN_OR_RETURN(server->metrics_, ServerMetrics::Start(options.metrics_listen));
    server->authorizer_->set_on_refused(
        [metrics = server->metrics_.get()](Access access, absl::StatusCode code) {
          metrics->CountRefused(AccessName(access), static_cast<grpc::StatusCode>(code));
        });
    observer = [metrics = server->metrics_.get()](absl::StatusCode code, bool changed) {
      metrics->CountIngest(static_cast<grpc::StatusCode>(code), changed);
    };
  }
  const bool cluster = !options.cluster.log.servers.empty();
  if (cluster) {
    PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<NatsWriteLog> log,
                            NatsWriteLog::Connect(options.cluster.log));
    server->log_ = std::move(log);
    server->replica_ = std::make_unique<Replica>(
        server->store_.get(), server->log_.get(), options.cluster.replica,
        [health = server->health_.get()](bool serving) { health->SetAll(serving); });
  } else {
    server->writer_ = std::make_unique<StoreWriter>(server->store_.get());
  }
  MeetingWriter* writer =
      cluster ? static_cast<MeetingWriter*>(server->replica_.get()) : server->writer_.get();
  server->ingest_service_ =
      std::make_unique<IngestServiceImpl>(server->store_.get(), writer, limits, resources,
                                          server->write_queue_.get(), std::move(observer));
  server->admin_service_ = std::make_unique<AdminServiceImpl>(
      server->store_.get(), options.checkpoint_dir, resources,
      /*stream_dir=*/options.checkpoint_dir.empty() ? options.store.path : options.checkpoint_dir);
  const bool split = !options.ingest_listen.empty();
  auto configure = [&](grpc::ServerBuilder& builder) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
    creators.push_back(FaultLogInterceptors());
    if (server->metrics_ != nullptr) {
      creators.push_back(server->metrics_->InterceptorFactory());
    }
    builder.experimental().SetInterceptorCreators(std::move(creators));
    builder.SetMaxReceiveMessageSize(options.max_message_bytes);
    builder.SetMaxSendMessageSize(options.max_message_bytes);
    // Keep idle watch connections alive through proxies and notice dead peers.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60 * 1000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20 * 1000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10 * 1000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  };
  grpc::ServerBuilder builder;
  configure(builder);
  builder.AddListeningPort(options.listen, credentials, &server->port_);
  builder.RegisterService(server->meeting_service_.get());
  builder.RegisterService(health_service());
  if (!split) {
    builder.RegisterService(server->ingest_service_.get());
    builder.RegisterService(server->admin_service_.get());
  }
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen, ": address in use or invalid"));
  }
  if (split) {
    grpc::ServerBuilder ingest_builder;
    configure(ingest_builder);
    ingest_builder.AddListeningPort(options.ingest_listen, credentials, &server->ingest_port_);
    ingest_builder.RegisterService(server->ingest_service_.get());
    ingest_builder.RegisterService(server->admin_service_.get());
    ingest_builder.RegisterService(health_service());
    server->ingest_server_ = ingest_builder.BuildAndStart();
    if (server->ingest_server_ == nullptr || server->ingest_port_ == 0) {
      server->server_->Shutdown();
      return absl::UnavailableError(
          absl::StrCat("cannot listen on ", options.ingest_listen, ": address in use or invalid"));
    }
  }
  if (!options.health_listen.empty()) {
    grpc::ServerBuilder health_builder;
    health_builder.AddListeningPort(options.health_listen, grpc::InsecureServerCredentials(),
                                    &server->health_port_);
    health_builder.RegisterService(health_service());
    server->health_server_ = health_builder.BuildAndStart();
    if (server->health_server_ == nullptr || server->health_port_ == 0) {
      server->server_->Shutdown();
      if (server->ingest_server_ != nullptr) {
        server->ingest_server_->Shutdown();
      }
      return absl::UnavailableError(
          absl::StrCat("cannot listen on ", options.health_listen, ": address in use or invalid"));
    }
  }
  // Every service this server runs, and the server as a whole (""), on every listener.
  for (const char* name :
       {"", v1::MeetingService::service_full_name(), v1::IngestService::service_full_name(),
        v1::AdminService::service_full_name()}) {
    // A replica serves once it has caught up with the write log (it says so itself).
    server->health_->Set(name, !cluster);
  }
  if (cluster) {
    server->replica_->Start();
  }
  server->ticker_ = std::thread([s = server.get()] { s->TickerLoop(); });
  return server;
}

ParleyServer::~ParleyServer() { Shutdown(); }

std::string ParleyServer::ingest_address() const {
  const std::string& listen =
      options_.ingest_listen.empty() ? options_.listen : options_.ingest_listen;
  const size_t colon = listen.rfind(':');
  return absl::StrCat(listen.substr(0, colon), ":", ingest_port());
}

int ParleyServer::metrics_port() const { return metrics_ == nullptr ? 0 : metrics_->port(); }

std::string ParleyServer::address() const {
  const size_t colon = options_.listen.rfind(':');
  return absl::StrCat(options_.listen.substr(0, colon), ":", port_);
}

void ParleyServer::TickerLoop() {
  absl::Time next_progress = absl::Now() + options_.progress_interval;
  absl::Time next_compaction = absl::Now() + options_.compaction_interval;
  absl::Time next_gauges = absl::Now();
  absl::Duration tick = absl::Milliseconds(200);
  if (options_.progress_interval > absl::ZeroDuration()) {
    tick = std::min(tick, options_.progress_interval);
  }
  while (!stop_ticker_.WaitForNotificationWithTimeout(tick)) {
    const absl::Time now = absl::Now();
    if (options_.progress_interval > absl::ZeroDuration() && now >= next_progress) {
      meeting_service_->watches().RequestProgressAll();
      next_progress = now + options_.progress_interval;
    }
    if (metrics_ != nullptr && now >= next_gauges) {
      ServerMetrics::Gauges gauges;
      gauges.revision = store_->revision();
      gauges.meetings = store_->meeting_count();
      gauges.store_bytes = store_->ApproximateSizeBytes();
      gauges.watch_streams = meeting_service_->watches().size();
      gauges.watch_lag = meeting_service_->watches().MaxLag(gauges.revision);
      gauges.change_ring_bytes = feed_->ring_memory();
      gauges.watch_buffer_bytes = meeting_service_->watches().buffered_bytes();
      gauges.response_buffer_bytes = responses_->reserved();
      gauges.write_queue_bytes = write_queue_->reserved();
      if (replica_ != nullptr) {
        gauges.replica = replica_->state();
      }
      metrics_->Refresh(gauges);
      next_gauges = now + absl::Seconds(1);
    }
    if (options_.watch_stall_timeout > absl::ZeroDuration()) {
      const size_t ended =
          meeting_service_->watches().EndStalled(now - options_.watch_stall_timeout);
      if (ended > 0) {
        Log(LogLevel::kWarning,
            absl::StrCat("cancelled ", ended, " watch stream(s) that read nothing for ",
                         absl::FormatDuration(options_.watch_stall_timeout),
                         " while others waited for room in the watch buffer"));
      }
    }
    if (now >= next_compaction) {
      absl::StatusOr<uint64_t> oldest = store_->CompactHistory(now);
      if (!oldest.ok()) {
        Log(LogLevel::kError,
            absl::StrCat("history compaction failed: ", oldest.status().ToString()));
      }
      next_compaction = now + options_.compaction_interval;
    }
  }
}

void ParleyServer::Shutdown() {
  if (shut_down_) {
    return;
  }
  shut_down_ = true;
  if (server_ != nullptr) {
    const absl::Time deadline = absl::Now() + options_.shutdown_grace;
    // Stop accepting: new calls are answered UNAVAILABLE (retryable, nothing done) while the
    // calls already admitted run on. gRPC's own Shutdown would instead cancel calls that had
    // arrived but were not yet dispatched, so it comes only once those have finished.
    gate_->BeginDrain();
    health_->Shutdown();  // NOT_SERVING, and health Watch streams end now.
    meeting_service_->watches().Shutdown();
    feed_->Shutdown();
    if (!gate_->WaitIdle(deadline)) {
      Log(LogLevel::kWarning,
          absl::StrCat(gate_->in_flight(), " call(s) still running after the shutdown grace of ",
                       absl::FormatDuration(options_.shutdown_grace), ": cancelling them"));
    }
    // What is left are streams told to end (a stalled reader cannot take its last write) and
    // calls past the grace: a second for the streams, then gRPC cancels the rest.
    const absl::Time cancel_at = std::min(deadline, absl::Now() + absl::Seconds(1));
    for (grpc::Server* s : {ingest_server_.get(), server_.get(), health_server_.get()}) {
      if (s != nullptr) {
        s->Shutdown(absl::ToChronoTime(cancel_at));
      }
    }
    for (grpc::Server* s : {ingest_server_.get(), server_.get(), health_server_.get()}) {
      if (s != nullptr) {
        s->Wait();
      }
    }
  }
  if (ticker_.joinable()) {
    stop_ticker_.Notify();
    ticker_.join();
  }
  if (replica_ != nullptr) {
    replica_->Stop();  // After the calls: the writes they waited on have been applied.
  }
  health_server_.reset();
  ingest_server_.reset();
  server_.reset();
  health_services_.clear();
  metrics_.reset();
  meeting_service_.reset();
  ingest_service_.reset();
  admin_service_.reset();
  replica_.reset();
  writer_.reset();
  log_.reset();
  feed_.reset();
  store_.reset();
}

}  // namespace parley
