#ifndef PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H
#define PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H

#include <string>

#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/watch_stream.h"
#include "services/auth/authorizer.h"
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
  // Largest response body; list pages end early to stay under it, a batch that cannot is
  // refused with RESOURCE_EXHAUSTED. 0 = no limit. ParleyServer derives it from the message limit.
  size_t max_response_bytes = 0;
};

// parley.v1.MeetingService over the gRPC callback API: authorise, validate, call the store, map
// the status. Thread-safe; `store`, `feed` and `auth` must outlive it. A null `auth` admits
// every call (tests and embedded use); every method is a read.
// GetMeeting, ListMeetings and WatchMeetings are registered raw (ByteBuffer): their responses
// are the stored or pre-encoded bytes, framed, rather than decoded and re-encoded.
using MeetingServiceBase = v1::MeetingService::WithRawCallbackMethod_GetMeeting<
    v1::MeetingService::WithCallbackMethod_BatchGetMeetings<
        v1::MeetingService::WithRawCallbackMethod_ListMeetings<
            v1::MeetingService::WithRawCallbackMethod_WatchMeetings<
                v1::MeetingService::WithCallbackMethod_RequestWatchProgress<
                    v1::MeetingService::WithCallbackMethod_GetArticle<
                        v1::MeetingService::Service>>>>>>;

class MeetingServiceImpl final : public MeetingServiceBase {
 public:
  MeetingServiceImpl(MeetingStore* store, ChangeFeed* feed, ServiceLimits limits,
                     WatchOptions watch_options = {}, const Authorizer* auth = nullptr);

  grpc::ServerUnaryReactor* GetMeeting(grpc::CallbackServerContext* context,
                                       const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* BatchGetMeetings(grpc::CallbackServerContext* context,
                                             const v1::BatchGetMeetingsRequest* request,
                                             v1::BatchGetMeetingsResponse* response) override;
  grpc::ServerUnaryReactor* ListMeetings(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchMeetings(
      grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) override;
  grpc::ServerUnaryReactor* RequestWatchProgress(
      grpc::CallbackServerContext* context, const v1::RequestWatchProgressRequest* request,
      v1::RequestWatchProgressResponse* response) override;
  grpc::ServerUnaryReactor* GetArticle(grpc::CallbackServerContext* context,
                                       const v1::GetArticleRequest* request,
                                       v1::GetArticleResponse* response) override;

  WatchRegistry& watches() { return watches_; }

 private:
  MeetingStore* const store_;
  ChangeFeed* const feed_;
  const ServiceLimits limits_;
  const WatchOptions watch_options_;
  const Authorizer* const auth_;
  WatchRegistry watches_;
};

// parley.v1.IngestService: the worker's write path. IngestArticle and DeleteMeeting are writes,
// ListArticles a read. Thread-safe; `store` and `auth` must outlive it.
class IngestServiceImpl final : public v1::IngestService::CallbackService {
 public:
  IngestServiceImpl(MeetingStore* store, ServiceLimits limits, const Authorizer* auth = nullptr);

  grpc::ServerUnaryReactor* IngestArticle(grpc::CallbackServerContext* context,
                                          const v1::IngestArticleRequest* request,
                                          v1::IngestArticleResponse* response) override;
  grpc::ServerUnaryReactor* DeleteMeeting(grpc::CallbackServerContext* context,
                                          const v1::DeleteMeetingRequest* request,
                                          v1::DeleteMeetingResponse* response) override;
  grpc::ServerUnaryReactor* ListArticles(grpc::CallbackServerContext* context,
                                         const v1::ListArticlesRequest* request,
                                         v1::ListArticlesResponse* response) override;

 private:
  MeetingStore* const store_;
  const ServiceLimits limits_;
  const Authorizer* const auth_;
};

// parley.v1.AdminService: checkpoints for backups, a write. Thread-safe; `store` and `auth`
// must outlive it.
class AdminServiceImpl final : public v1::AdminService::CallbackService {
 public:
  // `checkpoint_dir` empty: CreateCheckpoint answers FAILED_PRECONDITION.
  AdminServiceImpl(MeetingStore* store, std::string checkpoint_dir,
                   const Authorizer* auth = nullptr);

  grpc::ServerUnaryReactor* CreateCheckpoint(grpc::CallbackServerContext* context,
                                             const v1::CreateCheckpointRequest* request,
                                             v1::CreateCheckpointResponse* response) override;

 private:
  MeetingStore* const store_;
  const std::string checkpoint_dir_;
  const Authorizer* const auth_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H
