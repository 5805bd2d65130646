// libFuzzer target for one article decoder, chosen at build time by PARLEY_FUZZ_FORMAT
// (kText, kJson or kHtml): any bytes must decode to articles or to a clear error, never crash.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "workers/ingest/article_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parley::DecodeOptions options;
  options.format = parley::InputFormat::PARLEY_FUZZ_FORMAT;
  options.max_input_bytes = 1 << 20;
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<std::vector<parley::DecodedArticle>> decoded =
      parley::DecodeArticles(bytes, "fuzz", options);
  if (!decoded.ok()) {
    if (decoded.status().message().empty()) {
      std::abort();  // Every refusal must say why.
    }
    return 0;
  }
  for (const parley::DecodedArticle& article : *decoded) {
    if (article.article.ok()) {
      // A decoded article has a content-hash id and a body.
      if (article.article->id().size() != 34 || article.article->body().empty()) {
        std::abort();
      }
    } else if (article.article.status().message().empty()) {
      std::abort();
    }
  }
  return 0;
}
