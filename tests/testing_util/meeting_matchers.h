#ifndef PARLEY_TESTS_TESTING_UTIL_MEETING_MATCHERS_H
#define PARLEY_TESTS_TESTING_UTIL_MEETING_MATCHERS_H

#include <string>
#include <vector>

#include "google/protobuf/message.h"
#include "gtest/gtest.h"
#include "parley/v1/meeting.pb.h"

// The exact comparison for extractor fixtures (issue 12): a fixture lists the fields that matter,
// and every listed field must come out exactly, with nothing extra.
//
//   v1::ExtractResult expected = ...;  // e.g. from LoadExtractResult(path)
//   EXPECT_TRUE(MeetingsMatch(expected, *extractor->Extract(article)));
//
// Semantics, applied recursively from `Meeting` down:
// - Only the fields the expected message sets (`Reflection::ListFields`: non-default scalars,
//   present sub-messages, non-empty repeated fields) are compared; the others are not checked.
//   Proto3 cannot tell "unset" from a default value, so a fixture cannot demand an empty
//   repeated field or a default scalar this way: list such fields in `always_compare`.
// - Scalars and enums must be equal.
// - A set sub-message (`venue`, `start_date`) must be present in the actual message and is
//   compared on the subfields the expected one sets.
// - Repeated fields must have exactly as many elements as expected and the same elements in any
//   order: no extra value, no missing one, no duplicate. Repeated messages (`people`,
//   `documents`) are paired one to one (a bipartite matching), each pair compared on the
//   subfields the expected element sets, so `people { name: "X" }` ignores the role.
// Thread-compatible free functions; they keep no state.
namespace parley::testing_util {

// Compares `actual` with `expected` as above. On failure the message names every mismatching
// field by its path (e.g. `people[1].country_code`) with the expected and actual values.
// `expected` and `actual` must have the same type.
::testing::AssertionResult MessageMatches(const google::protobuf::Message& expected,
                                          const google::protobuf::Message& actual);

// The extractor's output against a fixture: exactly `expected.meetings_size()` meetings, and
// meeting i matching expected meeting i (main meeting first, then in order). `always_compare`
// names top-level `Meeting` fields (e.g. "documents", "venue") compared even where an expected
// meeting leaves them unset, so that "no documents" or "no venue" can be required.
// On failure the message lists each mismatch as "meeting i: field: expected ..., got ..." and
// prints every actual meeting.
::testing::AssertionResult MeetingsMatch(const v1::ExtractResult& expected,
                                         const std::vector<v1::Meeting>& actual,
                                         const std::vector<std::string>& always_compare = {});

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_MEETING_MATCHERS_H
