// The PARLEY_* variables of the real binaries: every variable the docs and the deployment set
// names a flag of a program, a variable takes effect, the command line wins over it, and a bad
// value stops the program at start-up naming the variable (services/flags/env_flags.h).

#include <signal.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/subprocess.h"

namespace parley {
namespace {

using ::parley::testing_util::BinDir;
using ::parley::testing_util::ReadFile;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::SourceDir;
using ::parley::testing_util::Subprocess;
using ::parley::testing_util::WaitForFileToContain;
using ::testing::HasSubstr;

// Runs `argv` to its end; returns its exit status and puts its output in `output`.
int RunToEnd(const std::vector<std::string>& argv, const ScopedTempDir& dir, std::string* output) {
  const std::string log = dir.Sub("output.log");
  std::remove(log.c_str());
  Subprocess process(argv, log);
  const int status = process.Wait(absl::Seconds(60));
  *output = ReadFile(log);
  return status;
}

// Sets an environment variable (inherited by the children started meanwhile) for its lifetime.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    EXPECT_EQ(setenv(name, value.c_str(), /*overwrite=*/1), 0);
  }
  ~ScopedEnv() { unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

bool IsNameChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

// The flags a program lists in its --helpfull: lines "    --name (help...".
std::set<std::string> FlagsOf(const std::string& program, const ScopedTempDir& dir) {
  std::string help;
  RunToEnd({BinDir() + "/" + program, "--helpfull"}, dir, &help);
  std::set<std::string> flags;
  for (absl::string_view line : absl::StrSplit(help, '\n')) {
    line = absl::StripLeadingAsciiWhitespace(line);
    if (!absl::ConsumePrefix(&line, "--")) {
      continue;
    }
    const size_t end = line.find(" (");
    if (end != absl::string_view::npos && end > 0 &&
        std::all_of(line.begin(), line.begin() + end, IsNameChar)) {
      flags.insert(static_cast<std::string>(line.substr(0, end)));
    }
  }
  return flags;
}

// The PARLEY_* words of a file, but for cmake options (-DPARLEY_...) and prefixes (PARLEY_X_*).
std::set<std::string> VariablesIn(const std::string& path) {
  const std::string text = ReadFile(path);
  EXPECT_FALSE(text.empty()) << path;
  std::set<std::string> variables;
  for (size_t at = text.find("PARLEY_"); at != std::string::npos;
       at = text.find("PARLEY_", at + 1)) {
    if ((at > 0 && IsNameChar(text[at - 1])) || (at >= 2 && text.compare(at - 2, 2, "-D") == 0)) {
      continue;
    }
    size_t end = at;
    while (end < text.size() && IsNameChar(text[end])) {
      ++end;
    }
    const std::string variable = text.substr(at, end - at);
    if (variable.back() == '_' || (end < text.size() && text[end] == '*')) {
      continue;
    }
    variables.insert(variable);
  }
  return variables;
}

TEST(EnvConfigTest, EveryDocumentedOrDeployedVariableNamesAFlag) {
  ScopedTempDir dir;
  std::set<std::string> flags;
  for (const char* program : {"parleyd", "parley-ingest", "parley-watch"}) {
    const std::set<std::string> of_program = FlagsOf(program, dir);
    ASSERT_GT(of_program.size(), 5u) << program << " --helpfull listed no flags";
    flags.insert(of_program.begin(), of_program.end());
  }
  ASSERT_EQ(flags.count("data_dir"), 1u);
  ASSERT_EQ(flags.count("target_token_file"), 1u);
  std::set<std::string> variables;
  for (const char* file :
       {"docs/operations.md", "deploy/Dockerfile", "deploy/test-image.sh",
        "deploy/k8s/base/configmap.yaml", "deploy/k8s/overlays/prod/kustomization.yaml",
        "deploy/k8s/examples/backfill-job.yaml"}) {
    const std::set<std::string> in_file = VariablesIn(SourceDir() + "/" + file);
    variables.insert(in_file.begin(), in_file.end());
  }
  EXPECT_GT(variables.size(), 30u);
  std::vector<std::string> orphans;
  for (const std::string& variable : variables) {
    const std::string flag = absl::AsciiStrToLower(absl::StripPrefix(variable, "PARLEY_"));
    if (flags.count(flag) == 0) {
      orphans.push_back(variable);
    }
  }
  EXPECT_TRUE(orphans.empty()) << "variables that set no flag: " << absl::StrJoin(orphans, ", ");
}

TEST(EnvConfigTest, ParleydTakesItsDataDirFromTheEnvironment) {
  ScopedTempDir dir;
  ScopedEnv data_dir("PARLEY_DATA_DIR", dir.path());
  const std::string log = dir.Sub("parleyd.log");
  Subprocess parleyd({BinDir() + "/parleyd", "--listen=127.0.0.1:0"}, log);
  EXPECT_TRUE(WaitForFileToContain(log, "serving on", absl::Seconds(30))) << ReadFile(log);
  EXPECT_THAT(ReadFile(log), HasSubstr(absl::StrCat("data in ", dir.path())));
  parleyd.Signal(SIGTERM);
  EXPECT_EQ(parleyd.Wait(absl::Seconds(30)), 0) << ReadFile(log);
}

TEST(EnvConfigTest, CommandLineWinsOverTheVariable) {
  ScopedTempDir dir;
  ScopedEnv target("PARLEY_TARGET", "127.0.0.1:1");
  std::string output;
  // Nothing listens on either port: the error names the target that was used.
  EXPECT_EQ(RunToEnd({BinDir() + "/parley-ingest", "health"}, dir, &output), 1);
  EXPECT_THAT(output, HasSubstr("127.0.0.1:1:"));
  EXPECT_EQ(RunToEnd({BinDir() + "/parley-ingest", "health", "--target=127.0.0.1:2"}, dir, &output),
            1);
  EXPECT_THAT(output, HasSubstr("127.0.0.1:2:"));
}

TEST(EnvConfigTest, BadVariableStopsEachProgramNamingIt) {
  ScopedTempDir dir;
  ScopedEnv max_message_bytes("PARLEY_MAX_MESSAGE_BYTES", "lots");
  ScopedEnv workers("PARLEY_WORKERS", "many");
  ScopedEnv max_events("PARLEY_MAX_EVENTS", "-");
  std::string output;
  EXPECT_EQ(RunToEnd({BinDir() + "/parleyd", "--data_dir=" + dir.path()}, dir, &output), 2);
  EXPECT_THAT(output, HasSubstr("parleyd: bad PARLEY_MAX_MESSAGE_BYTES=lots"));
  EXPECT_EQ(RunToEnd({BinDir() + "/parley-ingest", "extract", "-"}, dir, &output), 2);
  EXPECT_THAT(output, HasSubstr("parley-ingest: bad PARLEY_WORKERS=many"));
  EXPECT_EQ(RunToEnd({BinDir() + "/parley-watch"}, dir, &output), 2);
  EXPECT_THAT(output, HasSubstr("parley-watch: bad PARLEY_MAX_EVENTS=-"));
}

}  // namespace
}  // namespace parley
