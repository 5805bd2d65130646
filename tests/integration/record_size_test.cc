// Issue 13, item 1: one oversized record must never wedge readers or watchers. Against the real
// parleyd binary: reports that would merge into a 20 MB record are kept within the record
// limits at write time, and a store written before that bound existed (a 19 MB record, a
// revision of 18 MB of events) is served cut, in fragments, and logged once.

#include <sys/stat.h>

#include <chrono>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/store/meeting_store.h"
#include "tests/testing_util/parleyd_process.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley {
namespace {

using ::parley::testing_util::ParleydProcess;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::testing::HasSubstr;

// A report of France and Germany meeting on 2024-03-10 with `count` statements of `bytes` each.
v1::Meeting BigReport(int count, size_t bytes, char letter) {
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_BILATERAL);
  m.mutable_start_date()->set_year(2024);
  m.mutable_start_date()->set_month(3);
  m.mutable_start_date()->set_day(10);
  m.add_countries("FR");
  m.add_countries("DE");
  for (int i = 0; i < count; ++i) {
    v1::Statement* s = m.add_statements();
    s->set_speaker("Minister");
    s->set_text(std::string(bytes, static_cast<char>(letter + i)));
  }
  return m;
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Reads every page of an unfiltered listing; fails the test on an error.
std::vector<v1::Meeting> ListAll(v1::MeetingService::Stub* stub) {
  std::vector<v1::Meeting> all;
  std::string token;
  do {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.set_page_token(token);
    v1::ListMeetingsResponse page;
    const grpc::Status status = stub->ListMeetings(&context, request, &page);
    EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
    if (!status.ok()) {
      break;
    }
    all.insert(all.end(), page.meetings().begin(), page.meetings().end());
    token = page.next_page_token();
  } while (!token.empty());
  return all;
}

struct Watched {
  std::vector<v1::MeetingEvent> events;
  int fragments = 0;
  uint64_t revision = 0;
  grpc::Status status;
};

// Watches from revision 1 until `last` has been delivered.
Watched WatchUntil(v1::MeetingService::Stub* stub, uint64_t last) {
  Watched out;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  v1::WatchMeetingsRequest request;
  request.set_start_revision(1);
  auto reader = stub->WatchMeetings(&context, request);
  v1::WatchMeetingsResponse response;
  while (out.revision < last && reader->Read(&response)) {
    out.events.insert(out.events.end(), response.events().begin(), response.events().end());
    out.fragments += response.fragment() ? 1 : 0;
    EXPECT_GE(response.revision(), out.revision);
    out.revision = response.revision();
  }
  context.TryCancel();
  out.status = reader->Finish();
  return out;
}

TEST(RecordSizeTest, ReportsThatWouldMergeInto20MbStayServableEverywhere) {
  ScopedTempDir dir;
  ParleydProcess parleyd(dir.Sub("data"), dir.Sub("parleyd.log"), {"--sync_writes=false"});
  ASSERT_TRUE(parleyd.Start()) << ReadFile(dir.Sub("parleyd.log"));
  auto channel = parleyd.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  auto meetings = v1::MeetingService::NewStub(channel);

  // Five valid ingests of the same meeting, each with four 1 MB statements (each within the
  // per-article limit of 4 MiB of meetings): merged as they were, 20 MB.
  std::string id;
  for (int r = 0; r < 5; ++r) {
    v1::IngestArticleRequest request;
    request.mutable_article()->set_body(absl::StrCat("Report ", r, " of the talks."));
    *request.add_meetings() = BigReport(4, 1000000, static_cast<char>('a' + 4 * r));
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    const grpc::Status status = ingest->IngestArticle(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.meeting_ids_size(), 1);
    if (!id.empty()) {
      ASSERT_EQ(response.meeting_ids(0), id) << "the reports must merge";
    }
    id = response.meeting_ids(0);
  }

  grpc::ClientContext get_context;
  v1::GetMeetingRequest get;
  get.set_id(id);
  v1::Meeting meeting;
  const grpc::Status got = meetings->GetMeeting(&get_context, get, &meeting);
  ASSERT_TRUE(got.ok()) << got.error_code() << " " << got.error_message();
  EXPECT_LE(meeting.ByteSizeLong(), size_t{1} << 20);
  RecordProperty("record_bytes", static_cast<int>(meeting.ByteSizeLong()));
  EXPECT_EQ(meeting.statements_size(), 20);  // Each cut to 4 KiB on a character boundary.
  EXPECT_EQ(meeting.statements(0).text().size(), 4096u);
  EXPECT_EQ(meeting.sources_size(), 5);

  grpc::ClientContext batch_context;
  v1::BatchGetMeetingsRequest batch;
  batch.add_ids(id);
  v1::BatchGetMeetingsResponse batched;
  EXPECT_TRUE(meetings->BatchGetMeetings(&batch_context, batch, &batched).ok());
  EXPECT_EQ(batched.meetings_size(), 1);

  EXPECT_EQ(ListAll(meetings.get()).size(), 1u);
  const Watched watched = WatchUntil(meetings.get(), 5);
  EXPECT_EQ(watched.revision, 5u) << watched.status.error_message();
  ASSERT_EQ(watched.events.size(), 5u);
  EXPECT_EQ(watched.events[4].type(), v1::EVENT_TYPE_UPDATED);
  EXPECT_EQ(parleyd.Stop(), 0);
}

TEST(RecordSizeTest, AStoreWrittenBeforeTheBoundIsServedCutAndWatchersGetPastIt) {
  ScopedTempDir dir;
  const std::string data = dir.Sub("data");
  {
    // Written as parleyd did before records were bounded.
    ASSERT_EQ(mkdir(data.c_str(), 0755), 0);
    StoreOptions options;
    options.path = data;
    options.sync_writes = false;
    options.record_limits.max_bytes = 0;
    absl::StatusOr<std::unique_ptr<MeetingStore>> store = MeetingStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    const absl::Time now = absl::Now();
    for (char letter : {'a', 'j'}) {  // Revisions 1 and 2: one 18.9 MB record.
      v1::Article article;
      article.set_body(absl::StrCat("Report ", std::string(1, letter)));
      ASSERT_TRUE((*store)->IngestArticle(article, {BigReport(9, 1 << 20, letter)}, "v", now).ok());
    }
    // Revision 3: twenty meetings of 900 KB each in one write, an 18 MB change-log entry.
    v1::Article article;
    article.set_body("Twenty meetings");
    std::vector<v1::Meeting> reports;
    for (int i = 0; i < 20; ++i) {
      v1::Meeting m = BigReport(1, 900 << 10, 'a');
      m.mutable_start_date()->set_year(2000 + i);
      reports.push_back(m);
    }
    ASSERT_TRUE((*store)->IngestArticle(article, reports, "v", now).ok());
    article.set_body("A small one");  // Revision 4.
    v1::Meeting small = BigReport(1, 10, 'a');
    small.mutable_start_date()->set_year(1990);
    ASSERT_TRUE((*store)->IngestArticle(article, {small}, "v", now).ok());
    ASSERT_EQ((*store)->revision(), 4u);
  }

  ParleydProcess parleyd(data, dir.Sub("parleyd.log"), {"--sync_writes=false"});
  ASSERT_TRUE(parleyd.Start()) << ReadFile(dir.Sub("parleyd.log"));
  auto meetings = v1::MeetingService::NewStub(parleyd.NewChannel());
  for (int i = 0; i < 2; ++i) {
    grpc::ClientContext context;
    v1::GetMeetingRequest get;
    get.set_id("m-000000000001");
    v1::Meeting meeting;
    const grpc::Status status = meetings->GetMeeting(&context, get, &meeting);
    ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
    EXPECT_LE(meeting.ByteSizeLong(), size_t{1} << 20);
    EXPECT_EQ(meeting.statements_size(), 18);
  }
  EXPECT_EQ(ListAll(meetings.get()).size(), 22u);

  // A watcher from revision 1 gets every event, the 18 MB revision in fragments, and goes on.
  const Watched watched = WatchUntil(meetings.get(), 4);
  EXPECT_EQ(watched.revision, 4u) << watched.status.error_code() << " "
                                  << watched.status.error_message();
  EXPECT_EQ(watched.events.size(), 1u + 1u + 20u + 1u);
  EXPECT_GE(watched.fragments, 1);
  for (const v1::MeetingEvent& e : watched.events) {
    EXPECT_LE(e.meeting().ByteSizeLong(), size_t{1} << 20);
  }
  EXPECT_EQ(parleyd.Stop(), 0);
  // The server's fault is logged, once per record and per change-log entry.
  const std::string log = ReadFile(dir.Sub("parleyd.log"));
  EXPECT_EQ(CountOf(log, "meeting m-000000000001 is 18874"), 1u) << log;
  EXPECT_THAT(log, HasSubstr("change-log entry 2 holds a meeting over the record limit"));
  EXPECT_THAT(log, ::testing::Not(HasSubstr("larger than max")));
}

// Item 3: three 7 MiB articles made a ListArticles page exceed the transport limit, and
// `parley-ingest reprocess` exited 1. Pages now end early under the limit.
TEST(RecordSizeTest, ArticlePagesEndUnderTheLimitAndReprocessTakes7MiBArticles) {
  ScopedTempDir dir;
  ParleydProcess parleyd(dir.Sub("data"), dir.Sub("parleyd.log"), {"--sync_writes=false"});
  ASSERT_TRUE(parleyd.Start()) << ReadFile(dir.Sub("parleyd.log"));
  auto ingest = v1::IngestService::NewStub(parleyd.NewChannel());
  std::string filler;
  while (filler.size() < (7u << 20)) {
    filler += "Officials said the weather stayed mild and the markets were calm all week.\n\n";
  }
  for (int i = 0; i < 3; ++i) {
    v1::IngestArticleRequest request;
    request.mutable_article()->set_title(absl::StrCat("Long article ", i));
    request.mutable_article()->set_body(
        absl::StrCat("The foreign ministers of France and Germany met in Paris on 3 March 2025 ",
                     "to discuss trade (part ", i, ").\n\n", filler));
    request.set_extractor_version("parley-extract/0");  // An older extractor: reprocess redoes it.
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    const grpc::Status status = ingest->IngestArticle(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  std::string after;
  int listed = 0;
  int pages = 0;
  do {
    grpc::ClientContext context;
    v1::ListArticlesRequest request;
    request.set_after_id(after);
    request.set_page_size(500);
    v1::ListArticlesResponse page;
    const grpc::Status status = ingest->ListArticles(&context, request, &page);
    ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
    EXPECT_LE(page.ByteSizeLong(), size_t{16} << 20);
    listed += page.articles_size();
    after = page.next_after_id();
    ++pages;
  } while (!after.empty());
  EXPECT_EQ(listed, 3);
  EXPECT_GE(pages, 2);

  testing_util::Subprocess reprocess(
      {testing_util::BinDir() + "/parley-ingest", "reprocess", "--target=" + parleyd.address()},
      dir.Sub("reprocess.log"));
  EXPECT_EQ(reprocess.Wait(absl::Seconds(120)), 0) << ReadFile(dir.Sub("reprocess.log"));
  EXPECT_THAT(ReadFile(dir.Sub("reprocess.log")), HasSubstr("reprocessed 3 of 3 stored articles"));
  EXPECT_EQ(parleyd.Stop(), 0);
}

}  // namespace
}  // namespace parley
