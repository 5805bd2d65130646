// parley-bench: load generators and baselines, each against a real parleyd process on this
// machine (docs/performance.md has the figures and the method).
//   parley-bench lookup   [--meetings=N] [--seconds=S] [--connections=C] [--streams=M]
//   parley-bench baseline [--seconds=S] [--connections=C] [--streams=M]
//   parley-bench rocksdb  [--meetings=N] [--seconds=S] [--threads=T]
//   parley-bench ingest   [--articles=N] [--workers=W] [--sync_writes]
//   parley-bench fanout   [--watchers=N] [--rate=R] [--seconds=S]
// Every run prints one line of figures per measurement.

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "bench/corpus_generator.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/store/meeting_store.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/subprocess.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/ingest_client.h"
#include "workers/ingest/pipeline.h"

ABSL_FLAG(int32_t, meetings, 10000, "Meetings stored before a lookup run");
ABSL_FLAG(double, seconds, 10, "Length of each measurement");
ABSL_FLAG(int32_t, connections, 4, "Client channels (separate TCP connections)");
ABSL_FLAG(int32_t, streams, 32, "Outstanding calls per connection");
ABSL_FLAG(int32_t, threads, 2, "Reader threads (rocksdb)");
ABSL_FLAG(int32_t, articles, 20000, "Articles to ingest");
ABSL_FLAG(int32_t, workers, 4, "Ingest client threads");
ABSL_FLAG(bool, sync_writes, false, "ingest: parleyd fsyncs every write (its default)");
ABSL_FLAG(int32_t, watchers, 1000, "Watch streams");
ABSL_FLAG(double, rate, 200, "Writes per second during fanout");
ABSL_FLAG(std::string, bin_dir, "build/bin", "Where parleyd is");
ABSL_FLAG(std::string, listen, "", "null-server: address to serve on");
ABSL_FLAG(int32_t, bytes, 600, "null-server: response size");
ABSL_FLAG(std::string, store_dir, "",
          "lookup: keep the preloaded store in this folder and reuse it on the next run "
          "(a 1M-meeting preload takes minutes); empty = a temp dir");
ABSL_FLAG(int32_t, block_cache_mb, 64, "lookup: parleyd --block_cache_mb");
ABSL_FLAG(double, warmup_seconds, 0,
          "lookup: run the GetMeeting load this long first, unmeasured, so the block cache is "
          "in its steady state");

namespace parley::bench {
namespace {

using testing_util::FreePort;
using testing_util::ScopedTempDir;
using testing_util::Subprocess;

struct Latencies {
  std::vector<uint32_t> micros;
  void Merge(const Latencies& other) {
    micros.insert(micros.end(), other.micros.begin(), other.micros.end());
  }
  double Percentile(double p) {
    if (micros.empty()) {
      return 0;
    }
    std::sort(micros.begin(), micros.end());
    const size_t i = std::min(micros.size() - 1, static_cast<size_t>(p * micros.size()));
    return micros[i] / 1000.0;
  }
};

int64_t ProcessKb(pid_t pid, const char* field) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::atoll(line.c_str() + std::strlen(field));
    }
  }
  return 0;
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      total += entry.file_size();
    }
  }
  return total;
}

// A realistic stored meeting number `i` (distinct dates, so none merge).
v1::Meeting SyntheticMeeting(int i) {
  static const char* kCodes[] = {"FR", "DE", "JP", "IN", "BR", "KE", "EG", "KZ", "CN", "RU",
                                 "TR", "PL", "ES", "IT", "MX", "CA", "AU", "ID", "VN", "NG"};
  v1::Meeting m;
  m.set_kind(v1::MEETING_KIND_BILATERAL);
  m.set_status(v1::MEETING_STATUS_HELD);
  m.mutable_start_date()->set_year(1000 + i / 336);
  m.mutable_start_date()->set_month(1 + (i / 28) % 12);
  m.mutable_start_date()->set_day(1 + i % 28);
  m.add_countries(kCodes[i % 20]);
  m.add_countries(
      kCodes[(i * 7 + 3) % 20] == std::string(kCodes[i % 20]) ? "US" : kCodes[(i * 7 + 3) % 20]);
  m.mutable_venue()->set_city("Geneva");
  m.mutable_venue()->set_country_code("CH");
  for (int p = 0; p < 2; ++p) {
    v1::Person* person = m.add_people();
    person->set_name(absl::StrCat("Minister ", i, "-", p));
    person->set_role("Foreign Minister");
    person->set_country_code(m.countries(p));
  }
  m.add_topics(v1::TOPIC_TRADE);
  m.add_topics(v1::TOPIC_SECURITY);
  m.set_title(absl::StrCat("Talks ", i));
  v1::Statement* s = m.add_statements();
  s->set_speaker(m.people(0).name());
  s->set_text(
      "We agreed to deepen our partnership in trade, energy and transport, and to meet "
      "again next year to review progress on the projects discussed today.");
  return m;
}

