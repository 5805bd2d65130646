#ifndef PARLEY_TESTS_TESTING_UTIL_EXTRACTION_SCORE_H
#define PARLEY_TESTS_TESTING_UTIL_EXTRACTION_SCORE_H

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"

// Field-by-field scoring of extracted meetings against gold records, as the dev scorer's README
// (`../shared/eval/README.md`) describes it; written from that description for the in-repo
// regression corpus (tests/data/regression/, see its README for the rules in detail).
namespace parley::testing_util {

// True/false positives and false negatives of one field, summed over articles.
struct FieldCounts {
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t fn = 0;

  // 1 when there is nothing to score (no prediction, or no gold value).
  double Precision() const;
  double Recall() const;
  // 0 when precision and recall are both 0.
  double F1() const;
  void Add(const FieldCounts& other);
};

// The ten scored fields, in table order.
enum class ScoredField {
  kDate,
  kVenueCity,
  kVenueCountry,
  kKind,
  kStatus,
  kCountries,
  kPeople,
  kOrganizations,
  kDocuments,
  kTopics,
};
inline constexpr int kScoredFieldCount = 10;
// "date", "venue_city", ... as in the dev scorer's table.
absl::string_view ScoredFieldName(ScoredField field);

using FieldScores = std::array<FieldCounts, kScoredFieldCount>;

// `name` folded for comparison: lower case, Latin accents removed, leading titles ("Mr",
// "Sheikh", "President") and trailing suffixes ("Jr.", "III") dropped, words split at blanks and
// hyphens and joined by one blank.
std::string FoldPersonName(absl::string_view name);

// The same person: equal folded names, or the same surname (last word) with compatible first
// initials (equal, or one side has no first name).
bool SamePerson(absl::string_view a, absl::string_view b);

// One gold meeting against one prediction (nullptr: the gold record was missed, and every field
// the gold sets counts as a miss). The date is compared at the gold's precision and not scored
// where the gold has none; the city case-insensitively; countries, organisations and topics as
// sets; documents as a multiset of types; people paired one to one by `SamePerson`.
FieldScores ScoreMeeting(const v1::Meeting& gold, const v1::Meeting* predicted);

// How well `predicted` fits `gold` for alignment: shared countries + paired people + same date
// (at the gold's precision) + same city, plus 1 for the same kind when any of the former is
// shared. 0 means the two cannot be the same meeting.
int AlignmentScore(const v1::Meeting& gold, const v1::Meeting& predicted);

// Accumulates the scores of a corpus, one article at a time:
// - detection: an article with gold meetings must yield at least one, a negative none;
// - the main meeting: the gold's first meeting against the best-aligned prediction (the first
//   prediction when none shares anything), per field; negatives do not take part;
// - every meeting: gold and predicted meetings aligned one to one greedily (highest
//   `AlignmentScore` first); record precision/recall count aligned pairs against all
//   predictions and all gold records (every prediction on a negative is spurious); the field
//   scores run over every gold record, a missed one scoring all its fields as misses.
// headline_f1 is the mean F1 of the ten fields on the main meeting; all_meetings_f1 the mean of
// the record F1 and the mean field F1 over every meeting.
// Thread-compatible.
class ExtractionScorer {
 public:
  // Scores one article. `gold` lists its meetings (main first; none for a negative).
  void Add(absl::string_view name, const v1::ExtractResult& gold,
           const std::vector<v1::Meeting>& predicted);

  int articles() const { return articles_; }
  const FieldCounts& detection() const { return detection_; }
  const FieldCounts& records() const { return records_; }
  const FieldScores& main_fields() const { return main_; }
  const FieldScores& every_fields() const { return every_; }
  double HeadlineF1() const;
  double AllMeetingsF1() const;

  // Every figure by name: "detection", "main.<field>", "every.<field>" (F1s),
  // "records.precision", "records.recall", "headline_f1", "all_meetings_f1".
  std::map<std::string, double> Figures() const;

  // The per-field table (precision, recall and F1 on the main meeting and on every meeting).
  std::string Table() const;

  // One line per error, prefixed by the article's name ("name: main.kind: gold X, got Y"),
  // for people reading why a figure moved.
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  int articles_ = 0;
  FieldCounts detection_;
  FieldCounts records_;
  FieldScores main_;
  FieldScores every_;
  std::vector<std::string> errors_;
};

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_TESTING_UTIL_EXTRACTION_SCORE_H
