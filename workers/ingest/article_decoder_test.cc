#include "workers/ingest/article_decoder.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::testing::HasSubstr;

std::string ErrorOf(absl::string_view bytes, absl::string_view name,
                    const DecodeOptions& options = {}) {
  absl::StatusOr<std::vector<DecodedArticle>> decoded = DecodeArticles(bytes, name, options);
  if (!decoded.ok()) {
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(decoded.status().message());
  }
  EXPECT_EQ(decoded->size(), 1u);
  EXPECT_FALSE((*decoded)[0].article.ok());
  EXPECT_EQ((*decoded)[0].article.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string((*decoded)[0].article.status().message());
}

TEST(ArticleDecoderTest, PlainTextFirstLineIsTheTitle) {
  auto decoded = DecodeArticles("Ministers meet\n\nThey met in Geneva.\nSecond line.\n", "a.txt");
  ASSERT_TRUE(decoded.ok());
  ASSERT_TRUE((*decoded)[0].article.ok());
  const v1::Article& article = *(*decoded)[0].article;
  EXPECT_EQ(article.title(), "Ministers meet");
  EXPECT_EQ(article.body(), "They met in Geneva.\nSecond line.");
  EXPECT_EQ(article.id().substr(0, 2), "a-");
}

TEST(ArticleDecoderTest, JsonEnvelope) {
  auto decoded = DecodeArticles(
      R"({"title": "T", "body": "B text", "url": "https://x.org/1", "published_at":
          "2025-04-26T00:00:00Z", "outlet": "Liter.kz", "tags": ["diplomacy"], "extra": 1})",
      "a.json");
  ASSERT_TRUE(decoded.ok());
  ASSERT_TRUE((*decoded)[0].article.ok()) << (*decoded)[0].article.status();
  const v1::Article& article = *(*decoded)[0].article;
  EXPECT_EQ(article.outlet(), "Liter.kz");
  EXPECT_EQ(article.published_at().seconds(), 1745625600);
  EXPECT_EQ(article.tags(0), "diplomacy");
}

TEST(ArticleDecoderTest, JsonLinesKeepsGoodLinesAndNamesBadOnes) {
  auto decoded = DecodeArticles(
      "{\"title\":\"A\",\"body\":\"one\"}\n\n{not json}\n"
      "{\"title\":\"C\",\"body\":\"\"}\n",
      "feed.jsonl");
  ASSERT_TRUE(decoded.ok());
  ASSERT_EQ(decoded->size(), 3u);
  EXPECT_TRUE((*decoded)[0].article.ok());
  EXPECT_EQ((*decoded)[1].source, "feed.jsonl:3");
  EXPECT_THAT(std::string((*decoded)[1].article.status().message()), HasSubstr("malformed JSON"));
  EXPECT_THAT(std::string((*decoded)[2].article.status().message()), HasSubstr("body is empty"));
}

TEST(ArticleDecoderTest, HtmlTitleMainTextAndDate) {
  const char* html = R"(<!doctype html><html><head><title>Leaders meet in Rome</title>
      <meta property="article:published_time" content="2024-06-14T08:00:00Z">
      <script>var x = "not text";</script></head>
      <body><nav>Home | World</nav><article><h1>Leaders meet in Rome</h1>
      <p>The Italian and French presidents met in <b>Rome</b> on Friday.</p>
      <p>They signed a joint declaration.</p></article><footer>Copyright</footer></body></html>)";
  auto decoded = DecodeArticles(html, "page.html");
  ASSERT_TRUE(decoded.ok());
  ASSERT_TRUE((*decoded)[0].article.ok()) << (*decoded)[0].article.status();
  const v1::Article& article = *(*decoded)[0].article;
  EXPECT_EQ(article.title(), "Leaders meet in Rome");
  EXPECT_EQ(article.body(),
            "The Italian and French presidents met in Rome on Friday.\n\n"
            "They signed a joint declaration.");
  EXPECT_EQ(article.published_at().seconds(), 1718352000);
}

TEST(ArticleDecoderTest, HtmlTimeElementGivesTheDate) {
  auto decoded = DecodeArticles(
      "<html><body><time datetime=\"2023-11-09\">9 Nov</time><p>Talks held.</p></body></html>",
      "x.htm");
  ASSERT_TRUE(decoded.ok());
  ASSERT_TRUE((*decoded)[0].article.ok());
  EXPECT_EQ((*decoded)[0].article->published_at().seconds(), 1699488000);
}

TEST(ArticleDecoderTest, BadInputsGetPreciseErrors) {
  EXPECT_THAT(ErrorOf("", "e.txt"), HasSubstr("input is empty"));
  EXPECT_THAT(ErrorOf(" \n\t ", "e.txt"), HasSubstr("input is empty"));
  EXPECT_THAT(ErrorOf(std::string("PK\x03\x04\0\0binary", 12), "x.zip"), HasSubstr("binary"));
  EXPECT_THAT(ErrorOf("Title\nbad \xC3\x28 bytes", "x.txt"), HasSubstr("not valid UTF-8"));
  EXPECT_THAT(ErrorOf("{\"title\": \"T\", \"body\": ", "x.json"), HasSubstr("malformed JSON"));
  EXPECT_THAT(ErrorOf("{\"title\": \"T\"}", "x.json"), HasSubstr("body is empty"));
  EXPECT_THAT(ErrorOf("<html><head><title>T</title></head></html>", "x.html"),
              HasSubstr("no <body>"));
  EXPECT_THAT(ErrorOf("<html><body><script>x()</script></body></html>", "x.html"),
              HasSubstr("no text"));
  EXPECT_THAT(ErrorOf("Only a title line", "x.txt"), HasSubstr("body is empty"));
}

TEST(ArticleDecoderTest, OversizedInputIsRejectedBeforeParsing) {
  const std::string big(50 << 20, 'a');  // 50 MB.
  EXPECT_THAT(ErrorOf(big, "big.txt"), HasSubstr("the limit is 8388608"));
  DecodeOptions small;
  small.max_input_bytes = 10;
  EXPECT_THAT(ErrorOf("Title\nmore than ten bytes", "x.txt", small), HasSubstr("the limit is 10"));
}

TEST(ArticleDecoderTest, FormatDetection) {
  EXPECT_EQ(DetectFormat("a.JSON", ""), InputFormat::kJson);
  EXPECT_EQ(DetectFormat("a.ndjson", ""), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("noext", "  {\"a\":1}\n{\"b\":2}"), InputFormat::kJsonLines);
  EXPECT_EQ(DetectFormat("noext", "{\"a\":1}"), InputFormat::kJson);
  EXPECT_EQ(DetectFormat("noext", "<!doctype html>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("noext", "Title\nBody"), InputFormat::kText);
}

TEST(ArticleDecoderTest, SameTextSameIdWhateverTheEnvelope) {
  auto text = DecodeArticles("Same title\nSame body.", "a.txt");
  auto json =
      DecodeArticles(R"({"title": "Same title", "body": "Same body.", "url": "u"})", "a.json");
  ASSERT_TRUE(text.ok() && json.ok());
  EXPECT_EQ((*text)[0].article->id(), (*json)[0].article->id());
}

}  // namespace
}  // namespace parley
