#ifndef PARLEY_WORKERS_EXTRACT_EXTRACTOR_H
#define PARLEY_WORKERS_EXTRACT_EXTRACTOR_H

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"
#include "workers/extract/dictionaries.h"

namespace parley::extract {

struct ExtractorOptions {
  size_t max_body_bytes = 8 << 20;  // Larger bodies are rejected with InvalidArgument.
  size_t max_statements = 12;       // Per meeting.
};

// Turns one article into the meetings it reports, with rules over dictionaries: decode is done
// (plain data in), no IO, no clock. Pipeline: normalise -> segment -> match dictionaries ->
// find people and dates -> detect the main meeting and follow-up/side meetings -> fill their
// attributes -> build protos, each with evidence spans into `Article.body`.
//
// Immutable after construction; `Extract` is thread-safe.
struct Analysis;

class Extractor {
 public:
  // The version recorded with every ingest; bump it when extraction changes meaningfully so
  // `parley-ingest reprocess` re-extracts stored articles.
  static constexpr absl::string_view kVersion = "parley-extract/1";

  Extractor(std::shared_ptr<const Dictionaries> dictionaries, ExtractorOptions options = {});

  // An extractor over the dictionaries compiled into the binary.
  static absl::StatusOr<std::unique_ptr<Extractor>> Default();

  // Returns every meeting the article reports, main one first. An article that reports no
  // meeting yields an empty vector. Returns InvalidArgument for an empty, oversized or
  // non-UTF-8 body.
  absl::StatusOr<std::vector<v1::Meeting>> Extract(const v1::Article& article) const;

  // A human-readable account of how `Extract` read the article: sentences with their
  // dictionary matches, people, dates, and the sentences chosen for the main meeting. For
  // debugging extraction (`parley-ingest extract --explain`); the format is not stable.
  absl::StatusOr<std::string> Explain(const v1::Article& article) const;

 private:
  absl::Status Analyse(const v1::Article& article, Analysis* analysis) const;

  std::shared_ptr<const Dictionaries> dictionaries_;
  ExtractorOptions options_;
};

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_EXTRACTOR_H
