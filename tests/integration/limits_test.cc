// Every limit of the service, against a real server configured with small limits: each
// answers with its documented code and a message naming the field or the limit.

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/server_harness.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::ServerHarness;
using ::parley::testing_util::WaitFor;
using ::testing::HasSubstr;

constexpr int kMessageBytes = 256 << 10;
constexpr size_t kArticleBytes = 64 << 10;

ServerOptions SmallLimits(const std::string& checkpoint_dir) {
  ServerOptions options = ServerHarness::DefaultOptions();
  options.max_message_bytes = kMessageBytes;
  options.limits.max_article_bytes = kArticleBytes;
  options.limits.max_batch_ids = 10;
  options.limits.max_watch_streams = 2;
  options.checkpoint_dir = checkpoint_dir;
  return options;
}

class LimitsTest : public ::testing::Test {
 protected:
  LimitsTest()
      : harness_(SmallLimits(checkpoints_.path())),
        channel_(harness_.NewChannel()),
        meetings_(v1::MeetingService::NewStub(channel_)),
        ingest_(v1::IngestService::NewStub(channel_)) {}

  // Stores a meeting of about `statement_bytes` of statements on day `day`; returns its id.
  std::string StoreBigMeeting(int day, size_t statement_bytes) {
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    request.mutable_article()->set_body(absl::StrCat("Big meeting ", day));
    v1::Meeting* m = request.add_meetings();
    m->mutable_start_date()->set_year(2024);
    m->mutable_start_date()->set_month(1 + day / 28);
    m->mutable_start_date()->set_day(1 + day % 28);
    m->add_countries("FR");
    m->add_countries(day % 2 == 0 ? "DE" : "IT");
    m->mutable_venue()->set_city(absl::StrCat("City", day));
    for (size_t bytes = 0; bytes < statement_bytes; bytes += 1000) {
      v1::Statement* s = m->add_statements();
      s->set_speaker("Minister");
      s->set_text(std::string(1000, static_cast<char>('a' + bytes / 1000 % 26)));
    }
    v1::IngestArticleResponse response;
    const grpc::Status status = ingest_->IngestArticle(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.meeting_ids_size() > 0 ? response.meeting_ids(0) : "";
  }

  testing_util::ScopedTempDir checkpoints_;  // Before harness_: constructed first.
  ServerHarness harness_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
};

TEST_F(LimitsTest, ArticleSizeIsCheckedByTheServiceAndTheTransport) {
  grpc::ClientContext context;
  v1::IngestArticleRequest request;
  request.mutable_article()->set_body(std::string(kArticleBytes + 1, 'x'));
  v1::IngestArticleResponse response;
  grpc::Status status = ingest_->IngestArticle(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("article.body is 65537 bytes; at most 65536"));

  // Beyond --max_message_bytes the transport refuses the request before any handler runs.
  grpc::ClientContext big_context;
  request.mutable_article()->set_body(std::string(kMessageBytes + 1, 'x'));
  status = ingest_->IngestArticle(&big_context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(harness_.server()->store()->revision(), 0u);
}

TEST_F(LimitsTest, RequestFieldsAreValidatedByName) {
  struct Case {
    std::string what;
    std::function<grpc::Status(grpc::ClientContext*)> call;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"id too long",
       [&](grpc::ClientContext* c) {
         v1::GetMeetingRequest r;
         r.set_id(std::string(129, 'm'));
         v1::Meeting m;
         return meetings_->GetMeeting(c, r, &m);
       },
       "id is longer than 128 bytes"},
      {"too many batch ids",
       [&](grpc::ClientContext* c) {
         v1::BatchGetMeetingsRequest r;
         for (int i = 0; i < 11; ++i) r.add_ids(absl::StrCat("m-", i));
         v1::BatchGetMeetingsResponse m;
         return meetings_->BatchGetMeetings(c, r, &m);
       },
       "ids has 11 entries; at most 10"},
      {"bad batch id",
       [&](grpc::ClientContext* c) {
         v1::BatchGetMeetingsRequest r;
         r.add_ids("m-1");
         r.add_ids("m 2");
         v1::BatchGetMeetingsResponse m;
         return meetings_->BatchGetMeetings(c, r, &m);
       },
       "ids[1] may hold only"},
      {"negative page size",
       [&](grpc::ClientContext* c) {
         v1::ListMeetingsRequest r;
         r.set_page_size(-5);
         v1::ListMeetingsResponse m;
         return meetings_->ListMeetings(c, r, &m);
       },
       "page_size -5 must not be negative"},
      {"bad filter date",
       [&](grpc::ClientContext* c) {
         v1::ListMeetingsRequest r;
         r.mutable_filter()->mutable_start_date_from()->set_year(2024);
         r.mutable_filter()->mutable_start_date_from()->set_month(13);
         v1::ListMeetingsResponse m;
         return meetings_->ListMeetings(c, r, &m);
       },
       "start_date_from"},
      {"unassigned country in a filter",
       [&](grpc::ClientContext* c) {
         v1::ListMeetingsRequest r;
         r.mutable_filter()->add_countries("XX");
         v1::ListMeetingsResponse m;
         return meetings_->ListMeetings(c, r, &m);
       },
       "\"XX\" is not an assigned ISO 3166-1 alpha-2 code"},
      {"a thousand statuses in a filter",
       [&](grpc::ClientContext* c) {
         v1::ListMeetingsRequest r;
         for (int i = 0; i < 1000; ++i) r.mutable_filter()->add_statuses(v1::MEETING_STATUS_HELD);
         v1::ListMeetingsResponse m;
         return meetings_->ListMeetings(c, r, &m);
       },
       "filter.statuses has 1000 entries; at most 100"},
      {"an 8 KiB person in a filter",
       [&](grpc::ClientContext* c) {
         v1::ListMeetingsRequest r;
         r.mutable_filter()->set_person(std::string(8192, 'p'));
         v1::ListMeetingsResponse m;
         return meetings_->ListMeetings(c, r, &m);
       },
       "filter.person is 8192 bytes; at most 256"},
      {"a date range that ends before it starts",
       [&](grpc::ClientContext* c) {
         v1::ListMeetingsRequest r;
         r.mutable_filter()->mutable_start_date_from()->set_year(2025);
         r.mutable_filter()->mutable_start_date_from()->set_month(5);
         r.mutable_filter()->mutable_start_date_to()->set_year(2025);
         r.mutable_filter()->mutable_start_date_to()->set_month(4);
         v1::ListMeetingsResponse m;
         return meetings_->ListMeetings(c, r, &m);
       },
       "filter.start_date_to 2025-04 is before filter.start_date_from 2025-05"},
      {"unassigned country in a meeting",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         r.add_meetings()->add_countries("XX");
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "meetings[0]: countries: \"XX\" is not an assigned ISO 3166-1 alpha-2 code"},
      {"evidence that ends before it begins",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         v1::Evidence* e = r.add_meetings()->add_evidence();
         e->set_begin(9);
         e->set_end(3);
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "meetings[0]: evidence[0]: begin 9 is after end 3"},
      {"bad watch filter",
       [&](grpc::ClientContext* c) {
         v1::WatchMeetingsRequest r;
         r.mutable_filter()->add_countries("France");
         auto stream = meetings_->WatchMeetings(c, r);
         v1::WatchMeetingsResponse m;
         while (stream->Read(&m)) {
         }
         return stream->Finish();
       },
       "filter.countries"},
      {"meeting with too many statements",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         v1::Meeting* meeting = r.add_meetings();
         for (int i = 0; i < 1001; ++i) meeting->add_statements()->set_text("s");
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "meetings[0]: statements has 1001 entries; at most 1000"},
      {"undefined kind",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         r.add_meetings()->set_kind(static_cast<v1::MeetingKind>(99));
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "meetings[0]: kind 99 is not defined"},
      {"extractor version too long",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         r.set_extractor_version(std::string(200, 'v'));
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "extractor_version is 200 bytes; at most 128"},
      {"article title too long",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         r.mutable_article()->set_title(std::string(70000, 't'));
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "article.title is 70000 bytes; at most 65536"},
      {"too many article tags",
       [&](grpc::ClientContext* c) {
         v1::IngestArticleRequest r;
         r.mutable_article()->set_body("x");
         for (int i = 0; i < 101; ++i) r.mutable_article()->add_tags("t");
         v1::IngestArticleResponse m;
         return ingest_->IngestArticle(c, r, &m);
       },
       "article.tags has 101 entries; at most 100"},
      {"delete id empty",
       [&](grpc::ClientContext* c) {
         v1::DeleteMeetingRequest r;
         v1::DeleteMeetingResponse m;
         return ingest_->DeleteMeeting(c, r, &m);
       },
       "id must not be empty"},
      {"checkpoint name escaping its folder",
       [&](grpc::ClientContext* c) {
         v1::CreateCheckpointRequest r;
         r.set_name("../../etc");
         v1::CreateCheckpointResponse m;
         return v1::AdminService::NewStub(channel_)->CreateCheckpoint(c, r, &m);
       },
       "name must be 1-128 letters"},
  };
  for (const Case& c : cases) {
    grpc::ClientContext context;
    const grpc::Status status = c.call(&context);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.what;
    EXPECT_THAT(status.error_message(), HasSubstr(c.message)) << c.what;
  }
  EXPECT_EQ(harness_.server()->store()->revision(), 0u);
}

TEST_F(LimitsTest, PagesStopBeforeTheResponseLimitAndBatchesAreRefused) {
  std::vector<std::string> ids;
  ids.reserve(12);
  for (int day = 0; day < 12; ++day) {
    ids.push_back(StoreBigMeeting(day, 40 << 10));  // 12 x 40 KiB > the 256 KiB limit.
  }
  // Page size 500 (clamped from 100000): pages end early, and following the tokens lists
  // every meeting exactly once.
  std::set<std::string> listed;
  std::string token;
  int pages = 0;
  do {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.set_page_size(100000);
    request.set_page_token(token);
    v1::ListMeetingsResponse page;
    const grpc::Status status = meetings_->ListMeetings(&context, request, &page);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_LE(page.ByteSizeLong(), static_cast<size_t>(kMessageBytes));
    EXPECT_GE(page.meetings_size(), 1);
    for (const v1::Meeting& m : page.meetings()) {
      EXPECT_TRUE(listed.insert(m.id()).second) << m.id();
    }
    token = page.next_page_token();
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(listed.size(), ids.size());
  EXPECT_GE(pages, 2);

  grpc::ClientContext context;
  v1::BatchGetMeetingsRequest request;
  for (int i = 0; i < 10; ++i) request.add_ids(ids[i]);
  v1::BatchGetMeetingsResponse response;
  const grpc::Status status = meetings_->BatchGetMeetings(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("ask for fewer ids"));
  grpc::ClientContext small_context;
  v1::BatchGetMeetingsRequest small;
  small.add_ids(ids[0]);
  small.add_ids(ids[1]);
  EXPECT_TRUE(meetings_->BatchGetMeetings(&small_context, small, &response).ok());
  EXPECT_EQ(response.meetings_size(), 2);
}

TEST_F(LimitsTest, WatchStreamCapAndDeadlinesFreeTheirSlots) {
  // Two streams fill the cap; a third is refused.
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<v1::WatchMeetingsResponse>>> streams;
  for (int i = 0; i < 2; ++i) {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    // Short deadlines: the server must end these streams and free their slots by itself.
    contexts.back()->set_deadline(std::chrono::system_clock::now() +
                                  std::chrono::milliseconds(800));
    streams.push_back(meetings_->WatchMeetings(contexts.back().get(), {}));
    v1::WatchMeetingsResponse header;
    ASSERT_TRUE(streams.back()->Read(&header));
  }
  {
    grpc::ClientContext context;
    auto third = meetings_->WatchMeetings(&context, {});
    v1::WatchMeetingsResponse response;
    EXPECT_FALSE(third->Read(&response));
    const grpc::Status status = third->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_THAT(status.error_message(), HasSubstr("too many watch streams"));
  }
  for (auto& stream : streams) {
    v1::WatchMeetingsResponse response;
    while (stream->Read(&response)) {
    }
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  }
  EXPECT_TRUE(WaitFor([&] { return harness_.server()->meeting_service()->watches().size() == 0; },
                      absl::Seconds(5)));
  // The slots are free again.
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  auto again = meetings_->WatchMeetings(&context, {});
  v1::WatchMeetingsResponse header;
  EXPECT_TRUE(again->Read(&header));

  // A unary call whose deadline has passed is not run.
  grpc::ClientContext late;
  late.set_deadline(std::chrono::system_clock::now() - std::chrono::milliseconds(1));
  v1::IngestArticleRequest request;
  request.mutable_article()->set_body("late");
  v1::IngestArticleResponse response;
  EXPECT_EQ(ingest_->IngestArticle(&late, request, &response).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(harness_.server()->store()->revision(), 0u);
}

}  // namespace
}  // namespace parley
