#ifndef PARLEY_SERVICES_API_WATCH_STREAM_H
#define PARLEY_SERVICES_API_WATCH_STREAM_H

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.pb.h"
#include "services/store/change_feed.h"

namespace parley {

// Trailing-metadata key that carries the oldest retained revision on OUT_OF_RANGE.
inline constexpr char kOldestRevisionKey[] = "parley-oldest-revision";

class WatchStream;

// The live watch streams of one server: admission (a cap on their number), periodic progress
// requests and the end of every stream at shutdown. Thread-safe.
//
// It also owns the streams' shared write budget: the bytes of every stream's response in
// flight together stay under `buffer_bytes` (a stream waits for room before it builds its next
// response), so stalled readers hold at most that much however many there are. A stream whose
// write has been stuck longer than the stall timeout while others wait for room is cancelled
// (EndStalled), as Kubernetes ends watchers too slow to keep up; it resumes from its last
// revision + 1.
class WatchRegistry {
 public:
  // `buffer_bytes` 0 = no shared budget.
  explicit WatchRegistry(size_t max_streams, size_t buffer_bytes = 0)
      : max_streams_(max_streams), buffer_bytes_(buffer_bytes) {}

  // Returns the stream's id (> 0), or 0 when the cap is reached or the server is shutting down.
  uint64_t Add(WatchStream* stream);
  void Remove(WatchStream* stream);
  // Asks every stream that wants periodic progress (`progress_notify`) for a progress response.
  void RequestProgressAll();
  // Asks stream `id` for a progress response; false when there is no such stream.
  bool RequestProgress(uint64_t id);
  // Ends every stream with UNAVAILABLE and refuses new ones.
  void Shutdown();
  size_t size() const;
  // Revisions up to `current` that the farthest-behind stream has yet to deliver.
  uint64_t MaxLag(uint64_t current) const;

  // Reserves `bytes` of the write budget for `stream`'s next response. When there is no room
  // (and something is reserved), `stream` is queued; streams are woken (their Pump) in turn
  // as room is freed, each with room set aside for what it asked, so a freed response wakes
  // the streams it can serve, not every waiting one.
  bool TryReserve(WatchStream* stream, size_t bytes);
  void Release(size_t bytes);
  // Gives back room set aside for `stream` that it did not use (it had nothing to send).
  void ReturnGrant(WatchStream* stream);
  // Cancels every stream whose write has been in flight since before `stalled_before`, when a
  // stream is waiting for room. Returns how many.
  size_t EndStalled(absl::Time stalled_before);
  size_t buffered_bytes() const;
  size_t buffered_bytes_peak() const;
  size_t waiting_for_room() const;

 private:
  const size_t max_streams_;
  const size_t buffer_bytes_;
  mutable absl::Mutex budget_mu_ ABSL_ACQUIRED_AFTER(mu_);
  size_t buffered_ ABSL_GUARDED_BY(budget_mu_) = 0;
  size_t buffered_peak_ ABSL_GUARDED_BY(budget_mu_) = 0;
  std::deque<std::pair<WatchStream*, size_t>> waiting_ ABSL_GUARDED_BY(budget_mu_);
  std::map<WatchStream*, size_t> granted_ ABSL_GUARDED_BY(budget_mu_);

