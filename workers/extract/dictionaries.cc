#include "workers/extract/dictionaries.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace parley::extract {
namespace {

// Raw tokens of a phrase, as written (for case checks).
std::vector<std::string> RawTokens(absl::string_view phrase) {
  Document doc;
  absl::StatusOr<Document> built = BuildDocument("", phrase);
  std::vector<std::string> out;
  if (!built.ok()) {
    return out;
  }
  for (const Token& t : built->tokens) {
    out.emplace_back(built->text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

bool HasAcronym(const std::vector<std::string>& raws) {
  for (const std::string& raw : raws) {
    int letters = 0;
    int upper = 0;
    for (char c : raw) {
      if (absl::ascii_isalpha(c)) {
        ++letters;
        upper += absl::ascii_isupper(c) ? 1 : 0;
      }
    }
    if (letters >= 2 && upper >= 2 && (upper == letters || upper * 2 > letters)) {
      return true;
    }
  }
  return false;
}

struct Row {
  int line;
  std::vector<std::string> cols;
};

[[nodiscard]] absl::StatusOr<std::vector<Row>> Rows(const std::string& name,
                                                    const std::string& content, size_t min_cols) {
  std::vector<Row> rows;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(content, '\n')) {
    ++line_no;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() < min_cols) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary ", name, " line ", line_no,
                                                     ": expected ", min_cols, " columns"));
    }
    rows.push_back({line_no, std::move(cols)});
  }
  return rows;
}

}  // namespace

void Dictionaries::Add(Layer layer, Entry entry) {
  const std::vector<std::string> folds = TokenizePhrase(entry.surface);
  if (folds.empty()) {
    return;
  }
  const std::vector<std::string> raws = RawTokens(entry.surface);
  entry.exact_case = HasAcronym(raws);
  entries_.push_back(std::make_unique<Entry>(std::move(entry)));
  const Entry* stored = entries_.back().get();
  std::vector<Phrase>& bucket = index_[static_cast<int>(layer)][folds[0]];
  for (Phrase& phrase : bucket) {
    if (phrase.folds == folds && phrase.raws == raws) {
      phrase.entries.push_back(stored);
      return;
    }
  }
  bucket.push_back({folds, raws, {stored}});
}

void Dictionaries::Finish() {
  for (Index& index : index_) {
    for (auto& [first, phrases] : index) {
      std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
        return a.folds.size() > b.folds.size();
      });
    }
  }
}

