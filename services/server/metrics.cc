#include "services/server/metrics.h"

#include <exception>
#include <map>
#include <mutex>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "parley/v1/meeting_service.pb.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/gauge.h"
#include "prometheus/histogram.h"
#include "prometheus/registry.h"
#include "services/log/log.h"

namespace parley {
namespace {

// go-grpc-prometheus spells codes as Go's codes.Code.String() does.
const char* CodeName(grpc::StatusCode code) {
  static const char* kNames[] = {
      "OK",       "Canceled",       "Unknown",          "InvalidArgument",   "DeadlineExceeded",
      "NotFound", "AlreadyExists",  "PermissionDenied", "ResourceExhausted", "FailedPrecondition",
      "Aborted",  "OutOfRange",     "Unimplemented",    "Internal",          "Unavailable",
      "DataLoss", "Unauthenticated"};
  const int i = static_cast<int>(code);
  return i >= 0 && i <= 16 ? kNames[i] : "Unknown";
}

const char* TypeName(grpc::experimental::ServerRpcInfo::Type type) {
  switch (type) {
    case grpc::experimental::ServerRpcInfo::Type::UNARY:
      return "unary";
    case grpc::experimental::ServerRpcInfo::Type::CLIENT_STREAMING:
      return "client_stream";
    case grpc::experimental::ServerRpcInfo::Type::SERVER_STREAMING:
      return "server_stream";
    case grpc::experimental::ServerRpcInfo::Type::BIDI_STREAMING:
      return "bidi_stream";
  }
  return "unary";
}

}  // namespace

class ServerMetrics::Impl {
 public:
  explicit Impl(const std::string& address)
      : exposer(address),
        registry(std::make_shared<prometheus::Registry>()),
        started(prometheus::BuildCounter()
                    .Name("grpc_server_started_total")
                    .Help("Total number of RPCs started on the server.")
                    .Register(*registry)),
        handled(prometheus::BuildCounter()
                    .Name("grpc_server_handled_total")
                    .Help("Total number of RPCs completed on the server, regardless of success "
                          "or failure.")
                    .Register(*registry)),
        seconds(prometheus::BuildHistogram()
                    .Name("grpc_server_handling_seconds")
                    .Help("Histogram of response latency (seconds) of gRPC that had been "
                          "application-level handled by the server.")
                    .Register(*registry)),
        ingest(prometheus::BuildCounter()
                   .Name("parley_ingest_articles_total")
                   .Help("Articles offered to IngestService, by result.")
                   .Register(*registry)),
        refused(prometheus::BuildCounter()
                    .Name("parley_auth_refused_total")
                    .Help("Calls refused by authorisation, by access (read|write) and code.")
                    .Register(*registry)),
        revision(prometheus::BuildGauge()
                     .Name("parley_store_revision")
                     .Help("Store revision of the latest committed write.")
                     .Register(*registry)
                     .Add({})),
        meetings(prometheus::BuildGauge()
                     .Name("parley_meetings")
                     .Help("Meeting records in the store.")
                     .Register(*registry)
                     .Add({})),
        store_bytes(prometheus::BuildGauge()
                        .Name("parley_store_bytes")
                        .Help("Approximate size of the RocksDB store (SST files and memtables).")
                        .Register(*registry)
                        .Add({})),
        watch_streams(prometheus::BuildGauge()
                          .Name("parley_watch_streams")
                          .Help("Open WatchMeetings streams.")
                          .Register(*registry)
                          .Add({})),
        watch_lag(prometheus::BuildGauge()
                      .Name("parley_watch_lag_revisions")
                      .Help("Revisions the farthest-behind watch stream has yet to deliver.")
                      .Register(*registry)
                      .Add({})),
        budgets(prometheus::BuildGauge()
                    .Name("parley_memory_budget_bytes")
                    .Help("Bytes held in each byte budget of the memory bound.")
                    .Register(*registry)),
        replica(prometheus::BuildGauge()
                    .Name("parley_replica")
                    .Help("Cluster mode: the replica's write-log position applied "
                          "(what=position), entries behind (what=lag_entries), seconds behind "
                          "(what=lag_seconds) and 1 when serving (what=serving).")
                    .Register(*registry)) {
    exposer.RegisterCollectable(registry);
  }

  struct MethodMetrics {
    prometheus::Counter* started;
    prometheus::Histogram* seconds;
    std::string service;
    std::string method;
    std::string type;
  };

