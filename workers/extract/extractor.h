#ifndef PARLEY_WORKERS_EXTRACT_EXTRACTOR_H
#define PARLEY_WORKERS_EXTRACT_EXTRACTOR_H

#include <memory>
#include <string>
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
// (plain data in), no IO, no clock. A façade over six stages (docs/extraction.md):
//   1. annotate (annotate.h): tokens, sentences, dictionary matches, dates, quotes;
//   2. mentions (people.h, parties.h): people with roles, countries in their slots, bodies;
//   3. meeting mentions (meeting_mentions.h): every word that reports a meeting;
//   4. grouping (grouping.h): the mentions of one meeting, and the sentences about it;
//   5. field resolvers (fields/): each field with the spans that support it;
//   6. assembly (assemble.h): records, main meeting first, the no-meeting gate.
//
// Immutable after construction; `Extract` is thread-safe.
class Extractor {
 public:
  // The version recorded with every ingest. It changes whenever the output for some article can
  // change (examples_test holds the examples' outputs together with it), so that
  // `parley-ingest reprocess` re-extracts what an older version stored.
  static constexpr absl::string_view kVersion = "parley-extract/14";

  explicit Extractor(std::shared_ptr<const Dictionaries> dictionaries,
                     ExtractorOptions options = {});

  // An extractor over the dictionaries compiled into the binary.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Extractor>> Default();

  // Returns every meeting the article reports, main one first. An article that reports no
  // meeting yields an empty vector. Returns InvalidArgument for an empty, oversized or
  // non-UTF-8 body.
  [[nodiscard]] absl::StatusOr<std::vector<v1::Meeting>> Extract(const v1::Article& article) const;

  // A human-readable account of what each stage produced for the article (`parley-ingest
  // extract --explain`); the format is for people and not stable.
  [[nodiscard]] absl::StatusOr<std::string> Explain(const v1::Article& article) const;

 private:
  std::shared_ptr<const Dictionaries> dictionaries_;
  ExtractorOptions options_;
};

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_EXTRACTOR_H
