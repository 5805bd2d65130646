// Cluster mode (docs/scaling.md) with real processes: a NATS JetStream cluster (nats-server) and
// parleyd replicas on loopback, started here. Every replica applies the same write log through
// the deterministic ingest plan, so they must agree byte for byte; reads may ask for their own
// writes (min_revision); a watcher may move between replicas; NATS going away stops writes
// (UNAVAILABLE, at once), not reads, and writes come back with it.

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/intake_service.grpc.pb.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "tests/testing_util/article_listing.h"
#include "tests/testing_util/metrics_scrape.h"
#include "tests/testing_util/nats_cluster.h"
#include "tests/testing_util/parleyd_process.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/subprocess.h"
#include "workers/queue/article_queue.h"

namespace parley {
namespace {

using ::parley::testing_util::BinDir;
using ::parley::testing_util::NatsCluster;
using ::parley::testing_util::ParleydProcess;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::Subprocess;
using ::parley::testing_util::WaitFor;
using ::parley::testing_util::WriteFile;
using ::testing::HasSubstr;

constexpr int kReportsPerMeeting = 3;
constexpr const char* kMonths[] = {"January",  "February", "March",  "April",     "May",
                                   "June",     "July",     "August", "September", "October",
                                   "November", "December"};  // Articles k*3 .. k*3+2 report meeting
                                                             // k.

// Article `k`: one of three differently worded reports of meeting k / 3 (its own day, its own
// pair of countries), so reports of one meeting merge into one record and others do not.
v1::IngestArticleRequest ArticleRequest(int k) {
  static const char* kCountries[] = {"FR", "DE", "JP", "IN", "BR", "AR", "KE", "ET", "PL", "CZ"};
  const int meeting = k / kReportsPerMeeting;
  const int version = k % kReportsPerMeeting;
  v1::IngestArticleRequest request;
  v1::Article* article = request.mutable_article();
  article->set_title(absl::StrCat("Talks ", meeting, " (report ", version, ")"));
  article->set_body(absl::StrCat("Report ", version, " of meeting ", meeting,
                                 ": the ministers met and discussed trade."));
  article->set_outlet(absl::StrCat("outlet-", version));
  v1::Meeting* m = request.add_meetings();
  m->set_kind(v1::MEETING_KIND_BILATERAL);
  m->set_status(v1::MEETING_STATUS_HELD);
  const int day_index = meeting * 2;
  m->mutable_start_date()->set_year(2000 + day_index / 336);
  m->mutable_start_date()->set_month(1 + (day_index / 28) % 12);
  m->mutable_start_date()->set_day(1 + day_index % 28);
  m->mutable_venue()->set_city("Geneva");
  m->mutable_venue()->set_country_code("CH");
  m->add_countries(kCountries[meeting % 10]);
  m->add_countries(kCountries[(meeting + 3) % 10]);
  if (version > 0) {  // Later reports add what the first did not say.
    m->add_topics(version == 1 ? v1::TOPIC_TRADE : v1::TOPIC_ENERGY);
  }
  request.set_extractor_version("cluster-test");
  return request;
}

std::chrono::system_clock::time_point In(absl::Duration d) {
  return absl::ToChronoTime(absl::Now() + d);
}

// parleyd replicas over one NATS cluster.
class ClusterTest : public ::testing::Test {
 protected:
  // Starts `nats_nodes` NATS servers and `replicas` parleyd processes in cluster mode.
  void StartCluster(int nats_nodes, int replicas, const std::vector<std::string>& flags = {}) {
    nats_ = std::make_unique<NatsCluster>(dir_.path(), nats_nodes);
    ASSERT_TRUE(nats_->Start(absl::Seconds(90))) << "NATS cluster did not start:\n"
                                                 << nats_->Logs();
    for (int i = 0; i < replicas; ++i) {
      ASSERT_TRUE(AddReplica(flags)->Start(absl::Seconds(60)))
          << "replica " << i << " did not serve; log: " << replicas_.back()->log_path();
    }
  }

