#ifndef PARLEY_WORKERS_CLIENT_FLAGS_H
#define PARLEY_WORKERS_CLIENT_FLAGS_H

#include "services/auth/credentials.h"

namespace parley {

// The client-side security flags shared by parley-ingest and parley-watch:
//   --target_ca, --target_cert, --target_key, --target_server_name, --target_token_file
// (or PARLEY_TARGET_CA, ... once the program called parley::ParseCommandLineAndEnv, which
// services/flags/env_flags.h describes). Call after it.
ClientSecurityOptions TargetSecurityFromFlags();

}  // namespace parley

#endif  // PARLEY_WORKERS_CLIENT_FLAGS_H