// Fills a store with `n` meetings (one article each) and closes it.
void Preload(const std::string& dir, int n) {
  StoreOptions options;
  options.path = dir;
  options.sync_writes = false;
  auto store = MeetingStore::Open(options);
  if (!store.ok()) {
    std::fprintf(stderr, "preload: %s\n", store.status().ToString().c_str());
    std::exit(1);
  }
  const absl::Time start = absl::Now();
  for (int i = 0; i < n; ++i) {
    v1::Article article;
    article.set_title(absl::StrCat("Article ", i));
    article.set_body(absl::StrCat("Body ", i));
    auto outcome = (*store)->IngestArticle(article, {SyntheticMeeting(i)}, "bench", absl::Now());
    if (!outcome.ok()) {
      std::fprintf(stderr, "preload: %s\n", outcome.status().ToString().c_str());
      std::exit(1);
    }
  }
  std::fprintf(stderr, "preloaded %d meetings in %.1f s\n", n,
               absl::ToDoubleSeconds(absl::Now() - start));
}

// parleyd on a free port over `dir`, ready when this returns.
std::unique_ptr<Subprocess> StartParleyd(const std::string& dir, std::string* address,
                                         bool sync_writes = false) {
  *address = absl::StrCat("127.0.0.1:", FreePort());
  auto process = std::make_unique<Subprocess>(std::vector<std::string>{
      absl::GetFlag(FLAGS_bin_dir) + "/parleyd", "--listen=" + *address, "--data_dir=" + dir,
      absl::StrCat("--sync_writes=", sync_writes ? "true" : "false"), "--max_watch_streams=20000",
      absl::StrCat("--block_cache_mb=", absl::GetFlag(FLAGS_block_cache_mb))});
  auto channel = grpc::CreateChannel(*address, grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(absl::ToChronoTime(absl::Now() + absl::Seconds(30)))) {
    std::fprintf(stderr, "parleyd did not start\n");
    std::exit(1);
  }
  return process;
}

// Closed-loop load: `slots` calls in flight; `issue(slot, done)` starts one call and calls
// `done(ok)` when it completes. Returns calls completed and their latencies.
struct LoadResult {
  uint64_t calls = 0;
  uint64_t errors = 0;
  double seconds = 0;
  Latencies latencies;
};

LoadResult RunLoad(int slots, absl::Duration duration,
                   const std::function<void(int, std::function<void(bool)>)>& issue) {
  struct Slot {
    Latencies latencies;
    uint64_t errors = 0;
    absl::Time started;
  };
  std::vector<Slot> state(slots);
  std::atomic<int> running{slots};
  absl::Notification all_done;
  const absl::Time deadline = absl::Now() + duration;
  std::function<void(int)> start = [&](int slot) {
    state[slot].started = absl::Now();
    issue(slot, [&, slot](bool ok) {
      const absl::Time now = absl::Now();
      state[slot].latencies.micros.push_back(
          static_cast<uint32_t>(absl::ToInt64Microseconds(now - state[slot].started)));
      state[slot].errors += ok ? 0 : 1;
      if (now < deadline) {
        start(slot);
      } else if (running.fetch_sub(1) == 1) {
        all_done.Notify();
      }
    });
  };
  const absl::Time begin = absl::Now();
  for (int s = 0; s < slots; ++s) {
    start(s);
  }
  all_done.WaitForNotification();
  LoadResult result;
  result.seconds = absl::ToDoubleSeconds(absl::Now() - begin);
  for (Slot& s : state) {
    result.calls += s.latencies.micros.size();
    result.errors += s.errors;
    result.latencies.Merge(s.latencies);
  }
  return result;
}

