#ifndef PARLEY_SERVICES_STORE_DATA_DIR_CHECK_H
#define PARLEY_SERVICES_STORE_DATA_DIR_CHECK_H

#include <string>

#include "absl/status/status.h"

namespace parley {

// Checks, before RocksDB opens it, that `path` can be this build's data dir: it exists, is a
// directory writable by this user, no other process holds its RocksDB lock, and the schema
// version stored under `schema_key` (in the default column family; none for a new store) is at
// most `supported_schema`. This is the store's one schema check: the real open then trusts it.
// Writes nothing into the folder: the lock is probed with F_GETLK (RocksDB's own open would
// first rotate the LOG of the process that holds it) and the schema is read by a read-only
// open with a silent info log.
// Returns InvalidArgument for an empty path; FailedPrecondition naming the folder when it is
// missing, not a directory, not writable, locked (naming the holder's pid) or of a newer
// schema; DataLoss for a corrupt schema version; the read-only open's error otherwise.
[[nodiscard]] absl::Status CheckDataDir(const std::string& path, const char* schema_key,
                                        int supported_schema);

}  // namespace parley

#endif  // PARLEY_SERVICES_STORE_DATA_DIR_CHECK_H
