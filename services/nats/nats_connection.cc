#include "services/nats/nats_connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace parley {
namespace {

// Headers a publish adds (message id, expected stream, Parley's own) stay under this.
constexpr int64_t kHeaderRoom = 4 << 10;

}  // namespace

absl::Status NatsError(natsStatus s, jsErrCode js_error, absl::string_view what) {
  std::string text = absl::StrCat(what, ": ", natsStatus_GetText(s));
  if (const char* last = nats_GetLastError(nullptr); last != nullptr && *last != '\0') {
    absl::StrAppend(&text, " (", last, ")");
  }
  if (js_error != 0) {
    absl::StrAppend(&text, " [JetStream error ", static_cast<int>(js_error), "]");
  }
  switch (s) {
    case NATS_TIMEOUT:
      return absl::DeadlineExceededError(text);
    case NATS_INVALID_ARG:
    case NATS_INVALID_SUBJECT:
    case NATS_MAX_PAYLOAD:
      return absl::InvalidArgumentError(text);
    default:
      return absl::UnavailableError(text);
  }
}

absl::StatusOr<std::unique_ptr<NatsConnection>> NatsConnection::Connect(
    const NatsConnectOptions& options) {
  if (options.servers.empty()) {
    return absl::InvalidArgumentError("no NATS server given");
  }
  std::unique_ptr<NatsConnection> connection(new NatsConnection());
  connection->servers_text_ = absl::StrJoin(options.servers, ",");
  natsOptions* nats_options = nullptr;
  if (natsStatus s = natsOptions_Create(&nats_options); s != NATS_OK) {
    return NatsError(s, static_cast<jsErrCode>(0), "create NATS options");
  }
  std::vector<const char*> servers;
  servers.reserve(options.servers.size());
  for (const std::string& server : options.servers) {
    servers.push_back(server.c_str());
  }
  natsStatus s =
      natsOptions_SetServers(nats_options, servers.data(), static_cast<int>(servers.size()));
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(nats_options, -1);  // Forever.
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(nats_options, 250);
  if (s == NATS_OK) s = natsOptions_SetTimeout(nats_options, 2000);
  if (s == NATS_OK) s = natsOptions_SetPingInterval(nats_options, 2000);
  if (s == NATS_OK) s = natsOptions_SetMaxPingsOut(nats_options, 2);
  // A cluster that is down at start is reached later, in the background: with a "connected"
  // callback the connect call returns at once (without one, it would block until connected).
  if (s == NATS_OK) {
    s = natsOptions_SetRetryOnFailedConnect(
        nats_options, true, [](natsConnection* /*nc*/, void* /*closure*/) {}, nullptr);
  }
  if (s == NATS_OK) {
    s = natsConnection_Connect(&connection->connection_, nats_options);
    if (s == NATS_NOT_YET_CONNECTED) {
      s = NATS_OK;
    }
  }
  natsOptions_Destroy(nats_options);
  if (s != NATS_OK) {
    return NatsError(s, static_cast<jsErrCode>(0),
                     absl::StrCat("connect to NATS at ", connection->servers_text_));
  }
  jsOptions js_options;
  jsOptions_Init(&js_options);
  js_options.Wait = absl::ToInt64Milliseconds(options.request_timeout);
  if (natsStatus js =
          natsConnection_JetStream(&connection->js_, connection->connection_, &js_options);
      js != NATS_OK) {
    return NatsError(js, static_cast<jsErrCode>(0), "open a JetStream context");
  }
  return connection;
}

NatsConnection::~NatsConnection() {
  if (js_ != nullptr) {
    jsCtx_Destroy(js_);
  }
  if (connection_ != nullptr) {
    natsConnection_Close(connection_);
    natsConnection_Destroy(connection_);
  }
}

bool NatsConnection::Connected() const {
  return natsConnection_Status(connection_) == NATS_CONN_STATUS_CONNECTED;
}

int64_t NatsConnection::max_payload() const { return natsConnection_GetMaxPayload(connection_); }

absl::Status NatsConnection::CheckPublishable(size_t bytes, absl::string_view what) const {
  if (!Connected()) {
    return absl::UnavailableError(
        absl::StrCat(what, " cannot be sent: NATS at ", servers_text_, " is not reachable"));
  }
  const int64_t limit = max_payload() - kHeaderRoom;
  if (limit > 0 && static_cast<int64_t>(bytes) > limit) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " is ", bytes, " bytes; the NATS servers take at most ", limit,
        " (their max_payload, less room for headers): raise max_payload in the servers' "
        "configuration (docs/scaling.md)"));
  }
  return absl::OkStatus();
}

}  // namespace parley
