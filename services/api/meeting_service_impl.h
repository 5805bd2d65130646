#ifndef PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H
#define PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H

#include <cstddef>

#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/call_gate.h"
#include "services/api/service_limits.h"
#include "services/api/unary_call.h"
#include "services/api/watch_stream.h"
#include "services/store/change_feed.h"
#include "services/store/meeting_store.h"

namespace parley {

// Every RPC of the services (MeetingServiceImpl, IngestServiceImpl, AdminServiceImpl) is registered
// raw (ByteBuffer): requests are parsed by the handler (INVALID_ARGUMENT when they do not parse),
// responses are sent as bytes, and each call goes through the server's CallResources (admission
// during a drain, the response budget, authorisation). GetMeeting, ListMeetings and WatchMeetings
// send stored or pre-encoded bytes as they are, framed.
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

}  // namespace parley

#endif  // PARLEY_SERVICES_API_MEETING_SERVICE_IMPL_H
