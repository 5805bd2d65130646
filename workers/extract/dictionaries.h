#ifndef PARLEY_WORKERS_EXTRACT_DICTIONARIES_H
#define PARLEY_WORKERS_EXTRACT_DICTIONARIES_H

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parley/v1/meeting.pb.h"
#include "workers/extract/labels.h"
#include "workers/extract/lexicon.h"
#include "workers/extract/text.h"

namespace parley::extract {

enum class EntryType : uint8_t {
  kPlace,     // code: alpha-2; place: its kind.
  kOrg,       // code: acronym; org: org or group.
  kGroup,     // members: the alpha-2 codes of a regional group.
  kFormat,    // code: canonical format name.
  kRole,      // level: the role's level.
  kPerson,    // code: alpha-2; name: canonical name; from/to: validity.
  kDocument,  // document: its type.
  kTrigger,   // trigger, form: what kind of meeting word it is, and how it reports one.
  kCue,       // cue: tense or status.
  kTopic,     // topic: the topic.
  kFrame,     // frame: what it makes of the meeting word it introduces.
};

// Which independent matching pass an entry belongs to.
enum class Layer : uint8_t { kEntity = 0, kEvent = 1, kTopic = 2, kCue = 3, kFrame = 4 };

// One dictionary phrase and what it means. Labels are typed: a file's label is parsed when the
// dictionaries load, and an unknown label fails the load naming the file and line.
struct Entry {
  EntryType type = EntryType::kPlace;
  std::string code;                  // Alpha-2 code, acronym or canonical format name.
  std::string name;                  // People: the canonical name.
  std::string surface;               // The phrase as written in the dictionary.
  std::vector<std::string> members;  // Groups: member codes.
  PlaceKind place = PlaceKind::kCountry;
  OrgKind org = OrgKind::kOrg;
  RoleLevel level = RoleLevel::kUnknown;
  TriggerKind trigger = TriggerKind::kMeet;
  TriggerForm form = TriggerForm::kNoun;
  Cue cue = Cue::kFuture;
  Frame frame = Frame::kNone;
  v1::DocumentType document = v1::DOCUMENT_TYPE_UNSPECIFIED;
  v1::Topic topic = v1::TOPIC_UNSPECIFIED;
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

  // The first entry of `type`, or nullptr.
  const Entry* Of(EntryType type) const {
    for (const Entry* e : entries) {
      if (e->type == type) {
        return e;
      }
    }
    return nullptr;
  }
};

// Every dictionary Parley's extractor uses, loaded once from data files (TSV) and immutable
// afterwards: thread-safe to share between extractor threads. The file formats are described
// in workers/extract/data/README.md.
class Dictionaries {
 public:
  // `files` maps a file name (e.g. "roles.tsv") to its content. Returns InvalidArgument naming
  // the file and line of a malformed row or an unknown label, or a missing required file.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<const Dictionaries>> Load(
      const std::vector<std::pair<std::string, std::string>>& files);

  // Left-to-right longest matches of one layer over `doc`.
  std::vector<Match> MatchAll(const Document& doc, Layer layer) const;

  // Topic keywords ending in '*' (prefix matches on one token): prefix -> topic.
  const std::vector<std::pair<std::string, v1::Topic>>& topic_prefixes() const {
    return topic_prefixes_;
  }

  // The code a country had on `date_key` (YYYYMMDD): "RU" in 1987 is "SU". Unchanged when
  // `date_key` is 0 (unknown).
  std::string CodeAt(const std::string& code, int32_t date_key) const;

  // The prefix keywords that may match `fold` (those sharing its first two letters).
  const std::vector<std::pair<std::string, v1::Topic>>& TopicPrefixesFor(
      const std::string& fold) const;

  // People entries whose last name folds to `surname`.
  const std::vector<const Entry*>& PeopleWithSurname(const std::string& surname) const;

  // Whether `town` (any case) is a capital of the country `code` in the place dictionaries
  // ("Astana" and "Nur-Sultan" of KZ).
  bool IsCapital(const std::string& town, const std::string& code) const;

  // The town "the <country> capital" names on the day `date_key` (YYYYMMDD; 0: today): "KZ" ->
  // "Almaty" in 1995, "Astana" in 2005; "" when unknown.
  const std::string& CapitalOf(const std::string& code, int32_t date_key) const;

  // The body a capitalised word stands for right before an official's title ("commission" ->
  // "EU" in "Commission President X"), or "" when none (organizations.tsv, fourth column).
  const std::string& OrgOfTitleQualifier(const std::string& fold) const;

  // The English short name of a country code ("KZ" -> "Kazakhstan"), or "" when unknown.
  const std::string& CountryName(const std::string& code) const;

  // The closed-class word lists (lexicon.tsv).
  const Lexicon& lexicon() const { return lexicon_; }

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
  Index index_[5];
  std::vector<std::pair<std::string, v1::Topic>> topic_prefixes_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, v1::Topic>>>
      topic_prefix_index_;
  std::unordered_map<std::string, std::vector<const Entry*>> people_by_surname_;
  std::unordered_map<std::string, std::string> country_names_;
  std::unordered_map<std::string, std::string> title_qualifiers_;  // fold -> org code
  // Per country, its capitals from the day each became one (YYYYMMDD, 0 for the first).
  std::unordered_map<std::string, std::vector<std::pair<int32_t, std::string>>> capital_of_;
  std::set<std::pair<std::string, std::string>> capitals_;  // (lower-case town, code).
  // Successor code -> (old code, until YYYYMMDD).
  std::unordered_map<std::string, std::pair<std::string, int32_t>> successions_;
  Lexicon lexicon_;
};

// The dictionaries compiled into the binary from workers/extract/data/ (name, content).
const std::vector<std::pair<std::string, std::string>>& EmbeddedDictionaryFiles();

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_DICTIONARIES_H
