#include "services/log/log.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "gtest/gtest.h"

namespace parley {
namespace {

// Captures what Log writes to stderr.
std::string Capture(LogLevel level, const std::string& message) {
  std::fflush(stderr);
  char path[] = "/tmp/parley-log-XXXXXX";
  const int fd = mkstemp(path);
  const int saved = dup(2);
  dup2(fd, 2);
  Log(level, message);
  dup2(saved, 2);
  close(saved);
  std::string out(4096, '\0');
  lseek(fd, 0, SEEK_SET);
  out.resize(static_cast<size_t>(read(fd, out.data(), out.size())));
  close(fd);
  unlink(path);
  return out;
}

TEST(LogTest, TextAndJsonLines) {
  SetLogProgram("parleyd");
  SetLogFormat(LogFormat::kText);
  const std::string text = Capture(LogLevel::kWarning, "disk almost full");
  EXPECT_NE(text.find(" WARNING parleyd: disk almost full\n"), std::string::npos) << text;
  EXPECT_EQ(text[4], '-');  // Starts with a timestamp.
  SetLogFormat(LogFormat::kJson);
  const std::string json = Capture(LogLevel::kError, "bad \"quote\"\nnext");
  EXPECT_NE(json.find("\"level\":\"error\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"msg\":\"bad \\\"quote\\\"\\nnext\""), std::string::npos) << json;
  EXPECT_EQ(json.back(), '\n');
  EXPECT_EQ(std::count(json.begin(), json.end(), '\n'), 1);
  SetLogFormat(LogFormat::kText);
  LogFormat format;
  EXPECT_TRUE(ParseLogFormat("json", &format));
  EXPECT_FALSE(ParseLogFormat("xml", &format));
}

}  // namespace
}  // namespace parley
