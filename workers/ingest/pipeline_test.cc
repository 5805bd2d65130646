// The worker's decode + extract pipeline on the real extractor and dictionaries: what each input
// becomes (results per article, failures with their source), the --published default, the
// request sent to the service and the `extract` JSON line.

#include "workers/ingest/pipeline.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "workers/extract/extractor.h"

namespace parley {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr absl::string_view kReport =
    "French and German ministers hold talks\n"
    "French Foreign Minister Anna Novak met her German counterpart Jonas Tanaka in Paris on "
    "March 3, 2024. They discussed trade and energy cooperation.\n";

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<extract::Extractor>> extractor = extract::Extractor::Default();
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    pipeline_ = new Pipeline(*std::move(extractor));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  static const Pipeline* pipeline_;
};

const Pipeline* PipelineTest::pipeline_ = nullptr;

TEST_F(PipelineTest, ATextReportBecomesOneArticleWithItsIdAndMeetings) {
  const std::vector<PipelineResult> results = pipeline_->Process(kReport, "talks.txt");
  ASSERT_EQ(results.size(), 1u);
  const PipelineResult& result = results[0];
  ASSERT_TRUE(result.status.ok()) << result.status;
  EXPECT_EQ(result.source, "talks.txt");
  EXPECT_EQ(result.article.title(), "French and German ministers hold talks");
  EXPECT_EQ(result.article.id().substr(0, 2), "a-");
  ASSERT_FALSE(result.meetings.empty());
  EXPECT_EQ(result.meetings[0].venue().city(), "Paris");
  EXPECT_EQ(result.meetings[0].start_date().year(), 2024);
}

TEST_F(PipelineTest, TheSameInputGivesTheSameArticleIdAndMeetings) {
  const std::vector<PipelineResult> a = pipeline_->Process(kReport, "a.txt");
  const std::vector<PipelineResult> b = pipeline_->Process(kReport, "b.txt");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].article.id(), b[0].article.id());
  ASSERT_EQ(a[0].meetings.size(), b[0].meetings.size());
  for (size_t i = 0; i < a[0].meetings.size(); ++i) {
    EXPECT_EQ(a[0].meetings[i].SerializeAsString(), b[0].meetings[i].SerializeAsString()) << i;
  }
}

TEST_F(PipelineTest, AnUndecodableInputIsOneFailureNamingTheInput) {
  const std::vector<PipelineResult> results = pipeline_->Process(absl::string_view("\x7f"
                                                                                   "ELF\0\0\0\x01",
                                                                                   8),
                                                                 "binary.txt");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].source, "binary.txt");
  EXPECT_EQ(results[0].status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(results[0].status.message()), HasSubstr("binary"));
  EXPECT_TRUE(results[0].meetings.empty());
}

TEST_F(PipelineTest, JsonLinesGiveOneResultPerLineAndABadLineFailsAlone) {
  const std::string feed = absl::StrCat(
      R"({"title": "French and German ministers hold talks", "body": ")",
      "French Foreign Minister Anna Novak met her German counterpart Jonas Tanaka in Paris on "
      "March 3, 2024.",
      "\"}\n{broken\n");
  const std::vector<PipelineResult> results = pipeline_->Process(feed, "feed.jsonl");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0].status.ok()) << results[0].status;
  EXPECT_EQ(results[0].source, "feed.jsonl:1");
  EXPECT_EQ(results[1].source, "feed.jsonl:2");
  EXPECT_EQ(results[1].status.code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(PipelineTest, PublishedFillsOnlyAMissingPublicationDate) {
  const absl::CivilDay day(2024, 3, 1);
  const int64_t day_seconds = absl::ToUnixSeconds(absl::FromCivil(day, absl::UTCTimeZone()));

  const std::vector<PipelineResult> undated = pipeline_->Process(kReport, "a.txt", day);
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].article.published_at().seconds(), day_seconds);

  const std::vector<PipelineResult> dated = pipeline_->Process(
      R"({"title": "T", "body": "Ministers met in Paris.", "published_at": "2025-04-26T00:00:00Z"})",
      "a.json", day);
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].article.published_at().seconds(), 1745625600);

  const std::vector<PipelineResult> none = pipeline_->Process(kReport, "a.txt");
  EXPECT_EQ(none[0].article.published_at().seconds(), 0);
}

