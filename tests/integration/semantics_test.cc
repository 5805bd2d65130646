// Issue 13, semantics items, against the real parleyd binary:
//   7. a record that leaves (or enters) a watcher's filter sends that watcher an event, as
//      Kubernetes' watch cache does; an update is UPDATED and keeps create_revision; re-ingest
//      after a delete is defined.

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "tests/testing_util/metrics_scrape.h"
#include "tests/testing_util/parleyd_process.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley {
namespace {

using ::parley::testing_util::ParleydProcess;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class SemanticsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    parleyd_ = std::make_unique<ParleydProcess>(dir_.Sub("data"), dir_.Sub("parleyd.log"),
                                                std::vector<std::string>{"--sync_writes=false"});
    ASSERT_TRUE(parleyd_->Start()) << ReadFile(dir_.Sub("parleyd.log"));
    channel_ = parleyd_->NewChannel();
    ingest_ = v1::IngestService::NewStub(channel_);
    meetings_ = v1::MeetingService::NewStub(channel_);
  }
  void TearDown() override { EXPECT_EQ(parleyd_->Stop(), 0); }

  // The article "Talks in Paris" as extracted by `version`: one meeting of `countries`.
  v1::IngestArticleResponse Ingest(const std::string& body, const std::string& version,
                                   const std::vector<std::string>& countries) {
    v1::IngestArticleRequest request;
    request.mutable_article()->set_title("Talks in Paris");
    request.mutable_article()->set_body(body);
    request.set_extractor_version(version);
    v1::Meeting* m = request.add_meetings();
    m->mutable_start_date()->set_year(2024);
    m->mutable_start_date()->set_month(3);
    m->mutable_start_date()->set_day(10);
    m->mutable_venue()->set_city("Paris");
    for (const std::string& c : countries) {
      m->add_countries(c);
    }
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    const grpc::Status status = ingest_->IngestArticle(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  std::set<std::string> ListIds(const v1::MeetingFilter& filter) {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    *request.mutable_filter() = filter;
    v1::ListMeetingsResponse response;
    EXPECT_TRUE(meetings_->ListMeetings(&context, request, &response).ok());
    std::set<std::string> ids;
    for (const v1::Meeting& m : response.meetings()) {
      ids.insert(m.id());
    }
    return ids;
  }

  ScopedTempDir dir_;
  std::unique_ptr<ParleydProcess> parleyd_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
};

// A watcher that keeps a cache of the meetings its events describe, as a client would.
class CachingWatcher {
 public:
  CachingWatcher(v1::MeetingService::Stub* stub, const v1::MeetingFilter& filter) {
    context_.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    v1::WatchMeetingsRequest request;
    request.set_start_revision(1);
    *request.mutable_filter() = filter;
    reader_ = stub->WatchMeetings(&context_, request);
  }
  ~CachingWatcher() {
    context_.TryCancel();
    reader_->Finish();
  }

  // Reads until `revision` has been delivered; returns the events read.
  std::vector<v1::MeetingEvent> Until(uint64_t revision) {
    std::vector<v1::MeetingEvent> events;
    v1::WatchMeetingsResponse response;
    while (revision_ < revision && reader_->Read(&response)) {
      for (const v1::MeetingEvent& e : response.events()) {
        events.push_back(e);
        if (e.type() == v1::EVENT_TYPE_DELETED) {
          cache_.erase(e.meeting().id());
        } else {
          cache_[e.meeting().id()] = e.meeting();
        }
      }
      revision_ = response.revision();
    }
    return events;
  }
  std::set<std::string> ids() const {
    std::set<std::string> out;
    for (const auto& [id, m] : cache_) {
      out.insert(id);
    }
    return out;
  }

 private:
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::WatchMeetingsResponse>> reader_;
  uint64_t revision_ = 0;
  std::map<std::string, v1::Meeting> cache_;
};

TEST_F(SemanticsTest, ARecordLeavingOrEnteringAFilterIsSentToItsWatchers) {
  v1::MeetingFilter france;
  france.add_countries("FR");
  CachingWatcher filtered(meetings_.get(), france);
  CachingWatcher all(meetings_.get(), v1::MeetingFilter());
  const std::string body = "The ministers met in Paris on 10 March 2024.";

  // Revision 1: France and Germany.
  const std::string id = Ingest(body, "extractor/1", {"FR", "DE"}).meeting_ids(0);
  std::vector<v1::MeetingEvent> seen = filtered.Until(1);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].type(), v1::EVENT_TYPE_CREATED);
  EXPECT_EQ(all.Until(1).size(), 1u);

  // Revision 2: re-extraction drops France. The record keeps its id and its birth.
  EXPECT_THAT(Ingest(body, "extractor/2", {"DE", "IT"}).meeting_ids(), ElementsAre(id));
  seen = all.Until(2);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].type(), v1::EVENT_TYPE_UPDATED) << "an update is not a second CREATED";
  EXPECT_EQ(seen[0].meeting().create_revision(), 1u);
  EXPECT_EQ(seen[0].meeting().update_revision(), 2u);
  seen = filtered.Until(2);
  ASSERT_EQ(seen.size(), 1u) << "the FR watcher must hear that the meeting left its filter";
  EXPECT_EQ(seen[0].type(), v1::EVENT_TYPE_DELETED);
  EXPECT_EQ(seen[0].meeting().id(), id);
  EXPECT_EQ(filtered.ids(), ListIds(france));  // The cache agrees with a fresh listing.
  EXPECT_TRUE(filtered.ids().empty());

  // Revision 3: France is back: the meeting enters the filter.
  Ingest(body, "extractor/3", {"FR", "DE", "IT"});
  seen = filtered.Until(3);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].type(), v1::EVENT_TYPE_CREATED);
  EXPECT_EQ(seen[0].meeting().create_revision(), 1u);
  EXPECT_EQ(filtered.ids(), ListIds(france));
  seen = all.Until(3);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].type(), v1::EVENT_TYPE_UPDATED);

  // Revision 4: an update that keeps France is an update to the FR watcher too.
  Ingest(body, "extractor/4", {"FR", "IT"});
  seen = filtered.Until(4);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].type(), v1::EVENT_TYPE_UPDATED);
  EXPECT_EQ(filtered.ids(), ListIds(france));
}

