#ifndef PARLEY_SERVICES_NATS_NATS_CONNECTION_H
#define PARLEY_SERVICES_NATS_NATS_CONNECTION_H

#include <nats/nats.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace parley {

struct NatsConnectOptions {
  std::vector<std::string> servers;  // nats://host:port of one or more cluster members.
  absl::Duration request_timeout = absl::Seconds(5);  // JetStream API calls.
};

// A NATS failure as a Status: `what` failed, with the client's text and JetStream's error code.
// Timeouts are DeadlineExceeded, a bad argument or subject InvalidArgument, a message over the
// servers' max_payload InvalidArgument; connection, routing and JetStream availability errors
// are Unavailable (retryable).
[[nodiscard]] absl::Status NatsError(natsStatus s, jsErrCode js_error, absl::string_view what);

// A connection to a NATS cluster with a JetStream context. It reconnects forever in the
// background, and a cluster that is down at start is reached later: Connect does not wait for
// it. Thread-safe (the NATS client's handles are).
class NatsConnection {
 public:
  // InvalidArgument when no server is given; Unavailable when the client cannot be set up.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<NatsConnection>> Connect(
      const NatsConnectOptions& options);
  ~NatsConnection();
  NatsConnection(const NatsConnection&) = delete;
  NatsConnection& operator=(const NatsConnection&) = delete;

  // Connected to a server now (not while connecting or reconnecting).
  bool Connected() const;

  // OkStatus when a message of `bytes` (payload) can be published now: Unavailable naming the
  // servers while disconnected; InvalidArgument naming both sizes when it is larger than the
  // servers' max_payload (less room for headers), which no retry can change. `what` names the
  // message in the error ("the write log entry").
  [[nodiscard]] absl::Status CheckPublishable(size_t bytes, absl::string_view what) const;

  // The servers' max_payload (bytes); 0 before the first connection.
  int64_t max_payload() const;

  natsConnection* connection() const { return connection_; }
  jsCtx* jetstream() const { return js_; }
  const std::string& servers_text() const { return servers_text_; }  // For messages.

 private:
  NatsConnection() = default;

  std::string servers_text_;
  natsConnection* connection_ = nullptr;
  jsCtx* js_ = nullptr;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_NATS_NATS_CONNECTION_H
