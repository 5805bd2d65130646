#include "bench/parleyd_setup.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/grpcpp.h"
#include "services/store/meeting_store.h"

namespace parley::bench {

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

Parleyd StartParleyd(const ParleydOptions& options) {
  const std::string port_file = options.port_dir + "/parleyd.port";
  Parleyd parleyd;
  parleyd.process = std::make_unique<ChildProcess>(std::vector<std::string>{
      options.bin_dir + "/parleyd", "--listen=127.0.0.1:0", "--port_file=" + port_file,
      "--data_dir=" + options.data_dir,
      absl::StrCat("--sync_writes=", options.sync_writes ? "true" : "false"),
      "--max_watch_streams=20000", absl::StrCat("--block_cache_mb=", options.block_cache_mb)});
  const absl::StatusOr<int> port =
      WaitForListenPort(*parleyd.process, port_file, absl::Seconds(30));
  if (!port.ok()) {
    std::fprintf(stderr, "parleyd did not start: %s\n", port.status().ToString().c_str());
    std::exit(1);
  }
  parleyd.address = absl::StrCat("127.0.0.1:", *port);
  auto channel = grpc::CreateChannel(parleyd.address, grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(absl::ToChronoTime(absl::Now() + absl::Seconds(30)))) {
    std::fprintf(stderr, "parleyd did not start\n");
    std::exit(1);
  }
  return parleyd;
}

}  // namespace parley::bench
