#include "workers/client_flags.h"

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

ClientSecurityOptions TargetSecurityFromFlags() {
  ClientSecurityOptions options;
  options.ca_file = absl::GetFlag(FLAGS_target_ca);
  options.cert_file = absl::GetFlag(FLAGS_target_cert);
  options.key_file = absl::GetFlag(FLAGS_target_key);
  options.server_name = absl::GetFlag(FLAGS_target_server_name);
  options.token_file = absl::GetFlag(FLAGS_target_token_file);
  return options;
}

}  // namespace parley
