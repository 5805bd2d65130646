#include "workers/queue/article_queue.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/domain/sha256.h"

namespace parley {
namespace {

constexpr char kNameHeader[] = "Parley-Source";
constexpr char kReasonHeader[] = "Parley-Error";
constexpr jsErrCode kNoJsError = static_cast<jsErrCode>(0);

int64_t Millis(absl::Duration d) { return absl::ToInt64Milliseconds(d); }
int64_t Nanos(absl::Duration d) { return absl::ToInt64Nanoseconds(d); }

// Creates stream `name` on `subject` when it does not exist.
absl::Status EnsureStream(jsCtx* js, const std::string& name, const std::string& subject,
                          jsRetentionPolicy retention, int replicas, absl::Duration max_age,
                          absl::Duration duplicates) {
  jsStreamInfo* info = nullptr;
  jsErrCode js_error = kNoJsError;
  natsStatus s = js_GetStreamInfo(&info, js, name.c_str(), nullptr, &js_error);
  if (s == NATS_NOT_FOUND || js_error == JSStreamNotFoundErr) {
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = name.c_str();
    const char* subjects[] = {subject.c_str()};
    config.Subjects = subjects;
    config.SubjectsLen = 1;
    config.Storage = js_FileStorage;
    config.Retention = retention;
    config.Replicas = replicas;
    if (max_age > absl::ZeroDuration()) {
      config.MaxAge = Nanos(max_age);
      duplicates = std::min(duplicates, max_age);  // JetStream requires it.
    }
    config.Duplicates = Nanos(duplicates);
    js_error = kNoJsError;
    s = js_AddStream(&info, js, &config, nullptr, &js_error);
    if (s != NATS_OK && js_error == JSStreamNameExistErr) {  // Another process won the race.
      js_error = kNoJsError;
      s = js_GetStreamInfo(&info, js, name.c_str(), nullptr, &js_error);
    }
  }
  if (s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("find or create stream ", name));
  }
  jsStreamInfo_Destroy(info);
  return absl::OkStatus();
}

}  // namespace

QueuedInput::~QueuedInput() { natsMsg_Destroy(msg_); }

absl::string_view QueuedInput::data() const {
  return absl::string_view(natsMsg_GetData(msg_), static_cast<size_t>(natsMsg_GetDataLength(msg_)));
}

absl::Status QueuedInput::Done() {
  jsErrCode js_error = kNoJsError;
  if (natsStatus s = natsMsg_AckSync(msg_, nullptr, &js_error); s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("acknowledge input ", sequence_, " (", name_, ")"));
  }
  return absl::OkStatus();
}

absl::Status QueuedInput::Release(absl::Duration delay) {
  if (natsStatus s = natsMsg_NakWithDelay(msg_, Millis(delay), nullptr); s != NATS_OK) {
    return NatsError(s, kNoJsError, absl::StrCat("release input ", sequence_, " (", name_, ")"));
  }
  return absl::OkStatus();
}

