// parleyd: the Parley meeting service. Owns the RocksDB store in --data_dir and serves
// parley.v1.MeetingService, parley.v1.IngestService, grpc.health.v1 and reflection.

#include <signal.h>

#include <cstdio>
#include <string>
#include <utility>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "services/auth/credentials.h"
#include "services/flags/env_flags.h"
#include "services/flags/port_file.h"
#include "services/log/library_logs.h"
#include "services/log/log.h"
#include "services/server/bootstrap.h"
#include "services/server/parley_server.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "gRPC listen address, host:port [PARLEY_LISTEN]");
ABSL_FLAG(std::string, ingest_listen, "",
          "Serve the write path (IngestService, AdminService) on this host:port instead of "
          "--listen [PARLEY_INGEST_LISTEN]");
ABSL_FLAG(std::string, data_dir, "", "Folder of the RocksDB store; must exist [PARLEY_DATA_DIR]");
ABSL_FLAG(uint64_t, history_max_revisions, 100000,
          "Change-log revisions kept for watch resumption; 0 = unlimited "
          "[PARLEY_HISTORY_MAX_REVISIONS]");
ABSL_FLAG(absl::Duration, history_max_age, absl::ZeroDuration(),
          "Drop change-log entries older than this; 0 = keep [PARLEY_HISTORY_MAX_AGE]");
ABSL_FLAG(bool, sync_writes, true,
          "fsync the WAL before acknowledging a write [PARLEY_SYNC_WRITES]");
ABSL_FLAG(absl::Duration, watch_progress_interval, absl::Seconds(10),
          "Idle progress responses on watch streams; 0 = off [PARLEY_WATCH_PROGRESS_INTERVAL]");
ABSL_FLAG(uint64_t, max_watch_streams, 10000,
          "Concurrent watch streams before RESOURCE_EXHAUSTED [PARLEY_MAX_WATCH_STREAMS]");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(20),
          "Time in-flight calls get on SIGTERM [PARLEY_SHUTDOWN_GRACE]");
ABSL_FLAG(int32_t, max_message_bytes, 16 << 20,
          "Largest gRPC request or response [PARLEY_MAX_MESSAGE_BYTES]");
ABSL_FLAG(std::string, metrics_listen, "",
          "Serve Prometheus /metrics on host:port; empty = off [PARLEY_METRICS_LISTEN]");
ABSL_FLAG(std::string, health_listen, "",
          "Also serve grpc.health.v1 alone, plaintext, on this host:port (for probes when TLS "
          "is on) [PARLEY_HEALTH_LISTEN]");
ABSL_FLAG(std::string, log_format, "text", "Log lines as text or json [PARLEY_LOG_FORMAT]");
ABSL_FLAG(int32_t, block_cache_mb, 64,
          "RocksDB block cache; size it to the hot working set [PARLEY_BLOCK_CACHE_MB]");
ABSL_FLAG(int32_t, write_buffer_mb, 32,
          "RocksDB memtable size per column family [PARLEY_WRITE_BUFFER_MB]");
ABSL_FLAG(int32_t, change_ring_mb, 32,
          "Recent change-log entries kept in memory for watchers, MiB [PARLEY_CHANGE_RING_MB]");
ABSL_FLAG(int32_t, watch_buffer_mb, 64,
          "Watch responses in flight, all streams together, MiB [PARLEY_WATCH_BUFFER_MB]");
ABSL_FLAG(absl::Duration, watch_stall_timeout, absl::Seconds(30),
          "A watch stream whose write is stuck this long while others wait for room is "
          "cancelled; 0 = never [PARLEY_WATCH_STALL_TIMEOUT]");
ABSL_FLAG(int32_t, response_buffer_mb, 64,
          "Unary responses built and not yet sent, MiB [PARLEY_RESPONSE_BUFFER_MB]");
ABSL_FLAG(int32_t, write_queue_mb, 64,
          "IngestArticle requests admitted and not yet committed, MiB [PARLEY_WRITE_QUEUE_MB]");
ABSL_FLAG(absl::Duration, list_snapshot_idle, absl::Minutes(5),
          "A listing whose next page is not asked for this long expires "
          "[PARLEY_LIST_SNAPSHOT_IDLE]");
