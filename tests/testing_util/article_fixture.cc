#include "tests/testing_util/article_fixture.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"

namespace parley::testing_util {
namespace {

constexpr absl::string_view kPublished = "# published: ";

[[nodiscard]] absl::StatusOr<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Collects text-format parse errors with their line numbers.
class ErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    absl::StrAppend(&errors_, errors_.empty() ? "" : "; ", "line ", line + 1, ":", column + 1, ": ",
                    message);
  }
  const std::string& errors() const { return errors_; }

 private:
  std::string errors_;
};

}  // namespace

absl::StatusOr<v1::Article> ParseArticleFixture(absl::string_view text) {
  v1::Article article;
  if (absl::ConsumePrefix(&text, kPublished)) {
    const size_t nl = std::min(text.find('\n'), text.size());
    absl::CivilDay day;
    if (!absl::ParseCivilTime(absl::StripAsciiWhitespace(text.substr(0, nl)), &day)) {
      return absl::InvalidArgumentError(
          absl::StrCat("bad published date \"", text.substr(0, nl), "\""));
    }
    article.mutable_published_at()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(day, absl::UTCTimeZone())));
    text.remove_prefix(std::min(nl + 1, text.size()));
  }
  const size_t nl = text.find('\n');
  if (nl == absl::string_view::npos) {
    return absl::InvalidArgumentError("fixture has a headline line but no body");
  }
  article.set_title(static_cast<std::string>(absl::StripAsciiWhitespace(text.substr(0, nl))));
  article.set_body(static_cast<std::string>(absl::StripAsciiWhitespace(text.substr(nl + 1))));
  if (article.body().empty()) {
    return absl::InvalidArgumentError("fixture has an empty body");
  }
  return article;
}

absl::StatusOr<v1::Article> LoadArticleFixture(const std::string& path) {
  absl::StatusOr<std::string> text = Slurp(path);
  if (!text.ok()) {
    return text.status();
  }
  absl::StatusOr<v1::Article> article = ParseArticleFixture(*text);
  if (!article.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", article.status().message()));
  }
  return article;
}

absl::StatusOr<v1::ExtractResult> LoadExtractResult(const std::string& path) {
  absl::StatusOr<std::string> text = Slurp(path);
  if (!text.ok()) {
    return text.status();
  }
  v1::ExtractResult result;
  ErrorCollector errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(*text, &result)) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", errors.errors()));
  }
  return result;
}

std::vector<std::string> ListFixtures(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace parley::testing_util
