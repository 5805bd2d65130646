// parley-watch: prints WatchMeetings events as JSON lines and resumes by itself.
//   parley-watch --target=HOST:PORT [--from=REVISION] [--countries=KZ,CN] [--person=NAME]
//                [--progress]
// Each event is one line {"type": ..., "revision": ..., "meeting": {...}}; with --progress,
// progress responses print as {"progress": REVISION}. After a disconnect or UNAVAILABLE it
// reconnects from the last revision seen + 1 (with backoff); when its position has been
// compacted (OUT_OF_RANGE) it says so and exits 3: list again and restart from that revision.
// A refused request or credential (INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED)
// exits 2. --target_* flags set TLS and a bearer token.

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/flags/env_flags.h"
#include "workers/client_flags.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "Meeting service address");
ABSL_FLAG(uint64_t, from, 0, "First revision to print; 0 = from now");
ABSL_FLAG(std::string, countries, "", "Only meetings with any of these countries (comma list)");
ABSL_FLAG(std::string, person, "", "Only meetings with this participant");
ABSL_FLAG(bool, progress, false, "Also print progress responses");
ABSL_FLAG(int32_t, max_events, 0, "Exit after this many events (0 = never)");

namespace {

// The watch in flight. The signal thread cancels it under `current_mu`; the loop clears it under
// the same lock before the context is destroyed, so a signal never reaches a dead context.
absl::Mutex current_mu;
grpc::ClientContext* current ABSL_GUARDED_BY(current_mu) = nullptr;
std::atomic<bool> stopping{false};

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("parley-watch --target=HOST:PORT [--from=REVISION] [--progress]");
  parley::ParseCommandLineAndEnv(argc, argv, "parley-watch");  // Flags, then PARLEY_*.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    absl::MutexLock lock(&current_mu);
    stopping.store(true);
    if (current != nullptr) {
      current->TryCancel();
    }
  }).detach();

  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      parley::MakeClientChannel(absl::GetFlag(FLAGS_target), parley::TargetSecurityFromFlags());
  if (!channel.ok()) {
    std::fprintf(stderr, "parley-watch: %s\n", channel.status().ToString().c_str());
    return 2;
  }
  auto stub = parley::v1::MeetingService::NewStub(*channel);
  parley::v1::WatchMeetingsRequest request;
  for (absl::string_view c :
       absl::StrSplit(absl::GetFlag(FLAGS_countries), ',', absl::SkipEmpty())) {
    request.mutable_filter()->add_countries(std::string(c));
  }
  request.mutable_filter()->set_person(absl::GetFlag(FLAGS_person));
  request.set_progress_notify(absl::GetFlag(FLAGS_progress));
  uint64_t next = absl::GetFlag(FLAGS_from);
  int events = 0;
  const int max_events = absl::GetFlag(FLAGS_max_events);
  absl::Duration backoff = absl::Milliseconds(100);
  google::protobuf::util::JsonPrintOptions json;
  json.preserve_proto_field_names = true;
  while (!stopping.load()) {
    grpc::ClientContext context;
    {
      absl::MutexLock lock(&current_mu);
      if (stopping.load()) {
        break;
      }
      current = &context;
    }
    request.set_start_revision(next);
    auto reader = stub->WatchMeetings(&context, request);
    parley::v1::WatchMeetingsResponse response;
    while (reader->Read(&response)) {
      backoff = absl::Milliseconds(100);
      for (const parley::v1::MeetingEvent& event : response.events()) {
        std::string line;
        (void)google::protobuf::util::MessageToJsonString(event, &line, json);
        std::cout << line << '\n';
        ++events;
      }
      if (response.events().empty() && absl::GetFlag(FLAGS_progress)) {
        std::cout << "{\"progress\":" << response.revision() << "}\n";
      }
      std::cout.flush();
      next = response.revision() + 1;
      if (max_events > 0 && events >= max_events) {
        stopping.store(true);
        context.TryCancel();
      }
    }
    const grpc::Status status = reader->Finish();
    {
      absl::MutexLock lock(&current_mu);
      current = nullptr;
    }
    if (stopping.load()) {
      break;
    }
    if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE) {
      std::fprintf(stderr, "parley-watch: %s; list again and restart from its revision + 1\n",
                   status.error_message().c_str());
      return 3;
    }
    if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT ||
        status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
        status.error_code() == grpc::StatusCode::PERMISSION_DENIED) {
      // Retrying cannot help: the request or the credential must change.
      std::fprintf(stderr, "parley-watch: refused: %s\n", status.error_message().c_str());
      return 2;
    }
    std::fprintf(stderr, "parley-watch: stream ended (%s); resuming from revision %llu\n",
                 status.error_message().c_str(), static_cast<unsigned long long>(next));
    absl::SleepFor(backoff);
    backoff = std::min(backoff * 2, absl::Seconds(5));
  }
  return 0;
}
