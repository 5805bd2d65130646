// WatchMeetings guarantees over a real server on loopback (docs/watch.md).

#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/api/watch_stream.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/server_harness.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::ServerHarness;
using ::parley::testing_util::WaitFor;

constexpr const char* kCountries[] = {"KZ", "US", "FR", "JP", "BR", "KE", "IN", "DE"};

// Ingests article `i`: a meeting of two countries on a day of its own (so every write is one
// revision with a CREATED event). `padding` bytes of statement make events large.
void Write(v1::IngestService::Stub* stub, int i, size_t padding = 0) {
  v1::IngestArticleRequest request;
  request.mutable_article()->set_title(absl::StrCat("Article ", i));
  request.mutable_article()->set_body(absl::StrCat("Body of article ", i));
  v1::Meeting* m = request.add_meetings();
  m->add_countries(kCountries[i % 8]);
  m->add_countries("CN");
  m->mutable_start_date()->set_year(1900 + i / 336);
  m->mutable_start_date()->set_month(1 + (i / 28) % 12);
  m->mutable_start_date()->set_day(1 + i % 28);
  if (padding > 0) {
    v1::Statement* st = m->add_statements();
    st->set_speaker("someone");
    st->set_text(std::string(padding, 'x'));
  }
  request.set_extractor_version("t");
  grpc::ClientContext context;
  v1::IngestArticleResponse response;
  const grpc::Status status = stub->IngestArticle(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
}

ServerOptions Options() {
  ServerOptions options = ServerHarness::DefaultOptions();
  options.store.write_buffer_bytes = 2 << 20;
  options.store.block_cache_bytes = 8 << 20;
  return options;
}

int64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t pages = 0;
  int64_t resident = 0;
  statm >> pages >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

// Checks the response invariants: revisions never go back, and every event of a response lies
// after the previous response's revision and at or before its own.
class Checker {
 public:
  void Add(const v1::WatchMeetingsResponse& response) {
    EXPECT_GE(response.revision(), last_);
    for (const v1::MeetingEvent& e : response.events()) {
      EXPECT_GT(e.revision(), last_);
      EXPECT_LE(e.revision(), response.revision());
      revisions_.push_back(e.revision());
    }
    last_ = response.revision();
  }
  uint64_t last() const { return last_; }
  const std::vector<uint64_t>& revisions() const { return revisions_; }

 private:
  uint64_t last_ = 0;
  std::vector<uint64_t> revisions_;
};

TEST(WatchTest, ResumeAtRandomPointsUnderAConcurrentWriterMissesAndRepeatsNothing) {
  ServerHarness harness(Options());
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  auto meetings = v1::MeetingService::NewStub(channel);
  constexpr int kWrites = 2000;
  std::thread writer([&] {
    for (int i = 0; i < kWrites; ++i) {
      Write(ingest.get(), i);
    }
  });
  std::mt19937 random(7);
  std::uniform_int_distribution<int> responses_per_connection(1, 40);
  std::vector<uint64_t> seen;
  uint64_t next = 1;
  int reconnects = 0;
  while (next <= kWrites) {
    grpc::ClientContext context;
    v1::WatchMeetingsRequest request;
    request.set_start_revision(next);
    auto reader = meetings->WatchMeetings(&context, request);
    v1::WatchMeetingsResponse response;
    const int budget = responses_per_connection(random);
    for (int n = 0; n < budget && reader->Read(&response); ++n) {
      for (const v1::MeetingEvent& e : response.events()) {
        seen.push_back(e.revision());
      }
      next = response.revision() + 1;  // Resume point: everything up to here was delivered.
      if (next > kWrites) {
        break;
      }
    }
    context.TryCancel();  // Disconnect mid-stream.
    reader->Finish();
    ++reconnects;
  }
  writer.join();
  ASSERT_EQ(seen.size(), static_cast<size_t>(kWrites));
  for (size_t i = 0; i < seen.size(); ++i) {
    ASSERT_EQ(seen[i], i + 1) << "gap or duplicate at " << i;
  }
  EXPECT_GT(reconnects, 10);
}

TEST(WatchTest, CompactedStartIsOutOfRangeAndNamesTheOldestRevision) {
  ServerOptions options = Options();
  options.store.history_max_revisions = 10;
  ServerHarness harness(options);
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  for (int i = 0; i < 30; ++i) {
    Write(ingest.get(), i);
  }
  auto meetings = v1::MeetingService::NewStub(channel);
  {
    grpc::ClientContext context;
    v1::WatchMeetingsRequest request;
    request.set_start_revision(5);
    auto reader = meetings->WatchMeetings(&context, request);
    v1::WatchMeetingsResponse response;
    EXPECT_FALSE(reader->Read(&response));
    const grpc::Status status = reader->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
    const auto& trailers = context.GetServerTrailingMetadata();
    auto it = trailers.find(kOldestRevisionKey);
    ASSERT_NE(it, trailers.end());
    EXPECT_EQ(std::string(it->second.data(), it->second.size()), "21");
  }
  // From the oldest retained revision, everything since is there.
  grpc::ClientContext context;
  v1::WatchMeetingsRequest request;
  request.set_start_revision(21);
  auto reader = meetings->WatchMeetings(&context, request);
  Checker checker;
  v1::WatchMeetingsResponse response;
  while (checker.last() < 30 && reader->Read(&response)) {
    checker.Add(response);
  }
  EXPECT_EQ(checker.revisions().size(), 10u);
  context.TryCancel();
}

TEST(WatchTest, StalledReaderHoldsNoBacklogAndCatchesUpFromTheLog) {
  ServerOptions options = Options();
  options.change_ring_entries = 32;
  ServerHarness harness(options);
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  auto meetings = v1::MeetingService::NewStub(channel);

  grpc::ClientContext context;
  v1::WatchMeetingsRequest request;
  request.set_start_revision(1);
  auto reader = meetings->WatchMeetings(&context, request);
  v1::WatchMeetingsResponse response;
  ASSERT_TRUE(reader->Read(&response));  // The header; then the reader stalls.

  constexpr int kWrites = 1500;
  constexpr size_t kPadding = 40 << 10;  // 40 KiB per event: 60 MiB of events in all.
  Write(ingest.get(), 0, kPadding);
  const int64_t before = ResidentBytes();
  for (int i = 1; i < kWrites; ++i) {
    Write(ingest.get(), i, kPadding);
  }
  const int64_t growth = ResidentBytes() - before;
  // A per-stream queue would hold ~60 MiB of events; the store's own memtables and caches are
  // capped far below that in this test.
  // ASan's quarantine keeps freed memory resident; TSan's shadow memory grows with what is touched.
  if (!testing_util::kUnderAddressSanitizer && !testing_util::kUnderThreadSanitizer) {
    EXPECT_LT(growth, 40 << 20) << "resident memory grew by " << growth << " bytes";
  }
  RecordProperty("rss_growth_bytes", static_cast<int>(growth));

  Checker checker;
  while (checker.last() < kWrites && reader->Read(&response)) {
    checker.Add(response);
  }
  ASSERT_EQ(checker.revisions().size(), static_cast<size_t>(kWrites));
  for (size_t i = 0; i < checker.revisions().size(); ++i) {
    ASSERT_EQ(checker.revisions()[i], i + 1);
  }
  context.TryCancel();
}

TEST(WatchTest, FilterOnTheServerAndProgressStillAdvances) {
  ServerOptions options = Options();
  options.progress_interval = absl::Milliseconds(50);
  ServerHarness harness(options);
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  auto meetings = v1::MeetingService::NewStub(channel);
  grpc::ClientContext context;
  v1::WatchMeetingsRequest request;
  request.set_start_revision(1);
  request.set_progress_notify(true);
  request.mutable_filter()->add_countries("KZ");
  auto reader = meetings->WatchMeetings(&context, request);
  for (int i = 0; i < 40; ++i) {
    Write(ingest.get(), i);  // KZ on every eighth.
  }
  Checker checker;
  v1::WatchMeetingsResponse response;
  while (checker.last() < 40 && reader->Read(&response)) {
    checker.Add(response);
    for (const v1::MeetingEvent& e : response.events()) {
      EXPECT_THAT(e.meeting().countries(), ::testing::Contains("KZ"));
    }
  }
  EXPECT_EQ(checker.revisions(), (std::vector<uint64_t>{1, 9, 17, 25, 33}));
  EXPECT_EQ(checker.last(), 40u);  // Progress covers the filtered-out revisions too.
  context.TryCancel();
}

TEST(WatchTest, ProgressResponsesNeverOvertakeEvents) {
  ServerOptions options = Options();
  options.progress_interval = absl::Milliseconds(1);
  ServerHarness harness(options);
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  auto meetings = v1::MeetingService::NewStub(channel);
  grpc::ClientContext context;
  v1::WatchMeetingsRequest request;
  request.set_progress_notify(true);  // From now.
  auto reader = meetings->WatchMeetings(&context, request);
  v1::WatchMeetingsResponse response;
  ASSERT_TRUE(reader->Read(&response));
  EXPECT_EQ(response.revision(), 0u);
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      Write(ingest.get(), i);
    }
  });
  Checker checker;
  int progress = 0;
  while ((checker.last() < 300 || progress == 0) && reader->Read(&response)) {
    progress += response.events().empty() ? 1 : 0;
    checker.Add(response);  // Fails if a progress revision ran ahead of an event.
  }
  writer.join();
  EXPECT_EQ(checker.revisions().size(), 300u);
  EXPECT_GT(progress, 0);
  context.TryCancel();
}

