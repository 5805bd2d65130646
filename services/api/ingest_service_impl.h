#ifndef PARLEY_SERVICES_API_INGEST_SERVICE_IMPL_H
#define PARLEY_SERVICES_API_INGEST_SERVICE_IMPL_H

#include <functional>

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/call_gate.h"
#include "services/api/service_limits.h"
#include "services/api/unary_call.h"
#include "services/replication/meeting_writer.h"
#include "services/store/meeting_store.h"

namespace parley {

// Registered raw, as MeetingServiceImpl is (see meeting_service_impl.h).
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

}  // namespace parley

#endif  // PARLEY_SERVICES_API_INGEST_SERVICE_IMPL_H
