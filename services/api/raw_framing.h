#ifndef PARLEY_SERVICES_API_RAW_FRAMING_H
#define PARLEY_SERVICES_API_RAW_FRAMING_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

namespace parley::raw_framing {

// The protobuf wire format of the responses served from stored bytes (ListMeetings, the watch
// stream), written without building and re-encoding messages. Tags are made by WireFormatLite
// from the generated `k...FieldNumber` constants, varints by CodedOutputStream, so a field
// renumbered in the .proto changes the framing with it. raw_framing_test parses every framing
// back with the generated classes.

// The size of a varint field `field` = `value`, and of a length-delimited one of `bytes` bytes.
size_t VarintFieldSize(int field, uint64_t value);
size_t BytesFieldSize(int field, size_t bytes);

// Appends a varint field, a length-delimited field, or only the tag and length of one (its
// `bytes` bytes follow).
void AppendVarintField(std::string* out, int field, uint64_t value);
void AppendBytesField(std::string* out, int field, absl::string_view bytes);
void AppendBytesHeader(std::string* out, int field, size_t bytes);

// A ListMeetingsResponse: `meetings` (each a stored record's bytes), `next_page_token` (omitted
// when empty), `revision` (omitted when 0).
std::string ListMeetingsResponse(const std::vector<std::string>& meetings,
                                 absl::string_view next_page_token, uint64_t revision);

// One MeetingEvent as an element of WatchMeetingsResponse.events: its framed size, and its
// bytes appended to `out`.
size_t FramedEventSize(v1::EventType type, uint64_t revision, size_t meeting_bytes);
void AppendEvent(std::string* out, v1::EventType type, uint64_t revision,
                 absl::string_view meeting);

// The fields of a WatchMeetingsResponse after its events; each is omitted at its default.
void AppendWatchTail(std::string* out, uint64_t revision, uint64_t oldest_revision,
                     uint64_t watch_id = 0, bool fragment = false);

}  // namespace parley::raw_framing

#endif  // PARLEY_SERVICES_API_RAW_FRAMING_H
