#ifndef PARLEY_SERVICES_LOG_LOG_H
#define PARLEY_SERVICES_LOG_LOG_H

#include "absl/strings/string_view.h"

namespace parley {

enum class LogLevel { kInfo, kWarning, kError };
enum class LogFormat { kText, kJson };

// Process-wide log settings: format and the program name printed on every line.
void SetLogFormat(LogFormat format);
void SetLogProgram(absl::string_view program);
// Parses "text" or "json"; false for anything else.
bool ParseLogFormat(absl::string_view text, LogFormat* format);

// Writes one line to stderr: "2026-11-27T00:45:12.123Z INFO parleyd: message", or with
// LogFormat::kJson {"ts": ..., "level": "info", "program": ..., "msg": ...}. Thread-safe.
void Log(LogLevel level, absl::string_view message);

}  // namespace parley

#endif  // PARLEY_SERVICES_LOG_LOG_H
