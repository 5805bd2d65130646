// Accuracy regression guard: every article in examples/articles/ goes through the worker's
// decoder and the extractor, and must yield the record in examples/expected/NAME.textproto
// (exactly: the number of meetings, and every field given there with nothing extra).

#include <filesystem>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/testing_util/meeting_matchers.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/pipeline.h"

namespace parley {
namespace {

using ::parley::testing_util::ReadFile;
using ::parley::testing_util::SourceDir;
namespace fs = std::filesystem;

std::vector<std::string> Examples() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(SourceDir() + "/examples/articles")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ExamplesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExamplesTest, YieldsItsExpectedRecord) {
  const std::string name = GetParam();
  const std::string stem = fs::path(name).stem().string();
  const std::string expected_path = SourceDir() + "/examples/expected/" + stem + ".textproto";
  ASSERT_TRUE(fs::exists(expected_path)) << "every example needs " << expected_path;
  v1::ExtractResult expected;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(ReadFile(expected_path), &expected));

  auto extractor = extract::Extractor::Default();
  ASSERT_TRUE(extractor.ok());
  Pipeline pipeline(*std::move(extractor));
  const std::vector<PipelineResult> results =
      pipeline.Process(ReadFile(SourceDir() + "/examples/articles/" + name), name);
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(results[0].status.ok()) << results[0].status;
  EXPECT_TRUE(testing_util::MeetingsMatch(expected, results[0].meetings)) << name;
}

INSTANTIATE_TEST_SUITE_P(Articles, ExamplesTest, ::testing::ValuesIn(Examples()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = fs::path(param.param).stem().string();
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) {
                               c = '_';
                             }
                           }
                           return name;
                         });

}  // namespace
}  // namespace parley
