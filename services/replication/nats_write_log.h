#ifndef PARLEY_SERVICES_REPLICATION_NATS_WRITE_LOG_H
#define PARLEY_SERVICES_REPLICATION_NATS_WRITE_LOG_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/nats/nats_connection.h"
#include "services/replication/write_log.h"

namespace parley {

struct NatsLogOptions {
  std::vector<std::string> servers;  // nats://host:port of one or more cluster members.
  std::string stream = "PARLEY_WRITES";
  std::string subject = "parley.writes";
  int replicas = 1;  // JetStream replicas of the stream (3 in production; 1 for a lone server).
  // Appends with the same de-duplication id within this window are stored once.
  absl::Duration duplicate_window = absl::Minutes(2);
  // Retention of the stream; 0 = unlimited. A replica further behind than the stream retains
  // must bootstrap from a peer's checkpoint (docs/scaling.md).
  absl::Duration max_age = absl::ZeroDuration();
  int64_t max_bytes = 0;
  absl::Duration request_timeout = absl::Seconds(5);  // JetStream API calls.
};

// WriteLog on a NATS JetStream stream: an append is a JetStream publish with a message id
// (de-duplication) acknowledged once stored by the stream's replicas; a reader is an ordered
// (ephemeral, flow-controlled) consumer starting at a stream sequence; positions are stream
// sequences. The connection reconnects forever in the background; while it is down, appends
// fail at once with Unavailable. The stream is created when missing, with `options`.
class NatsWriteLog final : public WriteLog {
 public:
  // Connects (or starts connecting: a cluster that is down is not an error here) and makes sure
  // the stream exists when JetStream answers. InvalidArgument for a bad option.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<NatsWriteLog>> Connect(
      const NatsLogOptions& options);
  ~NatsWriteLog() override;
  NatsWriteLog(const NatsWriteLog&) = delete;
  NatsWriteLog& operator=(const NatsWriteLog&) = delete;

  [[nodiscard]] absl::StatusOr<uint64_t> Append(absl::string_view data, absl::string_view dedupe_id,
                                                absl::Duration timeout) override;
  [[nodiscard]] absl::StatusOr<std::unique_ptr<LogReader>> OpenReader(uint64_t position) override;
  [[nodiscard]] absl::StatusOr<uint64_t> LastPosition() override;
  bool Connected() const override;

 private:
  NatsWriteLog(NatsLogOptions options, std::unique_ptr<NatsConnection> connection)
      : options_(std::move(options)), connection_(std::move(connection)) {}
  struct StreamRange {
    uint64_t first = 0;  // The oldest entry's position (retention may have removed earlier ones).
    uint64_t last = 0;   // The newest entry's position; 0 when the stream is empty.
  };
  // Creates the stream when it does not exist; returns the positions it holds.
  [[nodiscard]] absl::StatusOr<StreamRange> EnsureStream();

  const NatsLogOptions options_;
  const std::unique_ptr<NatsConnection> connection_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_REPLICATION_NATS_WRITE_LOG_H
