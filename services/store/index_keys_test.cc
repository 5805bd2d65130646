// The key layout of the `index` column family: prefixes, the newest-first sort suffix, every key
// of a meeting, and the big-endian counters. The listing reads these keys back by prefix and in
// byte order, so these tests pin the bytes and the order, not just a round trip.

#include "services/store/index_keys.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::UnorderedElementsAreArray;

v1::Meeting Dated(absl::string_view id, int year, int month, int day) {
  v1::Meeting m;
  m.set_id(static_cast<std::string>(id));
  m.mutable_start_date()->set_year(year);
  m.mutable_start_date()->set_month(month);
  m.mutable_start_date()->set_day(day);
  return m;
}

TEST(IndexKeysTest, PrefixIsTagNulValueNul) {
  EXPECT_EQ(index_keys::Prefix('c', "FR"), std::string("c\0FR\0", 5));
  EXPECT_EQ(index_keys::Prefix('a', ""), std::string("a\0\0", 3));
}

TEST(IndexKeysTest, PrefixOfOneValueIsNoPrefixOfALongerValue) {
  // "FR" must not select "FRA": the NUL after the value ends it.
  const std::string fr = index_keys::Prefix('y', "par");
  const std::string longer = index_keys::Prefix('y', "paris");
  EXPECT_NE(longer.compare(0, fr.size(), fr), 0);
}

TEST(IndexKeysTest, DatePartIsEightDigitsInvertedSoNewerSortsFirst) {
  EXPECT_EQ(index_keys::DatePart(20250426), "79749573");
  EXPECT_EQ(index_keys::DatePart(0), "99999999");  // Undated.
  EXPECT_LT(index_keys::DatePart(20250427), index_keys::DatePart(20250426));
  EXPECT_LT(index_keys::DatePart(20250426), index_keys::DatePart(20241231));
}

TEST(IndexKeysTest, SortSuffixIsDatePartThenInvertedSequence) {
  const std::string suffix = index_keys::SortSuffix(Dated("m-000000000042", 2025, 4, 26));
  ASSERT_EQ(suffix.size(), index_keys::kSuffixSize);
  EXPECT_EQ(suffix,
            "79749573"
            "999999999957");
}

