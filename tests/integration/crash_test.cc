// Crash safety of the service: parleyd (the real binary, WAL synced on every write) is killed
// with SIGKILL while writers ingest and a watcher follows, each time after a random number of
// acknowledged writes, then restarted.
// After every restart each acknowledged article is there; at the end every article is stored
// exactly once, no meeting is duplicated, revisions run 1..N without a gap, and the watcher,
// resuming from its last revision after each crash, has seen exactly the change log.
//
// PARLEY_CRASH_CYCLES sets the number of kills (default 8; scripts/soak runs hundreds).

#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "tests/testing_util/article_listing.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::BinDir;
using ::parley::testing_util::PortOf;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::Subprocess;
using ::parley::testing_util::WaitFor;
using ::parley::testing_util::WaitForPortFile;

constexpr int kReportsPerMeeting = 3;  // Articles k*3 .. k*3+2 report meeting k.

int Cycles() {
  int cycles = 8;
  if (const char* env = std::getenv("PARLEY_CRASH_CYCLES")) {
    (void)absl::SimpleAtoi(env, &cycles);
  }
  return cycles;
}

// Article `k`: one of three differently worded reports of meeting k / 3, a meeting on its own
// day between its own pair of countries, so reports of one meeting merge and others do not.
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
  // Days apart by two, so no two meetings' dates overlap.
  const int day_index = meeting * 2;
  m->mutable_start_date()->set_year(2000 + day_index / 336);
  m->mutable_start_date()->set_month(1 + (day_index / 28) % 12);
  m->mutable_start_date()->set_day(1 + day_index % 28);
  m->mutable_venue()->set_city("Geneva");
  m->mutable_venue()->set_country_code("CH");
  m->add_countries(kCountries[meeting % 10]);
  m->add_countries(kCountries[(meeting + 3) % 10]);
  request.set_extractor_version("crash-test");
  return request;
}

