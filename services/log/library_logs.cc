#include "services/log/library_logs.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/stubs/logging.h"
#include "grpc/support/log.h"
#include "services/log/log.h"

namespace parley {
namespace {

void ProtobufLog(google::protobuf::LogLevel level, const char* file, int line,
                 const std::string& message) {
  const LogLevel ours = level >= google::protobuf::LOGLEVEL_ERROR     ? LogLevel::kError
                        : level == google::protobuf::LOGLEVEL_WARNING ? LogLevel::kWarning
                                                                      : LogLevel::kInfo;
  Log(ours, absl::StrCat("libprotobuf ", file, ":", line, ": ", message));
}

void GrpcLog(gpr_log_func_args* args) {
  const LogLevel ours =
      args->severity == GPR_LOG_SEVERITY_ERROR ? LogLevel::kError : LogLevel::kInfo;
  Log(ours, absl::StrCat("grpc ", args->file, ":", args->line, ": ", args->message));
}

}  // namespace

void RouteLibraryLogs() {
  google::protobuf::SetLogHandler(&ProtobufLog);
  gpr_set_log_function(&GrpcLog);
}

}  // namespace parley
