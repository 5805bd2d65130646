#ifndef PARLEY_WORKERS_INGEST_ARTICLE_DECODER_H
#define PARLEY_WORKERS_INGEST_ARTICLE_DECODER_H

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

namespace parley {

enum class InputFormat { kAuto, kText, kJson, kJsonLines, kHtml };

struct DecodeOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by file name, then by content.
  size_t max_input_bytes = 8 << 20;         // Larger inputs are rejected.
};

// One decoded article of an input (a JSON Lines file holds several), or why it failed.
struct DecodedArticle {
  std::string source;  // The input name, with ":<line>" for JSON Lines.
  absl::StatusOr<v1::Article> article;
};

// Decodes an input into articles: plain text (first line is the title), a JSON envelope
// (proto3 JSON of parley.v1.Article), JSON Lines (one envelope per line) or an HTML page
// (title, main text, publication date from <time> or meta tags). Every article gets its
// content-hash id. Returns InvalidArgument for the input as a whole when it is empty, larger
// than the limit, binary or not UTF-8; per-article errors (malformed JSON line, empty body)
// are in the entries.
[[nodiscard]] absl::StatusOr<std::vector<DecodedArticle>> DecodeArticles(
    absl::string_view bytes, absl::string_view name, const DecodeOptions& options = {});

// The format a name and content suggest.
InputFormat DetectFormat(absl::string_view name, absl::string_view bytes);

}  // namespace parley

#endif  // PARLEY_WORKERS_INGEST_ARTICLE_DECODER_H
