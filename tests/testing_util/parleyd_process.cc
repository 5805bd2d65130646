#include "tests/testing_util/parleyd_process.h"

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley::testing_util {

ProcessMemory ReadProcessMemory(pid_t pid) {
  ProcessMemory memory;
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    // "VmRSS:     12345 kB"
    std::vector<absl::string_view> parts =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipWhitespace());
    int64_t kb = 0;
    if (parts.size() < 2 || !absl::SimpleAtoi(parts[1], &kb)) {
      continue;
    }
    if (parts[0] == "VmRSS:") {
      memory.rss_bytes = kb * 1024;
    } else if (parts[0] == "VmHWM:") {
      memory.peak_bytes = kb * 1024;
    }
  }
  return memory;
}

ParleydProcess::ParleydProcess(std::string data_dir, std::string log_path,
                               std::vector<std::string> flags)
    : data_dir_(std::move(data_dir)), log_path_(std::move(log_path)), flags_(std::move(flags)) {
  mkdir(data_dir_.c_str(), 0755);
}

ParleydProcess::~ParleydProcess() = default;

bool ParleydProcess::Start(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  const std::string port_file = log_path_ + ".port";
  std::remove(port_file.c_str());
  std::vector<std::string> argv = {BinDir() + "/parleyd", "--data_dir=" + data_dir_,
                                   absl::StrCat("--listen=127.0.0.1:", port_),
                                   "--port_file=" + port_file};
  argv.insert(argv.end(), flags_.begin(), flags_.end());
  process_ = std::make_unique<Subprocess>(argv, log_path_);
  absl::StatusOr<PortList> ports = WaitForPortFile(*process_, port_file, timeout);
  if (!ports.ok()) {
    return false;
  }
  ports_ = *std::move(ports);
  port_ = port("listen");
  address_ = absl::StrCat("127.0.0.1:", port_);
  // Retry the connection quickly while the process starts (gRPC's default backoff is 1 s+).
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 20);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 100);
  auto health = grpc::health::v1::Health::NewStub(
      grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args));
  return port_ > 0 &&
         WaitFor(
             [&] {
               if (!process_->running()) {
                 return false;
               }
               grpc::ClientContext context;
               context.set_deadline(std::chrono::system_clock::now() +
                                    std::chrono::milliseconds(200));
               grpc::health::v1::HealthCheckResponse response;
               return health->Check(&context, {}, &response).ok() &&
                      response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
             },
             std::max(deadline - absl::Now(), absl::ZeroDuration()));
}

int ParleydProcess::port(absl::string_view listener) const { return PortOf(ports_, listener); }

int ParleydProcess::Stop(absl::Duration timeout) {
  if (process_ == nullptr) {
    return -1;
  }
  process_->Signal(SIGTERM);
  return process_->Wait(timeout);
}

std::shared_ptr<grpc::Channel> ParleydProcess::NewChannel() const {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args);
}

}  // namespace parley::testing_util
