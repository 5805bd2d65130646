// libFuzzer target for request parsing and validation: the bytes are parsed as each request
// message the service accepts, then run through the same checks and domain rules the handlers
// use (filters, page tokens, meeting validation, normalisation and merging). Their results are
// ignored on purpose (`(void)`): the target looks for crashes and broken invariants only.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "parley/v1/meeting_service.pb.h"
#include "services/api/page_token.h"
#include "services/domain/meeting_rules.h"

namespace {

void CheckFilter(const parley::v1::MeetingFilter& filter, const parley::v1::Meeting& sample) {
  if (parley::ValidateFilter(filter).ok()) {
    (void)parley::MatchesFilter(sample, filter);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parley::v1::ListMeetingsRequest list;
  if (list.ParseFromArray(data, static_cast<int>(size))) {
    CheckFilter(list.filter(), parley::v1::Meeting());
    (void)parley::DecodePageToken(list.page_token(), list.filter());
  }
  parley::v1::WatchMeetingsRequest watch;
  if (watch.ParseFromArray(data, static_cast<int>(size))) {
    CheckFilter(watch.filter(), parley::v1::Meeting());
  }
  parley::v1::IngestArticleRequest ingest;
  if (ingest.ParseFromArray(data, static_cast<int>(size))) {
    (void)parley::ValidateArticleFields(ingest.article());
    const parley::v1::Meeting* previous = nullptr;
    for (const parley::v1::Meeting& m : ingest.meetings()) {
      if (!parley::ValidateMeeting(m).ok()) {
        continue;
      }
      const parley::v1::Meeting normal = parley::Normalised(m);
      if (!parley::ValidateMeeting(normal).ok()) {
        std::abort();  // Normalising a valid meeting must keep it valid.
      }
      if (previous != nullptr) {
        const double score = parley::SameMeetingScore(*previous, normal);
        if (!(score >= 0 && score <= 1)) {
          std::abort();
        }
        (void)parley::MergeMeetings(*previous, normal);
      }
      CheckFilter(parley::v1::MeetingFilter(), normal);
      previous = &m;
    }
  }
  return 0;
}
