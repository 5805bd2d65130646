#ifndef PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H
#define PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/call_gate.h"
#include "services/api/unary_call.h"
#include "services/api/watch_stream.h"
#include "services/auth/authorizer.h"
#include "services/replication/meeting_writer.h"
#include "services/store/change_feed.h"
#include "services/store/meeting_store.h"

namespace parley {

struct ServiceLimits {
  int default_page_size = 50;
  int max_page_size = 500;
  int max_batch_ids = 1000;
  size_t max_id_bytes = 128;
  size_t max_watch_streams = 10000;
  size_t max_article_bytes = 8 << 20;
  // Meetings one IngestArticle may carry, and their serialized bytes together: an article
  // reports a handful; these bound how long one write holds the store.
  int max_meetings_per_article = 100;
  size_t max_meeting_bytes_per_article = 4 << 20;
  // Largest response body; list pages end early to stay under it, a batch that cannot is
  // refused with RESOURCE_EXHAUSTED. 0 = no limit. ParleyServer derives it from the message limit.
  size_t max_response_bytes = 0;
};

// Every RPC of these services is registered raw (ByteBuffer): requests are parsed by the
// handler (INVALID_ARGUMENT when they do not parse), responses are sent as bytes, and each call
// goes through the server's CallResources (admission during a drain, the response budget,
// authorisation). GetMeeting, ListMeetings and WatchMeetings send stored or pre-encoded bytes
// as they are, framed.
using MeetingServiceBase = v1::MeetingService::WithRawCallbackMethod_GetMeeting<
    v1::MeetingService::WithRawCallbackMethod_BatchGetMeetings<
        v1::MeetingService::WithRawCallbackMethod_ListMeetings<
            v1::MeetingService::WithRawCallbackMethod_WatchMeetings<
                v1::MeetingService::WithRawCallbackMethod_RequestWatchProgress<
                    v1::MeetingService::WithRawCallbackMethod_GetArticle<
                        v1::MeetingService::Service>>>>>>;

// parley.v1.MeetingService over the gRPC callback API: authorise, validate, call the store, map
// the status. Thread-safe; `store`, `feed` and what `resources` points to must outlive it.
// Every method is a read.
class MeetingServiceImpl final : public MeetingServiceBase {
 public:
  // `watch_buffer_bytes` budgets the watch responses in flight (WatchRegistry); 0 = none.
  MeetingServiceImpl(MeetingStore* store, ChangeFeed* feed, ServiceLimits limits,
                     WatchOptions watch_options = {}, CallResources resources = {},
                     size_t watch_buffer_bytes = 0);

  grpc::ServerUnaryReactor* GetMeeting(grpc::CallbackServerContext* context,
                                       const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* BatchGetMeetings(grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListMeetings(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchMeetings(
      grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) override;
  grpc::ServerUnaryReactor* RequestWatchProgress(grpc::CallbackServerContext* context,
                                                 const grpc::ByteBuffer* request,
                                                 grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetArticle(grpc::CallbackServerContext* context,
                                       const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;

  WatchRegistry& watches() { return watches_; }

 private:
  MeetingStore* const store_;
  ChangeFeed* const feed_;
  const ServiceLimits limits_;
  const WatchOptions watch_options_;
  const CallResources resources_;
  WatchRegistry watches_;
};

using IngestServiceBase = v1::IngestService::WithRawCallbackMethod_IngestArticle<
    v1::IngestService::WithRawCallbackMethod_DeleteMeeting<
        v1::IngestService::WithRawCallbackMethod_ListArticles<v1::IngestService::Service>>>;

// parley.v1.IngestService: the worker's write path. IngestArticle and DeleteMeeting are writes,
// run one at a time on a writer thread of their own (the store serialises writes anyway), so a
// write waiting for the store never holds one of gRPC's callback threads; ListArticles is a
// read. Thread-safe; `store` and what `resources` and `write_queue` point to must
// outlive it.
class IngestServiceImpl final : public IngestServiceBase {
 public:
  // Called once per IngestArticle call with its final code and whether it changed the store.
  using IngestObserver = std::function<void(absl::StatusCode code, bool changed)>;

  // `write_queue` (may be null) budgets the bytes of IngestArticle requests admitted and not
  // yet committed: beyond it a write is refused RESOURCE_EXHAUSTED (retryable).
  // Writes go to `writer` (the store itself, or the replicated log in cluster mode); reads
  // (ListArticles) to `store`.
  IngestServiceImpl(MeetingStore* store, MeetingWriter* writer, ServiceLimits limits,
                    CallResources resources = {}, ByteBudget* write_queue = nullptr,
                    IngestObserver observer = nullptr);

  grpc::ServerUnaryReactor* IngestArticle(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* DeleteMeeting(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListArticles(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;

 private:
  [[nodiscard]] absl::Status Ingest(const v1::IngestArticleRequest& request,
                                    v1::IngestArticleResponse* response);

  MeetingStore* const store_;
  MeetingWriter* const sink_;  // Where writes go.
  const ServiceLimits limits_;
  const CallResources resources_;
  ByteBudget* const write_queue_;
  const IngestObserver observer_;
  // IngestArticle and DeleteMeeting run here, in arrival order, off gRPC's callback threads.
  // Last member: destroyed first, it finishes what is queued while the rest is alive.
  SerialExecutor writer_;
};

using AdminServiceBase = v1::AdminService::WithRawCallbackMethod_CreateCheckpoint<
    v1::AdminService::WithCallbackMethod_StreamCheckpoint<v1::AdminService::Service>>;

// parley.v1.AdminService: checkpoints for backups, a write. Thread-safe; `store` and what
// `resources` points to must outlive it.
class AdminServiceImpl final : public AdminServiceBase {
 public:
  // `checkpoint_dir` empty: CreateCheckpoint answers FAILED_PRECONDITION. StreamCheckpoint makes
  // its temporary checkpoint under `stream_dir` (on the store's file system, for hard links);
  // empty: FAILED_PRECONDITION.
  AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir, CallResources resources = {},
                   std::string stream_dir = "");

  grpc::ServerUnaryReactor* CreateCheckpoint(grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response) override;
  // Write access (it ships every record and article).
  grpc::ServerWriteReactor<v1::CheckpointChunk>* StreamCheckpoint(
      grpc::CallbackServerContext* context, const v1::StreamCheckpointRequest* request) override;

 private:
  MeetingStore* const store_;
  const std::string checkpoint_dir_;
  const CallResources resources_;
  const std::string stream_dir_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H