  // Grants room to waiting streams in turn; returns them, alive, to be pumped.
  std::vector<std::shared_ptr<WatchStream>> GrantLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(budget_mu_);
  void Wake(const std::vector<std::shared_ptr<WatchStream>>& streams);
  mutable absl::Mutex mu_;
  std::set<WatchStream*> streams_ ABSL_GUARDED_BY(mu_);
  std::map<uint64_t, WatchStream*> by_id_ ABSL_GUARDED_BY(mu_);
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
};

struct WatchOptions {
  size_t max_entries_per_read = 256;    // Change-log entries read per step.
  size_t max_response_bytes = 1 << 20;  // Whole revisions per response up to this many bytes
                                        // (one revision alone may take more, up to the next).
  // No response is larger: a revision whose events exceed it alone is split across responses
  // (`fragment`). ParleyServer sets it from the transport's message limit; 0 = no limit.
  size_t max_message_bytes = 0;
};

// One WatchMeetings call, as a gRPC callback reactor: no thread of its own. It keeps only its
// position (the next revision to deliver) and the one response in flight; events come from the
// shared ChangeFeed, so a slow reader holds no queue and costs writers nothing. When caught up
// it registers a one-shot wake-up with the feed. Events of one revision always travel in one
// response, and progress responses are produced only once every earlier event was sent.
//
// Lifetime: owns itself from `Start` until gRPC calls `OnDone`.
//
// Responses are written as raw bytes (the method is registered "raw"; its wire type is still
// parley.v1.WatchMeetingsResponse): each event was serialized once by the feed, and a response
// frames those bytes, so a thousand streams cost a thousand memcpys, not a thousand encodings.
class WatchStream : public grpc::ServerWriteReactor<grpc::ByteBuffer>,
                    public std::enable_shared_from_this<WatchStream> {
 public:
  // A reactor that only finishes the call with `status` (a refused call).
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Refuse(grpc::Status status);
  // Starts the stream, or finishes it at once with the right status (OUT_OF_RANGE for a
  // compacted start revision, RESOURCE_EXHAUSTED over the stream cap, INVALID_ARGUMENT for a
  // request that does not parse or a bad filter).
  static grpc::ServerWriteReactor<grpc::ByteBuffer>* Start(grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer& raw_request,
                                                           ChangeFeed* feed,
                                                           WatchRegistry* registry,
                                                           const WatchOptions& options);

  WatchStream(grpc::CallbackServerContext* context, ChangeFeed* feed, WatchRegistry* registry,
              v1::MeetingFilter filter, uint64_t next_revision, bool progress_notify,
              const WatchOptions& options);

  // True when the client asked for periodic progress responses.
  bool progress_notify() const { return progress_notify_; }

  // Queues a progress response (sent after every event already due). Thread-safe.
  void RequestProgress();
  // The next revision this stream will deliver. Thread-safe.
  uint64_t next_revision();
  uint64_t id() const { return id_; }
  // Ends the stream with `status` once the write in flight, if any, completes. Thread-safe.
  void End(grpc::Status status);

  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

  // Since when the write in flight has been waiting to complete (InfiniteFuture when none).
  absl::Time write_started();
  // Cancels the call (a stalled reader); gRPC then ends it. Thread-safe.
  void Cancel();

 private:
  friend class WatchRegistry;
  void Pump();
  // The event's type as this stream's filter sees it; UNSPECIFIED when it is not for it.
  v1::EventType TypeFor(const EncodedEntry::Event& event) const;

  grpc::CallbackServerContext* const context_;
  ChangeFeed* const feed_;
  WatchRegistry* const registry_;
  const v1::MeetingFilter filter_;
  const bool progress_notify_;
  const WatchOptions options_;

  absl::Mutex mu_;
  uint64_t next_revision_ ABSL_GUARDED_BY(mu_);
  // Inside a revision split across responses: the index of its next event to send.
  size_t fragment_offset_ ABSL_GUARDED_BY(mu_) = 0;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  bool progress_requested_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<grpc::Status> end_status_ ABSL_GUARDED_BY(mu_);
  std::optional<ChangeFeed::WaiterId> waiter_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer response_ ABSL_GUARDED_BY(mu_);
  size_t reserved_ ABSL_GUARDED_BY(mu_) = 0;  // Write budget held by the response in flight.
  absl::Time write_started_ ABSL_GUARDED_BY(mu_) = absl::InfiniteFuture();
  std::shared_ptr<WatchStream> self_;
  uint64_t id_ = 0;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_API_WATCH_STREAM_H