absl::StatusOr<std::shared_ptr<const Dictionaries>> Dictionaries::Load(
    const std::vector<std::pair<std::string, std::string>>& files) {
  auto dict = std::make_shared<Dictionaries>();
  std::map<std::string, const std::string*> by_name;
  for (const auto& [name, content] : files) {
    by_name[name] = &content;
  }
  for (const char* required : {"places_overlay.tsv", "countryinfo_places.tsv", "organizations.tsv",
                               "groups.tsv", "formats.tsv", "roles.tsv", "triggers.tsv",
                               "documents.tsv", "topics.tsv", "cues.tsv", "lexicon.tsv"}) {
    if (by_name.count(required) == 0) {
      return absl::InvalidArgumentError(absl::StrCat("dictionary ", required, " is missing"));
    }
  }
  auto rows = [&](const char* name, size_t cols) { return Rows(name, *by_name[name], cols); };
  // A label that does not parse fails the load naming the file and line.
  auto label_error = [](const char* name, const Row& row, const absl::Status& status) {
    return absl::InvalidArgumentError(
        absl::StrCat("dictionary ", name, " line ", row.line, ": ", status.message()));
  };

  absl::StatusOr<Lexicon> lexicon = Lexicon::Parse("lexicon.tsv", *by_name["lexicon.tsv"]);
  if (!lexicon.ok()) {
    return lexicon.status();
  }
  dict->lexicon_ = *std::move(lexicon);

  // Places: the overlay first, so its phrases shadow the generated ones.
  std::map<std::string, bool> overlay_phrases;
  for (const char* name : {"places_overlay.tsv", "countryinfo_places.tsv"}) {
    absl::StatusOr<std::vector<Row>> place_rows = rows(name, 3);
    if (!place_rows.ok()) {
      return place_rows.status();
    }
    const bool overlay = std::string(name) == "places_overlay.tsv";
    for (const Row& row : *place_rows) {
      absl::StatusOr<PlaceKind> kind = ParsePlaceKind(row.cols[1]);
      if (!kind.ok()) {
        return label_error(name, row, kind.status());
      }
      // A landmark names the town it is in, in a fourth column.
      if (*kind == PlaceKind::kLandmark && (row.cols.size() < 4 || row.cols[3].empty())) {
        return absl::InvalidArgumentError(
            absl::StrCat("dictionary ", name, " line ", row.line, ": a landmark needs its town"));
      }
      const std::string key = absl::AsciiStrToLower(row.cols[2]);
      if (!overlay && overlay_phrases.count(key) > 0) {
        continue;
      }
      if (overlay) {
        overlay_phrases[key] = true;
      }
      Entry entry;
      entry.type = EntryType::kPlace;
      entry.code = row.cols[0];
      entry.place = *kind;
      entry.surface = row.cols[2];
      if (*kind == PlaceKind::kLandmark) {
        entry.name = row.cols[3];
      }
      if (*kind == PlaceKind::kCapital) {
        dict->capitals_.insert({key, row.cols[0]});
      }
      entry.proper = true;
      dict->Add(Layer::kEntity, std::move(entry));
    }
  }
  if (auto it = by_name.find("country_names.tsv"); it != by_name.end()) {
    absl::StatusOr<std::vector<Row>> name_rows = Rows(it->first, *it->second, 2);
    if (!name_rows.ok()) {
      return name_rows.status();
    }
    for (const Row& row : *name_rows) {
      dict->country_names_[row.cols[0]] = row.cols[1];
      if (row.cols.size() > 2 && !row.cols[2].empty()) {
        // "Almaty;Astana@19971210": the capitals in order, each after the first with the day
        // it became the capital.
        auto& capitals = dict->capital_of_[row.cols[0]];
        for (absl::string_view part : absl::StrSplit(row.cols[2], ';')) {
          std::pair<absl::string_view, absl::string_view> town_since =
              absl::StrSplit(part, absl::MaxSplits('@', 1));
          int32_t since = 0;
          if (!town_since.second.empty() && (!absl::SimpleAtoi(town_since.second, &since) ||
                                             since < 10000101 || since > 99991231)) {
            return absl::InvalidArgumentError(
                absl::StrCat(it->first, ":", row.line, ": bad capital date '", part, "'"));
          }
          if (town_since.first.empty() ||
              (capitals.empty() ? since != 0 : since <= capitals.back().first)) {
            return absl::InvalidArgumentError(absl::StrCat(
                it->first, ":", row.line,
                ": capitals must be 'Town' then 'Town@YYYYMMDD' in rising order, got '", part,
                "'"));
          }
          capitals.emplace_back(since, std::string(town_since.first));
        }
      }
    }
  }
  absl::StatusOr<std::vector<Row>> org_rows = rows("organizations.tsv", 3);
  if (!org_rows.ok()) {
    return org_rows.status();
  }
  for (const Row& row : *org_rows) {
    absl::StatusOr<OrgKind> kind = ParseOrgKind(row.cols[1]);
    if (!kind.ok()) {
      return label_error("organizations.tsv", row, kind.status());
    }
    for (absl::string_view phrase : absl::StrSplit(row.cols[2], '|', absl::SkipEmpty())) {
      Entry entry;
      entry.type = EntryType::kOrg;
      entry.code = row.cols[0];
      entry.org = *kind;
      entry.surface = std::string(phrase);
      entry.proper = true;
      dict->Add(Layer::kEntity, std::move(entry));
    }
    if (row.cols.size() > 3) {
      for (absl::string_view word : absl::StrSplit(row.cols[3], '|', absl::SkipEmpty())) {
        if (absl::StrContains(word, ' ') || word.empty() || !absl::ascii_isupper(word[0])) {
          return label_error("organizations.tsv", row,
                             absl::InvalidArgumentError(absl::StrCat(
                                 "title qualifier '", word, "' is not one capitalised word")));
        }
        dict->title_qualifiers_[absl::AsciiStrToLower(word)] = row.cols[0];
      }
    }
  }
  absl::StatusOr<std::vector<Row>> group_rows = rows("groups.tsv", 2);
  if (!group_rows.ok()) {
    return group_rows.status();
  }
  for (const Row& row : *group_rows) {
    Entry entry;
    entry.type = EntryType::kGroup;
    entry.members = absl::StrSplit(row.cols[1], ' ', absl::SkipEmpty());
    if (entry.members.empty()) {
      return label_error("groups.tsv", row, absl::InvalidArgumentError("no member codes"));
    }
    entry.surface = row.cols[0];
    entry.proper = true;
    dict->Add(Layer::kEntity, std::move(entry));
  }
  absl::StatusOr<std::vector<Row>> format_rows = rows("formats.tsv", 2);
  if (!format_rows.ok()) {
    return format_rows.status();
  }
  for (const Row& row : *format_rows) {
    for (absl::string_view phrase : absl::StrSplit(row.cols[1], '|', absl::SkipEmpty())) {
      Entry entry;
      entry.type = EntryType::kFormat;
      entry.code = row.cols[0];
      entry.surface = std::string(phrase);
      dict->Add(Layer::kEntity, std::move(entry));
    }
  }
  absl::StatusOr<std::vector<Row>> role_rows = rows("roles.tsv", 2);
  if (!role_rows.ok()) {
    return role_rows.status();
  }
  for (const Row& row : *role_rows) {
    absl::StatusOr<RoleLevel> level = ParseRoleLevel(row.cols[1]);
    if (!level.ok()) {
      return label_error("roles.tsv", row, level.status());
    }
    Entry entry;
    entry.type = EntryType::kRole;
    entry.level = *level;
    entry.surface = row.cols[0];
    // A title only one country gives its officials names that country in a third column.
    if (row.cols.size() > 2 && !row.cols[2].empty()) {
      const std::string& code = row.cols[2];
      if (code.size() != 2 || !absl::ascii_isupper(code[0]) || !absl::ascii_isupper(code[1])) {
        return label_error("roles.tsv", row,
                           absl::InvalidArgumentError(absl::StrCat(
                               "the third column is an alpha-2 country code, not \"", code, "\"")));
      }
      entry.code = code;
    }
    dict->Add(Layer::kEntity, std::move(entry));
  }
  absl::StatusOr<std::vector<Row>> doc_rows = rows("documents.tsv", 2);
  if (!doc_rows.ok()) {
    return doc_rows.status();
  }
  for (const Row& row : *doc_rows) {
    Entry entry;
    entry.type = EntryType::kDocument;
    if (!v1::DocumentType_Parse(absl::StrCat("DOCUMENT_TYPE_", row.cols[1]), &entry.document) ||
        entry.document == v1::DOCUMENT_TYPE_UNSPECIFIED) {
      return label_error(
          "documents.tsv", row,
          absl::InvalidArgumentError(absl::StrCat("unknown document type '", row.cols[1], "'")));
    }
    entry.surface = row.cols[0];
    dict->Add(Layer::kEntity, std::move(entry));
  }
  absl::StatusOr<std::vector<Row>> trigger_rows = rows("triggers.tsv", 3);
  if (!trigger_rows.ok()) {
    return trigger_rows.status();
  }
  for (const Row& row : *trigger_rows) {
    absl::StatusOr<TriggerKind> kind = ParseTriggerKind(row.cols[1]);
    if (!kind.ok()) {
      return label_error("triggers.tsv", row, kind.status());
    }
    absl::StatusOr<TriggerForm> form = ParseTriggerForm(row.cols[2]);
    if (!form.ok()) {
      return label_error("triggers.tsv", row, form.status());
    }
    Entry entry;
    entry.type = EntryType::kTrigger;
    entry.trigger = *kind;
    entry.form = *form;
    entry.surface = row.cols[0];
    dict->Add(Layer::kEvent, std::move(entry));
  }
  absl::StatusOr<std::vector<Row>> cue_rows = rows("cues.tsv", 2);
  if (!cue_rows.ok()) {
    return cue_rows.status();
  }
  for (const Row& row : *cue_rows) {
    absl::StatusOr<Cue> cue = ParseCue(row.cols[1]);
    if (!cue.ok()) {
      return label_error("cues.tsv", row, cue.status());
    }
    Entry entry;
    entry.type = EntryType::kCue;
    entry.cue = *cue;
    entry.surface = row.cols[0];
    dict->Add(Layer::kCue, std::move(entry));
  }
  absl::StatusOr<std::vector<Row>> frame_rows = rows("frames.tsv", 2);
  if (!frame_rows.ok()) {
    return frame_rows.status();
  }
  for (const Row& row : *frame_rows) {
    absl::StatusOr<Frame> frame = ParseFrame(row.cols[1]);
    if (!frame.ok() || *frame == Frame::kNone) {
      return label_error(
          "frames.tsv", row,
          frame.ok() ? absl::InvalidArgumentError("frame 'none' is not a frame") : frame.status());
    }
    Entry entry;
    entry.type = EntryType::kFrame;
    entry.frame = *frame;
    entry.surface = row.cols[0];
    dict->Add(Layer::kFrame, std::move(entry));
  }
  absl::StatusOr<std::vector<Row>> topic_rows = rows("topics.tsv", 2);
  if (!topic_rows.ok()) {
    return topic_rows.status();
  }
  for (const Row& row : *topic_rows) {
    v1::Topic topic = v1::TOPIC_UNSPECIFIED;
    if (!v1::Topic_Parse(absl::StrCat("TOPIC_", row.cols[0]), &topic) ||
        topic == v1::TOPIC_UNSPECIFIED) {
      return label_error(
          "topics.tsv", row,
          absl::InvalidArgumentError(absl::StrCat("unknown topic '", row.cols[0], "'")));
    }
    for (absl::string_view keyword : absl::StrSplit(row.cols[1], '|', absl::SkipEmpty())) {
      if (absl::EndsWith(keyword, "*")) {
        dict->topic_prefixes_.emplace_back(FoldWord(keyword.substr(0, keyword.size() - 1)), topic);
      } else {
        Entry entry;
        entry.type = EntryType::kTopic;
        entry.topic = topic;
        entry.surface = std::string(keyword);
        dict->Add(Layer::kTopic, std::move(entry));
      }
    }
  }
  if (auto it = by_name.find("successions.tsv"); it != by_name.end()) {
    absl::StatusOr<std::vector<Row>> successions = Rows(it->first, *it->second, 3);
    if (!successions.ok()) {
      return successions.status();
    }
    for (const Row& row : *successions) {
      int32_t until = 0;
      if (!absl::SimpleAtoi(row.cols[1], &until)) {
        return absl::InvalidArgumentError(
            absl::StrCat("dictionary successions.tsv line ", row.line, ": bad date"));
      }
      for (absl::string_view code : absl::StrSplit(row.cols[2], ' ', absl::SkipEmpty())) {
        dict->successions_[std::string(code)] = {row.cols[0], until};
      }
    }
  }
  // Every word of a role title ("president", "secretary", "general").
  std::set<std::string> role_words;
  for (const Row& row : *role_rows) {
    for (std::string& f : TokenizePhrase(row.cols[0])) {
      role_words.insert(std::move(f));
    }
  }
  // People are optional (a deployment may leave the large file out).
  if (auto it = by_name.find("phoenix_people.tsv"); it != by_name.end()) {
    absl::StatusOr<std::vector<Row>> people = Rows(it->first, *it->second, 4);
    if (!people.ok()) {
      return people.status();
    }
    for (const Row& row : *people) {
      Entry entry;
      entry.type = EntryType::kPerson;
      entry.code = row.cols[1];
      entry.name = row.cols[0];
      entry.surface = row.cols[0];
      entry.proper = true;
      if (!absl::SimpleAtoi(row.cols[2], &entry.from) ||
          !absl::SimpleAtoi(row.cols[3], &entry.to)) {
        return absl::InvalidArgumentError(
            absl::StrCat("dictionary phoenix_people.tsv line ", row.line, ": bad dates"));
      }
      const std::vector<std::string> folds = TokenizePhrase(row.cols[0]);
      if (folds.size() < 2) {
        continue;  // A single name is too ambiguous to match.
      }
      // Titles and institutions listed as people ("General Secretary Gorbachev", "United
      // States Congress") would make a role or a body a person.
      bool title = false;
      for (const std::string& f : folds) {
        title = title || role_words.count(f) > 0 || dict->lexicon_.Is(f, WordClass::kNameStop);
      }
      if (title) {
        continue;
      }
      dict->Add(Layer::kEntity, std::move(entry));
      dict->people_by_surname_[folds.back()].push_back(dict->entries_.back().get());
    }
  }
  for (const auto& [prefix, topic] : dict->topic_prefixes_) {
    dict->topic_prefix_index_[prefix.substr(0, 2)].emplace_back(prefix, topic);
  }
  dict->Finish();
  return std::shared_ptr<const Dictionaries>(std::move(dict));
}