// A callback-API watcher, so a thousand of them need no thousand threads.
class Watcher : public grpc::ClientReadReactor<v1::WatchMeetingsResponse> {
 public:
  Watcher(v1::MeetingService::Stub* stub, uint64_t want, std::atomic<int>* complete)
      : want_(want), complete_(complete) {
    stub->async()->WatchMeetings(&context_, &request_, this);
    StartRead(&response_);
    StartCall();
  }
  void OnReadDone(bool ok) override {
    if (!ok) {
      return;
    }
    for (const v1::MeetingEvent& e : response_.events()) {
      if (e.revision() == expected_) {
        ++expected_;
      } else {
        ordered_ = false;
      }
    }
    if (response_.revision() >= want_ && !counted_) {
      counted_ = true;
      complete_->fetch_add(1);
    }
    StartRead(&response_);
  }
  void OnDone(const grpc::Status& /*status*/) override { done_.Notify(); }
  void Cancel() { context_.TryCancel(); }
  void AwaitDone() { done_.WaitForNotification(); }
  bool received_all() const { return ordered_ && expected_ == want_ + 1; }

 private:
  grpc::ClientContext context_;
  v1::WatchMeetingsRequest request_;
  v1::WatchMeetingsResponse response_;
  uint64_t want_;
  uint64_t expected_ = 1;
  bool ordered_ = true;
  bool counted_ = false;
  std::atomic<int>* complete_;
  absl::Notification done_;
};

