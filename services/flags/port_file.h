#ifndef PARLEY_SERVICES_FLAGS_PORT_FILE_H
#define PARLEY_SERVICES_FLAGS_PORT_FILE_H

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parley {

// The --port_file of parleyd and parley-ingest run: once a program's listeners are up, it writes
// the ports they are bound to, one "name=port" line each, named after their flags:
//
//   listen=40123
//   metrics_listen=40125
//
// so that a test or a supervisor can start it on port 0 and learn the ports without a race.
using PortList = std::vector<std::pair<std::string, int>>;

// Writes `ports` to `path` atomically: to `path`.tmp, then renamed over `path`, so a reader sees
// either no file or the whole of it.
// Returns the errno's code (NotFound for a missing folder, PermissionDenied, ResourceExhausted
// for a full disk, ...) with the path when the file cannot be written or renamed.
[[nodiscard]] absl::Status WritePortFile(const std::string& path, const PortList& ports);

// Parses the text of a port file.
// Returns InvalidArgument naming the line that is not "name=port" with a port in 1..65535.
[[nodiscard]] absl::StatusOr<PortList> ParsePortFile(absl::string_view text);

}  // namespace parley

#endif  // PARLEY_SERVICES_FLAGS_PORT_FILE_H
