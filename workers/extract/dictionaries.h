#ifndef PARLEY_WORKERS_EXTRACT_DICTIONARIES_H
#define PARLEY_WORKERS_EXTRACT_DICTIONARIES_H

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "workers/extract/text.h"

namespace parley::extract {

enum class EntryType : uint8_t {
  kPlace,     // value: alpha-2; extra: country|demonym|capital|city|alias
  kOrg,       // value: acronym; extra: org|group
  kGroup,     // value: space-separated alpha-2 codes (a regional group)
  kFormat,    // value: canonical format name
  kRole,      // value: level (hos, hog, fm, min, dep, dip, org, off, spk, roy, rel)
  kPerson,    // value: alpha-2; extra: canonical name; from/to: validity
  kDocument,  // value: DocumentType suffix, e.g. JOINT_COMMUNIQUE
  kTrigger,   // value: cue (meet, summit, visit, state_visit, phone, video, ...)
  kCue,       // value: future|cancel|postpone|past
  kTopic,     // value: Topic suffix, e.g. TRADE
};

// Which independent matching pass an entry belongs to.
enum class Layer : uint8_t { kEntity = 0, kEvent = 1, kTopic = 2, kCue = 3 };

struct Entry {
  EntryType type;
  std::string value;
  std::string extra;
  std::string surface;      // The phrase as written in the dictionary.
  bool exact_case = false;  // An acronym ("US", "UN"): the text must match its case.
  bool proper = false;      // A name: the text must be capitalised (unless all caps).
  int32_t from = 0;         // Validity of people entries, YYYYMMDD.
  int32_t to = 99999999;
};

// A dictionary match over document tokens [first, end).
struct Match {
  int first = 0;
  int end = 0;
  std::vector<const Entry*> entries;  // Every entry with this phrase (e.g. two countries).
};

// Every dictionary Parley's extractor uses, loaded once from data files (TSV) and immutable
// afterwards: thread-safe to share between extractor threads.
class Dictionaries {
 public:
  // `files` maps a file name (e.g. "roles.tsv") to its content. Returns InvalidArgument naming
  // the file and line of a malformed row, or a missing required file.
  static absl::StatusOr<std::shared_ptr<const Dictionaries>> Load(
      const std::vector<std::pair<std::string, std::string>>& files);

  // Left-to-right longest matches of one layer over `doc`.
  std::vector<Match> MatchAll(const Document& doc, Layer layer) const;

  // Topic keywords ending in '*' (prefix matches on one token): prefix -> topic.
  const std::vector<std::pair<std::string, std::string>>& topic_prefixes() const {
    return topic_prefixes_;
  }

  // The code a country had on `date_key` (YYYYMMDD): "RU" in 1987 is "SU". Unchanged when
  // `date_key` is 0 (unknown).
  std::string CodeAt(const std::string& code, int32_t date_key) const;

  // The prefix keywords that may match `fold` (those sharing its first two letters).
  const std::vector<std::pair<std::string, std::string>>& TopicPrefixesFor(
      const std::string& fold) const;

  // People entries whose last name folds to `surname`.
  std::vector<const Entry*> PeopleWithSurname(const std::string& surname) const;

  // The place entries of a folded city or country phrase (for "in X" lookups).
  size_t entry_count() const { return entries_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> folds;
    std::vector<std::string> raws;  // As written, for exact-case entries.
    std::vector<const Entry*> entries;
  };
  using Index = std::unordered_map<std::string, std::vector<Phrase>>;

  void Add(Layer layer, Entry entry);
  void Finish();

  std::vector<std::unique_ptr<Entry>> entries_;
  Index index_[4];
  std::vector<std::pair<std::string, std::string>> topic_prefixes_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>>
      topic_prefix_index_;
  std::unordered_map<std::string, std::vector<const Entry*>> people_by_surname_;
  // Successor code -> (old code, until YYYYMMDD).
  std::unordered_map<std::string, std::pair<std::string, int32_t>> successions_;
};

// The dictionaries compiled into the binary from workers/extract/data/ (name, content).
const std::vector<std::pair<std::string, std::string>>& EmbeddedDictionaryFiles();

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_DICTIONARIES_H