  // A new replica process (not started) with its own data folder, in cluster mode.
  ParleydProcess* AddReplica(std::vector<std::string> flags = {}) {
    const size_t i = replicas_.size();
    flags.insert(flags.end(),
                 {absl::StrCat("--nats_servers=", nats_->urls()),
                  absl::StrCat("--nats_stream_replicas=", nats_->size()), "--write_timeout=20s",
                  "--watch_progress_interval=0s", "--metrics_listen=127.0.0.1:0"});
    replicas_.push_back(std::make_unique<ParleydProcess>(
        absl::StrCat(dir_.path(), "/replica-", i),
        absl::StrCat(dir_.path(), "/parleyd-", i, ".log"), std::move(flags)));
    return replicas_.back().get();
  }

  std::unique_ptr<v1::IngestService::Stub> Ingest(int i) {
    return v1::IngestService::NewStub(replicas_[i]->NewChannel());
  }
  std::unique_ptr<v1::MeetingService::Stub> Meetings(int i) {
    return v1::MeetingService::NewStub(replicas_[i]->NewChannel());
  }

  // Ingests `request` on replica `i`, retrying what is retryable, up to `timeout`.
  v1::IngestArticleResponse IngestUntilDone(int i, const v1::IngestArticleRequest& request,
                                            absl::Duration timeout = absl::Seconds(60)) {
    auto stub = Ingest(i);
    const absl::Time deadline = absl::Now() + timeout;
    grpc::Status status;
    while (absl::Now() < deadline) {
      grpc::ClientContext context;
      context.set_deadline(In(absl::Seconds(30)));
      v1::IngestArticleResponse response;
      status = stub->IngestArticle(&context, request, &response);
      if (status.ok()) {
        return response;
      }
      if (status.error_code() != grpc::StatusCode::UNAVAILABLE &&
          status.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED) {
        break;
      }
      absl::SleepFor(absl::Milliseconds(100));
    }
    ADD_FAILURE() << "ingest on replica " << i << " failed: " << status.error_code() << " "
                  << status.error_message();
    return {};
  }

  // Every meeting of replica `i` as one byte string (each page's records, as served), read
  // after it has applied `revision`; `*listed_revision` is the listing's revision.
  std::string Everything(int i, uint64_t revision, uint64_t* listed_revision) {
    auto stub = Meetings(i);
    std::string all;
    std::string token;
    do {
      grpc::ClientContext context;
      context.set_deadline(In(absl::Seconds(30)));
      v1::ListMeetingsRequest request;
      request.set_page_size(37);
      request.set_page_token(token);
      request.set_min_revision(revision);
      v1::ListMeetingsResponse response;
      const grpc::Status status = stub->ListMeetings(&context, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) {
        return all;
      }
      for (const v1::Meeting& meeting : response.meetings()) {
        all += meeting.SerializeAsString();
      }
      *listed_revision = response.revision();
      token = response.next_page_token();
    } while (!token.empty());
    return all;
  }

  ScopedTempDir dir_;
  std::unique_ptr<NatsCluster> nats_;
  std::vector<std::unique_ptr<ParleydProcess>> replicas_;
};

TEST_F(ClusterTest, ReplicasAgreeByteForByteWhateverReplicaTookEachWrite) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/3, /*replicas=*/3));
  constexpr int kArticles = 90 * kReportsPerMeeting;
  std::atomic<uint64_t> max_revision{0};
  std::vector<std::thread> writers;
  writers.reserve(3);
  for (int t = 0; t < 3; ++t) {
    writers.emplace_back([&, t] {
      for (int k = t; k < kArticles; k += 3) {
        const v1::IngestArticleResponse response = IngestUntilDone(t, ArticleRequest(k));
        uint64_t seen = max_revision.load();
        while (response.revision() > seen &&
               !max_revision.compare_exchange_weak(seen, response.revision())) {
        }
      }
    });
  }
  for (std::thread& writer : writers) {
    writer.join();
  }
  std::vector<std::string> contents;
  std::vector<uint64_t> revisions;
  for (int i = 0; i < 3; ++i) {
    uint64_t revision = 0;
    contents.push_back(Everything(i, max_revision.load(), &revision));
    revisions.push_back(revision);
  }
  EXPECT_EQ(revisions[0], max_revision.load());
  EXPECT_EQ(revisions[1], revisions[0]);
  EXPECT_EQ(revisions[2], revisions[0]);
  ASSERT_FALSE(contents[0].empty());
  EXPECT_TRUE(contents[1] == contents[0]) << "replica 1 differs from replica 0";
  EXPECT_TRUE(contents[2] == contents[0]) << "replica 2 differs from replica 0";
  // One record per meeting: the reports merged wherever they were written.
  v1::ListMeetingsRequest request;
  request.set_page_size(500);
  request.set_min_revision(max_revision.load());
  grpc::ClientContext context;
  v1::ListMeetingsResponse response;
  ASSERT_TRUE(Meetings(2)->ListMeetings(&context, request, &response).ok());
  EXPECT_EQ(response.meetings_size(), kArticles / kReportsPerMeeting);
  for (const v1::Meeting& meeting : response.meetings()) {
    EXPECT_EQ(meeting.sources_size(), kReportsPerMeeting) << meeting.id();
  }
}

