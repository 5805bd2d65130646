#include "services/api/service_limits.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley {
namespace {

using ::testing::HasSubstr;

TEST(ValidateIdTest, AcceptsMintedIds) {
  EXPECT_TRUE(ValidateId("id", "m-000000000001", 128).ok());
  EXPECT_TRUE(ValidateId("id", "a-0123456789abcdef0123456789abcdef", 128).ok());
  EXPECT_TRUE(ValidateId("id", "w_1", 128).ok());
}

TEST(ValidateIdTest, RefusesEmptyLongAndForeignIdsNamingTheField) {
  const absl::Status empty = ValidateId("ids[3]", "", 128);
  EXPECT_EQ(empty.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(empty.message(), "ids[3] must not be empty");

  EXPECT_TRUE(ValidateId("id", std::string(8, 'a'), 8).ok());
  const absl::Status long_id = ValidateId("id", std::string(9, 'a'), 8);
  EXPECT_EQ(long_id.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(long_id.message(), "id is longer than 8 bytes");

  for (const std::string id : {"m 1", "m/1", "m-1\n", "../x", "m\xc3\xa9"}) {
    const absl::Status status = ValidateId("id", id, 128);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << id;
    EXPECT_THAT(std::string(status.message()), HasSubstr("only letters, digits")) << id;
  }
}

TEST(PageSizeTest, ZeroIsTheDefaultAndLargeRequestsAreCapped) {
  ServiceLimits limits;
  limits.default_page_size = 50;
  limits.max_page_size = 500;
  EXPECT_EQ(*PageSize(0, limits), 50);
  EXPECT_EQ(*PageSize(1, limits), 1);
  EXPECT_EQ(*PageSize(500, limits), 500);
  EXPECT_EQ(*PageSize(501, limits), 500);
}

TEST(PageSizeTest, ANegativeSizeIsInvalid) {
  const absl::StatusOr<int> size = PageSize(-1, ServiceLimits());
  EXPECT_EQ(size.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(size.status().message(), "page_size -1 must not be negative");
}

}  // namespace
}  // namespace parley
