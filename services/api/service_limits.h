#ifndef PARLEY_SERVICES_API_SERVICE_LIMITS_H
#define PARLEY_SERVICES_API_SERVICE_LIMITS_H

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parley {

// The bounds the services put on requests and responses (flags of parleyd). Plain data.
struct ServiceLimits {
  int default_page_size = 50;
  int max_page_size = 500;
  int max_batch_ids = 1000;
  size_t max_id_bytes = 128;
  size_t max_watch_streams = 10000;
  size_t max_article_bytes = 8 << 20;
  // Meetings one IngestArticle may carry, and their serialized bytes together: an article
  // reports a handful; these bound how long one write holds the store.
  int max_meetings_per_article = 100;
  size_t max_meeting_bytes_per_article = 4 << 20;
  // Largest response body; list pages end early to stay under it, a batch that cannot is
  // refused with RESOURCE_EXHAUSTED. 0 = no limit. ParleyServer derives it from the message limit.
  size_t max_response_bytes = 0;
};

// Checks an id field of a request (`field` names it in the error). Ids are minted by the
// service ("m-…", "a-…"), so anything else cannot name a record.
// Returns InvalidArgument when `id` is empty, longer than `max_bytes`, or holds a character
// other than a letter, a digit, '-' or '_'.
[[nodiscard]] absl::Status ValidateId(absl::string_view field, const std::string& id,
                                      size_t max_bytes);

// The page size a list call serves: `requested`, or the default for 0, at most the maximum.
// Returns InvalidArgument for a negative `requested`.
[[nodiscard]] absl::StatusOr<int> PageSize(int requested, const ServiceLimits& limits);

}  // namespace parley

#endif  // PARLEY_SERVICES_API_SERVICE_LIMITS_H
