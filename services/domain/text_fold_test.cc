#include "services/domain/text_fold.h"

#include "gtest/gtest.h"
#include "services/domain/sha256.h"

namespace parley {
namespace {

TEST(TextFoldTest, LowersAndStripsAccents) {
  EXPECT_EQ(FoldForMatch("Kassym-Jomart TOKAYÉV"), "kassym jomart tokayev");
  EXPECT_EQ(FoldForMatch("  Zürich,\tŁódź "), "zurich lodz");
  EXPECT_EQ(FoldForMatch("Côte d’Ivoire"), "cote divoire");
  EXPECT_EQ(FoldForMatch("Straße"), "strasse");
}

TEST(TextFoldTest, KeepsNonLatinLetters) { EXPECT_EQ(FoldForMatch("Алматы"), "Алматы"); }

TEST(TextFoldTest, SurvivesMalformedUtf8) { EXPECT_EQ(FoldForMatch("a\xff\xfe b"), "a b"); }

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000, 'a'), 4), "41edece4");
}

}  // namespace
}  // namespace parley