const std::vector<std::pair<std::string, v1::Topic>>& Dictionaries::TopicPrefixesFor(
    const std::string& fold) const {
  static const auto* kNone = new std::vector<std::pair<std::string, v1::Topic>>();
  auto it = topic_prefix_index_.find(fold.substr(0, 2));
  return it == topic_prefix_index_.end() ? *kNone : it->second;
}

std::string Dictionaries::CodeAt(const std::string& code, int32_t date_key) const {
  if (date_key == 0) {
    return code;
  }
  auto it = successions_.find(code);
  if (it != successions_.end() && date_key < it->second.second) {
    return it->second.first;
  }
  return code;
}

const std::vector<const Entry*>& Dictionaries::PeopleWithSurname(const std::string& surname) const {
  static const auto* kNone = new std::vector<const Entry*>();
  auto it = people_by_surname_.find(surname);
  return it == people_by_surname_.end() ? *kNone : it->second;
}

bool Dictionaries::IsCapital(const std::string& town, const std::string& code) const {
  return capitals_.count({absl::AsciiStrToLower(town), code}) > 0;
}

const std::string& Dictionaries::CapitalOf(const std::string& code, int32_t date_key) const {
  static const auto* kNone = new std::string();
  auto it = capital_of_.find(code);
  if (it == capital_of_.end() || it->second.empty()) {
    return *kNone;
  }
  const std::string* out = &it->second.front().second;
  for (const auto& [since, town] : it->second) {
    if (date_key == 0 || since <= date_key) {
      out = &town;
    }
  }
  return *out;
}

