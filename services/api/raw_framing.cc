#include "services/api/raw_framing.h"

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "parley/v1/meeting_service.pb.h"

namespace parley::raw_framing {
namespace {

using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedOutputStream;

uint32_t Tag(int field, WireFormatLite::WireType type) {
  return WireFormatLite::MakeTag(field, type);
}

void AppendVarint(std::string* out, uint64_t value) {
  uint8_t buffer[10];
  const uint8_t* end = CodedOutputStream::WriteVarint64ToArray(value, buffer);
  out->append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(end - buffer));
}

size_t EventBodySize(v1::EventType type, uint64_t revision, size_t meeting_bytes) {
  return VarintFieldSize(v1::MeetingEvent::kTypeFieldNumber, static_cast<uint64_t>(type)) +
         VarintFieldSize(v1::MeetingEvent::kRevisionFieldNumber, revision) +
         BytesFieldSize(v1::MeetingEvent::kMeetingFieldNumber, meeting_bytes);
}

}  // namespace

size_t VarintFieldSize(int field, uint64_t value) {
  return CodedOutputStream::VarintSize32(Tag(field, WireFormatLite::WIRETYPE_VARINT)) +
         CodedOutputStream::VarintSize64(value);
}

size_t BytesFieldSize(int field, size_t bytes) {
  return CodedOutputStream::VarintSize32(Tag(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED)) +
         CodedOutputStream::VarintSize64(bytes) + bytes;
}

void AppendVarintField(std::string* out, int field, uint64_t value) {
  AppendVarint(out, Tag(field, WireFormatLite::WIRETYPE_VARINT));
  AppendVarint(out, value);
}

void AppendBytesHeader(std::string* out, int field, size_t bytes) {
  AppendVarint(out, Tag(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
  AppendVarint(out, bytes);
}

void AppendBytesField(std::string* out, int field, absl::string_view bytes) {
  AppendBytesHeader(out, field, bytes.size());
  out->append(bytes.data(), bytes.size());
}

std::string ListMeetingsResponse(const std::vector<std::string>& meetings,
                                 absl::string_view next_page_token, uint64_t revision) {
  std::string out;
  for (const std::string& meeting : meetings) {
    AppendBytesField(&out, v1::ListMeetingsResponse::kMeetingsFieldNumber, meeting);
  }
  if (!next_page_token.empty()) {
    AppendBytesField(&out, v1::ListMeetingsResponse::kNextPageTokenFieldNumber, next_page_token);
  }
  if (revision != 0) {
    AppendVarintField(&out, v1::ListMeetingsResponse::kRevisionFieldNumber, revision);
  }
  return out;
}

size_t FramedEventSize(v1::EventType type, uint64_t revision, size_t meeting_bytes) {
  return BytesFieldSize(v1::WatchMeetingsResponse::kEventsFieldNumber,
                        EventBodySize(type, revision, meeting_bytes));
}

void AppendEvent(std::string* out, v1::EventType type, uint64_t revision,
                 absl::string_view meeting) {
  AppendBytesHeader(out, v1::WatchMeetingsResponse::kEventsFieldNumber,
                    EventBodySize(type, revision, meeting.size()));
  AppendVarintField(out, v1::MeetingEvent::kTypeFieldNumber, static_cast<uint64_t>(type));
  AppendVarintField(out, v1::MeetingEvent::kRevisionFieldNumber, revision);
  AppendBytesField(out, v1::MeetingEvent::kMeetingFieldNumber, meeting);
}

void AppendWatchTail(std::string* out, uint64_t revision, uint64_t oldest_revision,
                     uint64_t watch_id, bool fragment) {
  if (revision != 0) {
    AppendVarintField(out, v1::WatchMeetingsResponse::kRevisionFieldNumber, revision);
  }
  if (oldest_revision != 0) {
    AppendVarintField(out, v1::WatchMeetingsResponse::kOldestRevisionFieldNumber, oldest_revision);
  }
  if (watch_id != 0) {
    AppendVarintField(out, v1::WatchMeetingsResponse::kWatchIdFieldNumber, watch_id);
  }
  if (fragment) {
    AppendVarintField(out, v1::WatchMeetingsResponse::kFragmentFieldNumber, 1);
  }
}

}  // namespace parley::raw_framing