TEST_F(ClusterTest, KillingANatsNodeMidIngestLosesAndDuplicatesNothing) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/3, /*replicas=*/2));
  constexpr int kArticles = 50 * kReportsPerMeeting;
  std::atomic<uint64_t> max_revision{0};
  std::atomic<int> written{0};
  std::vector<std::thread> writers;
  writers.reserve(2);
  for (int t = 0; t < 2; ++t) {
    writers.emplace_back([&, t] {
      for (int k = t; k < kArticles; k += 2) {
        const v1::IngestArticleResponse response = IngestUntilDone(t, ArticleRequest(k));
        ++written;
        uint64_t seen = max_revision.load();
        while (response.revision() > seen &&
               !max_revision.compare_exchange_weak(seen, response.revision())) {
        }
      }
    });
  }
  // A third of the way in, one NATS node dies (SIGKILL); it comes back near the end.
  ASSERT_TRUE(WaitFor([&] { return written >= kArticles / 3; }, absl::Seconds(120)));
  nats_->Kill(0);
  ASSERT_TRUE(WaitFor([&] { return written >= 2 * kArticles / 3; }, absl::Seconds(120)))
      << "writes stopped with one NATS node of three down";
  ASSERT_TRUE(nats_->Restart(0));
  for (std::thread& writer : writers) {
    writer.join();
  }
  uint64_t revision0 = 0;
  uint64_t revision1 = 0;
  const std::string a = Everything(0, max_revision.load(), &revision0);
  const std::string b = Everything(1, max_revision.load(), &revision1);
  EXPECT_EQ(revision0, revision1);
  EXPECT_TRUE(a == b) << "the replicas differ";
  // Every acknowledged article once: one record per meeting with its three reports.
  grpc::ClientContext context;
  v1::ListMeetingsRequest request;
  request.set_page_size(500);
  request.set_min_revision(max_revision.load());
  v1::ListMeetingsResponse response;
  ASSERT_TRUE(Meetings(1)->ListMeetings(&context, request, &response).ok());
  EXPECT_EQ(response.meetings_size(), kArticles / kReportsPerMeeting);
  for (const v1::Meeting& meeting : response.meetings()) {
    EXPECT_EQ(meeting.sources_size(), kReportsPerMeeting) << meeting.id();
  }
}

