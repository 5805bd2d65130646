// The worker binary against a real server on loopback: submit end to end, the inbox with good
// and bad files, kill -9 at random moments, and the service going away while the worker runs.

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/intake_service.grpc.pb.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "tests/testing_util/article_listing.h"
#include "tests/testing_util/reflection_client.h"
#include "tests/testing_util/server_harness.h"
#include "tests/testing_util/subprocess.h"
#include "workers/extract/extractor.h"

namespace parley {
namespace {

using ::parley::testing_util::BinDir;
using ::parley::testing_util::HeldPort;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::ServerHarness;
using ::parley::testing_util::SourceDir;
using ::parley::testing_util::Subprocess;
using ::parley::testing_util::WaitFor;
using ::parley::testing_util::WaitForFileToContain;
using ::parley::testing_util::WriteFile;
using ::testing::Contains;
using ::testing::HasSubstr;

namespace fs = std::filesystem;

// A distinct, realistic two-party meeting report for index `i`.
std::string SyntheticArticle(int i) {
  static const char* kPairs[][4] = {
      {"French", "German", "Paris", "FR"},          {"Japanese", "Indian", "Tokyo", "JP"},
      {"Brazilian", "Argentine", "Brasilia", "BR"}, {"Kenyan", "Ethiopian", "Nairobi", "KE"},
      {"Polish", "Czech", "Warsaw", "PL"},          {"Egyptian", "Jordanian", "Cairo", "EG"}};
  static const char* kSurnames[] = {"Novak",  "Tanaka", "Silva",  "Mwangi", "Kowalski",
                                    "Haddad", "Dupont", "Sharma", "Okafor", "Larsen"};
  const auto& pair = kPairs[i % 6];
  const int day = 1 + (i * 7) % 28;
  const int month = 1 + (i / 28) % 12;
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  return absl::StrCat(pair[0], " and ", pair[1], " ministers hold talks #", i, "\n", pair[0],
                      " Foreign Minister Anna ", kSurnames[i % 10], " met her ", pair[1],
                      " counterpart Jonas ", kSurnames[(i + 3) % 10], " in ", pair[2], " on ",
                      kMonths[month - 1], " ", day, ", 2024. They discussed trade and energy ",
                      "cooperation (report ", i, ").\n");
}

// Writes elsewhere, then renames into the inbox: the worker only sees complete files.
void DropFile(const std::string& inbox, const std::string& name, const std::string& content) {
  const std::string tmp = inbox + "/.incoming-" + name;
  WriteFile(tmp, content);
  ASSERT_EQ(rename(tmp.c_str(), (inbox + "/" + name).c_str()), 0);
}

size_t CountFiles(const std::string& dir, const std::string& suffix = "") {
  size_t n = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (suffix.empty() || name.size() >= suffix.size()) &&
        (suffix.empty() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)) {
      ++n;
    }
  }
  return n;
}

std::vector<std::string> RunWorker(const std::string& target, const std::string& inbox) {
  return {BinDir() + "/parley-ingest", "run", "--target=" + target, "--inbox=" + inbox,
          "--workers=2"};
}

class WorkerTest : public ::testing::Test {
 protected:
  std::vector<v1::StoredArticle> AllArticles(const std::shared_ptr<grpc::Channel>& channel) {
    auto stub = v1::IngestService::NewStub(channel);
    absl::StatusOr<std::vector<v1::StoredArticle>> articles =
        testing_util::ListAllArticles(stub.get(), /*page_size=*/100);
    EXPECT_TRUE(articles.ok()) << articles.status();
    return articles.ok() ? *std::move(articles) : std::vector<v1::StoredArticle>();
  }

  ScopedTempDir work_;
};