TEST(IndexKeysTest, SortSuffixOrdersNewestFirstThenLaterIdsFirstThenUndatedLast) {
  std::vector<v1::Meeting> meetings = {
      Dated("m-000000000001", 2024, 1, 5),   // Oldest.
      Dated("m-000000000002", 2025, 4, 26),  // Newest, earlier id.
      Dated("m-000000000003", 2025, 4, 26),  // Newest, later id: first.
      Dated("m-000000000004", 0, 0, 0),      // Undated: last.
      Dated("m-000000000005", 2025, 4, 0),   // Day unknown: key 20250400, before the 26th.
  };
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(meetings.size());
  for (const v1::Meeting& m : meetings) {
    keyed.emplace_back(index_keys::SortSuffix(m), m.id());
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> order;
  order.reserve(keyed.size());
  for (const auto& [suffix, id] : keyed) {
    order.push_back(id);
  }
  EXPECT_THAT(order, ElementsAre("m-000000000003", "m-000000000002", "m-000000000005",
                                 "m-000000000001", "m-000000000004"));
}

TEST(IndexKeysTest, AnIdWithoutASequenceSortsAsSequenceZero) {
  EXPECT_EQ(index_keys::SortSuffix(Dated("not-an-id", 2025, 4, 26)),
            "79749573"
            "999999999999");
}

TEST(IndexKeysTest, AllKeysHasOneKeyPerFilterValueEachWithTheSortSuffix) {
  v1::Meeting m = Dated("m-000000000007", 2025, 4, 26);
  m.add_countries("KZ");
  m.add_countries("CN");
  m.add_people()->set_name("Wang Yi");
  m.add_people()->set_name("Murat Nurtleu");
  m.add_people()->set_name("  ");  // Folds to nothing: no key.
  m.mutable_venue()->set_city("Almaty");
  m.set_format("C5+1");
  m.set_kind(v1::MEETING_KIND_MINISTERIAL);
  m.set_status(v1::MEETING_STATUS_HELD);
  m.add_topics(v1::TOPIC_TRADE);
  m.add_topics(v1::TOPIC_SECURITY);
  const std::string suffix = index_keys::SortSuffix(m);

  const std::vector<std::string> keys = index_keys::AllKeys(m);
  std::vector<std::string> expected;
  for (const std::string& prefix : {
           index_keys::Prefix('a', ""),
           index_keys::Prefix('c', "CN"),
           index_keys::Prefix('c', "KZ"),
           index_keys::Prefix('p', "wang yi"),
           index_keys::Prefix('p', "yi"),
           index_keys::Prefix('p', "murat nurtleu"),
           index_keys::Prefix('p', "nurtleu"),
           index_keys::Prefix('y', "almaty"),
           index_keys::Prefix('f', "c5 1"),  // Folded.
           index_keys::Prefix('k', absl::StrCat(static_cast<int>(v1::MEETING_KIND_MINISTERIAL))),
           index_keys::Prefix('s', absl::StrCat(static_cast<int>(v1::MEETING_STATUS_HELD))),
           index_keys::Prefix('t', absl::StrCat(static_cast<int>(v1::TOPIC_TRADE))),
           index_keys::Prefix('t', absl::StrCat(static_cast<int>(v1::TOPIC_SECURITY))),
       }) {
    expected.push_back(prefix + suffix);
  }
  EXPECT_THAT(keys, UnorderedElementsAreArray(expected));
  EXPECT_THAT(keys, Each(EndsWith(suffix)));
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST(IndexKeysTest, AllKeysHasNoDuplicates) {
  v1::Meeting m = Dated("m-000000000008", 2025, 1, 2);
  m.add_countries("FR");
  m.add_countries("FR");
  m.add_people()->set_name("Yi");
  m.add_people()->set_name("Wang Yi");  // Its surname key equals the first person's name key.
  m.add_topics(v1::TOPIC_TRADE);
  m.add_topics(v1::TOPIC_TRADE);
  const std::vector<std::string> keys = index_keys::AllKeys(m);
  std::vector<std::string> unique = keys;
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  EXPECT_EQ(keys.size(), unique.size());
  EXPECT_EQ(std::count(keys.begin(), keys.end(),
                       index_keys::Prefix('p', "yi") + index_keys::SortSuffix(m)),
            1);
}

TEST(IndexKeysTest, AMeetingWithNothingButKindAndStatusHasThreeKeys) {
  const v1::Meeting m = Dated("m-000000000009", 0, 0, 0);
  EXPECT_EQ(index_keys::AllKeys(m).size(), 3u);  // 'a', 'k' and 's' (both UNSPECIFIED).
}

TEST(IndexKeysTest, U64IsEightBytesBigEndianAndRoundTrips) {
  EXPECT_EQ(index_keys::EncodeU64(0x0102030405060708ULL), "\x01\x02\x03\x04\x05\x06\x07\x08");
  for (const uint64_t value :
       {uint64_t{0}, uint64_t{1}, uint64_t{255}, uint64_t{256}, uint64_t{1} << 40, ~uint64_t{0}}) {
    const std::string encoded = index_keys::EncodeU64(value);
    ASSERT_EQ(encoded.size(), 8u);
    EXPECT_EQ(index_keys::DecodeU64(encoded), value);
  }
}

TEST(IndexKeysTest, U64EncodingsSortLikeTheNumbers) {
  // Change-log keys are scanned in byte order: it must be revision order.
  const std::vector<uint64_t> values = {
      0, 1, 255, 256, 65535, 65536, uint64_t{1} << 32, ~uint64_t{0} - 1, ~uint64_t{0}};
  for (size_t i = 1; i < values.size(); ++i) {
    EXPECT_LT(index_keys::EncodeU64(values[i - 1]), index_keys::EncodeU64(values[i])) << i;
  }
}

TEST(IndexKeysTest, DecodeU64OfAShortStringReadsWhatIsThere) {
  EXPECT_EQ(index_keys::DecodeU64(""), 0u);
  EXPECT_EQ(index_keys::DecodeU64(absl::string_view("\x01\x02", 2)), 0x0102u);
}

}  // namespace
}  // namespace parley
