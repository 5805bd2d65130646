#ifndef PARLEY_TESTS_TESTING_UTIL_ARTICLE_LISTING_H
#define PARLEY_TESTS_TESTING_UTIL_ARTICLE_LISTING_H

#include <vector>

#include "absl/status/statusor.h"
#include "parley/v1/meeting_service.grpc.pb.h"

namespace parley::testing_util {

// Every stored article, page by page through ListArticles (`page_size` each), in listing
// order; the first failing page's status otherwise.
[[nodiscard]] absl::StatusOr<std::vector<v1::StoredArticle>> ListAllArticles(
    v1::IngestService::Stub* stub, int page_size = 500);

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_ARTICLE_LISTING_H