TEST_F(WorkerTest, SubmitStoresTheSampleArticleWithEveryField) {
  ServerHarness harness;
  std::vector<std::string> argv = {BinDir() + "/parley-ingest", "submit",
                                   "--target=" + harness.address()};
  for (const auto& entry : fs::directory_iterator(SourceDir() + "/examples/articles")) {
    argv.push_back(entry.path().string());
  }
  Subprocess submit(argv, work_.Sub("submit.log"));
  ASSERT_EQ(submit.Wait(absl::Seconds(60)), 0) << ReadFile(work_.Sub("submit.log"));
  const uint64_t revision = harness.server()->store()->revision();
  EXPECT_GT(revision, 0u);

  auto meetings = v1::MeetingService::NewStub(harness.NewChannel());
  grpc::ClientContext context;
  v1::ListMeetingsRequest request;
  request.mutable_filter()->set_city("Almaty");
  v1::ListMeetingsResponse response;
  ASSERT_TRUE(meetings->ListMeetings(&context, request, &response).ok());
  ASSERT_EQ(response.meetings_size(), 1);
  const v1::Meeting& m = response.meetings(0);
  EXPECT_EQ(m.start_date().year(), 2025);
  EXPECT_EQ(m.start_date().month(), 4);
  EXPECT_EQ(m.start_date().day(), 26);
  EXPECT_EQ(m.venue().country_code(), "KZ");
  EXPECT_EQ(m.kind(), v1::MEETING_KIND_MINISTERIAL);
  EXPECT_EQ(m.status(), v1::MEETING_STATUS_HELD);
  EXPECT_THAT(m.countries(), ::testing::ElementsAre("CN", "KG", "KZ", "TJ", "TM", "UZ"));
  std::set<std::string> people;
  for (const v1::Person& p : m.people()) {
    people.insert(p.name());
  }
  EXPECT_THAT(people, Contains("Murat Nurtleu"));
  EXPECT_THAT(people, Contains("Wang Yi"));
  ASSERT_GE(m.documents_size(), 1);
  EXPECT_EQ(m.documents(0).type(), v1::DOCUMENT_TYPE_JOINT_COMMUNIQUE);
  for (v1::Topic t : {v1::TOPIC_TRADE, v1::TOPIC_TRANSPORT, v1::TOPIC_SECURITY, v1::TOPIC_TERRORISM,
                      v1::TOPIC_ENVIRONMENT}) {
    EXPECT_THAT(m.topics(), Contains(t));
  }
  EXPECT_FALSE(m.statements().empty());
  ASSERT_EQ(m.sources_size(), 1);
  EXPECT_EQ(m.sources(0).attributed_to(), "Liter.kz citing the MFA of Kazakhstan");
  EXPECT_THAT(m.tags(), Contains("war-and-conflicts"));
  EXPECT_FALSE(m.evidence().empty());

  // The scheduled second summit is a meeting of its own.
  grpc::ClientContext summit_context;
  v1::ListMeetingsRequest summits;
  summits.mutable_filter()->add_statuses(v1::MEETING_STATUS_SCHEDULED);
  summits.mutable_filter()->add_kinds(v1::MEETING_KIND_SUMMIT);
  summits.mutable_filter()->add_countries("KZ");
  v1::ListMeetingsResponse scheduled;
  ASSERT_TRUE(meetings->ListMeetings(&summit_context, summits, &scheduled).ok());
  ASSERT_EQ(scheduled.meetings_size(), 1);
  EXPECT_NE(scheduled.meetings(0).id(), m.id());

  // Through reflection, the grpcurl way.
  testing_util::ReflectionClient reflection(harness.NewChannel());
  auto json = reflection.CallJson("parley.v1.MeetingService/ListMeetings",
                                  R"({"filter": {"person": "wang yi"}})");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("Almaty"));

  // Submitting again changes nothing.
  Subprocess again(argv, work_.Sub("submit.log"));
  ASSERT_EQ(again.Wait(absl::Seconds(60)), 0);
  EXPECT_EQ(harness.server()->store()->revision(), revision);
}