const std::string& Dictionaries::OrgOfTitleQualifier(const std::string& fold) const {
  static const auto* kNone = new std::string();
  auto it = title_qualifiers_.find(fold);
  return it == title_qualifiers_.end() ? *kNone : it->second;
}

const std::string& Dictionaries::CountryName(const std::string& code) const {
  static const auto* kNone = new std::string();
  auto it = country_names_.find(code);
  return it == country_names_.end() ? *kNone : it->second;
}

std::vector<Match> Dictionaries::MatchAll(const Document& doc, Layer layer) const {
  std::vector<Match> out;
  const Index& index = index_[static_cast<int>(layer)];
  const int n = static_cast<int>(doc.tokens.size());
  int i = 0;
  while (i < n) {
    const Token& first = doc.tokens[i];
    const int sentence_end = doc.sentences[first.sentence].end_token;
    const bool all_caps = doc.sentences[first.sentence].all_caps;
    auto it = index.find(first.fold);
    bool matched = false;
    if (it != index.end()) {
      for (const Phrase& phrase : it->second) {
        const int len = static_cast<int>(phrase.folds.size());
        // The phrase's tokens in the text; a hyphen joining two words there may stand for a
        // space of the phrase ("Guinea-Bissau" for "Guinea Bissau").
        int positions[16];
        if (len > 16) {
          continue;
        }
        positions[0] = i;
        int j = i + 1;
        bool ok = true;
        for (int k = 1; k < len && ok; ++k) {
          if (j < sentence_end && doc.tokens[j].fold == "-" && phrase.folds[k] != "-" &&
              doc.tokens[j].begin == doc.tokens[j - 1].end && j + 1 < sentence_end &&
              doc.tokens[j + 1].begin == doc.tokens[j].end) {
            ++j;
          }
          ok = j < sentence_end && doc.tokens[j].fold == phrase.folds[k];
          positions[k] = j++;
        }
        if (!ok) {
          continue;
        }
        Match match{i, j, {}};
        for (const Entry* entry : phrase.entries) {
          if (entry->exact_case && !all_caps) {
            bool same = true;
            for (int k = 0; k < len && same; ++k) {
              const Token& t = doc.tokens[positions[k]];
              same = doc.text.compare(t.begin, t.end - t.begin, phrase.raws[k]) == 0;
            }
            if (!same) {
              continue;
            }
          } else if (entry->exact_case && all_caps &&
                     (layer != Layer::kEntity ||
                      (len == 1 && lexicon_.Is(first.fold, WordClass::kNameStop)))) {
            // "WILL" in a wire headline is no cue, and "WHO MET WHOM" names no body; other
            // acronyms are: "NATO CHIEF VISITS KYIV".
            continue;
          }
          if (entry->proper && !all_caps && !first.cap) {
            continue;
          }
          match.entries.push_back(entry);
        }
        if (!match.entries.empty()) {
          out.push_back(std::move(match));
          i = j;
          matched = true;
          break;
        }
      }
    }
    if (!matched) {
      ++i;
    }
  }
  return out;
}

}  // namespace parley::extract
