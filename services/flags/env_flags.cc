#include "services/flags/env_flags.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace parley {
namespace {

// abseil's built-in flags (--flagfile, --fromenv, --undefok, --help...) are defined under
// absl/flags/; the environment must not be able to turn them on.
bool IsAbseilFlag(const absl::CommandLineFlag& flag) {
  return absl::StrContains(flag.Filename(), "absl/flags/");
}

}  // namespace

std::string EnvVarForFlag(absl::string_view flag_name) {
  return absl::StrCat("PARLEY_", absl::AsciiStrToUpper(flag_name));
}

absl::Status ApplyFlagsFromEnv(const EnvLookup& lookup) {
  // Sorted by name, so that errors come in a stable order.
  std::vector<std::pair<absl::string_view, absl::CommandLineFlag*>> flags;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    flags.emplace_back(name, flag);
  }
  std::sort(flags.begin(), flags.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> errors;
  for (const auto& [name, flag] : flags) {
    if (IsAbseilFlag(*flag)) {
      continue;
    }
    const std::string variable = EnvVarForFlag(name);
    const absl::optional<std::string> value = lookup(variable);
    if (!value.has_value()) {
      continue;
    }
    std::string error;
    if (!flag->ParseFrom(*value, &error)) {
      errors.push_back(absl::StrCat("bad ", variable, "=", *value, ": ", error));
    }
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "; "));
  }
  return absl::OkStatus();
}

absl::Status ApplyFlagsFromEnv() {
  return ApplyFlagsFromEnv([](const std::string& name) -> absl::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) {
      return absl::nullopt;
    }
    return std::string(value);
  });
}

std::vector<char*> ParseCommandLineAndEnv(int argc, char** argv, absl::string_view program) {
  // The variables first: the command line then overrides them.
  if (const absl::Status status = ApplyFlagsFromEnv(); !status.ok()) {
    std::fprintf(stderr, "%s: %s\n", static_cast<std::string>(program).c_str(),
                 static_cast<std::string>(status.message()).c_str());
    std::exit(2);
  }
  return absl::ParseCommandLine(argc, argv);
}

}  // namespace parley
