#include "services/replication/nats_write_log.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/log/log.h"

namespace parley {
namespace {

int64_t Millis(absl::Duration d) { return absl::ToInt64Milliseconds(d); }

class NatsLogReader final : public LogReader {
 public:
  NatsLogReader(natsSubscription* subscription, uint64_t position)
      : subscription_(subscription), last_(position) {}
  ~NatsLogReader() override {
    // Ephemeral ordered consumer: unsubscribing removes it from the server at once.
    natsSubscription_Unsubscribe(subscription_);
    natsSubscription_Destroy(subscription_);
  }

  [[nodiscard]] absl::StatusOr<std::optional<LogRecord>> Next(absl::Duration timeout) override {
    natsMsg* msg = nullptr;
    const natsStatus s = natsSubscription_NextMsg(&msg, subscription_, Millis(timeout));
    if (s == NATS_TIMEOUT) {
      return std::nullopt;
    }
    if (s != NATS_OK) {
      return NatsError(s, static_cast<jsErrCode>(0), "read the write log");
    }
    jsMsgMetaData* meta = nullptr;
    const natsStatus ms = natsMsg_GetMetaData(&meta, msg);
    if (ms != NATS_OK) {
      natsMsg_Destroy(msg);
      return NatsError(ms, static_cast<jsErrCode>(0), "read a write-log entry's metadata");
    }
    LogRecord record;
    record.position = meta->Sequence.Stream;
    record.pending = meta->NumPending;
    jsMsgMetaData_Destroy(meta);
    record.data.assign(natsMsg_GetData(msg), static_cast<size_t>(natsMsg_GetDataLength(msg)));
    natsMsg_Destroy(msg);
    if (record.position != last_ + 1) {
      return absl::FailedPreconditionError(
          absl::StrCat("the write log no longer holds entries ", last_ + 1, " to ",
                       record.position - 1, " (retention removed them): this replica, at ", last_,
                       ", must bootstrap from a peer's checkpoint (--bootstrap_from)"));
    }
    last_ = record.position;
    return record;
  }