class CrashTest : public ::testing::Test {
 protected:
  // The first start binds port 0 and reads the port from --port_file; restarts ask for that
  // port again, so the writers' channels reconnect to it. address_ is set once, before any
  // writer reads it.
  void StartService() {
    const std::string port_file = dir_.Sub(absl::StrCat("parleyd-", starts_, ".port"));
    service_ = std::make_unique<Subprocess>(
        std::vector<std::string>{BinDir() + "/parleyd", "--data_dir=" + dir_.Sub("data"),
                                 absl::StrCat("--listen=127.0.0.1:", port_),
                                 "--port_file=" + port_file, "--watch_progress_interval=0s",
                                 "--shutdown_grace=1s"},
        dir_.Sub(absl::StrCat("parleyd-", starts_++, ".log")));
    const absl::StatusOr<PortList> ports = WaitForPortFile(*service_, port_file, absl::Seconds(30));
    ASSERT_TRUE(ports.ok()) << ports.status() << "; see " << dir_.path();
    if (port_ == 0) {
      port_ = PortOf(*ports, "listen");
      address_ = absl::StrCat("127.0.0.1:", port_);
    }
    ASSERT_EQ(PortOf(*ports, "listen"), port_);
    auto health = grpc::health::v1::Health::NewStub(
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
    ASSERT_TRUE(WaitFor(
        [&] {
          grpc::ClientContext context;
          context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
          grpc::health::v1::HealthCheckResponse response;
          return health->Check(&context, {}, &response).ok() &&
                 response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
        },
        absl::Seconds(30)))
        << "parleyd did not come up; see " << dir_.path();
  }

  std::unique_ptr<v1::MeetingService::Stub> Meetings() {
    return v1::MeetingService::NewStub(
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
  }

  // The ids of every stored article, through ListArticles (ids are unique keys: a duplicate
  // would show up as a second listing).
  std::set<std::string> StoredArticles() {
    auto stub = v1::IngestService::NewStub(
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials()));
    std::set<std::string> ids;
    absl::StatusOr<std::vector<v1::StoredArticle>> articles =
        testing_util::ListAllArticles(stub.get());
    EXPECT_TRUE(articles.ok()) << articles.status();
    if (articles.ok()) {
      for (const v1::StoredArticle& a : *articles) {
        EXPECT_TRUE(ids.insert(a.article().id()).second) << "listed twice: " << a.article().id();
      }
    }
    return ids;
  }

  // The change log from revision 1 to `until`, read through a fresh watch.
  std::vector<v1::MeetingEvent> ReadLog(uint64_t until) {
    std::vector<v1::MeetingEvent> events;
    grpc::ClientContext context;
    v1::WatchMeetingsRequest request;
    request.set_start_revision(1);
    auto stub = Meetings();
    auto stream = stub->WatchMeetings(&context, request);
    v1::WatchMeetingsResponse response;
    while (stream->Read(&response)) {
      events.insert(events.end(), response.events().begin(), response.events().end());
      if (response.revision() >= until) {
        break;
      }
    }
    context.TryCancel();
    (void)stream->Finish();
    return events;
  }

  ScopedTempDir dir_;
  int port_ = 0;
  std::string address_;
  std::unique_ptr<Subprocess> service_;
  int starts_ = 0;
};

TEST_F(CrashTest, KillNineDuringSustainedIngestLosesNothingAcknowledged) {
  std::filesystem::create_directories(dir_.Sub("data"));
  StartService();

  std::atomic<bool> stop_writing{false};
  std::atomic<int> next_article{0};
  std::mutex mu;
  std::map<std::string, uint64_t> acknowledged;  // article id -> revision
  std::atomic<uint64_t> max_acked_revision{0};
  std::atomic<int> acks{0};  // Acknowledged articles.
  std::atomic<int> retries{0};

  auto writer = [&] {
    const std::shared_ptr<grpc::Channel> channel =
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
    auto stub = v1::IngestService::NewStub(channel);
    while (!stop_writing.load()) {
      const int k = next_article.fetch_add(1);
      const v1::IngestArticleRequest request = ArticleRequest(k);
      while (true) {  // An unacknowledged write is retried: IngestArticle is idempotent.
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        v1::IngestArticleResponse response;
        const grpc::Status status = stub->IngestArticle(&context, request, &response);
        if (status.ok()) {
          std::lock_guard<std::mutex> lock(mu);
          acknowledged[response.article_id()] = response.revision();
          uint64_t seen = max_acked_revision.load();
          while (response.revision() > seen &&
                 !max_acked_revision.compare_exchange_weak(seen, response.revision())) {
          }
          acks.fetch_add(1);
          break;
        }
        ASSERT_TRUE(status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                    status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
                    status.error_code() == grpc::StatusCode::CANCELLED)
            << status.error_code() << ": " << status.error_message();
        retries.fetch_add(1);
        // Until the service is back (or a second passed: the retry then fails fast again).
        channel->WaitForConnected(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
      }
    }
  };

  // The watcher resumes from the revision after the last one it was told about.
  // The watch in flight, cancelled at the end under `watch_mu`: the watcher clears it under the
  // same lock before its context is destroyed, so the cancel never reaches a dead context.
  std::mutex watch_mu;
  bool stop_watching = false;                    // Guarded by watch_mu.
  grpc::ClientContext* watch_context = nullptr;  // Guarded by watch_mu.
  std::vector<v1::MeetingEvent> watched;
  std::atomic<uint64_t> watched_up_to{0};
  std::atomic<int> resumes{0};
  std::thread watcher([&] {
    const std::shared_ptr<grpc::Channel> channel =
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
    auto stub = v1::MeetingService::NewStub(channel);
    uint64_t next = 1;
    while (true) {
      grpc::ClientContext context;
      {
        std::lock_guard<std::mutex> lock(watch_mu);
        if (stop_watching) {
          break;
        }
        watch_context = &context;
      }
      v1::WatchMeetingsRequest request;
      request.set_start_revision(next);
      auto stream = stub->WatchMeetings(&context, request);
      v1::WatchMeetingsResponse response;
      bool repeated = false;
      while (!repeated && stream->Read(&response)) {
        for (const v1::MeetingEvent& e : response.events()) {
          if (e.revision() < next) {
            ADD_FAILURE() << "a resumed watch repeated event " << e.revision();
            repeated = true;
            break;
          }
          watched.push_back(e);
        }
        next = std::max(next, response.revision() + 1);
        watched_up_to.store(next - 1);
      }
      {
        std::lock_guard<std::mutex> lock(watch_mu);
        watch_context = nullptr;
      }
      if (repeated) {
        context.TryCancel();
        (void)stream->Finish();
        return;
      }
      const grpc::Status status = stream->Finish();
      ASSERT_NE(status.error_code(), grpc::StatusCode::OUT_OF_RANGE) << status.error_message();
      resumes.fetch_add(1);
      channel->WaitForConnected(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
    }
  });

  std::vector<std::thread> writers;
  writers.reserve(2);
  for (int i = 0; i < 2; ++i) {
    writers.emplace_back(writer);
  }
  std::mt19937 random(std::random_device{}());
  const int cycles = Cycles();
  int survived = 0;
  // Each kill comes after a random number of writes acknowledged since the (re)start, so every
  // cycle kills the service amid committed writes however fast or loaded the machine is.
  const auto wait_for_acks = [&](int count) {
    const int target = acks.load() + count;
    return WaitFor([&] { return acks.load() >= target; }, absl::Seconds(60));
  };
  for (int cycle = 0; cycle < cycles; ++cycle) {
    ASSERT_TRUE(wait_for_acks(std::uniform_int_distribution<int>(10, 300)(random)))
        << "cycle " << cycle << ": no writes acknowledged; see " << dir_.path();
    std::map<std::string, uint64_t> acked_before;
    uint64_t revision_before = 0;
    service_->Signal(SIGKILL);
    ASSERT_EQ(service_->Wait(absl::Seconds(10)), -1);  // Died by the signal.
    {
      std::lock_guard<std::mutex> lock(mu);
      acked_before = acknowledged;
      revision_before = max_acked_revision.load();
    }
    StartService();
    // Every acknowledged article is there, and the revision did not go back.
    const std::set<std::string> stored = StoredArticles();
    for (const auto& [id, revision] : acked_before) {
      ASSERT_EQ(stored.count(id), 1u) << "cycle " << cycle << ": acknowledged article " << id
                                      << " (revision " << revision << ") lost";
    }
    auto stub = Meetings();
    grpc::ClientContext context;
    v1::ListMeetingsRequest list;
    list.set_page_size(1);
    v1::ListMeetingsResponse page;
    ASSERT_TRUE(stub->ListMeetings(&context, list, &page).ok());
    ASSERT_GE(page.revision(), revision_before) << "cycle " << cycle;
    ++survived;
  }
  // Writes after the last restart too.
  ASSERT_TRUE(wait_for_acks(20)) << "no writes acknowledged after the last restart";
  stop_writing.store(true);
  for (std::thread& t : writers) {
    t.join();
  }
  const int articles = next_article.load();
  ASSERT_EQ(static_cast<int>(acknowledged.size()), articles);

  // Every article once; one meeting per group of reports, each report in its sources once.
  auto stub = Meetings();
  std::set<std::string> meeting_ids;
  std::string page_token;
  uint64_t revision = 0;
  size_t listed_sources = 0;
  do {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.set_page_size(500);
    request.set_page_token(page_token);
    v1::ListMeetingsResponse page;
    ASSERT_TRUE(stub->ListMeetings(&context, request, &page).ok());
    for (const v1::Meeting& m : page.meetings()) {
      EXPECT_TRUE(meeting_ids.insert(m.id()).second);
      std::set<std::string> sources;
      for (const v1::Source& s : m.sources()) {
        EXPECT_TRUE(sources.insert(s.article_id()).second) << m.id() << " lists a source twice";
      }
      listed_sources += sources.size();
    }
    revision = page.revision();
    page_token = page.next_page_token();
  } while (!page_token.empty());
  const std::set<std::string> stored_articles = StoredArticles();
  for (const std::string& id : stored_articles) {
    EXPECT_EQ(acknowledged.count(id), 1u) << "stored but never acknowledged: " << id;
  }
  EXPECT_EQ(stored_articles.size(), acknowledged.size());
  const int expected_meetings = (articles + kReportsPerMeeting - 1) / kReportsPerMeeting;
  EXPECT_EQ(static_cast<int>(meeting_ids.size()), expected_meetings);
  EXPECT_EQ(listed_sources, static_cast<size_t>(articles));

  // Revisions 1..N, no gap; the watcher saw exactly the change log, across every crash.
  const std::vector<v1::MeetingEvent> log = ReadLog(revision);
  std::set<uint64_t> revisions;
  for (const v1::MeetingEvent& e : log) {
    revisions.insert(e.revision());
  }
  ASSERT_FALSE(revisions.empty());
  EXPECT_EQ(*revisions.begin(), 1u);
  EXPECT_EQ(*revisions.rbegin(), revision);
  EXPECT_EQ(revisions.size(), revision) << "a revision is missing from the change log";
  ASSERT_TRUE(WaitFor([&] { return watched_up_to.load() >= revision; }, absl::Seconds(30)));
  {
    std::lock_guard<std::mutex> lock(watch_mu);
    stop_watching = true;
    if (watch_context != nullptr) {
      watch_context->TryCancel();
    }
  }
  watcher.join();
  ASSERT_EQ(watched.size(), log.size());
  for (size_t i = 0; i < log.size(); ++i) {
    ASSERT_EQ(watched[i].revision(), log[i].revision()) << i;
    ASSERT_EQ(watched[i].meeting().id(), log[i].meeting().id()) << i;
    ASSERT_EQ(watched[i].type(), log[i].type()) << i;
  }
  EXPECT_EQ(survived, cycles);
  std::printf(
      "crash cycles survived: %d; articles acknowledged %zu, stored %zu; meetings %zu; "
      "revisions %llu; write retries %d; watch resumes %d\n",
      survived, acknowledged.size(), stored_articles.size(), meeting_ids.size(),
      static_cast<unsigned long long>(revision), retries.load(), resumes.load());
}

}  // namespace
}  // namespace parley
