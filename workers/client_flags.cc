#include "workers/client_flags.h"

#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, target_ca, "",
          "PEM CA that verifies the service's certificate; set = TLS [PARLEY_TARGET_CA]");
ABSL_FLAG(std::string, target_cert, "",
          "PEM client certificate for mutual TLS [PARLEY_TARGET_CERT]");
ABSL_FLAG(std::string, target_key, "", "PEM key of --target_cert [PARLEY_TARGET_KEY]");
ABSL_FLAG(std::string, target_server_name, "",
          "Name to verify in the service's certificate; default: the target host "
          "[PARLEY_TARGET_SERVER_NAME]");
ABSL_FLAG(std::string, target_token_file, "",
          "File holding the bearer token sent to the service [PARLEY_TARGET_TOKEN_FILE]");

namespace parley {
namespace {

std::string FlagOrEnv(const absl::Flag<std::string>& flag, const char* env) {
  std::string value = absl::GetFlag(flag);
  if (value.empty()) {
    if (const char* from_env = std::getenv(env)) {
      value = from_env;
    }
  }
  return value;
}

}  // namespace

ClientSecurityOptions TargetSecurityFromFlags() {
  ClientSecurityOptions options;
  options.ca_file = FlagOrEnv(FLAGS_target_ca, "PARLEY_TARGET_CA");
  options.cert_file = FlagOrEnv(FLAGS_target_cert, "PARLEY_TARGET_CERT");
  options.key_file = FlagOrEnv(FLAGS_target_key, "PARLEY_TARGET_KEY");
  options.server_name = FlagOrEnv(FLAGS_target_server_name, "PARLEY_TARGET_SERVER_NAME");
  options.token_file = FlagOrEnv(FLAGS_target_token_file, "PARLEY_TARGET_TOKEN_FILE");
  return options;
}

}  // namespace parley