TEST_F(ClusterTest, AReadWithMinRevisionSeesAWriteMadeOnAnotherReplica) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/1, /*replicas=*/2));
  auto reader = Meetings(1);
  for (int k = 0; k < 20; ++k) {
    const v1::IngestArticleResponse written = IngestUntilDone(0, ArticleRequest(k * 3));
    ASSERT_EQ(written.meeting_ids_size(), 1);
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(10)));
    v1::GetMeetingRequest request;
    request.set_id(written.meeting_ids(0));
    request.set_min_revision(written.revision());
    v1::Meeting meeting;
    const grpc::Status status = reader->GetMeeting(&context, request, &meeting);
    ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
    EXPECT_EQ(meeting.id(), written.meeting_ids(0));
    EXPECT_GE(meeting.update_revision(), 1u);
  }
  // The reading replica reports itself caught up: every one of the 20 log entries applied.
  const int metrics_port = replicas_[1]->port("metrics_listen");
  double position = -1;
  EXPECT_TRUE(WaitFor(
      [&] {
        const std::string text = testing_util::HttpGet(metrics_port, "/metrics");
        position = testing_util::Sample(text, {"parley_replica{", "what=\"position\""});
        return position == 20 &&
               testing_util::Sample(text, {"parley_replica{", "what=\"lag_entries\""}) == 0 &&
               testing_util::Sample(text, {"parley_replica{", "what=\"serving\""}) == 1;
      },
      absl::Seconds(10)))
      << "position " << position;
  // A revision nobody wrote: the call ends at its deadline, saying how far the replica is.
  grpc::ClientContext context;
  context.set_deadline(In(absl::Seconds(1)));
  v1::GetMeetingRequest request;
  request.set_id("m-000000000001");
  request.set_min_revision(1000000);
  v1::Meeting meeting;
  const absl::Time start = absl::Now();
  const grpc::Status status = reader->GetMeeting(&context, request, &meeting);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST_F(ClusterTest, WithoutNatsWritesFailAtOnceReadsGoOnAndWritesComeBack) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/1, /*replicas=*/1));
  const v1::IngestArticleResponse first = IngestUntilDone(0, ArticleRequest(0));
  ASSERT_EQ(first.meeting_ids_size(), 1);
  nats_->Kill(0);
  auto ingest = Ingest(0);
  auto meetings = Meetings(0);
  // Writes: UNAVAILABLE, quickly, naming what is missing (once the client notices the loss).
  grpc::Status status;
  ASSERT_TRUE(WaitFor(
      [&] {
        grpc::ClientContext context;
        context.set_deadline(In(absl::Seconds(15)));
        v1::IngestArticleResponse response;
        const absl::Time start = absl::Now();
        status = ingest->IngestArticle(&context, ArticleRequest(3), &response);
        return status.error_code() == grpc::StatusCode::UNAVAILABLE &&
               absl::Now() - start < absl::Seconds(1);
      },
      absl::Seconds(20)))
      << status.error_code() << " " << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("NATS"));
  // Reads: served from the replica, which stays SERVING.
  {
    grpc::ClientContext context;
    v1::GetMeetingRequest request;
    request.set_id(first.meeting_ids(0));
    v1::Meeting meeting;
    ASSERT_TRUE(meetings->GetMeeting(&context, request, &meeting).ok());
    EXPECT_EQ(meeting.id(), first.meeting_ids(0));
  }
  // NATS back (same port, same storage): writes go through again by themselves.
  ASSERT_TRUE(nats_->Restart(0));
  const v1::IngestArticleResponse after = IngestUntilDone(0, ArticleRequest(3));
  ASSERT_EQ(after.meeting_ids_size(), 1);
  EXPECT_GT(after.revision(), first.revision());
}

TEST_F(ClusterTest, AReplicaStartedWhileNatsIsDownServesOnlyOnceItReachedTheLog) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/1, /*replicas=*/1));
  IngestUntilDone(0, ArticleRequest(0));
  nats_->Kill(0);
  // It cannot know how far behind it is: NOT_SERVING, though its process is up.
  ParleydProcess* late = AddReplica();
  EXPECT_FALSE(late->Start(absl::Seconds(3)));
  ASSERT_TRUE(late->process()->running());
  auto health = grpc::health::v1::Health::NewStub(late->NewChannel());
  auto status = [&] {
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(1)));
    grpc::health::v1::HealthCheckResponse response;
    return health->Check(&context, {}, &response).ok()
               ? response.status()
               : grpc::health::v1::HealthCheckResponse::UNKNOWN;
  };
  EXPECT_EQ(status(), grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  // NATS back: it follows the log, catches up and serves, with the write made before.
  ASSERT_TRUE(nats_->Restart(0));
  EXPECT_TRUE(WaitFor([&] { return status() == grpc::health::v1::HealthCheckResponse::SERVING; },
                      absl::Seconds(30)));
  uint64_t revision0 = 0;
  uint64_t revision1 = 0;
  EXPECT_TRUE(Everything(0, 1, &revision0) == Everything(1, 1, &revision1));
  EXPECT_EQ(revision0, revision1);
}