 private:
  natsSubscription* const subscription_;
  uint64_t last_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<NatsWriteLog>> NatsWriteLog::Connect(const NatsLogOptions& options) {
  if (options.replicas < 1 || options.replicas > 5) {
    return absl::InvalidArgumentError(
        absl::StrCat("stream replicas must be 1 to 5 (JetStream's limit); got ", options.replicas));
  }
  NatsConnectOptions connect;
  connect.servers = options.servers;
  connect.request_timeout = options.request_timeout;
  absl::StatusOr<std::unique_ptr<NatsConnection>> connection = NatsConnection::Connect(connect);
  if (!connection.ok()) {
    return connection.status();
  }
  std::unique_ptr<NatsWriteLog> log(new NatsWriteLog(options, *std::move(connection)));
  if (log->Connected()) {
    // Best effort now (a cluster just started may have no JetStream leader yet); every reader
    // and LastPosition makes sure of the stream again.
    if (absl::StatusOr<StreamRange> range = log->EnsureStream(); !range.ok()) {
      Log(LogLevel::kWarning, range.status().ToString());
    }
  }
  return log;
}

NatsWriteLog::~NatsWriteLog() = default;

bool NatsWriteLog::Connected() const { return connection_->Connected(); }

absl::StatusOr<NatsWriteLog::StreamRange> NatsWriteLog::EnsureStream() {
  jsStreamInfo* info = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&info, connection_->jetstream(), options_.stream.c_str(), nullptr,
                                  &js_error);
  if (s == NATS_NOT_FOUND || js_error == JSStreamNotFoundErr) {
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = options_.stream.c_str();
    const char* subjects[] = {options_.subject.c_str()};
    config.Subjects = subjects;
    config.SubjectsLen = 1;
    config.Storage = js_FileStorage;
    config.Retention = js_LimitsPolicy;
    config.Discard = js_DiscardOld;
    config.Replicas = options_.replicas;
    absl::Duration duplicates = options_.duplicate_window;
    if (options_.max_age > absl::ZeroDuration()) {
      config.MaxAge = absl::ToInt64Nanoseconds(options_.max_age);
      duplicates = std::min(duplicates, options_.max_age);  // JetStream requires it.
    }
    config.Duplicates = absl::ToInt64Nanoseconds(duplicates);
    if (options_.max_bytes > 0) {
      config.MaxBytes = options_.max_bytes;
    }
    js_error = static_cast<jsErrCode>(0);
    s = js_AddStream(&info, connection_->jetstream(), &config, nullptr, &js_error);
    if (s != NATS_OK && js_error == JSStreamNameExistErr) {  // Another replica won the race.
      js_error = static_cast<jsErrCode>(0);
      s = js_GetStreamInfo(&info, connection_->jetstream(), options_.stream.c_str(), nullptr,
                           &js_error);
    }
  }
  if (s != NATS_OK) {
    return NatsError(s, js_error,
                     absl::StrCat("find or create stream ", options_.stream, " on ",
                                  connection_->servers_text()));
  }
  StreamRange range;
  range.first = info->State.FirstSeq;
  range.last = info->State.LastSeq;
  jsStreamInfo_Destroy(info);
  return range;
}

absl::StatusOr<uint64_t> NatsWriteLog::Append(absl::string_view data, absl::string_view dedupe_id,
                                              absl::Duration timeout) {
  if (absl::Status publishable = connection_->CheckPublishable(data.size(), "the write-log entry");
      !publishable.ok()) {
    return publishable;
  }
  const std::string id(dedupe_id);
  jsPubOptions publish_options;
  jsPubOptions_Init(&publish_options);
  publish_options.MsgId = id.c_str();
  publish_options.ExpectStream = options_.stream.c_str();
  publish_options.MaxWait = Millis(timeout);
  jsPubAck* ack = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  const natsStatus s =
      js_Publish(&ack, connection_->jetstream(), options_.subject.c_str(), data.data(),
                 static_cast<int>(data.size()), &publish_options, &js_error);
  if (s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("append to stream ", options_.stream));
  }
  const uint64_t position = ack->Sequence;
  jsPubAck_Destroy(ack);
  return position;
}

absl::StatusOr<std::unique_ptr<LogReader>> NatsWriteLog::OpenReader(uint64_t position) {
  absl::StatusOr<StreamRange> range = EnsureStream();
  if (!range.ok()) {
    return range.status();
  }
  if (range->last < position) {
    return absl::FailedPreconditionError(absl::StrCat(
        "this replica has applied the write log up to ", position, " but stream ", options_.stream,
        " ends at ", range->last, ": the stream was recreated; wipe the replica and bootstrap it"));
  }
  if (range->last > position && range->first > position + 1) {
    return absl::FailedPreconditionError(
        absl::StrCat("the write log no longer holds entries ", position + 1, " to ",
                     range->first - 1, " (retention removed them): this replica, at ", position,
                     ", must bootstrap from a peer's checkpoint (--bootstrap_from)"));
  }
  jsSubOptions subscribe_options;
  jsSubOptions_Init(&subscribe_options);
  subscribe_options.Stream = options_.stream.c_str();
  subscribe_options.Ordered = true;
  if (position > 0) {
    subscribe_options.Config.DeliverPolicy = js_DeliverByStartSequence;
    subscribe_options.Config.OptStartSeq = position + 1;
  } else {
    subscribe_options.Config.DeliverPolicy = js_DeliverAll;
  }
  subscribe_options.Config.Heartbeat = absl::ToInt64Nanoseconds(absl::Seconds(1));
  natsSubscription* subscription = nullptr;
  jsErrCode js_error = static_cast<jsErrCode>(0);
  const natsStatus s =
      js_SubscribeSync(&subscription, connection_->jetstream(), options_.subject.c_str(), nullptr,
                       &subscribe_options, &js_error);
  if (s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("read stream ", options_.stream));
  }
  return std::unique_ptr<LogReader>(new NatsLogReader(subscription, position));
}

absl::StatusOr<uint64_t> NatsWriteLog::LastPosition() {
  if (!Connected()) {
    return absl::UnavailableError(
        absl::StrCat("the write log (NATS at ", connection_->servers_text(), ") is not reachable"));
  }
  absl::StatusOr<StreamRange> range = EnsureStream();
  if (!range.ok()) {
    return range.status();
  }
  return range->last;
}

}  // namespace parley
