// The extractor's version must change whenever its output can change, so that `parley-ingest
// reprocess` re-extracts what an older version stored. This test holds the outputs for every
// article the repository has (examples/articles, tests/data/extract, tests/data/regression)
// together with the version: tests/data/extractor_version.txt records
// "<Extractor::kVersion> <SHA-256 of the outputs>". When the outputs change, the test fails
// until kVersion is bumped and the new line recorded; it prints the line to record.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "gtest/gtest.h"
#include "services/domain/sha256.h"
#include "tests/testing_util/article_fixture.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/pipeline.h"

namespace parley {
namespace {

using ::parley::testing_util::ReadFile;
using ::parley::testing_util::SourceDir;
namespace fs = std::filesystem;

// Every article's meetings, serialised deterministically, in a fixed order of sources.
std::string Outputs() {
  auto extractor = extract::Extractor::Default();
  EXPECT_TRUE(extractor.ok());
  Pipeline pipeline(*std::move(extractor));
  std::string all;
  auto append = [&](const std::string& source, const std::vector<v1::Meeting>& meetings) {
    absl::StrAppend(&all, source, "\n");
    for (const v1::Meeting& m : meetings) {
      std::string bytes;
      google::protobuf::io::StringOutputStream stream(&bytes);
      google::protobuf::io::CodedOutputStream coded(&stream);
      coded.SetSerializationDeterministic(true);
      m.SerializeToCodedStream(&coded);
      coded.Trim();
      absl::StrAppend(&all, bytes.size(), ":", bytes, "\n");
    }
  };
  std::vector<std::string> examples;
  for (const auto& entry : fs::directory_iterator(SourceDir() + "/examples/articles")) {
    examples.push_back(entry.path().filename().string());
  }
  std::sort(examples.begin(), examples.end());
  for (const std::string& name : examples) {
    const std::vector<PipelineResult> results =
        pipeline.Process(ReadFile(SourceDir() + "/examples/articles/" + name), name);
    for (const PipelineResult& r : results) {
      append("examples/" + name, r.meetings);
    }
  }
  auto extract = extract::Extractor::Default();
  EXPECT_TRUE(extract.ok());
  for (const char* dir : {"/tests/data/extract", "/tests/data/regression"}) {
    for (const std::string& name : testing_util::ListFixtures(SourceDir() + dir)) {
      absl::StatusOr<v1::Article> article =
          testing_util::LoadArticleFixture(SourceDir() + dir + "/" + name + ".txt");
      EXPECT_TRUE(article.ok()) << name;
      if (!article.ok()) {
        continue;
      }
      absl::StatusOr<std::vector<v1::Meeting>> meetings = (*extract)->Extract(*article);
      EXPECT_TRUE(meetings.ok()) << name;
      append(absl::StrCat(dir, "/", name), meetings.ok() ? *meetings : std::vector<v1::Meeting>());
    }
  }
  return all;
}

TEST(ExtractorVersionTest, OutputsAreRecordedWithTheVersion) {
  const std::string recorded = std::string(
      absl::StripAsciiWhitespace(ReadFile(SourceDir() + "/tests/data/extractor_version.txt")));
  const std::string current = absl::StrCat(extract::Extractor::kVersion, " ", Sha256Hex(Outputs()));
  const std::string version = recorded.substr(0, recorded.find(' '));
  if (recorded == current) {
    return;
  }
  if (version == extract::Extractor::kVersion) {
    ADD_FAILURE() << "the extractor's output changed but Extractor::kVersion is still " << version
                  << ": bump it (workers/extract/extractor.h) so that reprocess "
                  << "re-extracts stored articles, then record in "
                  << "tests/data/extractor_version.txt the line this test prints";
  } else {
    ADD_FAILURE() << "Extractor::kVersion is " << extract::Extractor::kVersion
                  << " but tests/data/extractor_version.txt records " << version
                  << ": record the line below";
  }
  std::cout << "tests/data/extractor_version.txt should read:\n" << current << "\n";
}

}  // namespace
}  // namespace parley