TEST(WatchTest, AThousandWatchersAllReceiveEveryEvent) {
  ServerHarness harness(Options());
  constexpr int kWatchers = 1000;
  constexpr int kWrites = 100;
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  std::vector<std::unique_ptr<v1::MeetingService::Stub>> stubs;
  for (int c = 0; c < 10; ++c) {
    channels.push_back(harness.NewChannel());
    stubs.push_back(v1::MeetingService::NewStub(channels.back()));
  }
  std::atomic<int> complete{0};
  std::vector<std::unique_ptr<Watcher>> watchers;
  watchers.reserve(kWatchers);
  for (int w = 0; w < kWatchers; ++w) {
    watchers.push_back(std::make_unique<Watcher>(stubs[w % 10].get(), kWrites, &complete));
  }
  ASSERT_TRUE(WaitFor(
      [&] {
        return harness.server()->meeting_service()->watches().size() ==
               static_cast<size_t>(kWatchers);
      },
      absl::Seconds(30)));
  auto ingest = v1::IngestService::NewStub(harness.NewChannel());
  for (int i = 0; i < kWrites; ++i) {
    Write(ingest.get(), i);
  }
  EXPECT_TRUE(WaitFor([&] { return complete.load() == kWatchers; }, absl::Seconds(60)))
      << complete.load() << " of " << kWatchers << " complete";
  int all = 0;
  for (auto& w : watchers) {
    w->Cancel();
  }
  for (auto& w : watchers) {
    w->AwaitDone();
    all += w->received_all() ? 1 : 0;
  }
  EXPECT_EQ(all, kWatchers);
}