TEST_F(PipelineTest, ProcessArticleSetsTheContentIdWhateverIdItCameWith) {
  v1::Article article;
  article.set_title("French and German ministers hold talks");
  article.set_body("French Foreign Minister Anna Novak met her German counterpart in Paris.");
  const PipelineResult fresh = pipeline_->ProcessArticle(article, "fresh");
  article.set_id("a-stale");
  const PipelineResult stale = pipeline_->ProcessArticle(article, "stored");
  ASSERT_TRUE(fresh.status.ok()) << fresh.status;
  EXPECT_EQ(fresh.article.id(), stale.article.id());
  EXPECT_NE(stale.article.id(), "a-stale");
  EXPECT_EQ(stale.source, "stored");
}

TEST_F(PipelineTest, AnArticleTheExtractorRefusesKeepsTheArticleAndTheReason) {
  v1::Article article;
  article.set_title("Empty");
  const PipelineResult result = pipeline_->ProcessArticle(article, "empty");
  EXPECT_EQ(result.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(result.article.title(), "Empty");
  EXPECT_TRUE(result.meetings.empty());
}

TEST_F(PipelineTest, IngestRequestCarriesTheArticleTheMeetingsAndTheVersion) {
  const std::vector<PipelineResult> results = pipeline_->Process(kReport, "a.txt");
  ASSERT_EQ(results.size(), 1u);
  const v1::IngestArticleRequest request = IngestRequestFor(results[0], "x-7");
  EXPECT_EQ(request.article().SerializeAsString(), results[0].article.SerializeAsString());
  ASSERT_EQ(request.meetings_size(), static_cast<int>(results[0].meetings.size()));
  for (int i = 0; i < request.meetings_size(); ++i) {
    EXPECT_EQ(request.meetings(i).SerializeAsString(), results[0].meetings[i].SerializeAsString());
  }
  EXPECT_EQ(request.extractor_version(), "x-7");
}

TEST_F(PipelineTest, ExtractResultJsonKeepsProtoFieldNamesAndNamesTheErrorCode) {
  const std::vector<PipelineResult> ok = pipeline_->Process(kReport, "a.txt");
  ASSERT_EQ(ok.size(), 1u);
  const std::string good = ToExtractResultJson(ok[0]);
  EXPECT_THAT(good, HasSubstr(R"("source":"a.txt")"));
  EXPECT_THAT(good, HasSubstr(R"("article":{)"));
  EXPECT_THAT(good, HasSubstr(R"("meetings":[{)"));
  EXPECT_THAT(good, HasSubstr(R"("start_date":)"));  // Not "startDate".
  EXPECT_THAT(good, Not(HasSubstr(R"("error")")));
  EXPECT_EQ(good.find('\n'), std::string::npos);  // One line.

  const std::vector<PipelineResult> bad = pipeline_->Process("", "empty.txt");
  ASSERT_EQ(bad.size(), 1u);
  const std::string failed = ToExtractResultJson(bad[0]);
  EXPECT_THAT(failed, HasSubstr(R"("code":"INVALID_ARGUMENT")"));
  EXPECT_THAT(failed, Not(HasSubstr(R"("article")")));  // Nothing was decoded.
}

TEST_F(PipelineTest, CodeNameIsTheCanonicalUpperCaseName) {
  EXPECT_EQ(CodeName(absl::StatusCode::kInvalidArgument), "INVALID_ARGUMENT");
  EXPECT_EQ(CodeName(absl::StatusCode::kNotFound), "NOT_FOUND");
  EXPECT_EQ(CodeName(absl::StatusCode::kOk), "OK");
}

TEST_F(PipelineTest, ExplainHasOneSectionPerArticle) {
  const std::string explained =
      pipeline_->Explain("{\"title\":\"A\",\"body\":\"Ministers met.\"}\n{broken\n", "f.jsonl");
  EXPECT_THAT(explained, HasSubstr("== f.jsonl:1\n"));
  EXPECT_THAT(explained, HasSubstr("== f.jsonl:2\n"));
  EXPECT_THAT(explained, HasSubstr("INVALID_ARGUMENT"));
}

}  // namespace
}  // namespace parley