// Watch events as (revision, type, meeting id) lines.
using Events = std::vector<std::string>;

TEST_F(ClusterTest, AWatcherMovingBetweenReplicasSeesEveryEventOnceInOrder) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/1, /*replicas=*/2));
  constexpr int kArticles = 40 * kReportsPerMeeting;
  std::atomic<uint64_t> last_revision{0};
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int k = 0; k < kArticles; ++k) {
      const v1::IngestArticleResponse response = IngestUntilDone(k % 2, ArticleRequest(k));
      last_revision = std::max<uint64_t>(last_revision, response.revision());
    }
    done = true;
  });
  // Follow from revision 1, switching replica after a random number of responses.
  std::mt19937 random(7);
  Events seen;
  uint64_t next = 1;
  int replica = 0;
  const absl::Time deadline = absl::Now() + absl::Seconds(120);
  while (absl::Now() < deadline && !(done && next > last_revision)) {
    auto stub = Meetings(replica);
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(5)));
    v1::WatchMeetingsRequest request;
    request.set_start_revision(next);
    auto stream = stub->WatchMeetings(&context, request);
    int budget = 1 + static_cast<int>(random() % 6);
    v1::WatchMeetingsResponse response;
    while (budget > 0 && stream->Read(&response)) {
      for (const v1::MeetingEvent& event : response.events()) {
        seen.push_back(
            absl::StrCat(event.revision(), " ", event.type(), " ", event.meeting().id()));
      }
      if (response.events_size() > 0) {
        next = response.revision() + 1;
        --budget;
      }
    }
    context.TryCancel();
    stream->Finish();
    replica = 1 - replica;
  }
  writer.join();
  ASSERT_EQ(next, last_revision.load() + 1) << "the watcher did not reach the last revision";
  // What one uninterrupted watch of either replica reports from revision 1.
  for (int r = 0; r < 2; ++r) {
    Events whole;
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(30)));
    v1::WatchMeetingsRequest request;
    request.set_start_revision(1);
    auto stream = Meetings(r)->WatchMeetings(&context, request);
    v1::WatchMeetingsResponse response;
    while (stream->Read(&response)) {
      for (const v1::MeetingEvent& event : response.events()) {
        whole.push_back(
            absl::StrCat(event.revision(), " ", event.type(), " ", event.meeting().id()));
      }
      if (response.revision() >= last_revision) {
        break;
      }
    }
    context.TryCancel();
    stream->Finish();
    EXPECT_EQ(seen, whole) << "replica " << r;
  }
}

TEST_F(ClusterTest, ANewReplicaBehindTheStreamsRetentionBootstrapsFromAPeer) {
  const std::string checkpoints = absl::StrCat(dir_.path(), "/checkpoints");
  ASSERT_EQ(mkdir(checkpoints.c_str(), 0755), 0);
  // The stream keeps entries for 2 s only: a replica starting later cannot replay them.
  ASSERT_NO_FATAL_FAILURE(
      StartCluster(/*nats_nodes=*/1, /*replicas=*/1,
                   {"--nats_stream_max_age=2s", absl::StrCat("--checkpoint_dir=", checkpoints)}));
  for (int k = 0; k < 60; ++k) {
    IngestUntilDone(0, ArticleRequest(k));
  }
  absl::SleepFor(absl::Milliseconds(2500));  // The stream's retention passes, by design.
  uint64_t last = 0;
  for (int k = 60; k < 90; ++k) {
    last = IngestUntilDone(0, ArticleRequest(k)).revision();
  }
  // Without a bootstrap (its peer is unreachable: it falls back to the log), it cannot follow
  // without a gap, and says so instead of serving.
  ParleydProcess* lost = AddReplica({"--bootstrap_from=127.0.0.1:1"});
  EXPECT_FALSE(lost->Start(absl::Seconds(4)));
  EXPECT_TRUE(testing_util::WaitForFileToContain(
      lost->log_path(), "following the write log from its start instead", absl::Seconds(1)));
  EXPECT_TRUE(testing_util::WaitForFileToContain(lost->log_path(), "must bootstrap from a peer",
                                                 absl::Seconds(5)));
  lost->process()->Signal(SIGKILL);
  // With one: a copy of replica 0's store, then the log from its position.
  ParleydProcess* fresh = AddReplica({absl::StrCat("--bootstrap_from=", replicas_[0]->address())});
  ASSERT_TRUE(fresh->Start()) << "log: " << fresh->log_path();
  EXPECT_TRUE(
      testing_util::WaitForFileToContain(fresh->log_path(), "bootstrapped", absl::Seconds(1)));
  for (int k = 90; k < 120; ++k) {  // Writes after the bootstrap reach it too.
    last = IngestUntilDone(k % 2 == 0 ? 0 : 2, ArticleRequest(k)).revision();
  }
  uint64_t revision0 = 0;
  uint64_t revision2 = 0;
  const std::string a = Everything(0, last, &revision0);
  const std::string b = Everything(2, last, &revision2);
  EXPECT_EQ(revision0, revision2);
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "the bootstrapped replica differs";
  // The peer's temporary checkpoint is gone once streamed.
  std::error_code error;
  EXPECT_TRUE(std::filesystem::is_empty(checkpoints, error));
}