  MethodMetrics& For(const char* full_method, grpc::experimental::ServerRpcInfo::Type type) {
    std::lock_guard<std::mutex> lock(mu);
    auto it = methods.find(full_method);
    if (it != methods.end()) {
      return it->second;
    }
    absl::string_view name(full_method);  // "/pkg.Service/Method"
    if (!name.empty() && name[0] == '/') {
      name.remove_prefix(1);
    }
    const size_t slash = name.find('/');
    MethodMetrics m;
    m.service = std::string(name.substr(0, slash));
    m.method = slash == absl::string_view::npos ? "" : std::string(name.substr(slash + 1));
    m.type = TypeName(type);
    const prometheus::Labels labels = {
        {"grpc_service", m.service}, {"grpc_method", m.method}, {"grpc_type", m.type}};
    m.started = &started.Add(labels);
    m.seconds = &seconds.Add(
        labels, prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
    return methods.emplace(full_method, std::move(m)).first->second;
  }

  void Handled(const MethodMetrics& m, grpc::StatusCode code) {
    handled
        .Add({{"grpc_service", m.service},
              {"grpc_method", m.method},
              {"grpc_type", m.type},
              {"grpc_code", CodeName(code)}})
        .Increment();
  }

  prometheus::Exposer exposer;
  std::shared_ptr<prometheus::Registry> registry;
  prometheus::Family<prometheus::Counter>& started;
  prometheus::Family<prometheus::Counter>& handled;
  prometheus::Family<prometheus::Histogram>& seconds;
  prometheus::Family<prometheus::Counter>& ingest;
  prometheus::Family<prometheus::Counter>& refused;
  prometheus::Gauge& revision;
  prometheus::Gauge& meetings;
  prometheus::Gauge& store_bytes;
  prometheus::Gauge& watch_streams;
  prometheus::Gauge& watch_lag;
  prometheus::Family<prometheus::Gauge>& budgets;
  prometheus::Family<prometheus::Gauge>& replica;
  std::mutex mu;
  std::map<std::string, MethodMetrics> methods;
};

namespace {

class MetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(ServerMetrics::Impl* impl, grpc::experimental::ServerRpcInfo* info)
      : impl_(impl), metrics_(impl->For(info->method(), info->type())), start_(absl::Now()) {
    metrics_.started->Increment();
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      metrics_.seconds->Observe(absl::ToDoubleSeconds(absl::Now() - start_));
      impl_->Handled(metrics_, status.error_code());
    }
    methods->Proceed();
  }

 private:
  ServerMetrics::Impl* impl_;
  ServerMetrics::Impl::MethodMetrics& metrics_;
  absl::Time start_;
};

class MetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(ServerMetrics::Impl* impl) : impl_(impl) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new MetricsInterceptor(impl_, info);
  }

 private:
  ServerMetrics::Impl* impl_;
};

// Logs every call that ends in the server's own fault (INTERNAL, DATA_LOSS, UNKNOWN), once,
// with its cause -- and nothing for what clients normally do (cancel, time out, ask for what
// does not exist, send what does not parse).
class FaultLogInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit FaultLogInterceptor(grpc::experimental::ServerRpcInfo* info) : method_(info->method()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const grpc::StatusCode code = status.error_code();
      if (code == grpc::StatusCode::INTERNAL || code == grpc::StatusCode::DATA_LOSS ||
          code == grpc::StatusCode::UNKNOWN) {
        Log(LogLevel::kError,
            absl::StrCat(method_, " failed: ", CodeName(code), ": ", status.error_message()));
      }
    }
    methods->Proceed();
  }

 private:
  const std::string method_;
};

class FaultLogInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new FaultLogInterceptor(info);
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> FaultLogInterceptors() {
  return std::make_unique<FaultLogInterceptorFactory>();
}

absl::StatusOr<std::unique_ptr<ServerMetrics>> ServerMetrics::Start(const std::string& address) {
  std::unique_ptr<ServerMetrics> metrics(new ServerMetrics());
  try {
    // prometheus-cpp (civetweb) throws when it cannot bind: caught here, at its one border.
    metrics->impl_ = std::make_unique<Impl>(address);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve metrics on ", address, ": ", e.what()));
  }
  const std::vector<int> ports = metrics->impl_->exposer.GetListeningPorts();
  metrics->port_ = ports.empty() ? 0 : ports[0];
  return metrics;
}

ServerMetrics::~ServerMetrics() = default;

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
ServerMetrics::InterceptorFactory() {
  return std::make_unique<MetricsInterceptorFactory>(impl_.get());
}

void ServerMetrics::CountRefused(const std::string& access, grpc::StatusCode code) {
  impl_->refused.Add({{"access", access}, {"grpc_code", CodeName(code)}}).Increment();
}

void ServerMetrics::CountIngest(grpc::StatusCode code, bool changed) {
  const char* result = "failed";
  switch (code) {
    case grpc::StatusCode::OK:
      result = changed ? "stored" : "unchanged";
      break;
    case grpc::StatusCode::INVALID_ARGUMENT:
      result = "rejected";
      break;
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      result = "refused";
      break;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      result = "busy";
      break;
    default:
      break;
  }
  impl_->ingest.Add({{"result", result}}).Increment();
}

void ServerMetrics::Refresh(const Gauges& gauges) {
  impl_->revision.Set(static_cast<double>(gauges.revision));
  impl_->meetings.Set(static_cast<double>(gauges.meetings));
  impl_->store_bytes.Set(static_cast<double>(gauges.store_bytes));
  impl_->watch_streams.Set(static_cast<double>(gauges.watch_streams));
  impl_->watch_lag.Set(static_cast<double>(gauges.watch_lag));
  for (const auto& [name, value] :
       {std::pair<const char*, uint64_t>{"change_ring", gauges.change_ring_bytes},
        {"watch_buffer", gauges.watch_buffer_bytes},
        {"response_buffer", gauges.response_buffer_bytes},
        {"write_queue", gauges.write_queue_bytes}}) {
    impl_->budgets.Add({{"budget", name}}).Set(static_cast<double>(value));
  }
  if (gauges.replica.has_value()) {
    const ReplicaState& state = *gauges.replica;
    impl_->replica.Add({{"what", "position"}}).Set(static_cast<double>(state.applied_position));
    impl_->replica.Add({{"what", "lag_entries"}}).Set(static_cast<double>(state.lag_entries));
    impl_->replica.Add({{"what", "lag_seconds"}}).Set(absl::ToDoubleSeconds(state.lag));
    impl_->replica.Add({{"what", "serving"}}).Set(state.serving ? 1 : 0);
  }
}

}  // namespace parley
