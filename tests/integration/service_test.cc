// MeetingService and IngestService over a real server on 127.0.0.1:0 with a real RocksDB.

#include <memory>
#include <set>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/store/clock.h"
#include "tests/testing_util/reflection_client.h"
#include "tests/testing_util/server_harness.h"

namespace parley {
namespace {

using ::parley::testing_util::ReflectionClient;
using ::parley::testing_util::ServerHarness;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::SizeIs;

v1::Meeting M(const std::string& text) {
  v1::Meeting m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { Connect(); }

  void Connect() {
    channel_ = harness_.NewChannel();
    meetings_ = v1::MeetingService::NewStub(channel_);
    ingest_ = v1::IngestService::NewStub(channel_);
  }

  // Ingests an article reporting one bilateral meeting; returns the response.
  v1::IngestArticleResponse Ingest(const std::string& body, const std::string& a,
                                   const std::string& b, int day,
                                   const std::string& city = "Geneva") {
    v1::IngestArticleRequest request;
    request.mutable_article()->set_title("Talks in " + city);
    request.mutable_article()->set_body(body);
    request.set_extractor_version("test-1");
    *request.add_meetings() = M(
        "kind: MEETING_KIND_BILATERAL status: MEETING_STATUS_HELD start_date { year: 2024 month: "
        "5 day: " +
        std::to_string(day) + " } venue { city: \"" + city + "\" country_code: \"CH\" } " +
        "countries: \"" + a + "\" countries: \"" + b + "\" people { name: \"Person " + a + "\" }");
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    const grpc::Status status = ingest_->IngestArticle(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  ServerHarness harness_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::MeetingService::Stub> meetings_;
  std::unique_ptr<v1::IngestService::Stub> ingest_;
};

TEST_F(ServiceTest, IngestThenGetMeetingAndArticle) {
  const v1::IngestArticleResponse ingested = Ingest("The US and Russia met.", "US", "RU", 3);
  ASSERT_THAT(ingested.changes(), SizeIs(1));
  EXPECT_EQ(ingested.changes(0).type(), v1::EVENT_TYPE_CREATED);
  EXPECT_EQ(ingested.revision(), 1u);

  grpc::ClientContext context;
  v1::GetMeetingRequest request;
  request.set_id(ingested.changes(0).meeting_id());
  v1::Meeting meeting;
  ASSERT_TRUE(meetings_->GetMeeting(&context, request, &meeting).ok());
  EXPECT_EQ(meeting.venue().city(), "Geneva");
  EXPECT_EQ(meeting.create_revision(), 1u);

  grpc::ClientContext article_context;
  v1::GetArticleRequest article_request;
  article_request.set_id(ingested.article_id());
  v1::GetArticleResponse article;
  ASSERT_TRUE(meetings_->GetArticle(&article_context, article_request, &article).ok());
  EXPECT_EQ(article.article().body(), "The US and Russia met.");
  EXPECT_THAT(article.meeting_ids(), Contains(meeting.id()));
  EXPECT_EQ(article.extractor_version(), "test-1");
}

TEST_F(ServiceTest, ErrorCodes) {
  auto get = [&](const std::string& id) {
    grpc::ClientContext context;
    v1::GetMeetingRequest request;
    request.set_id(id);
    v1::Meeting meeting;
    return meetings_->GetMeeting(&context, request, &meeting).error_code();
  };
  EXPECT_EQ(get("m-999"), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(get(""), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(get(std::string(1000, 'x')), grpc::StatusCode::INVALID_ARGUMENT);

  {
    grpc::ClientContext context;
    v1::GetArticleRequest request;
    request.set_id("a-0000");
    v1::GetArticleResponse response;
    EXPECT_EQ(meetings_->GetArticle(&context, request, &response).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.set_page_token("garbage");
    v1::ListMeetingsResponse response;
    const grpc::Status status = meetings_->ListMeetings(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("page_token"));
  }
  {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.set_page_size(-1);
    v1::ListMeetingsResponse response;
    EXPECT_EQ(meetings_->ListMeetings(&context, request, &response).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.mutable_filter()->add_countries("Kazakhstan");
    v1::ListMeetingsResponse response;
    const grpc::Status status = meetings_->ListMeetings(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("filter.countries"));
  }
  {
    grpc::ClientContext context;
    v1::IngestArticleRequest request;  // No body.
    v1::IngestArticleResponse response;
    EXPECT_EQ(ingest_->IngestArticle(&context, request, &response).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  {
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    request.mutable_article()->set_body("text");
    request.add_meetings()->add_countries("XYZ");
    v1::IngestArticleResponse response;
    const grpc::Status status = ingest_->IngestArticle(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("meetings[0]: countries"));
  }
  {
    grpc::ClientContext context;
    v1::DeleteMeetingRequest request;
    request.set_id("m-000000000404");
    v1::DeleteMeetingResponse response;
    EXPECT_EQ(ingest_->DeleteMeeting(&context, request, &response).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  {
    grpc::ClientContext context;
    v1::BatchGetMeetingsRequest request;
    v1::BatchGetMeetingsResponse response;
    EXPECT_EQ(meetings_->BatchGetMeetings(&context, request, &response).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
}

TEST_F(ServiceTest, IngestIsIdempotentAndMergesReports) {
  const auto first = Ingest("Report A of the Geneva talks.", "US", "RU", 3);
  const auto again = Ingest("Report A of the Geneva talks.", "US", "RU", 3);
  EXPECT_THAT(again.changes(), SizeIs(0));
  EXPECT_EQ(again.revision(), first.revision());
  const auto second = Ingest("Report B of the same talks.", "RU", "US", 3);
  ASSERT_THAT(second.changes(), SizeIs(1));
  EXPECT_EQ(second.changes(0).type(), v1::EVENT_TYPE_UPDATED);
  EXPECT_EQ(second.changes(0).meeting_id(), first.changes(0).meeting_id());

  grpc::ClientContext context;
  v1::GetMeetingRequest request;
  request.set_id(first.changes(0).meeting_id());
  v1::Meeting meeting;
  ASSERT_TRUE(meetings_->GetMeeting(&context, request, &meeting).ok());
  EXPECT_THAT(meeting.sources(), SizeIs(2));
}

TEST_F(ServiceTest, SideMeetingParentReferenceBecomesTheEventsId) {
  // As the extractor sends it: the main meeting first, held at a summit listed after it ("#1").
  v1::IngestArticleRequest request;
  request.mutable_article()->set_title("Talks on the sidelines of the Astana summit");
  request.mutable_article()->set_body("China and Kazakhstan met at the Astana summit.");
  request.set_extractor_version("test-1");
  *request.add_meetings() =
      M("kind: MEETING_KIND_BILATERAL start_date { year: 2024 month: 7 day: 4 } venue { city: "
        "\"Astana\" } countries: \"CN\" countries: \"KZ\" parent_id: \"#1\"");
  *request.add_meetings() =
      M("kind: MEETING_KIND_SUMMIT start_date { year: 2024 month: 7 day: 4 } venue { city: "
        "\"Astana\" } countries: \"CN\" countries: \"KZ\" countries: \"RU\" countries: \"UZ\"");
  v1::IngestArticleResponse response;
  {
    grpc::ClientContext context;
    const grpc::Status status = ingest_->IngestArticle(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  ASSERT_THAT(response.meeting_ids(), SizeIs(2));
  grpc::ClientContext context;
  v1::GetMeetingRequest get;
  get.set_id(response.meeting_ids(0));
  v1::Meeting side;
  ASSERT_TRUE(meetings_->GetMeeting(&context, get, &side).ok());
  EXPECT_EQ(side.parent_id(), response.meeting_ids(1));

  // A malformed reference is refused, naming the meeting and the value.
  request.mutable_article()->set_body("Another article.");
  request.mutable_meetings(0)->set_parent_id("#7");
  grpc::ClientContext bad_context;
  v1::IngestArticleResponse bad_response;
  const grpc::Status bad = ingest_->IngestArticle(&bad_context, request, &bad_response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.error_message(), HasSubstr("meetings[0].parent_id \"#7\" is out of range"));
}

TEST_F(ServiceTest, BatchGetReportsMissingIds) {
  const auto a = Ingest("one", "US", "RU", 3);
  const auto b = Ingest("two", "FR", "DE", 4);
  grpc::ClientContext context;
  v1::BatchGetMeetingsRequest request;
  request.add_ids(a.meeting_ids(0));
  request.add_ids("m-000000000999");
  request.add_ids(b.meeting_ids(0));
  v1::BatchGetMeetingsResponse response;
  ASSERT_TRUE(meetings_->BatchGetMeetings(&context, request, &response).ok());
  ASSERT_THAT(response.meetings(), SizeIs(2));
  EXPECT_EQ(response.meetings(0).id(), a.meeting_ids(0));
  EXPECT_EQ(response.meetings(1).id(), b.meeting_ids(0));
  EXPECT_THAT(response.missing_ids(), ::testing::ElementsAre("m-000000000999"));
}

TEST_F(ServiceTest, ListPaginatesWithFiltersAndTokens) {
  for (int day = 1; day <= 12; ++day) {
    Ingest("article " + std::to_string(day), day % 2 == 0 ? "KZ" : "US", "CN", day);
  }
  std::vector<std::string> ids;
  std::string token;
  uint64_t revision = 0;
  do {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.mutable_filter()->add_countries("KZ");
    request.set_page_size(4);
    request.set_page_token(token);
    v1::ListMeetingsResponse response;
    ASSERT_TRUE(meetings_->ListMeetings(&context, request, &response).ok());
    if (revision == 0) {
      revision = response.revision();
    }
    EXPECT_EQ(response.revision(), revision);
    for (const v1::Meeting& m : response.meetings()) {
      EXPECT_THAT(m.countries(), Contains("KZ"));
      ids.push_back(m.id());
    }
    token = response.next_page_token();
  } while (!token.empty());
  EXPECT_THAT(ids, SizeIs(6));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 6u);

  // A token used with another filter is refused.
  grpc::ClientContext first_context;
  v1::ListMeetingsRequest first;
  first.set_page_size(2);
  v1::ListMeetingsResponse first_page;
  ASSERT_TRUE(meetings_->ListMeetings(&first_context, first, &first_page).ok());
  ASSERT_FALSE(first_page.next_page_token().empty());
  grpc::ClientContext context;
  v1::ListMeetingsRequest other = first;
  other.mutable_filter()->add_countries("US");
  other.set_page_token(first_page.next_page_token());
  v1::ListMeetingsResponse response;
  EXPECT_EQ(meetings_->ListMeetings(&context, other, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServiceTest, DeleteLeavesTombstoneVisibleToWatch) {
  const auto created = Ingest("one", "US", "RU", 3);
  grpc::ClientContext context;
  v1::DeleteMeetingRequest request;
  request.set_id(created.meeting_ids(0));
  v1::DeleteMeetingResponse response;
  ASSERT_TRUE(ingest_->DeleteMeeting(&context, request, &response).ok());
  EXPECT_EQ(response.revision(), 2u);

  grpc::ClientContext watch_context;
  watch_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::WatchMeetingsRequest watch;
  watch.set_start_revision(1);
  auto reader = meetings_->WatchMeetings(&watch_context, watch);
  std::vector<v1::MeetingEvent> events;
  v1::WatchMeetingsResponse message;
  while (events.size() < 2 && reader->Read(&message)) {
    for (const auto& e : message.events()) {
      events.push_back(e);
    }
  }
  watch_context.TryCancel();
  ASSERT_THAT(events, SizeIs(2));
  EXPECT_EQ(events[0].type(), v1::EVENT_TYPE_CREATED);
  EXPECT_EQ(events[1].type(), v1::EVENT_TYPE_DELETED);
  EXPECT_EQ(events[1].revision(), 2u);
  EXPECT_EQ(events[1].meeting().id(), created.meeting_ids(0));
}

TEST_F(ServiceTest, HealthIsServing) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  for (const std::string service : {"", "parley.v1.MeetingService"}) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_TRUE(health->Check(&context, request, &response).ok()) << service;
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
  }
}

TEST_F(ServiceTest, ReflectionWorksLikeGrpcurl) {
  Ingest("The US and Russia met in Geneva.", "US", "RU", 3);
  ReflectionClient client(channel_);
  // grpcurl list
  absl::StatusOr<std::vector<std::string>> services = client.ListServices();
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_THAT(*services, Contains("parley.v1.MeetingService"));
  EXPECT_THAT(*services, Contains("parley.v1.IngestService"));
  EXPECT_THAT(*services, Contains("grpc.health.v1.Health"));
  // grpcurl describe
  auto service = client.DescribeService("parley.v1.MeetingService");
  ASSERT_TRUE(service.ok()) << service.status();
  EXPECT_NE((*service)->FindMethodByName("ListMeetings"), nullptr);
  EXPECT_NE((*service)->FindMethodByName("WatchMeetings"), nullptr);
  auto health = client.DescribeService("grpc.health.v1.Health");
  EXPECT_TRUE(health.ok()) << health.status();
  // grpcurl -d '{"filter":{"countries":["US"]}}' ... parley.v1.MeetingService/ListMeetings
  absl::StatusOr<std::string> json = client.CallJson("parley.v1.MeetingService/ListMeetings",
                                                     R"({"filter": {"countries": ["US"]}})");
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"city\":\"Geneva\""));
  EXPECT_THAT(*json, HasSubstr("\"revision\":\"1\""));
  absl::StatusOr<std::string> missing =
      client.CallJson("parley.v1.MeetingService/GetMeeting", R"({"id": "m-404"})");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ServiceTest, DataSurvivesRestart) {
  const auto created = Ingest("one", "US", "RU", 3);
  harness_.Restart();
  Connect();
  grpc::ClientContext context;
  v1::GetMeetingRequest request;
  request.set_id(created.meeting_ids(0));
  v1::Meeting meeting;
  ASSERT_TRUE(meetings_->GetMeeting(&context, request, &meeting).ok());
  const auto next = Ingest("two", "FR", "DE", 9);
  EXPECT_EQ(next.revision(), 2u);
}

TEST_F(ServiceTest, ShutdownEndsWatchWithUnavailableAndHealthNotServing) {
  grpc::ClientContext watch_context;
  v1::WatchMeetingsRequest watch;
  auto reader = meetings_->WatchMeetings(&watch_context, watch);
  v1::WatchMeetingsResponse header;
  ASSERT_TRUE(reader->Read(&header));  // The stream is established.
  std::thread stopper([&] { harness_.Stop(); });
  v1::WatchMeetingsResponse message;
  while (reader->Read(&message)) {
  }
  const grpc::Status status = reader->Finish();
  stopper.join();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
}

// docs/api.md: a page token whose listing snapshot expired (idle past its TTL) is OUT_OF_RANGE.
TEST(ListingSnapshotTest, AnExpiredPageTokenIsOutOfRange) {
  FakeClock clock;  // Outlives the server.
  ServerOptions options = ServerHarness::DefaultOptions();
  options.store.clock = &clock;
  ServerHarness harness(options);
  auto channel = harness.NewChannel();
  auto meetings = v1::MeetingService::NewStub(channel);
  auto ingest = v1::IngestService::NewStub(channel);
  for (int day = 1; day <= 3; ++day) {
    v1::IngestArticleRequest request;
    request.mutable_article()->set_body("article " + std::to_string(day));
    *request.add_meetings() =
        M("kind: MEETING_KIND_BILATERAL start_date { year: 2024 month: 5 "
          "day: " +
          std::to_string(day) + " } countries: \"US\" countries: \"CN\"");
    grpc::ClientContext context;
    v1::IngestArticleResponse response;
    ASSERT_TRUE(ingest->IngestArticle(&context, request, &response).ok());
  }
  auto list = [&](const std::string& token, v1::ListMeetingsResponse* response) {
    grpc::ClientContext context;
    v1::ListMeetingsRequest request;
    request.set_page_size(1);
    request.set_page_token(token);
    return meetings->ListMeetings(&context, request, response);
  };
  v1::ListMeetingsResponse first;
  ASSERT_TRUE(list("", &first).ok());
  ASSERT_FALSE(first.next_page_token().empty());
  clock.Advance(absl::Minutes(4));  // Within the 5-minute idle limit.
  v1::ListMeetingsResponse second;
  ASSERT_TRUE(list(first.next_page_token(), &second).ok());
  ASSERT_FALSE(second.next_page_token().empty());
  clock.Advance(absl::Minutes(6));  // Idle past it.
  v1::ListMeetingsResponse third;
  const grpc::Status expired = list(second.next_page_token(), &third);
  EXPECT_EQ(expired.error_code(), grpc::StatusCode::OUT_OF_RANGE);
  EXPECT_THAT(expired.error_message(), HasSubstr("start the listing again"));
  EXPECT_THAT(expired.error_message(), HasSubstr("--list_snapshot_idle"));
}

TEST(AdminTest, CheckpointIsARestorableBackup) {
  testing_util::ScopedTempDir backups;
  ServerOptions options = ServerHarness::DefaultOptions();
  options.checkpoint_dir = backups.path();
  ServerHarness harness(options);
  auto channel = harness.NewChannel();
  auto ingest = v1::IngestService::NewStub(channel);
  {
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    request.mutable_article()->set_body("Backed-up body.");
    request.add_meetings()->add_countries("FR");
    v1::IngestArticleResponse response;
    ASSERT_TRUE(ingest->IngestArticle(&context, request, &response).ok());
  }
  auto admin = v1::AdminService::NewStub(channel);
  auto checkpoint = [&](const std::string& name) {
    grpc::ClientContext context;
    v1::CreateCheckpointRequest request;
    request.set_name(name);
    v1::CreateCheckpointResponse response;
    return admin->CreateCheckpoint(&context, request, &response);
  };
  ASSERT_TRUE(checkpoint("nightly-1").ok());
  EXPECT_EQ(checkpoint("nightly-1").error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(checkpoint("../escape").error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(checkpoint("").error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  // Restore: a server started on the checkpoint has the data.
  StoreOptions restored;
  restored.path = backups.Sub("nightly-1");
  auto store = MeetingStore::Open(restored);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ((*store)->revision(), 1u);
  EXPECT_EQ((*store)->meeting_count(), 1u);
}

TEST(SplitPortsTest, WritePathOnlyOnItsOwnPort) {
  ServerOptions options = ServerHarness::DefaultOptions();
  options.ingest_listen = "127.0.0.1:0";
  ServerHarness harness(options);
  ASSERT_NE(harness.server()->ingest_port(), harness.server()->port());
  v1::IngestArticleRequest request;
  request.mutable_article()->set_body("Split ports body.");
  request.add_meetings()->add_countries("FR");
  v1::IngestArticleResponse response;
  {
    auto on_read_port = v1::IngestService::NewStub(harness.NewChannel());
    grpc::ClientContext context;
    EXPECT_EQ(on_read_port->IngestArticle(&context, request, &response).error_code(),
              grpc::StatusCode::UNIMPLEMENTED);
  }
  auto write_channel =
      grpc::CreateChannel(harness.server()->ingest_address(), grpc::InsecureChannelCredentials());
  auto on_write_port = v1::IngestService::NewStub(write_channel);
  grpc::ClientContext context;
  ASSERT_TRUE(on_write_port->IngestArticle(&context, request, &response).ok());
  // Reads stay on the main port.
  auto meetings = v1::MeetingService::NewStub(harness.NewChannel());
  grpc::ClientContext get_context;
  v1::GetMeetingRequest get;
  get.set_id(response.meeting_ids(0));
  v1::Meeting meeting;
  EXPECT_TRUE(meetings->GetMeeting(&get_context, get, &meeting).ok());
  // Health answers on both.
  auto health = grpc::health::v1::Health::NewStub(write_channel);
  grpc::ClientContext health_context;
  grpc::health::v1::HealthCheckRequest health_request;
  grpc::health::v1::HealthCheckResponse health_response;
  ASSERT_TRUE(health->Check(&health_context, health_request, &health_response).ok());
  EXPECT_EQ(health_response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST(AdminTest, CheckpointsAreOffWithoutADir) {
  ServerHarness harness;
  auto admin = v1::AdminService::NewStub(harness.NewChannel());
  grpc::ClientContext context;
  v1::CreateCheckpointRequest request;
  request.set_name("x");
  v1::CreateCheckpointResponse response;
  EXPECT_EQ(admin->CreateCheckpoint(&context, request, &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

}  // namespace
}  // namespace parley