ABSL_FLAG(absl::Duration, list_snapshot_max_age, absl::Minutes(30),
          "The longest a listing may take from its first page [PARLEY_LIST_SNAPSHOT_MAX_AGE]");
ABSL_FLAG(uint64_t, max_list_snapshots, 10000,
          "Listing snapshots held at once; beyond, the least recently used is released "
          "[PARLEY_MAX_LIST_SNAPSHOTS]");
ABSL_FLAG(std::string, checkpoint_dir, "",
          "Folder for AdminService.CreateCheckpoint backups; empty = disabled "
          "[PARLEY_CHECKPOINT_DIR]");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain; set = TLS on every gRPC listener [PARLEY_TLS_CERT]");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert [PARLEY_TLS_KEY]");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA that signs client certificates; set = mutual TLS [PARLEY_TLS_CLIENT_CA]");
ABSL_FLAG(std::string, tls_client_auth, "require",
          "With --tls_client_ca: require (mTLS for every caller) or optional (verified when "
          "presented) [PARLEY_TLS_CLIENT_AUTH]");
ABSL_FLAG(std::string, write_token_file, "",
          "File of bearer tokens (one per line) that may write and read [PARLEY_WRITE_TOKEN_FILE]");
ABSL_FLAG(std::string, read_token_file, "",
          "File of bearer tokens that may read [PARLEY_READ_TOKEN_FILE]");
ABSL_FLAG(std::string, write_identities, "",
          "Client-certificate names (SAN or CN, comma-separated; * = any verified certificate) "
          "that may write [PARLEY_WRITE_IDENTITIES]");
ABSL_FLAG(bool, reads_require_auth, false,
          "Reads need a token or a client certificate too [PARLEY_READS_REQUIRE_AUTH]");
ABSL_FLAG(std::string, port_file, "",
          "Once serving, write the bound ports here as name=port lines (listen=, and "
          "ingest_listen=, metrics_listen=, health_listen= when on): start on port 0 and read "
          "them [PARLEY_PORT_FILE]");
ABSL_FLAG(std::string, nats_servers, "",
          "Cluster mode: comma-separated NATS URLs (nats://host:port) of the JetStream cluster "
          "holding the replicated write log; empty = one process, no NATS "
          "(docs/scaling.md) [PARLEY_NATS_SERVERS]");
ABSL_FLAG(std::string, nats_stream, "PARLEY_WRITES",
          "Cluster mode: the JetStream stream of the write log [PARLEY_NATS_STREAM]");
ABSL_FLAG(std::string, nats_subject, "parley.writes",
          "Cluster mode: the subject the write log is published on [PARLEY_NATS_SUBJECT]");
ABSL_FLAG(int32_t, nats_stream_replicas, 1,
          "Cluster mode: JetStream replicas of the stream when this replica creates it (3 in "
          "production) [PARLEY_NATS_STREAM_REPLICAS]");
ABSL_FLAG(absl::Duration, nats_stream_max_age, absl::ZeroDuration(),
          "Cluster mode: how long the stream keeps entries (0 = forever); a replica further "
          "behind must bootstrap from a checkpoint [PARLEY_NATS_STREAM_MAX_AGE]");
ABSL_FLAG(absl::Duration, write_timeout, absl::Seconds(10),
          "Cluster mode: how long a write waits for the log's acknowledgement and its own "
          "replica's apply [PARLEY_WRITE_TIMEOUT]");
ABSL_FLAG(uint64_t, max_serving_lag, 1000,
          "Cluster mode: health is SERVING once the replica is at most this many log entries "
          "behind [PARLEY_MAX_SERVING_LAG]");
ABSL_FLAG(std::string, bootstrap_from, "",
          "Cluster mode: when --data_dir holds no store yet, first copy a peer replica's store "
          "(host:port of its write path, e.g. the replicas' Service), then follow the log from its "
          "position [PARLEY_BOOTSTRAP_FROM]");
ABSL_FLAG(std::string, bootstrap_ca_file, "",
          "PEM CA verifying the peer of --bootstrap_from (TLS); empty = plaintext "
          "[PARLEY_BOOTSTRAP_CA_FILE]");
