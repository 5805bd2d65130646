#include "services/flags/env_flags.h"

#include <stdlib.h>

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

ABSL_FLAG(std::string, env_test_name, "default-name", "a string flag");
ABSL_FLAG(int32_t, env_test_count, 7, "an integer flag");
ABSL_FLAG(absl::Duration, env_test_wait, absl::Seconds(10), "a duration flag");
ABSL_FLAG(bool, env_test_on, false, "a boolean flag");

namespace parley {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

// An environment made of `values`; records every variable asked for.
class FakeEnv {
 public:
  FakeEnv(std::initializer_list<std::pair<const std::string, std::string>> values)
      : values_(values) {}

  EnvLookup lookup() {
    return [this](const std::string& name) -> absl::optional<std::string> {
      asked_.insert(name);
      const auto it = values_.find(name);
      if (it == values_.end()) {
        return absl::nullopt;
      }
      return it->second;
    };
  }
  const std::set<std::string>& asked() const { return asked_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> asked_;
};

// Each test starts from the flags' defaults and restores them when it ends.
class EnvFlagsTest : public ::testing::Test {
 private:
  absl::FlagSaver saver_;
};
using EnvFlagsDeathTest = EnvFlagsTest;

TEST_F(EnvFlagsTest, VariableIsPrefixAndUpperCaseName) {
  EXPECT_EQ(EnvVarForFlag("block_cache_mb"), "PARLEY_BLOCK_CACHE_MB");
  EXPECT_EQ(EnvVarForFlag("listen"), "PARLEY_LISTEN");
}

TEST_F(EnvFlagsTest, UnsetVariablesLeaveDefaults) {
  FakeEnv env({});
  ASSERT_TRUE(ApplyFlagsFromEnv(env.lookup()).ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_name), "default-name");
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_count), 7);
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_wait), absl::Seconds(10));
  EXPECT_FALSE(absl::GetFlag(FLAGS_env_test_on));
}

TEST_F(EnvFlagsTest, VariablesSetFlagsOfEveryType) {
  FakeEnv env({{"PARLEY_ENV_TEST_NAME", "from-env"},
               {"PARLEY_ENV_TEST_COUNT", "42"},
               {"PARLEY_ENV_TEST_WAIT", "1m30s"},
               {"PARLEY_ENV_TEST_ON", "true"}});
  ASSERT_TRUE(ApplyFlagsFromEnv(env.lookup()).ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_name), "from-env");
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_count), 42);
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_wait), absl::Seconds(90));
  EXPECT_TRUE(absl::GetFlag(FLAGS_env_test_on));
}

TEST_F(EnvFlagsTest, EmptyVariableSetsAnEmptyString) {
  FakeEnv env({{"PARLEY_ENV_TEST_NAME", ""}});
  ASSERT_TRUE(ApplyFlagsFromEnv(env.lookup()).ok());
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_name), "");
}

TEST_F(EnvFlagsTest, CommandLineParsedAfterwardsWinsEvenWhenItRepeatsTheDefault) {
  FakeEnv env({{"PARLEY_ENV_TEST_NAME", "from-env"},
               {"PARLEY_ENV_TEST_COUNT", "42"},
               {"PARLEY_ENV_TEST_ON", "true"}});
  ASSERT_TRUE(ApplyFlagsFromEnv(env.lookup()).ok());
  std::vector<char*> argv = {const_cast<char*>("env_flags_test"),
                             const_cast<char*>("--env_test_count=7"),
                             const_cast<char*>("--env_test_name=from-command-line")};
  absl::ParseCommandLine(static_cast<int>(argv.size()), argv.data());
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_name), "from-command-line");
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_count), 7);
  EXPECT_TRUE(absl::GetFlag(FLAGS_env_test_on));  // Not on the command line.
}

TEST_F(EnvFlagsTest, ParseCommandLineAndEnvAppliesBothInThatOrder) {
  ASSERT_EQ(setenv("PARLEY_ENV_TEST_NAME", "from-env", 1), 0);
  ASSERT_EQ(setenv("PARLEY_ENV_TEST_COUNT", "42", 1), 0);
  std::vector<char*> argv = {const_cast<char*>("env_flags_test"),
                             const_cast<char*>("--env_test_count=7"), const_cast<char*>("file")};
  const std::vector<char*> positional =
      ParseCommandLineAndEnv(static_cast<int>(argv.size()), argv.data(), "env_flags_test");
  unsetenv("PARLEY_ENV_TEST_NAME");
  unsetenv("PARLEY_ENV_TEST_COUNT");
  ASSERT_EQ(positional.size(), 2u);
  EXPECT_STREQ(positional[1], "file");
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_name), "from-env");
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_count), 7);
}

TEST_F(EnvFlagsDeathTest, ParseCommandLineAndEnvExitsTwoNamingABadVariable) {
  ASSERT_EQ(setenv("PARLEY_ENV_TEST_COUNT", "lots", 1), 0);
  std::vector<char*> argv = {const_cast<char*>("env_flags_test")};
  EXPECT_EXIT(ParseCommandLineAndEnv(1, argv.data(), "some-program"), ::testing::ExitedWithCode(2),
              "some-program: bad PARLEY_ENV_TEST_COUNT=lots");
  unsetenv("PARLEY_ENV_TEST_COUNT");
}

TEST_F(EnvFlagsTest, BadValueIsAnErrorNamingTheVariableAndLeavesTheFlag) {
  FakeEnv env({{"PARLEY_ENV_TEST_COUNT", "lots"},
               {"PARLEY_ENV_TEST_WAIT", "10"},  // A duration needs a unit.
               {"PARLEY_ENV_TEST_NAME", "fine"}});
  const absl::Status status = ApplyFlagsFromEnv(env.lookup());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), AllOf(HasSubstr("bad PARLEY_ENV_TEST_COUNT=lots"),
                                      HasSubstr("bad PARLEY_ENV_TEST_WAIT=10"),
                                      Not(HasSubstr("PARLEY_ENV_TEST_NAME"))));
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_count), 7);
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_wait), absl::Seconds(10));
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_name), "fine");
}

TEST_F(EnvFlagsTest, AbseilsOwnFlagsTakeNoVariable) {
  FakeEnv env({{"PARLEY_FLAGFILE", "/nonexistent"}, {"PARLEY_HELP", "true"}});
  ASSERT_TRUE(ApplyFlagsFromEnv(env.lookup()).ok());
  EXPECT_EQ(env.asked().count("PARLEY_FLAGFILE"), 0u);
  EXPECT_EQ(env.asked().count("PARLEY_HELP"), 0u);
  EXPECT_EQ(env.asked().count("PARLEY_UNDEFOK"), 0u);
  EXPECT_EQ(env.asked().count("PARLEY_ENV_TEST_COUNT"), 1u);
}

TEST_F(EnvFlagsTest, ProcessEnvironmentIsRead) {
  ASSERT_EQ(setenv("PARLEY_ENV_TEST_COUNT", "13", /*overwrite=*/1), 0);
  const absl::Status status = ApplyFlagsFromEnv();
  unsetenv("PARLEY_ENV_TEST_COUNT");
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(absl::GetFlag(FLAGS_env_test_count), 13);
}

}  // namespace
}  // namespace parley
