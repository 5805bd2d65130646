// parley-bench fanout: many watch streams while writes arrive at a fixed rate: delivery
// latency from commit to each watcher, and parleyd's memory (docs/performance.md).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "bench/bench_process.h"
#include "bench/load_driver.h"
#include "bench/modes.h"
#include "bench/parleyd_setup.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "parley/v1/meeting_service.grpc.pb.h"

namespace parley::bench {
namespace {

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

}  // namespace

int RunFanout(const FanoutOptions& run) {
  TempDir dir, port_dir;
  ParleydOptions parleyd_options;
  parleyd_options.bin_dir = run.parleyd.bin_dir;
  parleyd_options.block_cache_mb = run.parleyd.block_cache_mb;
  parleyd_options.data_dir = dir.path();
  parleyd_options.port_dir = port_dir.path();
  const Parleyd started = StartParleyd(parleyd_options);
  ChildProcess* const parleyd = started.process.get();
  const std::string& address = started.address;
  const int n = run.watchers;
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
  const double rate = run.rate;
  const int writes = static_cast<int>(rate * absl::ToDoubleSeconds(run.duration));
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

}  // namespace parley::bench
