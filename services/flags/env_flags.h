#ifndef PARLEY_SERVICES_FLAGS_ENV_FLAGS_H
#define PARLEY_SERVICES_FLAGS_ENV_FLAGS_H

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace parley {

// Every flag `--some_name` of a Parley program can also be set by the environment variable
// `PARLEY_SOME_NAME`. The command line wins; the variable wins over the flag's default. The
// flag's default is stated once, in its `ABSL_FLAG`: nothing here repeats it.

// Returns the variable of flag `flag_name`: "PARLEY_" and the name in upper case.
std::string EnvVarForFlag(absl::string_view flag_name);

// Returns the value of environment variable `name`, or nullopt when it is not set.
using EnvLookup = std::function<absl::optional<std::string>(const std::string& name)>;

// Sets every registered flag from its variable, when the variable is set (even to ""). Call it
// before absl::ParseCommandLine, which then overrides what the command line (or a --flagfile)
// gives: that is how the command line wins even when it repeats a default. abseil's own flags
// (--flagfile, --help, ...) take no variable. Not thread-safe against other flag writers.
// Returns InvalidArgument naming each variable whose value does not parse as its flag's type
// (with the value and the reason), whether or not the command line gives that flag too; those
// flags keep their values, the others are set.
[[nodiscard]] absl::Status ApplyFlagsFromEnv(const EnvLookup& lookup);
// The same over the process environment (std::getenv).
[[nodiscard]] absl::Status ApplyFlagsFromEnv();

// For main(): ApplyFlagsFromEnv(), then absl::ParseCommandLine. A variable that does not
// parse is a start-up error: "<program>: bad PARLEY_X=...: ..." on stderr and exit status 2.
// Returns the positional arguments, as absl::ParseCommandLine does.
std::vector<char*> ParseCommandLineAndEnv(int argc, char** argv, absl::string_view program);

}  // namespace parley

#endif  // PARLEY_SERVICES_FLAGS_ENV_FLAGS_H