ABSL_FLAG(std::string, bootstrap_token_file, "",
          "Bearer token (a write token of the peer) for --bootstrap_from "
          "[PARLEY_BOOTSTRAP_TOKEN_FILE]");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("parleyd --data_dir=DIR [--listen=HOST:PORT]");
  parley::ParseCommandLineAndEnv(argc, argv, "parleyd");  // Flags, then PARLEY_* variables.
  for (const auto& [name, value] :
       {std::pair<const char*, int32_t>{"block_cache_mb", absl::GetFlag(FLAGS_block_cache_mb)},
        {"write_buffer_mb", absl::GetFlag(FLAGS_write_buffer_mb)},
        {"change_ring_mb", absl::GetFlag(FLAGS_change_ring_mb)},
        {"watch_buffer_mb", absl::GetFlag(FLAGS_watch_buffer_mb)},
        {"response_buffer_mb", absl::GetFlag(FLAGS_response_buffer_mb)},
        {"write_queue_mb", absl::GetFlag(FLAGS_write_queue_mb)}}) {
    if (value < 1) {
      std::fprintf(stderr, "parleyd: --%s must be at least 1\n", name);
      return 2;
    }
  }
  parley::SetLogProgram("parleyd");
  parley::LogFormat log_format;
  if (!parley::ParseLogFormat(absl::GetFlag(FLAGS_log_format), &log_format)) {
    std::fprintf(stderr, "parleyd: --log_format must be text or json\n");
    return 2;
  }
  parley::SetLogFormat(log_format);
  parley::RouteLibraryLogs();  // libprotobuf's and gRPC's lines in the same format.

  if (absl::GetFlag(FLAGS_data_dir).empty()) {
    parley::Log(parley::LogLevel::kError, "--data_dir (or PARLEY_DATA_DIR) is required");
    return 2;
  }

  // Block the shutdown signals in every thread; the main thread waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  parley::ServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.ingest_listen = absl::GetFlag(FLAGS_ingest_listen);
  options.store.path = absl::GetFlag(FLAGS_data_dir);
  options.store.history_max_revisions = absl::GetFlag(FLAGS_history_max_revisions);
  options.store.history_max_age = absl::GetFlag(FLAGS_history_max_age);
  options.store.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  options.progress_interval = absl::GetFlag(FLAGS_watch_progress_interval);
  options.limits.max_watch_streams = absl::GetFlag(FLAGS_max_watch_streams);
  options.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  options.health_listen = absl::GetFlag(FLAGS_health_listen);
  options.checkpoint_dir = absl::GetFlag(FLAGS_checkpoint_dir);
  options.store.block_cache_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_block_cache_mb)) << 20;
  options.store.write_buffer_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_write_buffer_mb))
                                     << 20;
  options.change_ring_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_change_ring_mb)) << 20;
  options.watch_buffer_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_watch_buffer_mb)) << 20;
  options.watch_stall_timeout = absl::GetFlag(FLAGS_watch_stall_timeout);
  options.response_buffer_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_response_buffer_mb))
                                  << 20;
  options.write_queue_bytes = static_cast<size_t>(absl::GetFlag(FLAGS_write_queue_mb)) << 20;
  options.store.list_snapshots.idle = absl::GetFlag(FLAGS_list_snapshot_idle);
  options.store.list_snapshots.max_age = absl::GetFlag(FLAGS_list_snapshot_max_age);
  options.store.list_snapshots.max_count = absl::GetFlag(FLAGS_max_list_snapshots);

  options.tls.cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls.key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  if (!parley::ParseClientCertMode(absl::GetFlag(FLAGS_tls_client_auth),
                                   &options.tls.client_certs) ||
      options.tls.client_certs == parley::ClientCertMode::kNone) {
    std::fprintf(stderr, "parleyd: --tls_client_auth must be require or optional\n");
    return 2;
  }
  absl::StatusOr<parley::AuthPolicy> policy = parley::LoadAuthPolicy(
      absl::GetFlag(FLAGS_write_token_file), absl::GetFlag(FLAGS_read_token_file),
      absl::GetFlag(FLAGS_write_identities), absl::GetFlag(FLAGS_reads_require_auth));
  if (!policy.ok()) {
    parley::Log(parley::LogLevel::kError, policy.status().ToString());
    return 2;
  }
  options.auth = *std::move(policy);

  for (absl::string_view server :
       absl::StrSplit(absl::GetFlag(FLAGS_nats_servers), ',', absl::SkipWhitespace())) {
    options.cluster.log.servers.emplace_back(absl::StripAsciiWhitespace(server));
  }
  options.cluster.log.stream = absl::GetFlag(FLAGS_nats_stream);
  options.cluster.log.subject = absl::GetFlag(FLAGS_nats_subject);
  options.cluster.log.replicas = absl::GetFlag(FLAGS_nats_stream_replicas);
  options.cluster.log.max_age = absl::GetFlag(FLAGS_nats_stream_max_age);
  options.cluster.replica.write_timeout = absl::GetFlag(FLAGS_write_timeout);
  options.cluster.replica.max_serving_lag = absl::GetFlag(FLAGS_max_serving_lag);

  if (const std::string peer = absl::GetFlag(FLAGS_bootstrap_from);
      !peer.empty() && parley::DataDirIsEmpty(options.store.path)) {
    parley::ClientSecurityOptions security;
    security.ca_file = absl::GetFlag(FLAGS_bootstrap_ca_file);
    security.token_file = absl::GetFlag(FLAGS_bootstrap_token_file);
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(4 << 20);
    absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
        parley::MakeClientChannel(peer, security, args);
    absl::StatusOr<uint64_t> copied =
        channel.ok() ? parley::BootstrapFromPeer(*channel, options.store.path, absl::Hours(1))
                     : absl::StatusOr<uint64_t>(channel.status());
    if (copied.ok()) {
      parley::Log(parley::LogLevel::kInfo, absl::StrCat("bootstrapped ", options.store.path,
                                                        " from ", peer, " at revision ", *copied));
    } else {
      // No peer yet (the first replica of a new cluster) or none reachable: follow the write log
      // from its start, which works while the stream still holds it (else the replica says so).
      parley::Log(parley::LogLevel::kWarning,
                  absl::StrCat("bootstrap from ", peer, " failed: ", copied.status().ToString(),
                               "; following the write log from its start instead"));
    }
  }

  absl::StatusOr<std::unique_ptr<parley::ParleyServer>> server =
      parley::ParleyServer::Start(options);
  if (!server.ok()) {
    parley::Log(parley::LogLevel::kError, server.status().ToString());
    return 1;
  }
  parley::Log(
      parley::LogLevel::kInfo,
      absl::StrCat(
          "serving on ", (*server)->address(), ", write path on ", (*server)->ingest_address(),
          ", data in ", options.store.path, ", revision ", (*server)->store()->revision(),
          (*server)->metrics_port() > 0
              ? absl::StrCat(", metrics on port ", (*server)->metrics_port())
              : std::string(),
          options.tls.cert_file.empty()        ? ", plaintext"
          : options.tls.client_ca_file.empty() ? ", TLS"
          : options.tls.client_certs == parley::ClientCertMode::kRequire
              ? ", mutual TLS"
              : ", TLS with optional client certificates",
          (*server)->authorizer().reads_open() ? ", reads open" : ", reads need a credential",
          options.cluster.log.servers.empty()
              ? std::string()
              : absl::StrCat(", cluster mode: write log ", options.cluster.log.stream, " on ",
                             absl::GetFlag(FLAGS_nats_servers), " from position ",
                             (*server)->store()->log_position())));
  if (const std::string port_file = absl::GetFlag(FLAGS_port_file); !port_file.empty()) {
    parley::PortList ports = {{"listen", (*server)->port()}};
    if (!options.ingest_listen.empty()) {
      ports.emplace_back("ingest_listen", (*server)->ingest_port());
    }
    if ((*server)->metrics_port() > 0) {
      ports.emplace_back("metrics_listen", (*server)->metrics_port());
    }
    if ((*server)->health_port() > 0) {
      ports.emplace_back("health_listen", (*server)->health_port());
    }
    if (const absl::Status written = parley::WritePortFile(port_file, ports); !written.ok()) {
      parley::Log(parley::LogLevel::kError, written.ToString());
      (*server)->Shutdown();
      return 1;
    }
  }
  if ((*server)->authorizer().writes_open()) {
    parley::Log(parley::LogLevel::kWarning,
                "writes are open to every caller: set --write_token_file or --write_identities "
                "outside development");
  }

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  parley::Log(parley::LogLevel::kInfo,
              absl::StrCat("signal ", signal_number, ": draining and shutting down"));
  (*server)->Shutdown();
  parley::Log(parley::LogLevel::kInfo, "stopped cleanly");
  return 0;
}
