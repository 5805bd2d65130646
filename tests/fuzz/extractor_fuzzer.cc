// libFuzzer target for the extractor: bytes go through the text decoder (as the worker does)
// and every decoded article through Extract. Every meeting it returns must pass the service's
// own validation.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "absl/strings/string_view.h"
#include "services/domain/meeting_rules.h"
#include "workers/extract/extractor.h"
#include "workers/ingest/article_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const parley::extract::Extractor* extractor = [] {
    absl::StatusOr<std::unique_ptr<parley::extract::Extractor>> made =
        parley::extract::Extractor::Default();
    if (!made.ok()) {
      std::abort();
    }
    return made->release();
  }();
  parley::DecodeOptions options;
  options.format = parley::InputFormat::kText;
  options.max_input_bytes = 1 << 20;
  absl::StatusOr<std::vector<parley::DecodedArticle>> decoded = parley::DecodeArticles(
      absl::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt", options);
  if (!decoded.ok()) {
    return 0;
  }
  for (const parley::DecodedArticle& article : *decoded) {
    if (!article.article.ok()) {
      continue;
    }
    absl::StatusOr<std::vector<parley::v1::Meeting>> meetings =
        extractor->Extract(*article.article);
    if (!meetings.ok()) {
      continue;
    }
    for (const parley::v1::Meeting& m : *meetings) {
      if (!parley::ValidateMeeting(m).ok()) {
        std::abort();  // The worker would send a meeting the service rejects.
      }
    }
  }
  return 0;
}