void Print(const std::string& name, LoadResult& r, double ceiling_qps = 0) {
  const double qps = r.calls / r.seconds;
  std::printf("%-34s %9.0f QPS  p50 %6.2f ms  p99 %6.2f ms  p999 %6.2f ms  errors %llu",
              name.c_str(), qps, r.latencies.Percentile(0.50), r.latencies.Percentile(0.99),
              r.latencies.Percentile(0.999), static_cast<unsigned long long>(r.errors));
  if (ceiling_qps > 0) {
    std::printf("  ratio to baseline %.2f", qps / ceiling_qps);
  }
  std::printf("\n");
  std::fflush(stdout);
}

std::vector<std::shared_ptr<grpc::Channel>> Channels(const std::string& address, int n) {
  std::vector<std::shared_ptr<grpc::Channel>> out;
  for (int i = 0; i < n; ++i) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.use_local_subchannel_pool", 1);
    args.SetInt("bench.channel", i);  // Distinct arguments: a connection of its own.
    out.push_back(grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
  }
  return out;
}

// Raw unary calls (like h2load): requests are encoded once per call, responses are checked
// for status and size but not decoded, so the client's own decoding on the shared cores does
// not dominate the server's figures. The baseline below is driven the same way.
LoadResult RawUnaryLoad(const std::string& address, const std::string& method,
                        const std::function<std::string(int slot, int n)>& request_bytes) {
  const int connections = absl::GetFlag(FLAGS_connections);
  const int streams = absl::GetFlag(FLAGS_streams);
  auto channels = Channels(address, connections);
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs;
  stubs.reserve(channels.size());
  for (auto& c : channels) {
    stubs.push_back(std::make_unique<grpc::GenericStub>(c));
  }
  struct Call {
    std::unique_ptr<grpc::ClientContext> context;
    grpc::ByteBuffer request;
    grpc::ByteBuffer response;
    int n = 0;
  };
  std::vector<Call> calls(static_cast<size_t>(connections) * streams);
  return RunLoad(
      static_cast<int>(calls.size()), absl::Seconds(absl::GetFlag(FLAGS_seconds)),
      [&](int slot, const std::function<void(bool)>& done) {
        Call& call = calls[slot];
        call.context = std::make_unique<grpc::ClientContext>();
        grpc::Slice slice(request_bytes(slot, call.n++));
        call.request = grpc::ByteBuffer(&slice, 1);
        stubs[slot % connections]->UnaryCall(
            call.context.get(), method, grpc::StubOptions(), &call.request, &call.response,
            [done, &call](const grpc::Status& s) { done(s.ok() && call.response.Length() > 0); });
      });
}

LoadResult GetLoad(const std::string& address, int meetings) {
  std::vector<std::mt19937> rngs(
      static_cast<size_t>(absl::GetFlag(FLAGS_connections) * absl::GetFlag(FLAGS_streams)));
  for (size_t i = 0; i < rngs.size(); ++i) {
    rngs[i].seed(static_cast<uint32_t>(i));
  }
  return RawUnaryLoad(address, "/parley.v1.MeetingService/GetMeeting", [&](int slot, int) {
    v1::GetMeetingRequest request;
    request.set_id(absl::StrFormat("m-%012d", 1 + rngs[slot]() % static_cast<uint32_t>(meetings)));
    return request.SerializeAsString();
  });
}

