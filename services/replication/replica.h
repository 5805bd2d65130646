#ifndef PARLEY_SERVICES_REPLICATION_REPLICA_H
#define PARLEY_SERVICES_REPLICATION_REPLICA_H

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/replication/meeting_writer.h"
#include "services/replication/write_log.h"
#include "services/store/meeting_store.h"

namespace parley {

struct ReplicaOptions {
  // How long a write waits for the log's acknowledgement and then for this replica to apply it.
  absl::Duration write_timeout = absl::Seconds(10);
  // Health: the replica serves once it is at most this many log entries behind.
  uint64_t max_serving_lag = 1000;
  // Answers of recent entries kept for the writers waiting on them (and for retries that the
  // log de-duplicated).
  size_t answers_kept = 4096;
  absl::Duration retry_pause = absl::Milliseconds(250);  // After a log or store failure.
  absl::Duration poll = absl::Milliseconds(200);         // Longest wait for the next entry.
};

// What a replica reports about itself (metrics, health, logs).
struct ReplicaState {
  uint64_t applied_position = 0;              // Last log entry applied.
  uint64_t lag_entries = 0;                   // Entries in the log not applied yet (as last seen).
  absl::Duration lag = absl::ZeroDuration();  // Age of the oldest unapplied entry, roughly.
  bool serving = false;     // Caught up (within max_serving_lag) and following the log.
  absl::Status last_error;  // Why it is not following the log, if so.
};

// One equal member of a cluster (docs/scaling.md): a state machine over the replicated write
// log. Writes (Ingest, Delete) are appended to the log with a time and a de-duplication id, then
// answered once this replica has applied them; a thread applies every entry in log order to the
// local store through the deterministic ingest plan (ApplyLogEntry), storing each entry's
// position with its write, so a restart resumes after the last one applied, exactly once.
// Thread-safe. `store` and `log` must outlive it.
class Replica final : public MeetingWriter {
 public:
  // Called, on the apply thread, when the replica starts or stops serving.
  using ServingListener = std::function<void(bool serving)>;

  Replica(MeetingStore* store, WriteLog* log, ReplicaOptions options,
          ServingListener on_serving = nullptr);
  ~Replica() override;  // Stop().
  Replica(const Replica&) = delete;
  Replica& operator=(const Replica&) = delete;

  // Starts following the log from the store's position.
  void Start();
  // Stops following; writers still waiting get Unavailable. Idempotent.
  void Stop();

  // Unavailable (precisely: what failed) when the log cannot take the write; DeadlineExceeded
  // when the log took it but this replica did not apply it within `write_timeout` (the write
  // stands and will be applied: a retry with the same content is de-duplicated).
  [[nodiscard]] absl::StatusOr<IngestOutcome> Ingest(v1::IngestOp op) override;
  [[nodiscard]] absl::StatusOr<uint64_t> Delete(const std::string& id) override;

  ReplicaState state() const;

 private:
  void ApplyLoop();
  // Appends `entry` and waits for its answer.
  [[nodiscard]] absl::StatusOr<AppliedEntry> Submit(const v1::LogEntry& entry,
                                                    const std::string& dedupe_id);
  // Applies one record, retrying what may succeed later (an IO error) until it is applied or the
  // replica stops (`lag` is reported meanwhile). False when stopped first.
  bool ApplyRecord(const LogRecord& record, uint64_t lag);
  // Updates the state under mu_ and tells the listener when serving changed.
  void Report(uint64_t lag_entries, absl::Status error);

  MeetingStore* const store_;
  WriteLog* const log_;
  const ReplicaOptions options_;
  const ServingListener on_serving_;

  mutable absl::Mutex mu_;
  uint64_t applied_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<uint64_t, AppliedEntry> answers_ ABSL_GUARDED_BY(mu_);
  uint64_t lag_entries_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time last_applied_time_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
  absl::Status last_error_ ABSL_GUARDED_BY(mu_);
  bool serving_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool reached_log_ ABSL_GUARDED_BY(mu_) = false;  // Opened a reader once since Start().
  std::thread thread_;
};

}  // namespace parley

#endif  // PARLEY_SERVICES_REPLICATION_REPLICA_H
