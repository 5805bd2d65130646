#ifndef PARLEY_WORKERS_EXTRACT_EXPLAIN_H
#define PARLEY_WORKERS_EXTRACT_EXPLAIN_H

#include <string>
#include <vector>

#include "parley/v1/meeting.pb.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {

// What each stage produced for one article, for people debugging extraction: the sentences
// with their dictionary matches, cues and dates (1), the people and parties (2), the meeting
// mentions (3), the groups and their sentences (4), and each record with the evidence of its
// fields (5, 6).
std::string ExplainStages(const Context& c, const std::vector<v1::Meeting>& meetings);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_EXPLAIN_H
