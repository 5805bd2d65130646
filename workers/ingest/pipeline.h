#ifndef PARLEY_WORKERS_INGEST_PIPELINE_H
#define PARLEY_WORKERS_INGEST_PIPELINE_H

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "parley/v1/meeting.pb.h"
#include "parley/v1/meeting_service.pb.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/article_decoder.h"

namespace parley {

// The outcome of one article of an input: decoded and extracted, or the first error.
struct PipelineResult {
  std::string source;
  v1::Article article;  // Set when decoding worked.
  std::vector<v1::Meeting> meetings;
  absl::Status status;  // OK, or why the article failed.
};

// Decode + extract for the worker's modes. Thread-safe (the extractor is immutable).
class Pipeline {
 public:
  explicit Pipeline(std::unique_ptr<extract::Extractor> extractor, DecodeOptions options = {});

  // `published` fills a missing publication date (the CLI's --published).
  std::vector<PipelineResult> Process(absl::string_view bytes, absl::string_view source,
                                      std::optional<absl::CivilDay> published = std::nullopt) const;

  // The articles of an input, decoded and with their ids set, not extracted: the first
  // article's error (InvalidArgument, as Process reports it) when one cannot be decoded.
  [[nodiscard]] absl::StatusOr<std::vector<v1::Article>> Decode(absl::string_view bytes,
                                                                absl::string_view source) const;

  // How the extractor read each article of the input (for `extract --explain`).
  std::string Explain(absl::string_view bytes, absl::string_view source,
                      std::optional<absl::CivilDay> published = std::nullopt) const;

  // Extracts an already decoded article (intake, reprocess).
  PipelineResult ProcessArticle(v1::Article article, absl::string_view source) const;

 private:
  std::unique_ptr<extract::Extractor> extractor_;
  DecodeOptions options_;
};

// The IngestService request that stores `result` (article and meetings) under `version`.
v1::IngestArticleRequest IngestRequestFor(const PipelineResult& result, absl::string_view version);

// One ExtractResult JSON line (proto field names preserved), the `extract` contract.
std::string ToExtractResultJson(const PipelineResult& result);

// The failure record kept with an input that could not be processed (the inbox's
// failed/NAME.error.json, the queue's Parley-Error header): {`name_field`: name, "failed_at":
// RFC 3339 now, "errors": [{"source", "code", "message"}]} as JSON, indented or on one line.
std::string FailureRecordJson(absl::string_view name_field, absl::string_view name,
                              const std::vector<std::pair<std::string, absl::Status>>& errors,
                              bool one_line);

// The canonical name of a status code ("INVALID_ARGUMENT").
std::string CodeName(absl::StatusCode code);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_PIPELINE_H
