#ifndef PARLEY_TESTS_TESTING_UTIL_ARTICLE_FIXTURE_H
#define PARLEY_TESTS_TESTING_UTIL_ARTICLE_FIXTURE_H

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

// Extractor fixtures on disk (tests/data/extract/, tests/data/regression/): `NAME.txt` holds an
// optional first line "# published: YYYY-MM-DD", then the headline line (empty for an article
// without a headline), then the body; `NAME.textproto` holds its expected meetings as a text-format
// `parley.v1.ExtractResult`. Thread-compatible free functions.
namespace parley::testing_util {

// The article in `text` (the content of a `NAME.txt`), with `published_at` at 00:00 UTC of the
// published day. The body keeps its paragraphs; surrounding blank lines are stripped.
// Returns InvalidArgument for a malformed "# published:" line or a text without a body.
[[nodiscard]] absl::StatusOr<v1::Article> ParseArticleFixture(absl::string_view text);

// `ParseArticleFixture` of the file at `path`; NotFound when it cannot be read.
[[nodiscard]] absl::StatusOr<v1::Article> LoadArticleFixture(const std::string& path);

// The text-format ExtractResult at `path`; NotFound when it cannot be read, InvalidArgument
// (naming the line) when it does not parse.
[[nodiscard]] absl::StatusOr<v1::ExtractResult> LoadExtractResult(const std::string& path);

// The fixture names (file stems of the `.txt` files) in `dir`, sorted.
std::vector<std::string> ListFixtures(const std::string& dir);

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_ARTICLE_FIXTURE_H