TEST_F(SemanticsTest, ReingestAfterDeleteLeavesTheRecordDeletedAndSaysSo) {
  const std::string body = "The ministers met in Paris on 10 March 2024.";
  const std::string id = Ingest(body, "extractor/1", {"FR", "DE"}).meeting_ids(0);
  grpc::ClientContext delete_context;
  v1::DeleteMeetingRequest del;
  del.set_id(id);
  v1::DeleteMeetingResponse deleted;
  ASSERT_TRUE(ingest_->DeleteMeeting(&delete_context, del, &deleted).ok());

  // The same article again (a retry, a backfill rerun): nothing changes, and the deleted
  // record's place is answered empty, not with an id that GetMeeting would not find.
  const v1::IngestArticleResponse again = Ingest(body, "extractor/1", {"FR", "DE"});
  EXPECT_THAT(again.meeting_ids(), ElementsAre(""));
  EXPECT_TRUE(again.changes().empty());
  EXPECT_EQ(again.revision(), deleted.revision());
  grpc::ClientContext get_context;
  v1::GetMeetingRequest get;
  get.set_id(id);
  v1::Meeting meeting;
  EXPECT_EQ(meetings_->GetMeeting(&get_context, get, &meeting).error_code(),
            grpc::StatusCode::NOT_FOUND);
  grpc::ClientContext article_context;
  v1::GetArticleRequest article_request;
  article_request.set_id(again.article_id());
  v1::GetArticleResponse article;
  ASSERT_TRUE(meetings_->GetArticle(&article_context, article_request, &article).ok());
  EXPECT_TRUE(article.meeting_ids().empty());

  // A new extractor version builds records afresh: the meeting comes back under a new id (ids
  // are never reused).
  const v1::IngestArticleResponse reextracted = Ingest(body, "extractor/2", {"FR", "DE"});
  ASSERT_EQ(reextracted.meeting_ids_size(), 1);
  EXPECT_NE(reextracted.meeting_ids(0), id);
  ASSERT_EQ(reextracted.changes_size(), 1);
  EXPECT_EQ(reextracted.changes(0).type(), v1::EVENT_TYPE_CREATED);
}