TEST_F(WorkerTest, InboxSortsGoodAndBadFilesWithReasons) {
  ServerHarness harness;
  const std::string inbox = work_.Sub("inbox");
  ASSERT_EQ(mkdir(inbox.c_str(), 0755), 0);
  for (int i = 0; i < 3; ++i) {
    DropFile(inbox, absl::StrCat("good-", i, ".txt"), SyntheticArticle(i));
  }
  DropFile(inbox, "binary.txt",
           std::string("\x7f"
                       "ELF\0\0\0\x01",
                       8));
  DropFile(inbox, "latin1.txt", "Title\nCaf\xe9 talks in Z\xfcrich");
  DropFile(inbox, "broken.json", "{\"title\": \"x\", \"body\": ");
  DropFile(inbox, "empty.txt", "");
  DropFile(inbox, "nobody.html", "<html><head><title>t</title></head></html>");
  DropFile(inbox, "feed.jsonl", absl::StrCat("{\"title\":\"a\",\"body\":\"", "b c d", "\"}\n"));

  Subprocess worker(RunWorker(harness.address(), inbox), work_.Sub("worker.log"));
  // 4 good files (3 articles and a JSON Lines feed) and 5 bad ones, each with its record.
  ASSERT_TRUE(WaitFor(
      [&] {
        return CountFiles(inbox + "/done") == 4 &&
               CountFiles(inbox + "/failed", ".error.json") == 5 &&
               CountFiles(inbox + "/failed") == 10;
      },
      absl::Seconds(30)))
      << ReadFile(work_.Sub("worker.log"));
  EXPECT_EQ(CountFiles(inbox + "/failed", ".error.json"), 5u);
  EXPECT_THAT(ReadFile(inbox + "/failed/binary.txt.error.json"), HasSubstr("binary"));
  EXPECT_THAT(ReadFile(inbox + "/failed/latin1.txt.error.json"), HasSubstr("UTF-8"));
  EXPECT_THAT(ReadFile(inbox + "/failed/broken.json.error.json"), HasSubstr("malformed JSON"));
  EXPECT_THAT(ReadFile(inbox + "/failed/empty.txt.error.json"), HasSubstr("empty"));
  EXPECT_THAT(ReadFile(inbox + "/failed/nobody.html.error.json"), HasSubstr("HTML page has no"));
  EXPECT_TRUE(fs::exists(inbox + "/failed/binary.txt"));  // Nothing is lost.
  EXPECT_EQ(CountFiles(inbox + "/processing"), 0u);
  EXPECT_EQ(CountFiles(inbox), 0u);

  worker.Signal(SIGTERM);
  EXPECT_EQ(worker.Wait(absl::Seconds(15)), 0) << ReadFile(work_.Sub("worker.log"));
  EXPECT_EQ(AllArticles(harness.NewChannel()).size(), 4u);
}

