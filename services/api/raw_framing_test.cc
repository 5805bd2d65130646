#include "services/api/raw_framing.h"

#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"
#include "parley/v1/meeting_service.pb.h"

namespace parley::raw_framing {
namespace {

v1::Meeting Meeting(const std::string& id, const std::string& title) {
  v1::Meeting m;
  m.set_id(id);
  m.set_title(title);
  m.add_countries("KZ");
  return m;
}

// A record big enough that its length needs a varint of two bytes or more.
v1::Meeting LargeMeeting() {
  v1::Meeting m = Meeting("m-large", std::string(70000, 't'));
  m.add_countries("CN");
  return m;
}

TEST(RawFramingTest, ListMeetingsResponseParsesBackAsTheGeneratedMessage) {
  const std::vector<v1::Meeting> meetings = {Meeting("m-1", "Talks"), LargeMeeting()};
  std::vector<std::string> stored;
  v1::ListMeetingsResponse expected;
  for (const v1::Meeting& m : meetings) {
    stored.push_back(m.SerializeAsString());
    *expected.add_meetings() = m;
  }
  expected.set_next_page_token("token-123");
  expected.set_revision(300);

  const std::string framed = ListMeetingsResponse(stored, "token-123", 300);
  v1::ListMeetingsResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(framed));
  EXPECT_EQ(parsed.SerializeAsString(), expected.SerializeAsString());
  // Byte for byte what the generated class writes: same fields, same order.
  EXPECT_EQ(framed, expected.SerializeAsString());
}

TEST(RawFramingTest, EmptyTokenAndZeroRevisionAreOmitted) {
  const std::string framed = ListMeetingsResponse({}, "", 0);
  EXPECT_TRUE(framed.empty());
  v1::ListMeetingsResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(framed));
  EXPECT_EQ(parsed.meetings_size(), 0);
}

TEST(RawFramingTest, WatchResponseEventsAndTailParseBack) {
  const v1::Meeting small = Meeting("m-1", "Talks");
  const v1::Meeting large = LargeMeeting();
  std::string framed;
  size_t predicted = 0;
  for (const auto& [type, revision, meeting] :
       {std::tuple{v1::EVENT_TYPE_CREATED, uint64_t{7}, &small},
        std::tuple{v1::EVENT_TYPE_UPDATED, uint64_t{1} << 40, &large}}) {
    const std::string bytes = meeting->SerializeAsString();
    const size_t before = framed.size();
    AppendEvent(&framed, type, revision, bytes);
    EXPECT_EQ(framed.size() - before, FramedEventSize(type, revision, bytes.size()));
    predicted += FramedEventSize(type, revision, bytes.size());
  }
  EXPECT_EQ(framed.size(), predicted);
  AppendWatchTail(&framed, 1099511627776, 3, /*watch_id=*/9, /*fragment=*/true);

  v1::WatchMeetingsResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(framed));
  ASSERT_EQ(parsed.events_size(), 2);
  EXPECT_EQ(parsed.events(0).type(), v1::EVENT_TYPE_CREATED);
  EXPECT_EQ(parsed.events(0).revision(), 7u);
  EXPECT_EQ(parsed.events(0).meeting().SerializeAsString(), small.SerializeAsString());
  EXPECT_EQ(parsed.events(1).type(), v1::EVENT_TYPE_UPDATED);
  EXPECT_EQ(parsed.events(1).revision(), uint64_t{1} << 40);
  EXPECT_EQ(parsed.events(1).meeting().SerializeAsString(), large.SerializeAsString());
  EXPECT_EQ(parsed.revision(), 1099511627776u);
  EXPECT_EQ(parsed.oldest_revision(), 3u);
  EXPECT_EQ(parsed.watch_id(), 9u);
  EXPECT_TRUE(parsed.fragment());
}

TEST(RawFramingTest, HeaderAndProgressResponsesParseBack) {
  std::string header;
  AppendWatchTail(&header, 41, 2, /*watch_id=*/5);
  v1::WatchMeetingsResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(header));
  v1::WatchMeetingsResponse expected;
  expected.set_revision(41);
  expected.set_oldest_revision(2);
  expected.set_watch_id(5);
  EXPECT_EQ(header, expected.SerializeAsString());

  std::string progress;
  AppendWatchTail(&progress, 0, 0);
  EXPECT_TRUE(progress.empty());
}

TEST(RawFramingTest, FieldSizesMatchTheBytesAppended) {
  for (uint64_t value : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{1} << 35}) {
    std::string out;
    AppendVarintField(&out, 3, value);
    EXPECT_EQ(out.size(), VarintFieldSize(3, value)) << value;
  }
  for (size_t bytes : {size_t{0}, size_t{127}, size_t{128}, size_t{20000}}) {
    std::string out;
    AppendBytesField(&out, 20, std::string(bytes, 'x'));  // Field 20: a two-byte tag.
    EXPECT_EQ(out.size(), BytesFieldSize(20, bytes)) << bytes;
  }
}

}  // namespace
}  // namespace parley::raw_framing