TEST_F(ClusterTest, AReplicaKilledMidIngestResumesWhereItStoppedAndAgrees) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/1, /*replicas=*/2));
  constexpr int kArticles = 40 * kReportsPerMeeting;
  std::thread writer([&] {
    for (int k = 0; k < kArticles; ++k) {
      IngestUntilDone(0, ArticleRequest(k));  // Always through replica 0.
    }
  });
  absl::SleepFor(absl::Milliseconds(700));  // Mid-ingest, by design: a kill at some moment.
  replicas_[1]->process()->Signal(SIGKILL);
  replicas_[1]->process()->Wait(absl::Seconds(10));
  absl::SleepFor(absl::Milliseconds(500));
  ASSERT_TRUE(replicas_[1]->Start());
  writer.join();
  uint64_t revision0 = 0;
  uint64_t revision1 = 0;
  grpc::ClientContext context;
  v1::ListMeetingsRequest request;
  v1::ListMeetingsResponse response;
  ASSERT_TRUE(Meetings(0)->ListMeetings(&context, request, &response).ok());
  const std::string a = Everything(0, response.revision(), &revision0);
  const std::string b = Everything(1, response.revision(), &revision1);
  EXPECT_EQ(revision0, revision1);
  EXPECT_TRUE(a == b) << "the restarted replica differs";
}

// An input file for the workers: a short report of meeting `k` (its own day and place), or a
// broken one when `k` is negative.
std::string InputFile(int k) {
  if (k < 0) {
    return k == -1 ? R"({"title":"no body"})" : std::string("\0\1binary", 8);
  }
  static const char* kCities[] = {"Paris", "Berlin", "Rome", "Madrid", "Vienna", "Warsaw"};
  const int day = 1 + k % 28;
  const int month = 1 + (k / 28) % 12;
  return absl::StrCat(R"({"title":"Ministers hold talks, report )", k, R"(","body":"On )", day, " ",
                      kMonths[month - 1],
                      R"( 2021, the French Foreign Minister met the German Foreign Minister in )",
                      kCities[k % 6], R"( for talks on trade (report )", k,
                      R"(). They discussed energy cooperation.","outlet":"Test Wire )", k % 7,
                      R"("})");
}

