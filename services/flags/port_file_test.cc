#include "services/flags/port_file.h"

#include <sys/stat.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley {
namespace {

using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(PortFileTest, WritesOneLinePerListenerAndParsesBack) {
  ScopedTempDir dir;
  const std::string path = dir.Sub("parleyd.port");
  ASSERT_TRUE(WritePortFile(path, {{"listen", 40123}, {"metrics_listen", 40125}}).ok());
  EXPECT_EQ(ReadFile(path), "listen=40123\nmetrics_listen=40125\n");
  const absl::StatusOr<PortList> ports = ParsePortFile(ReadFile(path));
  ASSERT_TRUE(ports.ok()) << ports.status();
  EXPECT_THAT(*ports, ElementsAre(Pair("listen", 40123), Pair("metrics_listen", 40125)));
  // Written through a temporary file that is renamed away.
  struct stat st;
  EXPECT_NE(stat((path + ".tmp").c_str(), &st), 0);
}

TEST(PortFileTest, ReplacesAnEarlierFile) {
  ScopedTempDir dir;
  const std::string path = dir.Sub("parleyd.port");
  ASSERT_TRUE(WritePortFile(path, {{"listen", 1}, {"health_listen", 2}}).ok());
  ASSERT_TRUE(WritePortFile(path, {{"listen", 3}}).ok());
  EXPECT_EQ(ReadFile(path), "listen=3\n");
}

TEST(PortFileTest, UnwritableFolderIsAnErrorNamingTheFile) {
  const absl::Status status = WritePortFile("/nonexistent-folder/parleyd.port", {{"listen", 1}});
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  EXPECT_THAT(status.message(), HasSubstr("/nonexistent-folder/parleyd.port"));
}

TEST(PortFileTest, MalformedLinesAreRefused) {
  for (const char* text : {"listen", "listen=", "=12", "listen=0", "listen=70000", "listen=x"}) {
    const absl::StatusOr<PortList> ports = ParsePortFile(text);
    EXPECT_EQ(ports.status().code(), absl::StatusCode::kInvalidArgument) << text;
  }
  const absl::StatusOr<PortList> empty = ParsePortFile("");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace parley
