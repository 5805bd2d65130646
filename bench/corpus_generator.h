#ifndef PARLEY_BENCH_CORPUS_GENERATOR_H
#define PARLEY_BENCH_CORPUS_GENERATOR_H

#include <cstdint>
#include <string>
#include <vector>

#include "parley/v1/meeting.pb.h"

namespace parley::bench {

// Composes realistic, varied meeting reports from templates: bilateral talks, phone calls,
// summits, ministerials, state visits, postponements, with datelines, roles, quotes, signed
// documents, topics and filler paragraphs, over 40 countries. Deterministic for a seed.
std::vector<v1::Article> GenerateCorpus(int count, uint64_t seed);

// One generated article grown (by more paragraphs of the same kind) to about `bytes` bytes.
v1::Article ArticleOfSize(size_t bytes, uint64_t seed);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CORPUS_GENERATOR_H
