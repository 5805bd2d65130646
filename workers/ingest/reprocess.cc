#include "workers/ingest/reprocess.h"

namespace parley {
namespace {

bool GaveUp(const ProgressDeadline* deadline) {
  return deadline != nullptr && !deadline->given_up().ok();
}

bool IsGiveUp(const ProgressDeadline* deadline, const absl::Status& status) {
  return deadline != nullptr && status == deadline->given_up();
}

}  // namespace

ReprocessSummary ReprocessStoredArticles(const IngestClient& client, const Pipeline& pipeline,
                                         const ReprocessOptions& options) {
  ReprocessSummary summary;
  std::string after;
  while (!GaveUp(options.deadline)) {
    v1::ListArticlesRequest request;
    request.set_after_id(after);
    request.set_page_size(options.page_size);
    const absl::StatusOr<v1::ListArticlesResponse> listed = client.ListArticles(request);
    if (!listed.ok()) {
      if (!IsGiveUp(options.deadline, listed.status())) {
        summary.list_error = listed.status();
      }
      break;
    }
    for (const v1::StoredArticle& stored : listed->articles()) {
      ++summary.seen;
      if (stored.extractor_version() == options.extractor_version) {
        continue;
      }
      const PipelineResult result =
          pipeline.ProcessArticle(stored.article(), stored.article().id());
      absl::Status outcome = result.status;
      if (outcome.ok()) {
        outcome = client.Ingest(IngestRequestFor(result, options.extractor_version)).status();
      }
      if (outcome.ok()) {
        ++summary.updated;
      } else if (IsGiveUp(options.deadline, outcome)) {
        break;  // The caller reports the give-up once.
      } else {
        ++summary.failed;
        if (options.on_failure) {
          options.on_failure(stored.article().id(), outcome);
        }
      }
    }
    if (listed->next_after_id().empty()) {
      break;
    }
    after = listed->next_after_id();
  }
  return summary;
}

}  // namespace parley
