// Extractor throughput on one core: the reference article, a generated corpus of 10,000
// varied reports, and single articles of 1 KB to 1 MB (cost must stay linear in length).
//   build/bin/extractor_benchmark [--benchmark_filter=...]

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "bench/corpus_generator.h"
#include "benchmark/benchmark.h"
#include "workers/extract/extractor.h"

namespace parley::bench {
namespace {

const extract::Extractor& TheExtractor() {
  static const extract::Extractor* extractor = [] {
    auto created = extract::Extractor::Default();
    if (!created.ok()) {
      std::abort();
    }
    return created->release();
  }();
  return *extractor;
}

v1::Article ReferenceArticle() {
  const char* dir = std::getenv("PARLEY_SOURCE_DIR");
  std::ifstream in(std::string(dir != nullptr ? dir : ".") +
                   "/examples/articles/almaty-foreign-ministers-2025-04-26.txt");
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  v1::Article article;
  const size_t nl = s.find('\n');
  article.set_title(s.substr(0, nl));
  article.set_body(nl == std::string::npos ? "" : s.substr(nl + 1));
  return article;
}

void BM_ExtractReferenceArticle(benchmark::State& state) {
  const v1::Article article = ReferenceArticle();
  if (article.body().empty()) {
    state.SkipWithError("reference article not found: run from the repository root");
    return;
  }
  for (auto _ : state) {
    auto meetings = TheExtractor().Extract(article);
    benchmark::DoNotOptimize(meetings);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(article.body().size()));
}
BENCHMARK(BM_ExtractReferenceArticle);

void BM_ExtractGeneratedCorpus(benchmark::State& state) {
  static const std::vector<v1::Article> corpus = GenerateCorpus(10000, 42);
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const v1::Article& article = corpus[i++ % corpus.size()];
    auto meetings = TheExtractor().Extract(article);
    benchmark::DoNotOptimize(meetings);
    bytes += static_cast<int64_t>(article.body().size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractGeneratedCorpus);

void BM_ExtractBySize(benchmark::State& state) {
  const v1::Article article = ArticleOfSize(static_cast<size_t>(state.range(0)), 7);
  for (auto _ : state) {
    auto meetings = TheExtractor().Extract(article);
    benchmark::DoNotOptimize(meetings);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(article.body().size()));
}
BENCHMARK(BM_ExtractBySize)
    ->Arg(1 << 10)
    ->Arg(10 << 10)
    ->Arg(100 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMicrosecond);

void BM_LoadDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    auto dict = extract::Dictionaries::Load(extract::EmbeddedDictionaryFiles());
    benchmark::DoNotOptimize(dict);
  }
}
BENCHMARK(BM_LoadDictionaries)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley::bench

BENCHMARK_MAIN();