TEST_F(WorkerTest, KilledWorkerLosesAndDuplicatesNothing) {
  ServerHarness harness;
  const std::string inbox = work_.Sub("inbox");
  ASSERT_EQ(mkdir(inbox.c_str(), 0755), 0);
  // PARLEY_WORKER_KILLS (scripts/soak) raises the number of kills and files together.
  int rounds = 8;
  if (const char* env = std::getenv("PARLEY_WORKER_KILLS")) {
    rounds = std::max(1, std::atoi(env));
  }
  const int kFiles = 1500 * std::max(1, rounds / 8);
  const int kBadFiles = kFiles / 30;  // Invalid UTF-8: each must end in failed/, once.
  for (int i = 0; i < kFiles; ++i) {
    DropFile(inbox, absl::StrCat("article-", i, ".txt"), SyntheticArticle(i));
  }
  for (int i = 0; i < kBadFiles; ++i) {
    DropFile(inbox, absl::StrCat("bad-", i, ".txt"), absl::StrCat("Title\n\xff\xfe broken ", i));
  }
  std::mt19937 random(std::random_device{}());
  // Each worker is killed once it has finished a random number of files, so every round kills
  // it amid work however fast or loaded the machine is.
  std::uniform_int_distribution<size_t> files_before_kill(1, 100);
  int kills = 0;
  for (int round = 0; round < rounds && CountFiles(inbox + "/done") < static_cast<size_t>(kFiles);
       ++round) {
    const size_t kill_at = std::min(CountFiles(inbox + "/done") + files_before_kill(random),
                                    static_cast<size_t>(kFiles));
    Subprocess worker(RunWorker(harness.address(), inbox), work_.Sub("worker.log"));
    ASSERT_TRUE(WaitFor([&] { return CountFiles(inbox + "/done") >= kill_at; }, absl::Seconds(60)))
        << "round " << round << ": the worker made no progress\n"
        << ReadFile(work_.Sub("worker.log"));
    worker.Signal(SIGKILL);
    worker.Wait(absl::Seconds(10));
    ++kills;
    std::fprintf(stderr, "kill %d: %zu done, %zu claimed\n", kills, CountFiles(inbox + "/done"),
                 CountFiles(inbox + "/processing"));
  }
  const std::string final_log = work_.Sub("final-worker.log");
  Subprocess worker(RunWorker(harness.address(), inbox), final_log);
  ASSERT_TRUE(WaitForFileToContain(final_log, "watching", absl::Seconds(30)));
  ASSERT_TRUE(WaitFor(
      [&] {
        return CountFiles(inbox + "/done") == static_cast<size_t>(kFiles) &&
               CountFiles(inbox + "/failed", ".error.json") == static_cast<size_t>(kBadFiles);
      },
      absl::Seconds(60)))
      << "done " << CountFiles(inbox + "/done") << "\n"
      << ReadFile(work_.Sub("worker.log"));
  worker.Signal(SIGTERM);
  EXPECT_EQ(worker.Wait(absl::Seconds(15)), 0);

  // Every file exactly once, under its own name.
  std::set<std::string> done;
  for (const auto& entry : fs::directory_iterator(inbox + "/done")) {
    done.insert(entry.path().filename().string());
  }
  for (int i = 0; i < kFiles; ++i) {
    EXPECT_EQ(done.count(absl::StrCat("article-", i, ".txt")), 1u) << i;
  }
  EXPECT_EQ(done.size(), static_cast<size_t>(kFiles));
  // Every bad file in failed/ once, with one error record, and nowhere else.
  for (int i = 0; i < kBadFiles; ++i) {
    const std::string name = absl::StrCat("bad-", i, ".txt");
    EXPECT_TRUE(fs::exists(absl::StrCat(inbox, "/failed/", name))) << name;
    EXPECT_TRUE(fs::exists(absl::StrCat(inbox, "/failed/", name, ".error.json"))) << name;
    EXPECT_FALSE(fs::exists(absl::StrCat(inbox, "/failed/", name, ".1.error.json"))) << name;
  }
  EXPECT_EQ(CountFiles(inbox + "/failed"), static_cast<size_t>(2 * kBadFiles));
  std::fprintf(stderr, "worker kills survived: %d; files %d done, %d failed, none lost\n", kills,
               kFiles, kBadFiles);
  EXPECT_EQ(CountFiles(inbox + "/processing"), 0u);
  // Each article stored once: one revision per article, whatever was redone after a kill.
  EXPECT_EQ(AllArticles(harness.NewChannel()).size(), static_cast<size_t>(kFiles));
  EXPECT_EQ(harness.server()->store()->revision(), static_cast<uint64_t>(kFiles));
  RecordProperty("kills", kills);
}

TEST_F(WorkerTest, WorkerWaitsForTheServiceAndLosesNothingAcrossRestarts) {
  HeldPort port;  // Refuses connections until the service starts on it.
  ServerOptions options = ServerHarness::DefaultOptions();
  options.listen = port.address();
  ServerHarness harness(options, /*start=*/false);
  const std::string inbox = work_.Sub("inbox");
  ASSERT_EQ(mkdir(inbox.c_str(), 0755), 0);
  Subprocess worker(RunWorker(options.listen, inbox), work_.Sub("worker.log"));
  for (int i = 0; i < 10; ++i) {
    DropFile(inbox, absl::StrCat("a-", i, ".txt"), SyntheticArticle(i));
  }
  // The worker claims files while nobody can acknowledge them.
  ASSERT_TRUE(WaitFor([&] { return CountFiles(inbox + "/processing") > 0; }, absl::Seconds(30)))
      << ReadFile(work_.Sub("worker.log"));
  EXPECT_EQ(CountFiles(inbox + "/done"), 0u);
  EXPECT_EQ(CountFiles(inbox + "/failed"), 0u);
  port.Release();
  harness.Start();
  ASSERT_TRUE(WaitFor([&] { return CountFiles(inbox + "/done") == 10; }, absl::Seconds(30)))
      << ReadFile(work_.Sub("worker.log"));
  harness.Stop();
  for (int i = 10; i < 20; ++i) {
    DropFile(inbox, absl::StrCat("a-", i, ".txt"), SyntheticArticle(i));
  }
  ASSERT_TRUE(WaitFor([&] { return CountFiles(inbox + "/processing") > 0; }, absl::Seconds(30)))
      << ReadFile(work_.Sub("worker.log"));
  EXPECT_EQ(CountFiles(inbox + "/done"), 10u);
  harness.Start();  // On the port of its first start.
  ASSERT_TRUE(WaitFor([&] { return CountFiles(inbox + "/done") == 20; }, absl::Seconds(30)))
      << ReadFile(work_.Sub("worker.log"));
  EXPECT_EQ(harness.server()->store()->revision(), 20u);
  EXPECT_EQ(CountFiles(inbox + "/failed"), 0u);
  worker.Signal(SIGTERM);
  EXPECT_EQ(worker.Wait(absl::Seconds(15)), 0);
}

