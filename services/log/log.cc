#include "services/log/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace parley {
namespace {

std::atomic<LogFormat> g_format{LogFormat::kText};
std::mutex g_mu;
std::string& Program() {
  static std::string* program = new std::string("parley");
  return *program;
}

std::string JsonEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

}  // namespace

void SetLogFormat(LogFormat format) { g_format.store(format); }

void SetLogProgram(absl::string_view program) {
  std::lock_guard<std::mutex> lock(g_mu);
  Program() = std::string(program);
}

bool ParseLogFormat(absl::string_view text, LogFormat* format) {
  if (text == "text") {
    *format = LogFormat::kText;
    return true;
  }
  if (text == "json") {
    *format = LogFormat::kJson;
    return true;
  }
  return false;
}

void Log(LogLevel level, absl::string_view message) {
  const std::string ts = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
  const char* name = level == LogLevel::kError     ? "error"
                     : level == LogLevel::kWarning ? "warning"
                                                   : "info";
  std::string line;
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_format.load() == LogFormat::kJson) {
    line = absl::StrCat("{\"ts\":\"", ts, "\",\"level\":\"", name, "\",\"program\":\"",
                        JsonEscape(Program()), "\",\"msg\":\"", JsonEscape(message), "\"}\n");
  } else {
    std::string upper(name);
    for (char& c : upper) {
      c = static_cast<char>(c - 32 * (c >= 'a' && c <= 'z'));
    }
    line = absl::StrCat(ts, " ", upper, " ", Program(), ": ", message, "\n");
  }
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace parley