TEST(WatchTest, ProgressOnRequestFollowsTheEventsAlreadyDue) {
  ServerHarness harness(Options());
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  auto meetings = v1::MeetingService::NewStub(channel);
  for (int i = 0; i < 3; ++i) {
    Write(ingest.get(), i);
  }
  grpc::ClientContext context;
  v1::WatchMeetingsRequest request;
  request.set_start_revision(1);
  auto reader = meetings->WatchMeetings(&context, request);
  v1::WatchMeetingsResponse header;
  ASSERT_TRUE(reader->Read(&header));
  ASSERT_GT(header.watch_id(), 0u);
  EXPECT_EQ(header.revision(), 0u);
  {
    grpc::ClientContext ask;
    v1::RequestWatchProgressRequest progress;
    progress.set_watch_id(header.watch_id());
    v1::RequestWatchProgressResponse ok;
    ASSERT_TRUE(meetings->RequestWatchProgress(&ask, progress, &ok).ok());
  }
  // The three events come first; then the progress response, at the same revision.
  Checker checker;
  v1::WatchMeetingsResponse response;
  bool progress_seen = false;
  while (!progress_seen && reader->Read(&response)) {
    progress_seen = response.events().empty();
    checker.Add(response);
  }
  EXPECT_TRUE(progress_seen);
  EXPECT_EQ(checker.revisions().size(), 3u);
  EXPECT_EQ(response.revision(), 3u);
  context.TryCancel();
  reader->Finish();
  grpc::ClientContext ask;
  v1::RequestWatchProgressRequest unknown;
  unknown.set_watch_id(987654);
  v1::RequestWatchProgressResponse none;
  EXPECT_EQ(meetings->RequestWatchProgress(&ask, unknown, &none).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST(WatchTest, StreamCapIsResourceExhausted) {
  ServerOptions options = Options();
  options.limits.max_watch_streams = 2;
  ServerHarness harness(options);
  auto meetings = v1::MeetingService::NewStub(harness.NewChannel());
  grpc::ClientContext a, b, c;
  v1::WatchMeetingsRequest request;
  v1::WatchMeetingsResponse response;
  auto ra = meetings->WatchMeetings(&a, request);
  auto rb = meetings->WatchMeetings(&b, request);
  ASSERT_TRUE(ra->Read(&response));
  ASSERT_TRUE(rb->Read(&response));
  auto rc = meetings->WatchMeetings(&c, request);
  EXPECT_FALSE(rc->Read(&response));
  EXPECT_EQ(rc->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  a.TryCancel();
  b.TryCancel();
}

TEST(WatchTest, ParleyWatchPrintsJsonLinesAndResumesAcrossARestart) {
  ServerHarness harness(Options());  // Port 0; the restart below keeps the port.
  {
    auto ingest = v1::IngestService::NewStub(harness.NewChannel());
    for (int i = 0; i < 5; ++i) {
      Write(ingest.get(), i);
    }
  }
  testing_util::ScopedTempDir dir;
  testing_util::Subprocess watch({testing_util::BinDir() + "/parley-watch",
                                  "--target=" + harness.address(), "--from=1", "--max_events=10"},
                                 dir.Sub("watch.out"));
  ASSERT_TRUE(WaitFor(
      [&] {
        const std::string out = testing_util::ReadFile(dir.Sub("watch.out"));
        return std::count(out.begin(), out.end(), '\n') >= 5;
      },
      absl::Seconds(20)));
  harness.Restart();  // The stream ends with UNAVAILABLE; parley-watch resumes from revision 6.
  auto ingest = v1::IngestService::NewStub(harness.NewChannel());
  for (int i = 5; i < 10; ++i) {
    Write(ingest.get(), i);
  }
  ASSERT_EQ(watch.Wait(absl::Seconds(30)), 0);
  const std::string out = testing_util::ReadFile(dir.Sub("watch.out"));
  for (int revision = 1; revision <= 10; ++revision) {
    EXPECT_NE(out.find(absl::StrCat("\"revision\":\"", revision, "\"")), std::string::npos)
        << revision << "\n"
        << out;
  }
  EXPECT_NE(out.find("resuming from revision 6"), std::string::npos) << out;
}

}  // namespace
}  // namespace parley
