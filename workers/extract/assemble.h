#ifndef PARLEY_WORKERS_EXTRACT_ASSEMBLE_H
#define PARLEY_WORKERS_EXTRACT_ASSEMBLE_H

#include <vector>

#include "parley/v1/meeting.pb.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

struct AssembleOptions {
  size_t max_statements = 12;  // Per meeting.
};

// Stage 6: one record per meeting group, each field from its resolver with its evidence
// mapped to byte spans of `Article.body`; the gate for articles that report no meeting (the
// main group needs two sides, or one side and a counterpart or a body); the main meeting
// first; countries coded as the states of the meeting's time; records in canonical form.
std::vector<v1::Meeting> Assemble(const Context& c, const AssembleOptions& options);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_ASSEMBLE_H
