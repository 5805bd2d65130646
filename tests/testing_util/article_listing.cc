#include "tests/testing_util/article_listing.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace parley::testing_util {

absl::StatusOr<std::vector<v1::StoredArticle>> ListAllArticles(v1::IngestService::Stub* stub,
                                                               int page_size) {
  std::vector<v1::StoredArticle> out;
  std::string after;
  do {
    grpc::ClientContext context;
    v1::ListArticlesRequest request;
    request.set_after_id(after);
    request.set_page_size(page_size);
    v1::ListArticlesResponse page;
    const grpc::Status status = stub->ListArticles(&context, request, &page);
    if (!status.ok()) {
      return absl::Status(
          static_cast<absl::StatusCode>(status.error_code()),
          absl::StrCat("ListArticles after '", after, "': ", status.error_message()));
    }
    out.insert(out.end(), page.articles().begin(), page.articles().end());
    after = page.next_after_id();
  } while (!after.empty());
  return out;
}

}  // namespace parley::testing_util
