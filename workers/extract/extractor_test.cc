// Table-driven over tests/data/extract/*.txt: each article (written for these tests, one per
// phenomenon) has the meetings it must yield in NAME.textproto, as a parley.v1.ExtractResult
// holding only the fields that matter. Comparison is partial: fields the fixture leaves unset
// are not checked, repeated fields compare as sets.

#include "workers/extract/extractor.h"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/testing_util/article_fixture.h"
#include "tests/testing_util/meeting_matchers.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley::extract {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::SourceDir;
using ::testing::AnyOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "# published: YYYY-MM-DD" (optional), then the title line, then the body.
v1::Article LoadFixture(const std::string& path) {
  std::string text = ReadFile(path);
  v1::Article article;
  if (absl::StartsWith(text, "# published: ")) {
    const size_t nl = text.find('\n');
    absl::CivilDay day;
    EXPECT_TRUE(absl::ParseCivilTime(text.substr(13, nl - 13), &day)) << path;
    article.mutable_published_at()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(day, absl::UTCTimeZone())));
    text = text.substr(nl + 1);
  }
  const size_t nl = text.find('\n');
  article.set_title(text.substr(0, nl));
  article.set_body(std::string(absl::StripAsciiWhitespace(text.substr(nl + 1))));
  return article;
}

class ExtractorFixtureTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Default();
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static Extractor* extractor_;
};
Extractor* ExtractorFixtureTest::extractor_ = nullptr;

std::vector<std::string> Fixtures() {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(SourceDir() + "/tests/data/extract")) {
    if (entry.path().extension() == ".txt") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Exact: the number of meetings, and every field the fixture lists with nothing extra
// (tests/testing_util/meeting_matchers.h).
TEST_P(ExtractorFixtureTest, YieldsExpectedMeetings) {
  const std::string base = SourceDir() + "/tests/data/extract/" + GetParam();
  absl::StatusOr<v1::Article> article = testing_util::LoadArticleFixture(base + ".txt");
  ASSERT_TRUE(article.ok()) << article.status();
  absl::StatusOr<v1::ExtractResult> expected = testing_util::LoadExtractResult(base + ".textproto");
  ASSERT_TRUE(expected.ok()) << expected.status();
  absl::StatusOr<std::vector<v1::Meeting>> meetings = extractor_->Extract(*article);
  ASSERT_TRUE(meetings.ok()) << meetings.status();
  EXPECT_TRUE(testing_util::MeetingsMatch(*expected, *meetings)) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ExtractorFixtureTest, ::testing::ValuesIn(Fixtures()));

class ExtractorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto extractor = Extractor::Default();
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
  }
  std::unique_ptr<Extractor> extractor_;
};

TEST_F(ExtractorTest, RejectsEmptyOversizedAndInvalidBodies) {
  v1::Article article;
  article.set_title("t");
  article.set_body("   \n ");
  EXPECT_EQ(extractor_->Extract(article).status().code(), absl::StatusCode::kInvalidArgument);
  article.set_body("bad \xff\xfe bytes");
  EXPECT_EQ(extractor_->Extract(article).status().code(), absl::StatusCode::kInvalidArgument);
  absl::StatusOr<std::shared_ptr<const Dictionaries>> dict =
      Dictionaries::Load(EmbeddedDictionaryFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  Extractor small(*std::move(dict), ExtractorOptions{16, 12});
  article.set_body(std::string(100, 'a'));
  EXPECT_EQ(small.Extract(article).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ExtractorTest, EvidenceSpansPointIntoTheBody) {
  v1::Article article = LoadFixture(SourceDir() + "/tests/data/extract/weekday_relative.txt");
  absl::StatusOr<std::vector<v1::Meeting>> meetings = extractor_->Extract(article);
  ASSERT_TRUE(meetings.ok());
  ASSERT_FALSE(meetings->empty());
  bool saw_venue = false;
  for (const v1::Evidence& e : (*meetings)[0].evidence()) {
    ASSERT_LE(e.end(), article.body().size());
    ASSERT_LT(e.begin(), e.end());
    const std::string span = article.body().substr(e.begin(), e.end() - e.begin());
    // The fields docs/extraction.md says carry evidence, and no other.
    EXPECT_THAT(e.field(), AnyOf("people", "countries", "venue", "start_date", "documents"));
    if (e.field() == "venue") {
      EXPECT_EQ(span, "Lisbon");
      saw_venue = true;
    }
    if (e.field() == "people") {
      EXPECT_EQ(span, e.value());
    }
  }
  EXPECT_TRUE(saw_venue);
}

// The country evidence docs/extraction.md describes: the body's word that names each country,
// except for a country named first in the headline, which is not part of the body.
std::set<std::string> CountrySpans(const v1::Article& article, const v1::Meeting& meeting) {
  std::set<std::string> spans;
  for (const v1::Evidence& e : meeting.evidence()) {
    if (e.field() == "countries") {
      spans.insert(e.value() + "=" + article.body().substr(e.begin(), e.end() - e.begin()));
    }
  }
  return spans;
}

TEST_F(ExtractorTest, CountryEvidenceIsTheBodysFirstMentionUnlessTheHeadlineNamedIt) {
  v1::Article article = LoadFixture(SourceDir() + "/tests/data/extract/weekday_relative.txt");
  ASSERT_EQ(article.title(), "Portugal and Morocco sign water agreement");
  absl::StatusOr<std::vector<v1::Meeting>> meetings = extractor_->Extract(article);
  ASSERT_TRUE(meetings.ok());
  ASSERT_FALSE(meetings->empty());
  EXPECT_THAT((*meetings)[0].countries(), ElementsAre("MA", "PT"));
  EXPECT_THAT(CountrySpans(article, (*meetings)[0]), IsEmpty());

  article.set_title("Water agreement signed");
  meetings = extractor_->Extract(article);
  ASSERT_TRUE(meetings.ok());
  ASSERT_FALSE(meetings->empty());
  EXPECT_THAT((*meetings)[0].countries(), ElementsAre("MA", "PT"));
  EXPECT_THAT(CountrySpans(article, (*meetings)[0]), ElementsAre("MA=Moroccan", "PT=Portuguese"));
}

TEST_F(ExtractorTest, SeedArticleMatchesItsRecord) {
  v1::Article article;
  const std::string text =
      ReadFile(SourceDir() + "/examples/articles/almaty-foreign-ministers-2025-04-26.txt");
  const size_t nl = text.find('\n');
  article.set_title(text.substr(0, nl));
  article.set_body(text.substr(nl + 1));
  absl::StatusOr<std::vector<v1::Meeting>> meetings = extractor_->Extract(article);
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->size(), 2u);
  const v1::Meeting& main = (*meetings)[0];
  EXPECT_THAT(main.tags(), ::testing::UnorderedElementsAre("general-news", "policy-and-legislation",
                                                           "war-and-conflicts"));
  ASSERT_EQ(main.sources_size(), 1);
  EXPECT_EQ(main.sources(0).attributed_to(), "Liter.kz citing the MFA of Kazakhstan");
  EXPECT_FALSE(main.statements().empty());
  EXPECT_EQ((*meetings)[1].status(), v1::MEETING_STATUS_SCHEDULED);
  EXPECT_EQ((*meetings)[1].kind(), v1::MEETING_KIND_SUMMIT);
}

}  // namespace
}  // namespace parley::extract