TEST_F(ClusterTest, WorkersAsAConsumerGroupStoreEveryInputOnceThroughKills) {
  ASSERT_NO_FATAL_FAILURE(StartCluster(/*nats_nodes=*/1, /*replicas=*/2));
  constexpr int kInputs = 300;
  std::vector<std::string> argv = {BinDir() + "/parley-ingest", "submit",
                                   absl::StrCat("--queue_servers=", nats_->urls())};
  for (int k = -2; k < kInputs; ++k) {
    const std::string path = absl::StrCat(dir_.path(), "/input-", k + 2, ".json");
    WriteFile(path, InputFile(k));
    argv.push_back(path);
  }
  {
    Subprocess submit(argv, absl::StrCat(dir_.path(), "/submit.log"));
    ASSERT_EQ(submit.Wait(absl::Seconds(60)), 0) << ReadFile(dir_.path() + "/submit.log");
  }
  // A worker that exports the queue's depth (what the HPA scales on) starts once the inputs
  // are queued: its first sample, taken before it takes any, shows them waiting.
  const std::string port_file = absl::StrCat(dir_.path(), "/observer.port");
  Subprocess observer(
      {BinDir() + "/parley-ingest", "run", absl::StrCat("--target=", replicas_[0]->address()),
       absl::StrCat("--queue_servers=", nats_->urls()), "--workers=1",
       "--metrics_listen=127.0.0.1:0", "--intake_listen=127.0.0.1:0", "--intake_queue",
       absl::StrCat("--port_file=", port_file)},
      absl::StrCat(dir_.path(), "/observer.log"));
  absl::StatusOr<PortList> observer_ports =
      testing_util::WaitForPortFile(observer, port_file, absl::Seconds(30));
  ASSERT_TRUE(observer_ports.ok()) << observer_ports.status();
  const int metrics_port = testing_util::PortOf(*observer_ports, "metrics_listen");
  ASSERT_GT(metrics_port, 0);
  auto queue_metric = [&](const char* state) {
    return testing_util::Sample(testing_util::HttpGet(metrics_port, "/metrics"),
                                {"parley_queue_inputs{", absl::StrCat("state=\"", state, "\"")});
  };
  double most_waiting = 0;
  const auto watch_depth = [&] {
    most_waiting = std::max(most_waiting, queue_metric("waiting") + queue_metric("in_progress"));
  };
  watch_depth();
  // Articles pushed to its intake are queued (answered with their ids), not stored there; a
  // bad one is refused at once.
  std::vector<std::string> pushed_ids;
  {
    auto intake = v1::ArticleIntake::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", testing_util::PortOf(*observer_ports, "intake_listen")),
        grpc::InsecureChannelCredentials()));
    v1::SubmitArticlesRequest push;
    for (int k = 0; k < 2; ++k) {
      v1::Article* article = push.add_articles();
      article->set_title(absl::StrCat("Pushed report ", k));
      article->set_body(
          absl::StrCat("The Italian Foreign Minister met the Spanish Foreign "
                       "Minister in Rome on 4 June 2021 (pushed report ",
                       k, ")."));
    }
    push.add_articles()->set_title("no body");
    grpc::ClientContext context;
    context.set_deadline(In(absl::Seconds(30)));
    v1::SubmitArticlesResponse answer;
    const grpc::Status status = intake->SubmitArticles(&context, push, &answer);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(answer.results_size(), 3);
    for (int k = 0; k < 2; ++k) {
      EXPECT_TRUE(answer.results(k).queued());
      EXPECT_FALSE(answer.results(k).has_error()) << answer.results(k).error().message();
      EXPECT_THAT(answer.results(k).article_id(), ::testing::StartsWith("a-"));
      EXPECT_EQ(answer.results(k).meeting_ids_size(), 0);
      pushed_ids.push_back(answer.results(k).article_id());
    }
    EXPECT_FALSE(answer.results(2).queued());
    EXPECT_EQ(answer.results(2).error().code(), "INVALID_ARGUMENT");
  }
  // Three workers, each writing to one replica; every ~second one of them dies (SIGKILL) and a
  // new one takes its place.
  int started = 0;
  auto start_worker = [&](int slot) {
    return std::make_unique<Subprocess>(
        std::vector<std::string>{BinDir() + "/parley-ingest", "run",
                                 absl::StrCat("--target=", replicas_[slot % 2]->address()),
                                 absl::StrCat("--queue_servers=", nats_->urls()),
                                 "--queue_ack_wait=2s", "--workers=2"},
        absl::StrCat(dir_.path(), "/worker-", started++, ".log"));
  };
  std::vector<std::unique_ptr<Subprocess>> workers;
  workers.reserve(3);
  for (int slot = 0; slot < 3; ++slot) {
    workers.push_back(start_worker(slot));
  }
  auto articles = Ingest(0);
  auto stored = [&]() -> size_t {
    absl::StatusOr<std::vector<v1::StoredArticle>> all =
        testing_util::ListAllArticles(articles.get());
    return all.ok() ? all->size() : 0;
  };
  std::mt19937 random(std::random_device{}());
  int kills = 0;
  for (; kills < 4 && stored() < kInputs + 2; ++kills) {
    absl::SleepFor(absl::Milliseconds(std::uniform_int_distribution<int>(150, 500)(random)));
    const int slot = std::uniform_int_distribution<int>(0, 2)(random);
    workers[slot]->Signal(SIGKILL);
    ASSERT_EQ(workers[slot]->Wait(absl::Seconds(10)), -1);
    workers[slot] = start_worker(slot);
  }
  // Inputs waiting were exported while the work went on (sampled each second).
  ASSERT_TRUE(WaitFor(
      [&] {
        watch_depth();
        return stored() >= kInputs + 2;
      },
      absl::Seconds(180)))
      << stored() << " of " << kInputs + 2 << " stored; see " << dir_.path();
  // Every input done: nothing waits or is held (a killed worker's input came back and was done).
  ArticleQueueOptions queue_options;
  queue_options.servers = {nats_->urls()};
  absl::StatusOr<std::unique_ptr<ArticleQueue>> queue = ArticleQueue::Connect(queue_options);
  ASSERT_TRUE(queue.ok()) << queue.status();
  QueueDepth depth;
  ASSERT_TRUE(WaitFor(
      [&] {
        absl::StatusOr<QueueDepth> now = (*queue)->Depth();
        if (now.ok()) depth = *now;
        return now.ok() && depth.waiting == 0 && depth.in_progress == 0;
      },
      absl::Seconds(30)))
      << depth.waiting << " waiting, " << depth.in_progress << " held";
  EXPECT_GT(most_waiting, 0);
  EXPECT_TRUE(WaitFor([&] { return queue_metric("waiting") + queue_metric("in_progress") == 0; },
                      absl::Seconds(10)));
  observer.Signal(SIGTERM);
  EXPECT_EQ(observer.Wait(absl::Seconds(30)), 0);
  for (std::unique_ptr<Subprocess>& worker : workers) {
    worker->Signal(SIGTERM);
    EXPECT_EQ(worker->Wait(absl::Seconds(30)), 0);
  }
  // Each article once, in one meeting's sources once; the replicas agree.
  absl::StatusOr<std::vector<v1::StoredArticle>> all =
      testing_util::ListAllArticles(articles.get());
  ASSERT_TRUE(all.ok()) << all.status();
  std::set<std::string> ids;
  for (const v1::StoredArticle& article : *all) {
    EXPECT_TRUE(ids.insert(article.article().id()).second) << article.article().id();
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(kInputs + 2));
  for (const std::string& id : pushed_ids) {
    EXPECT_EQ(ids.count(id), 1u) << "pushed article " << id << " not stored under its id";
  }
  uint64_t revision0 = 0;
  uint64_t revision1 = 0;
  const std::string a = Everything(0, 1, &revision0);
  ASSERT_TRUE(WaitFor(
      [&] {
        Everything(1, revision0, &revision1);
        return revision1 >= revision0;
      },
      absl::Seconds(30)));
  EXPECT_TRUE(Everything(1, revision0, &revision1) == Everything(0, revision0, &revision0))
      << "the replicas differ";
  // The two broken inputs are kept, each once, with their reasons (in the failed stream).
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;
  ASSERT_EQ(natsConnection_ConnectTo(&nc, nats_->urls().c_str()), NATS_OK);
  ASSERT_EQ(natsConnection_JetStream(&js, nc, nullptr), NATS_OK);
  jsStreamInfo* info = nullptr;
  ASSERT_EQ(js_GetStreamInfo(&info, js, queue_options.failed_stream.c_str(), nullptr, nullptr),
            NATS_OK);
  EXPECT_EQ(info->State.Msgs, 2u);
  jsStreamInfo_Destroy(info);
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
  std::cerr << kills << " workers killed, " << started << " started\n";
}

}  // namespace
}  // namespace parley