// Issue 13, item 12: against a stopped service, submit retried 71 s for one file and 356 s for
// ten before exiting 1 with the bare transport error. Now the command gives up once the service
// has acknowledged nothing for --give_up_after (10 s by default), all its calls at once, exits 3
// and says which service it gave up on and why. The bounds are loose (a loaded 2-core machine);
// the earlier binary takes 70 s and more.
TEST_F(WorkerTest, SubmitAndReprocessGiveUpOnAStoppedServiceNamingItAndTheLastError) {
  const HeldPort nobody;  // Connections are refused.
  const std::string target = nobody.address();
  std::vector<std::string> files;
  for (int i = 0; i < 10; ++i) {
    files.push_back(work_.Sub(absl::StrCat("a-", i, ".txt")));
    WriteFile(files.back(), SyntheticArticle(i));
  }
  struct Case {
    std::vector<std::string> flags;
    absl::Duration bound;
  };
  for (const Case& c : {Case{{}, absl::Seconds(45)},  // The default, 10 s.
                        Case{{"--give_up_after=2s"}, absl::Seconds(30)}}) {
    std::vector<std::string> argv = {BinDir() + "/parley-ingest", "submit", "--target=" + target,
                                     "--workers=2"};
    argv.insert(argv.end(), c.flags.begin(), c.flags.end());
    argv.insert(argv.end(), files.begin(), files.end());
    const std::string log = work_.Sub(absl::StrCat("submit-", c.flags.size(), ".log"));
    const absl::Time start = absl::Now();
    Subprocess submit(argv, log);
    EXPECT_EQ(submit.Wait(c.bound), 3) << ReadFile(log);
    const absl::Duration took = absl::Now() - start;
    const std::string out = ReadFile(log);
    EXPECT_THAT(out, HasSubstr("gave up on " + target + ": nothing acknowledged for "));
    EXPECT_THAT(out, HasSubstr("; last error: UNAVAILABLE: "));
    EXPECT_THAT(out, HasSubstr("10 files not submitted"));
    EXPECT_THAT(out, HasSubstr("submitted 0 of 10 files"));
    // One message, not one per article.
    EXPECT_EQ(out.find("gave up on"), out.rfind("gave up on")) << out;
    std::cerr << "submit " << (c.flags.empty() ? "(default)" : c.flags[0]) << ": exit after "
              << took << "\n";
  }

  const std::string log = work_.Sub("reprocess.log");
  Subprocess reprocess(
      {BinDir() + "/parley-ingest", "reprocess", "--target=" + target, "--give_up_after=2s"}, log);
  EXPECT_EQ(reprocess.Wait(absl::Seconds(30)), 3) << ReadFile(log);
  EXPECT_THAT(ReadFile(log), HasSubstr("gave up on " + target +
                                       ": nothing acknowledged for 2s; "
                                       "last error: UNAVAILABLE: "));
}

