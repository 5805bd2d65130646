#include "services/api/page_token.h"

#include "gtest/gtest.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::StatusIs;

TEST(PageTokenTest, RoundTrip) {
  v1::MeetingFilter filter;
  filter.add_countries("KZ");
  const std::string text = EncodePageToken({42, "7997|key with | bars"}, filter);
  absl::StatusOr<PageToken> token = DecodePageToken(text, filter);
  ASSERT_THAT(token, IsOk());
  EXPECT_EQ(token->revision, 42u);
  EXPECT_EQ(token->after_key, "7997|key with | bars");
}

TEST(PageTokenTest, RejectsGarbageTamperingAndOtherFilters) {
  v1::MeetingFilter filter;
  filter.add_countries("KZ");
  EXPECT_THAT(DecodePageToken("not a token!", filter),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(DecodePageToken("", filter), StatusIs(absl::StatusCode::kInvalidArgument));
  std::string text = EncodePageToken({42, "abc"}, filter);
  text[3] = text[3] == 'A' ? 'B' : 'A';
  EXPECT_THAT(DecodePageToken(text, filter), StatusIs(absl::StatusCode::kInvalidArgument));
  v1::MeetingFilter other;
  other.add_countries("US");
  EXPECT_THAT(DecodePageToken(EncodePageToken({42, "abc"}, filter), other),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parley
