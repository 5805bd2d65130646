#include "workers/extract/text.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) {
    out.push_back(doc.text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(TextTest, NormalisesQuotesDashesSpacesAndCitations) {
  absl::StatusOr<Document> doc = BuildDocument("Title",
                                               "\xE2\x80\x9C"
                                               "Central Asia \xE2\x80\x93 China\xE2\x80\x9D format"
                                               "\xC2\xA0"
                                               "works.[1][12] Next\xE2\x80\x99"
                                               "s one.");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.substr(doc->body_begin),
            "\"Central Asia - China\" format works. Next's one.");
}

TEST(TextTest, OffsetsMapBackToTheOriginalBody) {
  const std::string body = "Caf\xC3\xA9 talks[3] in Z\xC3\xBCrich.";
  absl::StatusOr<Document> doc = BuildDocument("T", body);
  ASSERT_TRUE(doc.ok());
  for (const Token& t : doc->tokens) {
    if (t.fold == "zurich") {
      const int32_t b = doc->body_offset[t.begin];
      EXPECT_EQ(body.substr(b, 7), "Z\xC3\xBCrich");
    }
    if (t.fold == "in") {
      EXPECT_EQ(body.substr(doc->body_offset[t.begin], 2), "in");
    }
  }
  // The headline maps to no body byte.
  EXPECT_EQ(doc->body_offset[0], -1);
}

TEST(TextTest, ComposesToNfc) {
  // "e" + combining acute accent becomes one code point.
  absl::StatusOr<Document> doc = BuildDocument("T", "Tokaye\xCC\x81v met.");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("Tokay\xC3\xA9v"), std::string::npos);
  EXPECT_EQ(doc->tokens[1].fold, "tokayev");
}

TEST(TextTest, SplitsSentencesButNotAbbreviationsOrInitials) {
  absl::StatusOr<Document> doc = BuildDocument(
      "T",
      "Mr. Smith met U.S. officials on Nov. 28 in Washington. George P. Shultz spoke. "
      "It ended.");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(SentenceTexts(*doc),
              ElementsAre("T", "Mr. Smith met U.S. officials on Nov. 28 in Washington.",
                          "George P. Shultz spoke.", "It ended."));
}

TEST(TextTest, WrappedWireLinesJoinAndIndentedLinesStartParagraphs) {
  absl::StatusOr<Document> doc =
      BuildDocument("T",
                    "MOSCOW, March 3 - The minister\nsaid talks went well\n    "
                    "He left\nlater");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(
      SentenceTexts(*doc),
      ElementsAre("T", "MOSCOW, March 3 - The minister\nsaid talks went well", "He left\nlater"));
}

// A short line without closing punctuation followed by a capital is a header (a dateline, a
// byline, a time stamp), not the start of the lead; captions are dropped.
TEST(TextTest, HeaderLinesStandAloneAndCaptionsAreDropped) {
  absl::StatusOr<Document> doc =
      BuildDocument("T",
                    "Jeddah\nPosted March 14, 2025 4:00 am\nThe minister met his counterpart.\n"
                    "Leaders at the table (Photo: Reuters)\nThey signed a treaty.\n"
                    "A file picture of the summit in Kathmandu.\nThey left.\n"
                    "An archive photo shows the leaders in Astana.\nFile image of the talks\n"
                    "They returned.");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(SentenceTexts(*doc),
              ElementsAre("T", "Jeddah", "Posted March 14, 2025 4:00 am",
                          "The minister met his counterpart.", "They signed a treaty.",
                          "They left.", "They returned."));
}

// A line that is only a date stands apart from a long line above it (a second headline
// line) too; a sentence wrapped over two lines that ends with a date does not.
TEST(TextTest, DateLineStandsApartFromTheLineAboveIt) {
  absl::StatusOr<Document> doc = BuildDocument(
      "T",
      "Kazakh President Aidar Seitkali regrettably cancels his trip to Beijing\n12 May 2025\n"
      "The president will not travel.\nThe foreign ministers agreed to meet again on\n"
      "14 May 2025.");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(
      SentenceTexts(*doc),
      ElementsAre("T", "Kazakh President Aidar Seitkali regrettably cancels his trip to Beijing",
                  "12 May 2025", "The president will not travel.",
                  "The foreign ministers agreed to meet again on\n14 May 2025."));
}

TEST(TextTest, BulletsAreSentencesAndRelatedLinksAreDropped) {
  absl::StatusOr<Document> doc = BuildDocument(
      "T",
      "Ministers met.\nFor more details, see: * \"Another meeting\" * \"Other story\"\n"
      "- First point here\n- Second point here");
  ASSERT_TRUE(doc.ok());
  EXPECT_THAT(SentenceTexts(*doc),
              ElementsAre("T", "Ministers met.", "- First point here", "- Second point here"));
  EXPECT_TRUE(doc->sentences[2].bullet);
}

TEST(TextTest, TokensKeepAcronymsPossessivesAndHyphens) {
  absl::StatusOr<Document> doc = BuildDocument("T", "Kazakhstan's U.S. Kassym-Jomart Xi'an.");
  ASSERT_TRUE(doc.ok());
  std::vector<std::string> folds;
  for (const Token& t : doc->tokens) {
    if (t.sentence == 1) {
      folds.push_back(t.fold);
    }
  }
  EXPECT_THAT(folds, ElementsAre("kazakhstan", "'s", "u.s.", "kassym", "-", "jomart", "xian", "."));
}

TEST(TextTest, AllCapsHeadlinesAreMarked) {
  absl::StatusOr<Document> doc = BuildDocument("SHULTZ BEGINS TALKS IN MOSCOW", "Body text.");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->sentences[0].all_caps);
  EXPECT_FALSE(doc->sentences[1].all_caps);
}

TEST(TextTest, RejectsInvalidUtf8AndControlBytes) {
  EXPECT_FALSE(BuildDocument("T", "a\xC3").ok());
  EXPECT_FALSE(BuildDocument("T", std::string("a\0b", 3)).ok());
  EXPECT_FALSE(IsCleanUtf8("\xED\xA0\x80"));  // A UTF-16 surrogate.
  EXPECT_TRUE(IsCleanUtf8("tab\tnew\nline \xE2\x80\x94"));
}

TEST(TextTest, TokenizePhraseMatchesDocumentTokens) {
  EXPECT_THAT(TokenizePhrase("Central Asia-China"), ElementsAre("central", "asia", "-", "china"));
  EXPECT_THAT(TokenizePhrase("C5+1"), ElementsAre("c5", "+", "1"));
}

}  // namespace
}  // namespace parley::extract