absl::Status QueuedInput::KeepAlive() {
  if (natsStatus s = natsMsg_InProgress(msg_, nullptr); s != NATS_OK) {
    return NatsError(s, kNoJsError,
                     absl::StrCat("keep input ", sequence_, " (", name_, ") in progress"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<ArticleQueue>> ArticleQueue::Connect(ArticleQueueOptions options) {
  if (options.replicas < 1 || options.replicas > 5) {
    return absl::InvalidArgumentError(
        absl::StrCat("queue replicas must be 1 to 5 (JetStream's limit); got ", options.replicas));
  }
  if (options.ack_wait < absl::Seconds(1)) {
    return absl::InvalidArgumentError(absl::StrCat("the queue's ack wait must be at least 1s; got ",
                                                   absl::FormatDuration(options.ack_wait)));
  }
  if (options.consumer.empty() || options.consumer.find('.') != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the queue's consumer name must be non-empty without '.'; got \"", options.consumer, "\""));
  }
  NatsConnectOptions connect;
  connect.servers = options.servers;
  connect.request_timeout = options.request_timeout;
  absl::StatusOr<std::unique_ptr<NatsConnection>> connection = NatsConnection::Connect(connect);
  if (!connection.ok()) {
    return connection.status();
  }
  std::unique_ptr<ArticleQueue> queue(new ArticleQueue(std::move(options), *std::move(connection)));
  if (queue->Connected()) {
    (void)queue->EnsureSetUp();  // Best effort: Take and Submit make sure again.
  }
  return queue;
}

ArticleQueue::~ArticleQueue() {
  if (natsSubscription* subscription = subscription_.load(); subscription != nullptr) {
    // Destroy, not unsubscribe: the durable consumer is shared and stays (client 3.4+).
    natsSubscription_Destroy(subscription);
  }
}

absl::Status ArticleQueue::EnsureSetUp() {
  if (subscription_.load() != nullptr) {
    return absl::OkStatus();
  }
  absl::MutexLock lock(&setup_mu_);
  if (subscription_.load() != nullptr) {  // Another thread finished it meanwhile.
    return absl::OkStatus();
  }
  jsCtx* js = connection_->jetstream();
  if (absl::Status s =
          EnsureStream(js, options_.stream, options_.subject, js_WorkQueuePolicy, options_.replicas,
                       absl::ZeroDuration(), options_.duplicate_window);
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          EnsureStream(js, options_.failed_stream, options_.failed_subject, js_LimitsPolicy,
                       options_.replicas, options_.failed_max_age, options_.duplicate_window);
      !s.ok()) {
    return s;
  }
  // The durable consumer is created here, not by the subscription: one created by a
  // subscription would be deleted when that subscription ends.
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Durable = options_.consumer.c_str();
  config.AckPolicy = js_AckExplicit;
  config.AckWait = Nanos(options_.ack_wait);
  config.MaxDeliver = -1;  // Workers decide when an input has failed, with a reason.
  config.DeliverPolicy = js_DeliverAll;
  jsErrCode js_error = kNoJsError;
  natsStatus s = js_AddConsumer(nullptr, js, options_.stream.c_str(), &config, nullptr, &js_error);
  if (s != NATS_OK) {
    // It exists with another setting (a changed --queue_ack_wait): take this one.
    js_error = kNoJsError;
    s = js_UpdateConsumer(nullptr, js, options_.stream.c_str(), &config, nullptr, &js_error);
  }
  if (s != NATS_OK) {
    return NatsError(s, js_error,
                     absl::StrCat("create consumer ", options_.consumer, " on ", options_.stream));
  }
  jsSubOptions subscribe;
  jsSubOptions_Init(&subscribe);
  subscribe.Stream = options_.stream.c_str();
  subscribe.Consumer = options_.consumer.c_str();
  js_error = kNoJsError;
  natsSubscription* subscription = nullptr;
  s = js_PullSubscribe(&subscription, js, options_.subject.c_str(), options_.consumer.c_str(),
                       nullptr, &subscribe, &js_error);
  if (s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("bind to consumer ", options_.consumer));
  }
  subscription_.store(subscription);
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> ArticleQueue::Submit(absl::string_view data, absl::string_view name,
                                              absl::Duration timeout) {
  if (absl::Status publishable =
          connection_->CheckPublishable(data.size(), absl::StrCat("input ", name));
      !publishable.ok()) {
    return publishable;
  }
  if (absl::Status set_up = EnsureSetUp(); !set_up.ok()) {
    return set_up;
  }
  natsMsg* msg = nullptr;
  natsStatus s = natsMsg_Create(&msg, options_.subject.c_str(), nullptr, data.data(),
                                static_cast<int>(data.size()));
  const std::string name_text(name);
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, kNameHeader, name_text.c_str());
  if (s != NATS_OK) {
    natsMsg_Destroy(msg);
    return NatsError(s, kNoJsError, absl::StrCat("prepare input ", name));
  }
  const std::string id = absl::StrCat("input-", Sha256Hex(data));
  jsPubOptions publish;
  jsPubOptions_Init(&publish);
  publish.MsgId = id.c_str();
  publish.ExpectStream = options_.stream.c_str();
  publish.MaxWait = Millis(timeout);
  jsPubAck* ack = nullptr;
  jsErrCode js_error = kNoJsError;
  s = js_PublishMsg(&ack, connection_->jetstream(), msg, &publish, &js_error);
  natsMsg_Destroy(msg);
  if (s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("queue input ", name, " on ", options_.stream));
  }
  const uint64_t sequence = ack->Sequence;
  jsPubAck_Destroy(ack);
  return sequence;
}

absl::StatusOr<std::vector<std::unique_ptr<QueuedInput>>> ArticleQueue::Take(
    int max, absl::Duration timeout) {
  std::vector<std::unique_ptr<QueuedInput>> out;
  if (!Connected()) {
    return absl::UnavailableError(absl::StrCat("the article queue (NATS at ",
                                               connection_->servers_text(), ") is not reachable"));
  }
  if (absl::Status set_up = EnsureSetUp(); !set_up.ok()) {
    return set_up;
  }
  natsMsgList list{};
  {
    absl::MutexLock lock(&fetch_mu_);
    jsErrCode js_error = kNoJsError;
    const natsStatus s = natsSubscription_Fetch(&list, subscription_.load(), max,
                                                std::max<int64_t>(1, Millis(timeout)), &js_error);
    if (s == NATS_TIMEOUT) {
      return out;
    }
    if (s != NATS_OK) {
      return NatsError(s, js_error, absl::StrCat("take inputs from ", options_.stream));
    }
  }
  for (int i = 0; i < list.Count; ++i) {
    natsMsg* msg = list.Msgs[i];
    list.Msgs[i] = nullptr;  // Owned by its QueuedInput from here.
    jsMsgMetaData* meta = nullptr;
    uint64_t sequence = 0;
    uint64_t deliveries = 1;
    if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) {
      sequence = meta->Sequence.Stream;
      deliveries = meta->NumDelivered;
      jsMsgMetaData_Destroy(meta);
    }
    const char* name = nullptr;
    std::string name_text = natsMsgHeader_Get(msg, kNameHeader, &name) == NATS_OK && name != nullptr
                                ? std::string(name)
                                : absl::StrCat("input-", sequence);
    out.push_back(std::unique_ptr<QueuedInput>(
        new QueuedInput(msg, std::move(name_text), sequence, deliveries)));
  }
  natsMsgList_Destroy(&list);
  return out;
}

absl::Status ArticleQueue::Fail(QueuedInput& input, absl::string_view reason) {
  natsMsg* msg = nullptr;
  const absl::string_view data = input.data();
  natsStatus s = natsMsg_Create(&msg, options_.failed_subject.c_str(), nullptr, data.data(),
                                static_cast<int>(data.size()));
  const std::string reason_text(reason);
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, kNameHeader, input.name().c_str());
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, kReasonHeader, reason_text.c_str());
  if (s != NATS_OK) {
    natsMsg_Destroy(msg);
    return NatsError(s, kNoJsError, absl::StrCat("record the failure of input ", input.name()));
  }
  // The same input failing again (redelivered after a crash between the two steps) is
  // recorded once.
  const std::string id = absl::StrCat("failed-", input.sequence(), "-", Sha256Hex(data));
  jsPubOptions publish;
  jsPubOptions_Init(&publish);
  publish.MsgId = id.c_str();
  publish.ExpectStream = options_.failed_stream.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode js_error = kNoJsError;
  s = js_PublishMsg(&ack, connection_->jetstream(), msg, &publish, &js_error);
  natsMsg_Destroy(msg);
  if (s != NATS_OK) {
    return NatsError(
        s, js_error,
        absl::StrCat("record the failure of input ", input.name(), " on ", options_.failed_stream));
  }
  jsPubAck_Destroy(ack);
  return input.Done();
}

absl::StatusOr<QueueDepth> ArticleQueue::Depth() {
  jsConsumerInfo* info = nullptr;
  jsErrCode js_error = kNoJsError;
  const natsStatus s = js_GetConsumerInfo(&info, connection_->jetstream(), options_.stream.c_str(),
                                          options_.consumer.c_str(), nullptr, &js_error);
  if (s != NATS_OK) {
    return NatsError(s, js_error, absl::StrCat("read consumer ", options_.consumer));
  }
  QueueDepth depth;
  depth.waiting = info->NumPending;
  depth.in_progress = static_cast<uint64_t>(info->NumAckPending);
  jsConsumerInfo_Destroy(info);
  return depth;
}

}  // namespace parley