// The patience is counted from the last acknowledgement: a service that comes up while submit
// waits gets every file.
TEST_F(WorkerTest, SubmitWaitsForAServiceThatStartsWithinItsPatience) {
  // Until the service starts, its port accepts connections and never answers: the test sees
  // submit trying to reach it.
  HeldPort port;
  port.Listen();
  ServerOptions options = ServerHarness::DefaultOptions();
  options.listen = port.address();
  std::vector<std::string> argv = {BinDir() + "/parley-ingest", "submit",
                                   "--target=" + options.listen, "--give_up_after=60s"};
  for (int i = 0; i < 10; ++i) {
    argv.push_back(work_.Sub(absl::StrCat("a-", i, ".txt")));
    WriteFile(argv.back(), SyntheticArticle(i));
  }
  Subprocess submit(argv, work_.Sub("submit.log"));
  ASSERT_TRUE(port.WaitForConnection(absl::Seconds(30))) << ReadFile(work_.Sub("submit.log"));
  EXPECT_TRUE(submit.running());
  port.Release();
  ServerHarness harness(options);
  EXPECT_EQ(submit.Wait(absl::Seconds(60)), 0) << ReadFile(work_.Sub("submit.log"));
  EXPECT_EQ(harness.server()->store()->revision(), 10u);
}

TEST_F(WorkerTest, ExtractPrintsOneResultPerInputAndExitsOneOnFailure) {
  WriteFile(work_.Sub("ok.txt"), SyntheticArticle(1));
  WriteFile(work_.Sub("bad.json"), "{");
  Subprocess extract({BinDir() + "/parley-ingest", "extract", work_.Sub("ok.txt"),
                      work_.Sub("bad.json"), work_.Sub("missing.txt")},
                     work_.Sub("extract.out"));
  EXPECT_EQ(extract.Wait(absl::Seconds(30)), 1);
  const std::string out = ReadFile(work_.Sub("extract.out"));
  EXPECT_THAT(out, HasSubstr("\"source\":\"" + work_.Sub("ok.txt") + "\""));
  EXPECT_THAT(out, HasSubstr("\"meetings\":[{"));
  EXPECT_THAT(out, HasSubstr("\"code\":\"INVALID_ARGUMENT\""));
  EXPECT_THAT(out, HasSubstr("\"code\":\"NOT_FOUND\""));
}

