#include "tests/testing_util/extraction_score.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace parley::testing_util {
namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A); a blank
// for the two signs (multiplication, division) among them.
constexpr absl::string_view kLatinBase =
    "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

const std::set<std::string>& Titles() {
  static const auto* titles = new std::set<std::string>{
      "mr",   "mrs",    "ms",        "miss",       "dr",         "sir",      "dame",    "lord",
      "lady", "sheikh", "shaikh",    "sheik",      "prince",     "princess", "king",    "queen",
      "emir", "amir",   "president", "premier",    "chancellor", "general",  "gen",     "he",
      "hrh",  "his",    "her",       "excellency", "madam",      "mister",   "monsieur"};
  return *titles;
}

const std::set<std::string>& Suffixes() {
  static const auto* suffixes = new std::set<std::string>{"jr", "sr", "ii", "iii", "iv"};
  return *suffixes;
}

// Lower-case ASCII with Latin accents folded; other multi-byte characters are kept as they are.
std::string FoldText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out.push_back(absl::ascii_tolower(byte));
      continue;
    }
    if ((byte & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const unsigned code = ((byte & 0x1Fu) << 6) | (next & 0x3Fu);
      if (code >= 0xC0 && code < 0xC0 + kLatinBase.size()) {
        out.push_back(kLatinBase[code - 0xC0]);
        ++i;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::vector<std::string> NameWords(absl::string_view name) {
  std::string folded = FoldText(name);
  for (char& c : folded) {
    if (c == '.' || c == ',' || c == '\'' || c == '"' || c == '(' || c == ')') {
      c = ' ';
    }
  }
  std::vector<std::string> words =
      absl::StrSplit(folded, absl::ByAnyChar(" -\t\n"), absl::SkipEmpty());
  // Initials written together ("s jaishankar" from "S. Jaishankar") stay words of their own.
  while (words.size() > 1 && Titles().count(words.front()) > 0) {
    words.erase(words.begin());
  }
  while (words.size() > 1 && Suffixes().count(words.back()) > 0) {
    words.pop_back();
  }
  return words;
}

// A scalar field (string or enum as text; empty means unset).
FieldCounts ScoreScalar(const std::string& gold, const std::string& predicted, bool missed) {
  FieldCounts counts;
  if (missed) {
    counts.fn = gold.empty() ? 0 : 1;
    return counts;
  }
  if (gold.empty()) {
    counts.fp = predicted.empty() ? 0 : 1;
  } else if (predicted.empty()) {
    counts.fn = 1;
  } else if (gold == predicted) {
    counts.tp = 1;
  } else {
    counts.fp = 1;
    counts.fn = 1;
  }
  return counts;
}

bool HasDate(const v1::Meeting& meeting) {
  return meeting.has_start_date() && meeting.start_date().year() != 0;
}

// The predicted date equals the gold one at the gold's precision.
bool SameDate(const v1::Date& gold, const v1::Date& predicted) {
  return gold.year() == predicted.year() &&
         (gold.month() == 0 || gold.month() == predicted.month()) &&
         (gold.day() == 0 || gold.day() == predicted.day());
}

std::string DateText(const v1::Date& date) {
  if (date.year() == 0) {
    return "";
  }
  if (date.month() == 0) {
    return absl::StrFormat("%04d", date.year());
  }
  if (date.day() == 0) {
    return absl::StrFormat("%04d-%02d", date.year(), date.month());
  }
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

FieldCounts ScoreDate(const v1::Meeting& gold, const v1::Meeting* predicted) {
  FieldCounts counts;
  if (!HasDate(gold)) {
    return counts;  // Not scored where the gold has no date.
  }
  if (predicted == nullptr || !HasDate(*predicted)) {
    counts.fn = 1;
  } else if (SameDate(gold.start_date(), predicted->start_date())) {
    counts.tp = 1;
  } else {
    counts.fp = 1;
    counts.fn = 1;
  }
  return counts;
}

template <typename Container>
std::multiset<std::string> AsStrings(const Container& values) {
  std::multiset<std::string> out;
  for (const auto& value : values) {
    out.insert(absl::StrCat(value));
  }
  return out;
}

// Multiset overlap of two bags of values.
FieldCounts ScoreBags(const std::multiset<std::string>& gold,
                      const std::multiset<std::string>& predicted) {
  FieldCounts counts;
  std::vector<std::string> common;
  std::set_intersection(gold.begin(), gold.end(), predicted.begin(), predicted.end(),
                        std::back_inserter(common));
  counts.tp = static_cast<int64_t>(common.size());
  counts.fp = static_cast<int64_t>(predicted.size()) - counts.tp;
  counts.fn = static_cast<int64_t>(gold.size()) - counts.tp;
  return counts;
}

std::multiset<std::string> Unique(const std::multiset<std::string>& bag) {
  const std::set<std::string> unique(bag.begin(), bag.end());
  return {unique.begin(), unique.end()};
}

std::multiset<std::string> Topics(const v1::Meeting& meeting) {
  std::multiset<std::string> out;
  for (int topic : meeting.topics()) {
    out.insert(v1::Topic_Name(static_cast<v1::Topic>(topic)));
  }
  return Unique(out);
}

std::multiset<std::string> DocumentTypes(const v1::Meeting& meeting) {
  std::multiset<std::string> out;
  for (const v1::Document& document : meeting.documents()) {
    out.insert(v1::DocumentType_Name(document.type()));
  }
  return out;
}

// People paired one to one: equal folded names first, then `SamePerson`.
int PairPeople(const v1::Meeting& gold, const v1::Meeting& predicted) {
  std::vector<bool> used(predicted.people_size(), false);
  std::vector<bool> paired(gold.people_size(), false);
  int pairs = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (int g = 0; g < gold.people_size(); ++g) {
      if (paired[g]) {
        continue;
      }
      const std::string folded = FoldPersonName(gold.people(g).name());
      for (int p = 0; p < predicted.people_size(); ++p) {
        if (used[p]) {
          continue;
        }
        const bool same = pass == 0 ? folded == FoldPersonName(predicted.people(p).name())
                                    : SamePerson(gold.people(g).name(), predicted.people(p).name());
        if (same) {
          used[p] = true;
          paired[g] = true;
          ++pairs;
          break;
        }
      }
    }
  }
  return pairs;
}

std::string CityKey(const v1::Meeting& meeting) {
  return absl::AsciiStrToLower(FoldText(meeting.venue().city()));
}

std::string KindText(const v1::Meeting& meeting) {
  return meeting.kind() == v1::MEETING_KIND_UNSPECIFIED ? "" : v1::MeetingKind_Name(meeting.kind());
}

std::string StatusText(const v1::Meeting& meeting) {
  return meeting.status() == v1::MEETING_STATUS_UNSPECIFIED
             ? ""
             : v1::MeetingStatus_Name(meeting.status());
}

std::string Join(const std::multiset<std::string>& values) {
  return absl::StrCat("[", absl::StrJoin(values, " "), "]");
}

std::string PeopleText(const v1::Meeting& meeting) {
  std::vector<std::string> names;
  for (const v1::Person& person : meeting.people()) {
    names.push_back(person.name());
  }
  return absl::StrCat("[", absl::StrJoin(names, "; "), "]");
}

// What differs, field by field, for the error listing.
std::vector<std::string> Differences(const v1::Meeting& gold, const v1::Meeting& predicted,
                                     const FieldScores& scores) {
  std::vector<std::string> out;
  auto add = [&](ScoredField field, const std::string& want, const std::string& got) {
    const FieldCounts& counts = scores[static_cast<int>(field)];
    if (counts.fp > 0 || counts.fn > 0) {
      out.push_back(absl::StrCat(ScoredFieldName(field), ": gold ", want.empty() ? "-" : want,
                                 ", got ", got.empty() ? "-" : got));
    }
  };
  add(ScoredField::kDate, DateText(gold.start_date()), DateText(predicted.start_date()));
  add(ScoredField::kVenueCity, gold.venue().city(), predicted.venue().city());
  add(ScoredField::kVenueCountry, gold.venue().country_code(), predicted.venue().country_code());
  add(ScoredField::kKind, KindText(gold), KindText(predicted));
  add(ScoredField::kStatus, StatusText(gold), StatusText(predicted));
  add(ScoredField::kCountries, Join(Unique(AsStrings(gold.countries()))),
      Join(Unique(AsStrings(predicted.countries()))));
  add(ScoredField::kPeople, PeopleText(gold), PeopleText(predicted));
  add(ScoredField::kOrganizations, Join(Unique(AsStrings(gold.organizations()))),
      Join(Unique(AsStrings(predicted.organizations()))));
  add(ScoredField::kDocuments, Join(DocumentTypes(gold)), Join(DocumentTypes(predicted)));
  add(ScoredField::kTopics, Join(Topics(gold)), Join(Topics(predicted)));
  return out;
}

std::string Summary(const v1::Meeting& meeting) {
  return absl::StrCat(KindText(meeting), " ", StatusText(meeting), " ",
                      Join(Unique(AsStrings(meeting.countries()))), " ", meeting.venue().city(),
                      " ", DateText(meeting.start_date()));
}

void AddScores(const FieldScores& scores, FieldScores* total) {
  for (int i = 0; i < kScoredFieldCount; ++i) {
    (*total)[i].Add(scores[i]);
  }
}

double MeanF1(const FieldScores& scores) {
  double sum = 0;
  for (const FieldCounts& counts : scores) {
    sum += counts.F1();
  }
  return sum / kScoredFieldCount;
}

}  // namespace

double FieldCounts::Precision() const {
  return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double FieldCounts::Recall() const {
  return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
}

double FieldCounts::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

void FieldCounts::Add(const FieldCounts& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
}

absl::string_view ScoredFieldName(ScoredField field) {
  static constexpr absl::string_view kNames[kScoredFieldCount] = {
      "date",      "venue_city", "venue_country", "kind",      "status",
      "countries", "people",     "organizations", "documents", "topics"};
  return kNames[static_cast<int>(field)];
}

std::string FoldPersonName(absl::string_view name) { return absl::StrJoin(NameWords(name), " "); }

bool SamePerson(absl::string_view a, absl::string_view b) {
  const std::vector<std::string> x = NameWords(a);
  const std::vector<std::string> y = NameWords(b);
  if (x.empty() || y.empty()) {
    return false;
  }
  if (x == y) {
    return true;
  }
  if (x.back() != y.back()) {
    return false;
  }
  return x.size() == 1 || y.size() == 1 || x.front()[0] == y.front()[0];
}

FieldScores ScoreMeeting(const v1::Meeting& gold, const v1::Meeting* predicted) {
  static const v1::Meeting kNone;
  const bool missed = predicted == nullptr;
  const v1::Meeting& p = missed ? kNone : *predicted;
  FieldScores scores;
  scores[static_cast<int>(ScoredField::kDate)] = ScoreDate(gold, predicted);
  scores[static_cast<int>(ScoredField::kVenueCity)] =
      ScoreScalar(CityKey(gold), CityKey(p), missed);
  scores[static_cast<int>(ScoredField::kVenueCountry)] =
      ScoreScalar(absl::AsciiStrToUpper(gold.venue().country_code()),
                  absl::AsciiStrToUpper(p.venue().country_code()), missed);
  scores[static_cast<int>(ScoredField::kKind)] = ScoreScalar(KindText(gold), KindText(p), missed);
  scores[static_cast<int>(ScoredField::kStatus)] =
      ScoreScalar(StatusText(gold), StatusText(p), missed);
  scores[static_cast<int>(ScoredField::kCountries)] =
      ScoreBags(Unique(AsStrings(gold.countries())), Unique(AsStrings(p.countries())));
  scores[static_cast<int>(ScoredField::kOrganizations)] =
      ScoreBags(Unique(AsStrings(gold.organizations())), Unique(AsStrings(p.organizations())));
  scores[static_cast<int>(ScoredField::kDocuments)] =
      ScoreBags(DocumentTypes(gold), DocumentTypes(p));
  scores[static_cast<int>(ScoredField::kTopics)] = ScoreBags(Topics(gold), Topics(p));
  FieldCounts& people = scores[static_cast<int>(ScoredField::kPeople)];
  people.tp = PairPeople(gold, p);
  people.fp = p.people_size() - people.tp;
  people.fn = gold.people_size() - people.tp;
  return scores;
}

int AlignmentScore(const v1::Meeting& gold, const v1::Meeting& predicted) {
  const std::multiset<std::string> g = Unique(AsStrings(gold.countries()));
  const std::multiset<std::string> p = Unique(AsStrings(predicted.countries()));
  std::vector<std::string> shared;
  std::set_intersection(g.begin(), g.end(), p.begin(), p.end(), std::back_inserter(shared));
  int score = static_cast<int>(shared.size()) + PairPeople(gold, predicted);
  if (HasDate(gold) && HasDate(predicted) && SameDate(gold.start_date(), predicted.start_date())) {
    ++score;
  }
  if (!CityKey(gold).empty() && CityKey(gold) == CityKey(predicted)) {
    ++score;
  }
  if (score > 0 && gold.kind() != v1::MEETING_KIND_UNSPECIFIED && gold.kind() == predicted.kind()) {
    ++score;
  }
  return score;
}

void ExtractionScorer::Add(absl::string_view name, const v1::ExtractResult& gold,
                           const std::vector<v1::Meeting>& predicted) {
  ++articles_;
  const int gold_size = gold.meetings_size();
  const int predicted_size = static_cast<int>(predicted.size());
  auto error = [&](const std::string& text) { errors_.push_back(absl::StrCat(name, ": ", text)); };

  // Detection.
  if (gold_size > 0 && predicted_size > 0) {
    ++detection_.tp;
  } else if (gold_size > 0) {
    ++detection_.fn;
    error("no meeting detected");
  } else if (predicted_size > 0) {
    ++detection_.fp;
    error(absl::StrCat("negative, yet ", predicted_size, " meeting(s): ", Summary(predicted[0])));
  }

  // Pairwise alignment scores.
  std::vector<std::vector<int>> fit(gold_size, std::vector<int>(predicted_size, 0));
  for (int g = 0; g < gold_size; ++g) {
    for (int p = 0; p < predicted_size; ++p) {
      fit[g][p] = AlignmentScore(gold.meetings(g), predicted[p]);
    }
  }

  // The main meeting: the gold's first against its best-fitting prediction.
  if (gold_size > 0) {
    const v1::Meeting* best = nullptr;
    int best_fit = -1;
    for (int p = 0; p < predicted_size; ++p) {
      if (fit[0][p] > best_fit) {
        best_fit = fit[0][p];
        best = &predicted[p];
      }
    }
    const FieldScores scores = ScoreMeeting(gold.meetings(0), best);
    AddScores(scores, &main_);
    if (best != nullptr) {
      for (const std::string& difference : Differences(gold.meetings(0), *best, scores)) {
        error(absl::StrCat("main.", difference));
      }
    }
  }

  // Every meeting: greedy one-to-one alignment, best fit first (then gold order, then
  // prediction order).
  std::vector<std::tuple<int, int, int>> candidates;  // (-fit, gold, predicted)
  for (int g = 0; g < gold_size; ++g) {
    for (int p = 0; p < predicted_size; ++p) {
      if (fit[g][p] > 0) {
        candidates.emplace_back(-fit[g][p], g, p);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<int> gold_to_predicted(gold_size, -1);
  std::vector<bool> predicted_used(predicted_size, false);
  for (const auto& [negative_fit, g, p] : candidates) {
    if (gold_to_predicted[g] < 0 && !predicted_used[p]) {
      gold_to_predicted[g] = p;
      predicted_used[p] = true;
    }
  }
  for (int g = 0; g < gold_size; ++g) {
    const int p = gold_to_predicted[g];
    const FieldScores scores = ScoreMeeting(gold.meetings(g), p < 0 ? nullptr : &predicted[p]);
    AddScores(scores, &every_);
    if (p < 0) {
      ++records_.fn;
      error(absl::StrCat("record ", g, " missed: ", Summary(gold.meetings(g))));
      continue;
    }
    ++records_.tp;
    if (g > 0) {
      for (const std::string& difference : Differences(gold.meetings(g), predicted[p], scores)) {
        error(absl::StrCat("record ", g, ".", difference));
      }
    }
  }
  for (int p = 0; p < predicted_size; ++p) {
    if (!predicted_used[p]) {
      ++records_.fp;
      if (gold_size > 0) {
        error(absl::StrCat("spurious record: ", Summary(predicted[p])));
      }
    }
  }
}

double ExtractionScorer::HeadlineF1() const { return MeanF1(main_); }

double ExtractionScorer::AllMeetingsF1() const { return (records_.F1() + MeanF1(every_)) / 2; }

std::map<std::string, double> ExtractionScorer::Figures() const {
  std::map<std::string, double> figures;
  figures["detection"] = detection_.F1();
  for (int i = 0; i < kScoredFieldCount; ++i) {
    const std::string field(ScoredFieldName(static_cast<ScoredField>(i)));
    figures["main." + field] = main_[i].F1();
    figures["every." + field] = every_[i].F1();
  }
  figures["records.precision"] = records_.Precision();
  figures["records.recall"] = records_.Recall();
  figures["headline_f1"] = HeadlineF1();
  figures["all_meetings_f1"] = AllMeetingsF1();
  return figures;
}

std::string ExtractionScorer::Table() const {
  std::string out = absl::StrFormat("%-15s %25s   %25s\n", "", "main meeting", "every meeting");
  absl::StrAppendFormat(&out, "%-15s %8s %8s %8s   %8s %8s %8s\n", "field", "precision", "recall",
                        "f1", "precision", "recall", "f1");
  for (int i = 0; i < kScoredFieldCount; ++i) {
    absl::StrAppendFormat(&out, "%-15s %8.3f %8.3f %8.3f   %8.3f %8.3f %8.3f\n",
                          ScoredFieldName(static_cast<ScoredField>(i)), main_[i].Precision(),
                          main_[i].Recall(), main_[i].F1(), every_[i].Precision(),
                          every_[i].Recall(), every_[i].F1());
  }
  absl::StrAppendFormat(&out, "%-15s %8.3f %8.3f %8.3f\n", "detection", detection_.Precision(),
                        detection_.Recall(), detection_.F1());
  absl::StrAppendFormat(&out, "%-15s %8s %8s %8s   %8.3f %8.3f %8.3f\n", "records", "", "", "",
                        records_.Precision(), records_.Recall(), records_.F1());
  absl::StrAppendFormat(&out, "articles: %d, gold records: %d, predicted records: %d\n", articles_,
                        records_.tp + records_.fn, records_.tp + records_.fp);
  absl::StrAppendFormat(&out, "headline_f1 %.3f   all_meetings_f1 %.3f\n", HeadlineF1(),
                        AllMeetingsF1());
  return out;
}

}  // namespace parley::testing_util
