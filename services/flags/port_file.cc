#include "services/flags/port_file.h"

#include <stdio.h>

#include <cerrno>
#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace parley {

absl::Status WritePortFile(const std::string& path, const PortList& ports) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const auto& [name, port] : ports) {
      out << name << '=' << port << '\n';
    }
    out.flush();
    if (!out) {
      return absl::ErrnoToStatus(errno, absl::StrCat("write port file ", tmp));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(tmp.c_str());
    return absl::ErrnoToStatus(error, absl::StrCat("rename ", tmp, " to ", path));
  }
  return absl::OkStatus();
}

absl::StatusOr<PortList> ParsePortFile(absl::string_view text) {
  PortList ports;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipWhitespace())) {
    line = absl::StripAsciiWhitespace(line);
    const std::vector<absl::string_view> parts = absl::StrSplit(line, absl::MaxSplits('=', 1));
    int port = 0;
    if (parts.size() != 2 || parts[0].empty() || !absl::SimpleAtoi(parts[1], &port) || port < 1 ||
        port > 65535) {
      return absl::InvalidArgumentError(
          absl::StrCat("port file line \"", line, "\" is not name=port"));
    }
    ports.emplace_back(static_cast<std::string>(parts[0]), port);
  }
  return ports;
}

}  // namespace parley