LoadResult ListLoad(const std::string& address) {
  static const char* kCodes[] = {"FR", "DE", "JP", "IN", "BR", "KE", "EG", "KZ", "CN", "RU"};
  return RawUnaryLoad(address, "/parley.v1.MeetingService/ListMeetings", [&](int slot, int n) {
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

int NullServer() {
  NullService service(absl::GetFlag(FLAGS_bytes));
  grpc::ServerBuilder builder;
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen), grpc::InsecureServerCredentials());
  builder.RegisterCallbackGenericService(&service);
  auto server = builder.BuildAndStart();
  server->Wait();
  return 0;
}

LoadResult BaselineLoad(const std::string& address) {
  v1::GetMeetingRequest request;
  request.set_id("m-000000000001");
  std::string bytes = request.SerializeAsString();
  return RawUnaryLoad(address, "/parley.bench.Null/Get", [&](int, int) { return bytes; });
}

int Lookup() {
  const int meetings = absl::GetFlag(FLAGS_meetings);
  ScopedTempDir temp;
  std::string store_dir = absl::GetFlag(FLAGS_store_dir);
  if (store_dir.empty()) {
    store_dir = temp.path();
  }
  mkdir(store_dir.c_str(), 0755);
  const std::string marker = absl::StrCat(store_dir, "/PRELOADED-", meetings);
  if (access(marker.c_str(), F_OK) != 0) {
    Preload(store_dir, meetings);
    testing_util::WriteFile(marker, "");
  } else {
    std::fprintf(stderr, "reusing the %d meetings preloaded in %s\n", meetings, store_dir.c_str());
  }
  std::string address;
  auto parleyd = StartParleyd(store_dir, &address);
  // Ceiling first: a do-nothing service answering with a meeting-sized message.
  const int bytes = static_cast<int>(SyntheticMeeting(1).ByteSizeLong()) + 60;
  const std::string null_address = absl::StrCat("127.0.0.1:", FreePort());
  double ceiling = 0;
  {
    Subprocess null_server({"/proc/self/exe", "null-server", "--listen=" + null_address,
                            absl::StrCat("--bytes=", bytes)});
    auto probe = grpc::CreateChannel(null_address, grpc::InsecureChannelCredentials());
    probe->WaitForConnected(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
    LoadResult base = BaselineLoad(null_address);
    ceiling = base.calls / base.seconds;
    Print(absl::StrCat("baseline null gRPC (", bytes, " B)"), base);
  }
  if (absl::GetFlag(FLAGS_warmup_seconds) > 0) {
    const double measured = absl::GetFlag(FLAGS_seconds);
    absl::SetFlag(&FLAGS_seconds, absl::GetFlag(FLAGS_warmup_seconds));
    (void)GetLoad(address, meetings);
    absl::SetFlag(&FLAGS_seconds, measured);
  }
  LoadResult get = GetLoad(address, meetings);
  Print(absl::StrCat("GetMeeting (", meetings, " stored)"), get, ceiling);
  LoadResult list = ListLoad(address);
  Print(absl::StrCat("ListMeetings country, page 50"), list);
  std::printf("parleyd peak RSS %.1f MiB, store on disk %.1f MiB, block cache %d MiB\n",
              ProcessKb(parleyd->pid(), "VmHWM:") / 1024.0, DirBytes(store_dir) / 1048576.0,
              absl::GetFlag(FLAGS_block_cache_mb));
  return 0;
}

int RocksDb() {
  const int meetings = absl::GetFlag(FLAGS_meetings);
  ScopedTempDir dir;
  Preload(dir.path(), meetings);
  StoreOptions options;
  options.path = dir.path();
  auto store = MeetingStore::Open(options);
  if (!store.ok()) {
    return 1;
  }
  std::atomic<uint64_t> reads{0};
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(absl::GetFlag(FLAGS_threads)));
  const absl::Time deadline = absl::Now() + absl::Seconds(absl::GetFlag(FLAGS_seconds));
  const absl::Time begin = absl::Now();
  for (int t = 0; t < absl::GetFlag(FLAGS_threads); ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      uint64_t n = 0;
      while (absl::Now() < deadline) {
        for (int k = 0; k < 256; ++k) {
          auto m = (*store)->GetMeeting(absl::StrFormat("m-%012d", 1 + rng() % meetings));
          n += m.ok() ? 1 : 0;
        }
      }
      reads.fetch_add(n);
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  std::printf("%-34s %9.0f reads/s  (%d threads, no gRPC)\n", "RocksDB point reads via store",
              reads.load() / absl::ToDoubleSeconds(absl::Now() - begin),
              absl::GetFlag(FLAGS_threads));
  return 0;
}

int Ingest() {
  const int n = absl::GetFlag(FLAGS_articles);
  const std::vector<v1::Article> corpus = GenerateCorpus(n, 2026);
  ScopedTempDir dir;
  std::string address;
  auto parleyd = StartParleyd(dir.path(), &address, absl::GetFlag(FLAGS_sync_writes));
  auto extractor = extract::Extractor::Default();
  Pipeline pipeline(*std::move(extractor));
  IngestClient client(MakeChannel(address));
  std::atomic<int> next{0};
  std::atomic<uint64_t> meetings{0};
  std::atomic<uint64_t> failures{0};
  const absl::Time begin = absl::Now();
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(absl::GetFlag(FLAGS_workers)));
  for (int w = 0; w < absl::GetFlag(FLAGS_workers); ++w) {
    threads.emplace_back([&] {
      for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
        PipelineResult r = pipeline.ProcessArticle(corpus[i], "bench");
        const v1::IngestArticleRequest request = IngestRequestFor(r, "bench");
        auto response = client.Ingest(request);
        if (response.ok()) {
          meetings.fetch_add(static_cast<uint64_t>(response->changes_size()));
        } else {
          failures.fetch_add(1);
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - begin);
  const int64_t rss_kb = ProcessKb(parleyd->pid(), "VmHWM:");
  parleyd->Signal(SIGTERM);
  parleyd->Wait(absl::Seconds(30));
  StoreOptions options;
  options.path = dir.path();
  uint64_t count = 0;
  {
    auto store = MeetingStore::Open(options);
    if (store.ok()) {
      count = (*store)->meeting_count();
    }
  }
  const double mib = DirBytes(dir.path()) / 1048576.0;
  std::printf("%-34s %9.0f articles/s  (%d articles, %d workers, sync_writes=%s, %llu failed)\n",
              "end-to-end ingest", n / seconds, n, absl::GetFlag(FLAGS_workers),
              absl::GetFlag(FLAGS_sync_writes) ? "true" : "false",
              static_cast<unsigned long long>(failures.load()));
  std::printf(
      "store: %llu meetings, %.1f MiB on disk, %.2f MiB per 1,000 meetings; parleyd peak "
      "RSS %.1f MiB\n",
      static_cast<unsigned long long>(count), mib, count > 0 ? mib * 1000 / count : 0.0,
      rss_kb / 1024.0);
  return failures.load() == 0 ? 0 : 1;
}

// Calls `field(number, begin, end, value)` for each field of a message: length-delimited ones
// with their bytes, varints with their value; others are skipped. Stops at malformed bytes.
template <typename F>
void ForEachField(const uint8_t* p, const uint8_t* end, F field) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::CodedInputStream in(p, static_cast<int>(end - p));
  for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    switch (WireFormatLite::GetTagWireType(tag)) {
      case WireFormatLite::WIRETYPE_VARINT: {
        uint64_t value = 0;
        if (!in.ReadVarint64(&value)) {
          return;
        }
        field(number, nullptr, nullptr, value);
        break;
      }
      case WireFormatLite::WIRETYPE_LENGTH_DELIMITED: {
        uint32_t length = 0;
        if (!in.ReadVarint32(&length)) {
          return;
        }
        const uint8_t* begin = p + in.CurrentPosition();
        if (length > static_cast<uint64_t>(end - begin) || !in.Skip(static_cast<int>(length))) {
          return;
        }
        field(number, begin, begin + length, 0);
        break;
      }
      default:
        if (!WireFormatLite::SkipField(&in, tag)) {
          return;
        }
    }
  }
}

// A watcher that reads raw responses and looks only at each event's meeting.update_time, so
// the load generator's own decoding does not dominate the measurement on a shared machine.
class FanoutWatcher : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit FanoutWatcher(grpc::GenericStub* stub) {
    v1::WatchMeetingsRequest request;
    const std::string bytes = request.SerializeAsString();
    grpc::Slice slice(bytes);
    request_ = grpc::ByteBuffer(&slice, 1);
    stub->PrepareBidiStreamingCall(&context_, "/parley.v1.MeetingService/WatchMeetings",
                                   grpc::StubOptions(), this);
    StartWriteLast(&request_, grpc::WriteOptions());
    StartRead(&response_);
    StartCall();
  }
  void OnReadDone(bool ok) override {
    if (!ok) {
      return;
    }
    const absl::Time now = absl::Now();
    std::vector<grpc::Slice> slices;
    (void)response_.Dump(&slices);
    std::string bytes;
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    const auto* begin = reinterpret_cast<const uint8_t*>(bytes.data());
    ForEachField(
        begin, begin + bytes.size(), [&](int f, const uint8_t* b, const uint8_t* e, uint64_t) {
          if (f != v1::WatchMeetingsResponse::kEventsFieldNumber || b == nullptr) return;
          ForEachField(b, e, [&](int g, const uint8_t* mb, const uint8_t* me, uint64_t) {
            if (g != v1::MeetingEvent::kMeetingFieldNumber || mb == nullptr) return;
            ForEachField(mb, me, [&](int h, const uint8_t* tb, const uint8_t* te, uint64_t) {
              if (h != v1::Meeting::kUpdateTimeFieldNumber || tb == nullptr) return;
              int64_t seconds = 0;
              int64_t nanos = 0;
              ForEachField(tb, te, [&](int k, const uint8_t*, const uint8_t*, uint64_t v) {
                if (k == google::protobuf::Timestamp::kSecondsFieldNumber) {
                  seconds = static_cast<int64_t>(v);
                }
                if (k == google::protobuf::Timestamp::kNanosFieldNumber) {
                  nanos = static_cast<int64_t>(v);
                }
              });
              const absl::Time committed =
                  absl::FromUnixSeconds(seconds) + absl::Nanoseconds(nanos);
              latencies_.micros.push_back(static_cast<uint32_t>(
                  std::max<int64_t>(0, absl::ToInt64Microseconds(now - committed))));
            });
          });
        });
    StartRead(&response_);
  }
  void OnDone(const grpc::Status&) override { done_.Notify(); }
  void Stop() {
    context_.TryCancel();
    done_.WaitForNotification();
  }
  Latencies& latencies() { return latencies_; }

 private:
  grpc::ClientContext context_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  Latencies latencies_;
  absl::Notification done_;
};

int Fanout() {
  ScopedTempDir dir;
  std::string address;
  auto parleyd = StartParleyd(dir.path(), &address);
  const int n = absl::GetFlag(FLAGS_watchers);
  auto channels = Channels(address, 8);
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs;
  stubs.reserve(channels.size());
  for (auto& c : channels) {
    stubs.push_back(std::make_unique<grpc::GenericStub>(c));
  }
  std::vector<std::unique_ptr<FanoutWatcher>> watchers;
  watchers.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    watchers.push_back(std::make_unique<FanoutWatcher>(stubs[i % stubs.size()].get()));
  }
  absl::SleepFor(absl::Seconds(1));
  const int64_t rss_idle = ProcessKb(parleyd->pid(), "VmRSS:");
  auto ingest =
      v1::IngestService::NewStub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  const double rate = absl::GetFlag(FLAGS_rate);
  const int writes = static_cast<int>(rate * absl::GetFlag(FLAGS_seconds));
  const absl::Time begin = absl::Now();
  for (int i = 0; i < writes; ++i) {
    const absl::Time due = begin + absl::Seconds(i / rate);
    if (absl::Now() < due) {
      absl::SleepFor(due - absl::Now());
    }
    grpc::ClientContext context;
    v1::IngestArticleRequest request;
    request.mutable_article()->set_title(absl::StrCat("Fanout ", i));
    request.mutable_article()->set_body(absl::StrCat("Body ", i));
    *request.add_meetings() = SyntheticMeeting(i);
    v1::IngestArticleResponse response;
    (void)ingest->IngestArticle(&context, request, &response);
  }
  absl::SleepFor(absl::Seconds(2));
  const int64_t rss = ProcessKb(parleyd->pid(), "VmRSS:");
  const int64_t peak = ProcessKb(parleyd->pid(), "VmHWM:");
  Latencies all;
  uint64_t delivered = 0;
  for (auto& w : watchers) {
    w->Stop();
    delivered += w->latencies().micros.size();
    all.Merge(w->latencies());
  }
  std::printf(
      "%-34s %d watchers x %.0f writes/s: delivered %llu of %llu events, latency p50 "
      "%.2f ms p99 %.2f ms p999 %.2f ms\n",
      "watch fan-out", n, rate, static_cast<unsigned long long>(delivered),
      static_cast<unsigned long long>(writes) * static_cast<unsigned long long>(n),
      all.Percentile(0.5), all.Percentile(0.99), all.Percentile(0.999));
  std::printf("parleyd RSS idle with streams %.1f MiB, after %.1f MiB, peak %.1f MiB\n",
              rss_idle / 1024.0, rss / 1024.0, peak / 1024.0);
  return delivered == static_cast<uint64_t>(writes) * n ? 0 : 1;
}

}  // namespace
}  // namespace parley::bench

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string command = args.size() > 1 ? args[1] : "";
  if (command == "lookup") return parley::bench::Lookup();
  if (command == "rocksdb") return parley::bench::RocksDb();
  if (command == "ingest") return parley::bench::Ingest();
  if (command == "fanout") return parley::bench::Fanout();
  if (command == "null-server") return parley::bench::NullServer();
  std::fprintf(stderr, "usage: parley-bench lookup|rocksdb|ingest|fanout [flags]\n");
  return 2;
}