// Item 8: unparseable requests answered UNIMPLEMENTED with no message on most methods, bad
// IngestArticle bytes were counted result="failed", and libprotobuf wrote raw lines even with
// --log_format=json.
TEST(UnparseableTest, EveryMethodAnswersInvalidArgumentCountsItAndLogsInTheChosenFormat) {
  ScopedTempDir dir;
  ParleydProcess parleyd(
      dir.Sub("data"), dir.Sub("parleyd.log"),
      {"--log_format=json", "--sync_writes=false", "--metrics_listen=127.0.0.1:0"});
  ASSERT_TRUE(parleyd.Start()) << ReadFile(dir.Sub("parleyd.log"));
  const int metrics_port = parleyd.port("metrics_listen");
  ASSERT_GT(metrics_port, 0);
  grpc::GenericStub stub(parleyd.NewChannel());
  // A field cut short (5 bytes announced, 3 sent), and bytes that are no wire format at all.
  const std::vector<std::string> payloads = {std::string("\x0a\x05\x61\x62\x63", 5),
                                             std::string("\xff\xff\xff\xff", 4)};
  const std::vector<std::string> methods = {
      "/parley.v1.MeetingService/GetMeeting",     "/parley.v1.MeetingService/BatchGetMeetings",
      "/parley.v1.MeetingService/ListMeetings",   "/parley.v1.MeetingService/RequestWatchProgress",
      "/parley.v1.MeetingService/GetArticle",     "/parley.v1.IngestService/IngestArticle",
      "/parley.v1.IngestService/DeleteMeeting",   "/parley.v1.IngestService/ListArticles",
      "/parley.v1.AdminService/CreateCheckpoint", "/grpc.health.v1.Health/Check"};
  for (const std::string& method : methods) {
    for (const std::string& bytes : payloads) {
      grpc::Slice slice(bytes);
      grpc::ByteBuffer request(&slice, 1);
      grpc::ByteBuffer response;
      grpc::ClientContext context;
      absl::Notification done;
      grpc::Status status;
      stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                     [&](grpc::Status s) {
                       status = std::move(s);
                       done.Notify();
                     });
      ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(30))) << method;
      EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
          << method << ": " << status.error_code() << " " << status.error_message();
      EXPECT_THAT(status.error_message(), HasSubstr("does not parse")) << method;
    }
  }
  // A string field holding bytes that are not UTF-8 (which libprotobuf also logs).
  {
    const std::string bytes("\x0a\x02\xc3\x28", 4);  // GetArticleRequest.id
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    grpc::ClientContext context;
    absl::Notification done;
    grpc::Status status;
    stub.UnaryCall(&context, "/parley.v1.MeetingService/GetArticle", grpc::StubOptions(), &request,
                   &response, [&](grpc::Status s) {
                     status = std::move(s);
                     done.Notify();
                   });
    ASSERT_TRUE(done.WaitForNotificationWithTimeout(absl::Seconds(30)));
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  }
  // Counted as the client's fault.
  std::string metrics;
  ASSERT_TRUE(testing_util::WaitFor(
      [&] {
        metrics = testing_util::HttpGet(metrics_port, "/metrics");
        return testing_util::Sample(metrics, {"parley_ingest_articles_total", "rejected"}) >= 2;
      },
      absl::Seconds(10)))
      << metrics;
  EXPECT_LT(testing_util::Sample(metrics, {"parley_ingest_articles_total", "\"failed\""}), 1);
  EXPECT_EQ(parleyd.Stop(), 0);
  // Every line of the log is one JSON object, libprotobuf's included.
  const std::string log = ReadFile(dir.Sub("parleyd.log"));
  EXPECT_THAT(log, HasSubstr("invalid UTF-8"));
  size_t lines = 0;
  for (absl::string_view line : absl::StrSplit(log, '\n', absl::SkipEmpty())) {
    ++lines;
    EXPECT_TRUE(absl::StartsWith(line, "{\"ts\":") && absl::EndsWith(line, "}"))
        << "not a JSON log line: " << line;
  }
  EXPECT_GT(lines, 2u);
}

}  // namespace
}  // namespace parley
