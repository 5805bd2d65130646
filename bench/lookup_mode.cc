// parley-bench lookup and null-server: GetMeeting and ListMeetings against parleyd over a
// preloaded store, each compared with the ceiling, a do-nothing gRPC service answering with a
// meeting-sized message (docs/performance.md).

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/bench_process.h"
#include "bench/load_driver.h"
#include "bench/modes.h"
#include "bench/parleyd_setup.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.pb.h"
#include "services/flags/port_file.h"

namespace parley::bench {
namespace {

LoadResult GetLoad(const std::string& address, int meetings, const LoadShape& shape) {
  std::vector<std::mt19937> rngs(static_cast<size_t>(shape.connections * shape.streams));
  for (size_t i = 0; i < rngs.size(); ++i) {
    rngs[i].seed(static_cast<uint32_t>(i));
  }
  return RawUnaryLoad(address, "/parley.v1.MeetingService/GetMeeting", shape, [&](int slot, int) {
    v1::GetMeetingRequest request;
    request.set_id(absl::StrFormat("m-%012d", 1 + rngs[slot]() % static_cast<uint32_t>(meetings)));
    return request.SerializeAsString();
  });
}

LoadResult ListLoad(const std::string& address, const LoadShape& shape) {
  static const char* kCodes[] = {"FR", "DE", "JP", "IN", "BR", "KE", "EG", "KZ", "CN", "RU"};
  return RawUnaryLoad(address, "/parley.v1.MeetingService/ListMeetings", shape,
                      [&](int slot, int n) {
                        v1::ListMeetingsRequest request;
                        request.mutable_filter()->add_countries(kCodes[(slot + n) % 10]);
                        request.set_page_size(50);
                        return request.SerializeAsString();
                      });
}

// The ceiling: a callback gRPC service that answers any call with a fixed message.
class NullReactor : public grpc::ServerGenericBidiReactor {
 public:
  explicit NullReactor(const grpc::ByteBuffer* reply) : reply_(reply) { StartRead(&request_); }
  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status::OK);
      return;
    }
    StartWriteAndFinish(reply_, grpc::WriteOptions(), grpc::Status::OK);
  }
  void OnDone() override { delete this; }

 private:
  const grpc::ByteBuffer* reply_;
  grpc::ByteBuffer request_;
};

class NullService : public grpc::CallbackGenericService {
 public:
  explicit NullService(int bytes) {
    const std::string payload(static_cast<size_t>(bytes), 'x');
    grpc::Slice slice(payload);
    reply_ = grpc::ByteBuffer(&slice, 1);
  }
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext*) override {
    return new NullReactor(&reply_);
  }

 private:
  grpc::ByteBuffer reply_;
};

LoadResult BaselineLoad(const std::string& address, const LoadShape& shape) {
  v1::GetMeetingRequest request;
  request.set_id("m-000000000001");
  std::string bytes = request.SerializeAsString();
  return RawUnaryLoad(address, "/parley.bench.Null/Get", shape, [&](int, int) { return bytes; });
}

}  // namespace

int RunNullServer(const NullServerOptions& options) {
  NullService service(options.bytes);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(), &port);
  builder.RegisterCallbackGenericService(&service);
  auto server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::fprintf(stderr, "null-server: cannot listen on %s\n", options.listen.c_str());
    return 1;
  }
  if (const std::string& port_file = options.port_file; !port_file.empty()) {
    if (const absl::Status written = WritePortFile(port_file, {{"listen", port}}); !written.ok()) {
      std::fprintf(stderr, "null-server: %s\n", written.ToString().c_str());
      return 1;
    }
  }
  server->Wait();
  return 0;
}

int RunLookup(const LookupOptions& options) {
  const int meetings = options.meetings;
  if (!options.target.empty()) {
    LoadResult get = GetLoad(options.target, meetings, options.load);
    PrintLoad(absl::StrCat("GetMeeting on ", options.target, " (", meetings, " stored)"), get);
    LoadResult list = ListLoad(options.target, options.load);
    PrintLoad(absl::StrCat("ListMeetings country, page 50, on ", options.target), list);
    return 0;
  }
  TempDir temp;
  std::string store_dir = options.store_dir;
  if (store_dir.empty()) {
    store_dir = temp.path();
  }
  mkdir(store_dir.c_str(), 0755);
  const std::string marker = absl::StrCat(store_dir, "/PRELOADED-", meetings);
  if (access(marker.c_str(), F_OK) != 0) {
    Preload(store_dir, meetings);
    std::ofstream(marker).flush();
  } else {
    std::fprintf(stderr, "reusing the %d meetings preloaded in %s\n", meetings, store_dir.c_str());
  }
  TempDir port_dir;
  ParleydOptions parleyd_options;
  parleyd_options.bin_dir = options.parleyd.bin_dir;
  parleyd_options.block_cache_mb = options.parleyd.block_cache_mb;
  parleyd_options.data_dir = store_dir;
  parleyd_options.port_dir = port_dir.path();
  const Parleyd parleyd = StartParleyd(parleyd_options);
  const std::string& address = parleyd.address;
  // Ceiling first: a do-nothing service answering with a meeting-sized message.
  const int bytes = static_cast<int>(SyntheticMeeting(1).ByteSizeLong()) + 60;
  double ceiling = 0;
  {
    const std::string port_file = port_dir.path() + "/null-server.port";
    ChildProcess null_server({"/proc/self/exe", "null-server", "--listen=127.0.0.1:0",
                              "--port_file=" + port_file, absl::StrCat("--bytes=", bytes)});
    const absl::StatusOr<int> null_port =
        WaitForListenPort(null_server, port_file, absl::Seconds(30));
    if (!null_port.ok()) {
      std::fprintf(stderr, "null-server: %s\n", null_port.status().ToString().c_str());
      return 1;
    }
    const std::string null_address = absl::StrCat("127.0.0.1:", *null_port);
    auto probe = grpc::CreateChannel(null_address, grpc::InsecureChannelCredentials());
    probe->WaitForConnected(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    LoadResult base = BaselineLoad(null_address, options.load);
    ceiling = base.calls / base.seconds;
    PrintLoad(absl::StrCat("baseline null gRPC (", bytes, " B)"), base);
  }
  if (options.warmup > absl::ZeroDuration()) {
    LoadShape warmup = options.load;
    warmup.duration = options.warmup;
    (void)GetLoad(address, meetings, warmup);  // Unmeasured: fills the block cache.
  }
  LoadResult get = GetLoad(address, meetings, options.load);
  PrintLoad(absl::StrCat("GetMeeting (", meetings, " stored)"), get, ceiling);
  LoadResult list = ListLoad(address, options.load);
  PrintLoad(absl::StrCat("ListMeetings country, page 50"), list);
  std::printf("parleyd peak RSS %.1f MiB, store on disk %.1f MiB, block cache %d MiB\n",
              ProcessKb(parleyd.process->pid(), "VmHWM:") / 1024.0, DirBytes(store_dir) / 1048576.0,
              options.parleyd.block_cache_mb);
  return 0;
}

}  // namespace parley::bench