TEST_F(WorkerTest, IntakeAcknowledgesOnlyCommittedArticles) {
  ServerHarness harness;
  const std::string inbox = work_.Sub("inbox");
  ASSERT_EQ(mkdir(inbox.c_str(), 0755), 0);
  std::vector<std::string> argv = RunWorker(harness.address(), inbox);
  argv.emplace_back("--intake_listen=127.0.0.1:0");
  argv.emplace_back("--health_listen=127.0.0.1:0");
  argv.push_back("--port_file=" + work_.Sub("worker.port"));
  Subprocess worker(argv, work_.Sub("worker.log"));
  const absl::StatusOr<PortList> ports =
      testing_util::WaitForPortFile(worker, work_.Sub("worker.port"), absl::Seconds(30));
  ASSERT_TRUE(ports.ok()) << ports.status() << "\n" << ReadFile(work_.Sub("worker.log"));
  ASSERT_GT(testing_util::PortOf(*ports, "health_listen"), 0);
  const std::string intake_address =
      absl::StrCat("127.0.0.1:", testing_util::PortOf(*ports, "intake_listen"));
  EXPECT_THAT(ReadFile(work_.Sub("worker.log")), HasSubstr("intake serving"));
  auto channel = grpc::CreateChannel(intake_address, grpc::InsecureChannelCredentials());

  // Health and reflection are on, as on the service.
  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext health_context;
  grpc::health::v1::HealthCheckRequest health_request;
  grpc::health::v1::HealthCheckResponse health_response;
  ASSERT_TRUE(health->Check(&health_context, health_request, &health_response).ok());
  EXPECT_EQ(health_response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  // And the health-only listener answers on the port the file gave.
  auto health_only = grpc::health::v1::Health::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", testing_util::PortOf(*ports, "health_listen")),
                          grpc::InsecureChannelCredentials()));
  grpc::ClientContext health_only_context;
  grpc::health::v1::HealthCheckResponse health_only_response;
  ASSERT_TRUE(health_only->Check(&health_only_context, health_request, &health_only_response).ok());
  EXPECT_EQ(health_only_response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  testing_util::ReflectionClient reflection(channel);
  auto services = reflection.ListServices();
  ASSERT_TRUE(services.ok());
  EXPECT_THAT(*services, Contains("parley.v1.ArticleIntake"));

  auto intake = v1::ArticleIntake::NewStub(channel);
  grpc::ClientContext context;
  v1::SubmitArticlesRequest request;
  v1::Article* good = request.add_articles();
  const std::string text = SyntheticArticle(7);
  good->set_title(text.substr(0, text.find('\n')));
  good->set_body(text.substr(text.find('\n') + 1));
  request.add_articles()->set_title("no body");
  v1::SubmitArticlesResponse response;
  ASSERT_TRUE(intake->SubmitArticles(&context, request, &response).ok());
  ASSERT_EQ(response.results_size(), 2);
  ASSERT_EQ(response.results(0).meeting_ids_size(), 1) << response.DebugString();
  EXPECT_FALSE(response.results(0).has_error());
  EXPECT_EQ(response.results(1).error().code(), "INVALID_ARGUMENT");
  // Acknowledged means committed: the meeting is readable at once.
  auto meetings = v1::MeetingService::NewStub(harness.NewChannel());
  grpc::ClientContext get_context;
  v1::GetMeetingRequest get;
  get.set_id(response.results(0).meeting_ids(0));
  v1::Meeting meeting;
  ASSERT_TRUE(meetings->GetMeeting(&get_context, get, &meeting).ok());
  EXPECT_EQ(meeting.sources(0).article_id(), response.results(0).article_id());

  grpc::ClientContext empty_context;
  v1::SubmitArticlesRequest empty;
  v1::SubmitArticlesResponse empty_response;
  EXPECT_EQ(intake->SubmitArticles(&empty_context, empty, &empty_response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  worker.Signal(SIGTERM);
  EXPECT_EQ(worker.Wait(absl::Seconds(15)), 0);
}

TEST_F(WorkerTest, ReprocessBringsOldArticlesToTheCurrentExtractor) {
  ServerHarness harness;
  auto ingest = v1::IngestService::NewStub(harness.NewChannel());
  // Two articles stored by an "older extractor" that found only the countries.
  std::vector<std::string> ids;
  for (int i : {3, 4}) {
    const std::string text = SyntheticArticle(i);
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    request.mutable_article()->set_title(text.substr(0, text.find('\n')));
    request.mutable_article()->set_body(text.substr(text.find('\n') + 1));
    v1::Meeting* old = request.add_meetings();
    old->add_countries("US");
    old->add_countries("CA");
    request.set_extractor_version("parley-extract/0");
    v1::IngestArticleResponse response;
    ASSERT_TRUE(ingest->IngestArticle(&context, request, &response).ok());
    ids.push_back(response.article_id());
  }
  Subprocess reprocess({BinDir() + "/parley-ingest", "reprocess", "--target=" + harness.address()},
                       work_.Sub("reprocess.log"));
  ASSERT_EQ(reprocess.Wait(absl::Seconds(60)), 0) << ReadFile(work_.Sub("reprocess.log"));
  EXPECT_THAT(ReadFile(work_.Sub("reprocess.log")), HasSubstr("reprocessed 2 of 2"));
  for (const v1::StoredArticle& stored : AllArticles(harness.NewChannel())) {
    EXPECT_EQ(stored.extractor_version(), extract::Extractor::kVersion);
    ASSERT_EQ(stored.reports_size(), 1);
    EXPECT_THAT(stored.reports(0).countries(), ::testing::Not(Contains("US")));
    EXPECT_FALSE(stored.reports(0).people().empty());
  }
  // The old records were rebuilt in place: no meeting still says US-CA.
  auto meetings = v1::MeetingService::NewStub(harness.NewChannel());
  grpc::ClientContext context;
  v1::ListMeetingsRequest list;
  list.mutable_filter()->add_countries("US");
  v1::ListMeetingsResponse listed;
  ASSERT_TRUE(meetings->ListMeetings(&context, list, &listed).ok());
  EXPECT_EQ(listed.meetings_size(), 0);
}

}  // namespace
}  // namespace parley
