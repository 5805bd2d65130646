#ifndef PARLEY_SERVICES_LOG_LIBRARY_LOGS_H
#define PARLEY_SERVICES_LOG_LIBRARY_LOGS_H

namespace parley {

// Routes what libprotobuf (e.g. "String field ... contains invalid UTF-8 data") and gRPC's core
// log through parley::Log, so every line a program writes has the chosen format (text or JSON)
// and its program name. Call once at start, after SetLogFormat; not thread-safe with itself.
void RouteLibraryLogs();

}  // namespace parley

#endif  // PARLEY_SERVICES_LOG_LIBRARY_LOGS_H
