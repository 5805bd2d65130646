#ifndef PARLEY_WORKERS_CLIENT_FLAGS_H
#define PARLEY_WORKERS_CLIENT_FLAGS_H

#include "services/auth/credentials.h"

namespace parley {

// The client-side security flags shared by parley-ingest and parley-watch:
//   --target_ca, --target_cert, --target_key, --target_server_name, --target_token_file
// (or PARLEY_TARGET_CA, PARLEY_TARGET_CERT, PARLEY_TARGET_KEY, PARLEY_TARGET_SERVER_NAME,
// PARLEY_TARGET_TOKEN_FILE). Call after absl::ParseCommandLine.
ClientSecurityOptions TargetSecurityFromFlags();

}  // namespace parley

#endif  // PARLEY_WORKERS_CLIENT_FLAGS_H
