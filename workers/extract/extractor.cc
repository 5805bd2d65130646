#include "workers/extract/extractor.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/domain/meeting_rules.h"
#include "workers/extract/dates.h"
#include "workers/extract/text.h"

namespace parley::extract {

struct Person {
  std::string name;     // As written (longest form seen).
  std::string surname;  // Folded last name token.
  std::string role;     // As written.
  std::string level;    // Role level from roles.tsv; empty if unknown.
  std::string country;  // Alpha-2, or empty.
  std::string org;      // Organisation acronym, or empty.
  std::set<int> sentences;
  int first_token = 0;  // First mention.
  int end_token = 0;
  bool from_dictionary = false;
  bool in_title = false;
};

struct Analysis {
  std::unique_ptr<Document> owned_doc;
  int anchor = -1;
  std::set<int> window;
  const Document* doc = nullptr;
  const Dictionaries* dict = nullptr;
  std::vector<Match> entities;
  std::vector<Match> events;
  std::vector<Match> topics;
  std::vector<DateMention> dates;
  std::vector<Person> people;
  std::optional<absl::CivilDay> published;
  // For each token, the index of the entity match covering it, or -1.
  std::vector<int> entity_at;
  std::vector<int> event_at;
  std::vector<std::vector<int>> events_in_sentence;
  std::vector<std::vector<int>> entities_in_sentence;

  const Token& tok(int i) const { return doc->tokens[i]; }
  std::vector<const Entry*> PeopleWithSurnameOf(const std::string& fold) const {
    return dict->PeopleWithSurname(fold);
  }
  absl::string_view Text(int first, int end) const {
    if (first >= end) {
      return {};
    }
    const uint32_t b = doc->tokens[first].begin;
    const uint32_t e = doc->tokens[end - 1].end;
    return absl::string_view(doc->text).substr(b, e - b);
  }
  const Entry* EntityOf(int match, EntryType type) const {
    for (const Entry* e : entities[match].entries) {
      if (e->type == type) {
        return e;
      }
    }
    return nullptr;
  }
  bool EventHas(int sentence, const std::string& cue) const {
    for (int m : events_in_sentence[sentence]) {
      for (const Entry* e : events[m].entries) {
        if (e->value == cue) {
          return true;
        }
      }
    }
    return false;
  }
};

namespace {

// ---------------------------------------------------------------------------------------------
// Small vocabularies that are grammar, not knowledge: kept here rather than in data files.

const std::set<std::string>& NameStopWords() {
  static const auto* words = new std::set<std::string>{"besides",
                                                       "thus",
                                                       "therefore",
                                                       "then",
                                                       "separately",
                                                       "similarly",
                                                       "likewise",
                                                       "instead",
                                                       "still",
                                                       "yet",
                                                       "now",
                                                       "nevertheless",
                                                       "overall",
                                                       "finally",
                                                       "initially",
                                                       "recently",
                                                       "currently",
                                                       "previously",
                                                       "accordingly",
                                                       "notably",
                                                       "importantly",
                                                       "specifically",
                                                       "the",
                                                       "a",
                                                       "an",
                                                       "he",
                                                       "she",
                                                       "it",
                                                       "they",
                                                       "we",
                                                       "i",
                                                       "you",
                                                       "this",
                                                       "that",
                                                       "these",
                                                       "those",
                                                       "his",
                                                       "her",
                                                       "their",
                                                       "our",
                                                       "its",
                                                       "in",
                                                       "on",
                                                       "at",
                                                       "for",
                                                       "with",
                                                       "and",
                                                       "but",
                                                       "or",
                                                       "as",
                                                       "by",
                                                       "from",
                                                       "to",
                                                       "of",
                                                       "after",
                                                       "before",
                                                       "during",
                                                       "following",
                                                       "while",
                                                       "when",
                                                       "mr",
                                                       "mrs",
                                                       "ms",
                                                       "dr",
                                                       "sir",
                                                       "madam",
                                                       "both",
                                                       "all",
                                                       "some",
                                                       "many",
                                                       "there",
                                                       "here",
                                                       "what",
                                                       "which",
                                                       "who",
                                                       "why",
                                                       "how",
                                                       "if",
                                                       "also",
                                                       "however",
                                                       "meanwhile",
                                                       "earlier",
                                                       "later",
                                                       "last",
                                                       "next",
                                                       "new",
                                                       "according",
                                                       "speaking",
                                                       "asked",
                                                       "under",
                                                       "january",
                                                       "february",
                                                       "march",
                                                       "april",
                                                       "may",
                                                       "june",
                                                       "july",
                                                       "august",
                                                       "september",
                                                       "october",
                                                       "november",
                                                       "december",
                                                       "monday",
                                                       "tuesday",
                                                       "wednesday",
                                                       "thursday",
                                                       "friday",
                                                       "saturday",
                                                       "sunday",
                                                       "today",
                                                       "yesterday",
                                                       "tomorrow",
                                                       "ministry",
                                                       "government",
                                                       "state",
                                                       "republic",
                                                       "kingdom",
                                                       "foreign",
                                                       "affairs",
                                                       "minister",
                                                       "ministers",
                                                       "office",
                                                       "department",
                                                       "parliament",
                                                       "congress",
                                                       "senate",
                                                       "house",
                                                       "council",
                                                       "committee",
                                                       "union",
                                                       "nations",
                                                       "party",
                                                       "army",
                                                       "news",
                                                       "agency",
                                                       "press",
                                                       "times",
                                                       "post",
                                                       "daily",
                                                       "reuters",
                                                       "xinhua",
                                                       "tass",
                                                       "bbc",
                                                       "ap",
                                                       "afp",
                                                       "belt",
                                                       "road",
                                                       "initiative",
                                                       "bri",
                                                       "summit",
                                                       "talks",
                                                       "meeting",
                                                       "visit",
                                                       "conference",
                                                       "forum",
                                                       "secretary",
                                                       "general",
                                                       "deputy",
                                                       "vice",
                                                       "first",
                                                       "second",
                                                       "third",
                                                       "one",
                                                       "two",
                                                       "three",
                                                       "west",
                                                       "east",
                                                       "north",
                                                       "south",
                                                       "central",
                                                       "western",
                                                       "eastern",
                                                       "northern",
                                                       "southern",
                                                       "european",
                                                       "international",
                                                       "national",
                                                       "global",
                                                       "world",
                                                       "bank",
                                                       "trade",
                                                       "economic",
                                                       "security",
                                                       "said",
                                                       "says",
                                                       "told",
                                                       "added",
                                                       "noted",
                                                       "stressed",
                                                       "expressed",
                                                       "highlighted",
                                                       "all",
                                                       "in",
                                                       "essence",
                                                       "additionally",
                                                       "furthermore",
                                                       "moreover",
                                                       "present",
                                                       "presidential",
                                                       "administration",
                                                       "prime",
                                                       "premier",
                                                       "chancellor",
                                                       "president",
                                                       "leader",
                                                       "leaders",
                                                       "representative",
                                                       "representatives",
                                                       "delegation",
                                                       "delegations",
                                                       "embassy",
                                                       "ambassador",
                                                       "envoy",
                                                       "spokesman",
                                                       "spokeswoman",
                                                       "spokesperson",
                                                       "palace",
                                                       "kremlin",
                                                       "white",
                                                       "downing",
                                                       "street",
                                                       "capitol",
                                                       "hill",
                                                       "diplomats",
                                                       "officials",
                                                       "sources",
                                                       "covid",
                                                       "coronavirus",
                                                       "christmas",
                                                       "easter",
                                                       "ramadan",
                                                       "eid",
                                                       "he's",
                                                       "she's",
                                                       "it's",
                                                       "we're",
                                                       "they're",
                                                       "mps",
                                                       "mp",
                                                       "labour",
                                                       "conservative",
                                                       "conservatives",
                                                       "tory",
                                                       "tories",
                                                       "democrats",
                                                       "republicans",
                                                       "liberal",
                                                       "communist",
                                                       "gulf",
                                                       "middle",
                                                       "asia",
                                                       "africa",
                                                       "europe",
                                                       "america",
                                                       "americas",
                                                       "pacific",
                                                       "atlantic",
                                                       "indian",
                                                       "ocean",
                                                       "sea",
                                                       "strait",
                                                       "caspian",
                                                       "arab",
                                                       "islamic",
                                                       "muslim",
                                                       "christian",
                                                       "jewish",
                                                       "catholic",
                                                       "ex",
                                                       "former",
                                                       "acting",
                                                       "interim",
                                                       "chief",
                                                       "head",
                                                       "heads",
                                                       "video",
                                                       "phone",
                                                       "call",
                                                       "statement",
                                                       "joint",
                                                       "declaration",
                                                       "agreement",
                                                       "treaty",
                                                       "memorandum",
                                                       "communique",
                                                       "plan",
                                                       "action",
                                                       "roadmap",
                                                       "for",
                                                       "more",
                                                       "details",
                                                       "check",
                                                       "out",
                                                       "read",
                                                       "also",
                                                       "related",
                                                       "see",
                                                       "photo",
                                                       "video",
                                                       "watch",
                                                       "live",
                                                       "update",
                                                       "updated",
                                                       "breaking",
                                                       "exclusive",
                                                       "analysis",
                                                       "opinion",
                                                       "editorial",
                                                       "comment",
                                                       "minute",
                                                       "hour",
                                                       "week",
                                                       "month",
                                                       "year",
                                                       "day",
                                                       "days",
                                                       "weeks",
                                                       "months",
                                                       "years"};
  return *words;
}

const std::set<std::string>& NameParticles() {
  static const auto* words = new std::set<std::string>{
      "al",  "bin", "ibn", "van", "von", "de",  "da",  "del", "la",  "le",   "der",
      "den", "abu", "el",  "di",  "du",  "dos", "das", "y",   "ter", "bint", "zu"};
  return *words;
}

const std::set<std::string>& SpeechVerbs() {
  static const auto* words = new std::set<std::string>{
      "said",       "says",       "stated",      "noted",      "stressed",    "told",
      "added",      "emphasized", "emphasised",  "underlined", "underscored", "expressed",
      "declared",   "announced",  "highlighted", "urged",      "described",   "called",
      "reiterated", "pointed",    "affirmed",    "remarked",   "commented"};
  return *words;
}

const std::set<std::string>& SigningVerbs() {
  static const auto* words = new std::set<std::string>{
      "signed",    "sign",      "signing",   "signs",      "adopted",  "adopt",    "adopting",
      "approved",  "concluded", "initialed", "initialled", "endorsed", "issued",   "issue",
      "issues",    "inked",     "reached",   "agreed",     "released", "produced", "finalised",
      "finalized", "agree",     "conclude",  "ratified",   "exchanged"};
  return *words;
}

// Venue prepositions: a place right after one of these is where something happens, not who.
bool IsLocative(const std::string& fold) {
  return fold == "in" || fold == "at" || fold == "to" || fold == "from" || fold == "into" ||
         fold == "near" || fold == "across" || fold == "inside";
}

bool IsPersonLevel(const std::string& level) { return level != "spk"; }

// ---------------------------------------------------------------------------------------------

std::string TitleCase(absl::string_view text) {
  std::string out;
  bool start = true;
  for (char c : text) {
    if (absl::ascii_isalpha(c)) {
      out.push_back(start ? absl::ascii_toupper(c) : absl::ascii_tolower(c));
      start = false;
    } else {
      out.push_back(c);
      start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return out;
}

// As written, but a wire headline's capitals become title case.
std::string Surface(const Analysis& a, int first, int end) {
  std::string text;
  for (char c : a.Text(first, end)) {
    if (c == '\n' || c == '\t') {
      c = ' ';
    }
    if (c == ' ' && !text.empty() && text.back() == ' ') {
      continue;
    }
    text.push_back(c);
  }
  if (first < end && a.doc->sentences[a.tok(first).sentence].all_caps) {
    return TitleCase(text);
  }
  return text;
}

int32_t DayKey(const std::optional<absl::CivilDay>& day) {
  if (!day.has_value()) {
    return 0;
  }
  return static_cast<int32_t>(day->year() * 10000 + day->month() * 100 + day->day());
}

// ---------------------------------------------------------------------------------------------
// People.

bool IsNameToken(const Analysis& a, int i) {
  const Token& t = a.tok(i);
  if (!t.word || absl::ascii_isdigit(static_cast<unsigned char>(t.fold[0]))) {
    return false;
  }
  const bool all_caps = a.doc->sentences[t.sentence].all_caps;
  if (!t.cap && !all_caps) {
    return false;
  }
  if (NameStopWords().count(t.fold) > 0) {
    return false;
  }
  if (a.event_at[i] >= 0) {
    return false;
  }
  const int m = a.entity_at[i];
  if (m >= 0) {
    for (const Entry* e : a.entities[m].entries) {
      if (e->type == EntryType::kPerson) {
        return true;
      }
    }
    return false;
  }
  return true;
}

// The role ending right before token `i` (skipping one comma), with its qualifiers.
struct RoleInfo {
  int first = -1;  // Token span of the role phrase with its qualifiers.
  int end = -1;
  std::string role;
  std::string level;
  std::string country;
  std::string org;
};

std::optional<RoleInfo> RoleBefore(const Analysis& a, int i, int sentence_first) {
  int k = i - 1;
  if (k >= sentence_first && a.tok(k).fold == ",") {
    --k;
    // "The vice minister of the Ministry of International Trade and Industry, Makoto Kuroda":
    // skip back over the capitalised name of a ministry to "<role> of".
    int q = k;
    int steps = 0;
    while (q > sentence_first && steps < 10 &&
           (a.tok(q).cap || a.tok(q).fold == "of" || a.tok(q).fold == "and" ||
            a.tok(q).fold == "the") &&
           a.entity_at[q] < 0) {
      --q;
      ++steps;
    }
    if (steps >= 2 && q >= sentence_first && a.tok(q + 1).fold == "of" && a.entity_at[q] >= 0 &&
        a.EntityOf(a.entity_at[q], EntryType::kRole) != nullptr) {
      k = q;
    } else if (steps >= 2 && q + 1 < i && a.tok(q + 1).fold == "of" && q >= sentence_first &&
               a.entity_at[q] >= 0 && a.EntityOf(a.entity_at[q], EntryType::kRole) != nullptr) {
      k = q;
    }
  }
  if (k < sentence_first) {
    return std::nullopt;
  }
  RoleInfo info;
  // "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu": a place between role and name.
  int role_end = k + 1;
  std::string trailing_country;
  if (a.entity_at[k] >= 0) {
    const int m = a.entity_at[k];
    const Entry* place = a.EntityOf(m, EntryType::kPlace);
    int of = a.entities[m].first - 1;
    if (of >= sentence_first && a.tok(of).fold == "the") {
      --of;
    }
    if (place != nullptr && of >= sentence_first && a.tok(of).fold == "of") {
      trailing_country = place->value;
      role_end = of;
      k = role_end - 1;
    }
  }
  if (k < sentence_first) {
    return std::nullopt;
  }
  const int m = a.entity_at[k];
  if (a.tok(k).fold == "counterpart" || a.tok(k).fold == "counterparts") {
    info.first = k;
    info.end = role_end;
  } else if (m >= 0 && a.EntityOf(m, EntryType::kRole) != nullptr && a.entities[m].end == k + 1 &&
             a.EntityOf(m, EntryType::kRole)->surface != "official") {
    const Entry* role = a.EntityOf(m, EntryType::kRole);
    info.first = a.entities[m].first;
    info.end = role_end;
    info.level = role->value;
    info.role = TitleCase(a.Text(a.entities[m].first, a.entities[m].end));
  } else if ((a.tok(k).fold == "mr" || a.tok(k).fold == "mrs" || a.tok(k).fold == "ms" ||
              a.tok(k).fold == "dr") ||
             (a.tok(k).fold == "." && k - 1 >= sentence_first &&
              (a.tok(k - 1).fold == "mr" || a.tok(k - 1).fold == "mrs" ||
               a.tok(k - 1).fold == "ms"))) {
    info.first = a.tok(k).fold == "." ? k - 1 : k;
    info.end = k + 1;
    return info;  // An honorific: a person, nothing more known.
  } else {
    return std::nullopt;
  }
  info.country = trailing_country;
  // Qualifiers left of the role: "Kazakhstan's", "Chinese", "UN", "U.S.", "his Kazakh".
  int q = info.first - 1;
  while (q >= sentence_first) {
    const Token& t = a.tok(q);
    if (t.fold == "'s" || t.fold == "the" || t.fold == "his" || t.fold == "her" || t.fold == "-") {
      --q;
      continue;
    }
    const int qm = a.entity_at[q];
    if (qm < 0) {
      // Another role word ("Deputy", "Foreign") joins the role.
      break;
    }
    const Entry* place = a.EntityOf(qm, EntryType::kPlace);
    const Entry* org = a.EntityOf(qm, EntryType::kOrg);
    const Entry* role = a.EntityOf(qm, EntryType::kRole);
    if (place != nullptr && place->extra != "city" && place->extra != "capital") {
      if (info.country.empty()) {
        info.country = place->value;
      }
      info.first = a.entities[qm].first;
      q = a.entities[qm].first - 1;
      break;
    }
    if (org != nullptr && org->extra == "org") {
      info.org = org->value;
      info.first = a.entities[qm].first;
      break;
    }
    if (role != nullptr) {
      // "Deputy Prime Minister": keep the outer role's wording.
      info.role = TitleCase(a.Text(a.entities[qm].first, info.end));
      if (info.level.empty() || role->value == "dep") {
        info.level = role->value;
      }
      info.first = a.entities[qm].first;
      q = a.entities[qm].first - 1;
      continue;
    }
    break;
  }
  if (info.role.empty() && info.level.empty()) {
    info.level = "counterpart";
  }
  return info;
}

// The role right after a name: ", Kazakhstan's Foreign Minister" / ", the Chinese premier".
std::optional<RoleInfo> RoleAfter(const Analysis& a, int end, int sentence_end) {
  int k = end;
  if (k >= sentence_end || (a.tok(k).fold != "," && a.tok(k).fold != "(")) {
    return std::nullopt;
  }
  ++k;
  RoleInfo info;
  for (int steps = 0; k < sentence_end && steps < 6; ++steps) {
    const Token& t = a.tok(k);
    if (t.fold == "the" || t.fold == "'s" || t.fold == "-") {
      ++k;
      continue;
    }
    const int m = a.entity_at[k];
    if (m < 0) {
      return std::nullopt;
    }
    const Entry* place = a.EntityOf(m, EntryType::kPlace);
    const Entry* org = a.EntityOf(m, EntryType::kOrg);
    const Entry* role = a.EntityOf(m, EntryType::kRole);
    if (role != nullptr) {
      info.role = TitleCase(a.Text(a.entities[m].first, a.entities[m].end));
      info.level = role->value;
      info.first = end;
      info.end = a.entities[m].end;
      // "..., Foreign Minister of Kazakhstan".
      int after = a.entities[m].end;
      if (after + 1 < sentence_end && a.tok(after).fold == "of" && a.entity_at[after + 1] >= 0) {
        const Entry* of_place = a.EntityOf(a.entity_at[after + 1], EntryType::kPlace);
        if (of_place != nullptr && info.country.empty()) {
          info.country = of_place->value;
        }
      }
      return info;
    }
    if (place != nullptr && place->extra != "city" && place->extra != "capital") {
      info.country = place->value;
    } else if (org != nullptr) {
      info.org = org->value;
    } else {
      return std::nullopt;
    }
    k = a.entities[m].end;
  }
  return std::nullopt;
}

// Looks a name up in the people dictionary, valid on `day` when known.
const Entry* DictionaryPerson(const Analysis& a, const std::vector<const Entry*>& candidates,
                              const std::string& first_fold) {
  const int32_t key = DayKey(a.published);
  const Entry* best = nullptr;
  std::set<std::string> countries;
  for (const Entry* e : candidates) {
    if (key != 0 && (key < e->from || key > e->to)) {
      continue;
    }
    if (!first_fold.empty()) {
      const std::vector<std::string> folds = TokenizePhrase(e->extra);
      if (folds.empty() || folds[0][0] != first_fold[0]) {
        continue;
      }
    }
    countries.insert(e->value);
    best = e;
  }
  return countries.size() == 1 ? best : nullptr;  // Ambiguous surnames say nothing.
}

void FindPeople(Analysis& a) {
  const Document& doc = *a.doc;
  std::map<std::string, int> by_surname;  // Folded surname -> index in a.people.
  auto add = [&](int first, int end, const RoleInfo* role, bool from_dictionary) {
    // Name tokens only (drop a trailing "'s").
    std::vector<int> name_tokens;
    for (int i = first; i < end; ++i) {
      if (a.tok(i).word) {
        name_tokens.push_back(i);
      }
    }
    if (name_tokens.empty()) {
      return;
    }
    const std::string surname = a.tok(name_tokens.back()).fold;
    const int sentence = a.tok(first).sentence;
    auto it = by_surname.find(surname);
    Person* p = nullptr;
    if (it != by_surname.end()) {
      p = &a.people[it->second];
    } else {
      by_surname[surname] = static_cast<int>(a.people.size());
      a.people.emplace_back();
      p = &a.people.back();
      p->surname = surname;
      p->first_token = first;
      p->end_token = end;
    }
    const std::string name = Surface(a, first, end);
    if (name.size() > p->name.size()) {
      p->name = name;
      if (!doc.sentences[sentence].title) {
        p->first_token = first;
        p->end_token = end;
      }
    }
    p->sentences.insert(sentence);
    p->in_title = p->in_title || doc.sentences[sentence].title;
    p->from_dictionary = p->from_dictionary || from_dictionary;
    if (role != nullptr) {
      if (p->role.empty() && !role->role.empty()) {
        p->role = role->role;
      }
      if ((p->level.empty() || p->level == "counterpart") && !role->level.empty()) {
        p->level = role->level;
      }
      if (p->country.empty()) {
        p->country = role->country;
      }
      if (p->org.empty()) {
        p->org = role->org;
      }
    }
  };

  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    int i = sentence.first_token;
    while (i < sentence.end_token) {
      if (!IsNameToken(a, i)) {
        ++i;
        continue;
      }
      // A run of name tokens, joined by hyphens, particles and initials. In a headline in
      // capitals every word looks like a name: take one word at a time, and only known names.
      int end = i + 1;
      while (!sentence.all_caps && end < sentence.end_token) {
        const Token& t = a.tok(end);
        if (IsNameToken(a, end)) {
          ++end;
        } else if ((t.fold == "-" || NameParticles().count(t.fold) > 0) &&
                   end + 1 < sentence.end_token && IsNameToken(a, end + 1)) {
          end += 2;
        } else if (NameParticles().count(t.fold) > 0 && end + 2 < sentence.end_token &&
                   a.tok(end + 1).fold == "-" && IsNameToken(a, end + 2)) {
          end += 3;  // "al-Tayer".
        } else if (t.fold == "-" && end + 1 < sentence.end_token && a.tok(end + 1).word &&
                   t.begin == a.tok(end - 1).end && a.tok(end + 1).begin == t.end &&
                   absl::ascii_isalpha(static_cast<unsigned char>(a.tok(end + 1).fold[0]))) {
          end += 2;  // "Lee Min-ho", "Moon Jae-in".
        } else if (t.fold == "." && a.tok(end - 1).fold.size() == 1 &&
                   end + 1 < sentence.end_token && IsNameToken(a, end + 1)) {
          ++end;  // "Antony J. Blinken".
        } else {
          break;
        }
      }
      // A dictionary person match may extend beyond or start the run.
      const int m = a.entity_at[i];
      const Entry* dict_entry = m >= 0 ? a.EntityOf(m, EntryType::kPerson) : nullptr;
      if (dict_entry != nullptr && a.entities[m].end > end) {
        end = a.entities[m].end;
      }
      int words = 0;
      for (int k = i; k < end; ++k) {
        words += a.tok(k).word ? 1 : 0;
      }
      if (words > 4) {
        i = end;
        continue;
      }
      // Things named after people are not people.
      if (end < sentence.end_token) {
        const std::string& next = a.tok(end).fold;
        if (next == "administration" || next == "government" || next == "era" ||
            next == "doctrine" || next == "plan" || next == "cabinet" ||
            (next == "'s" && end + 1 < sentence.end_token &&
             (a.tok(end + 1).fold == "government" || a.tok(end + 1).fold == "administration"))) {
          i = end;
          continue;
        }
      }
      std::optional<RoleInfo> role = RoleBefore(a, i, sentence.first_token);
      if (!role.has_value()) {
        role = RoleAfter(a, end, sentence.end_token);
      }
      const bool known_surname = by_surname.count(a.tok(end - 1).fold) > 0;
      bool is_person = role.has_value() || dict_entry != nullptr || known_surname;
      if (sentence.all_caps && dict_entry == nullptr) {
        is_person = known_surname;  // Roles in capitals are followed by verbs as often as names.
        if (!is_person) {
          is_person = DictionaryPerson(a, a.PeopleWithSurnameOf(a.tok(i).fold), "") != nullptr;
        }
      }
      // "X met Y", "X said": two or three capitalised words as the subject of an event.
      if (!is_person && words >= 2 && words <= 3 && end < sentence.end_token) {
        const std::string& next = a.tok(end).fold;
        const bool verb = a.event_at[end] >= 0 || SpeechVerbs().count(next) > 0 || next == "has" ||
                          next == "will" || next == "is" || next == "was";
        const bool after_with =
            i > sentence.first_token && (a.tok(i - 1).fold == "with" || a.tok(i - 1).fold == "and");
        is_person = verb || (after_with && a.event_at[std::max(i - 2, sentence.first_token)] >= 0);
      }
      // A lone capitalised surname in a headline or dateline-less text: the dictionary decides.
      const Entry* by_name = nullptr;
      if (!is_person && words == 1 && sentence.title && !sentence.all_caps) {
        by_name = DictionaryPerson(a, a.PeopleWithSurnameOf(a.tok(i).fold), "");
        is_person = by_name != nullptr;
      }
      if (!is_person) {
        i = end;
        continue;
      }
      RoleInfo filled = role.value_or(RoleInfo());
      if (filled.country.empty() && filled.org.empty()) {
        const Entry* e = dict_entry;
        if (e == nullptr) {
          std::string first_fold;
          if (words >= 2) {
            first_fold = a.tok(i).fold;
          }
          e = DictionaryPerson(a, a.PeopleWithSurnameOf(a.tok(end - 1).fold), first_fold);
        }
        if (e != nullptr) {
          filled.country = e->value;
        }
      }
      add(i, end, &filled, dict_entry != nullptr || by_name != nullptr);
      i = end;
    }
  }
  // A person's country also comes from "his Kazakh counterpart"-style roles resolved above;
  // people whose country is still unknown but whose org is unknown too stay unattributed.
}

// ---------------------------------------------------------------------------------------------
// Meetings.

bool IsMeetingSentence(const Analysis& a, int s) {
  for (int m : a.events_in_sentence[s]) {
    for (const Entry* e : a.events[m].entries) {
      if (e->type == EntryType::kTrigger && e->value != "negative" && e->value != "sign") {
        return true;
      }
    }
  }
  return false;
}

bool HasNegativeTrigger(const Analysis& a, int s) { return a.EventHas(s, "negative"); }

// A sentence that announces another, later meeting ("the second ... summit", "next visit").
// Returns the index of its trigger match, or -1.
int FollowUpTrigger(const Analysis& a, int s) {
  static const auto* markers = new std::set<std::string>{
      "second", "third",  "fourth", "fifth", "sixth", "next", "upcoming",   "forthcoming",
      "coming", "future", "2nd",    "3rd",   "4th",   "5th",  "subsequent", "another"};
  for (int m : a.events_in_sentence[s]) {
    const Match& match = a.events[m];
    bool meeting = false;
    for (const Entry* e : match.entries) {
      meeting = meeting || (e->type == EntryType::kTrigger &&
                            (e->value == "summit" || e->value == "meet" || e->value == "visit" ||
                             e->value == "state_visit" || e->value == "council"));
    }
    if (!meeting) {
      continue;
    }
    const int lo = std::max(a.doc->sentences[s].first_token, match.first - 6);
    bool marked = false;
    for (int k = lo; k < match.first; ++k) {
      marked = marked || markers->count(a.tok(k).fold) > 0;
    }
    // The first meeting word of the sentence decides: "held a phone call, during which they
    // discussed the upcoming summit" reports the call.
    return marked ? m : -1;
  }
  return -1;
}

bool IsSidelines(const Analysis& a, int s) {
  for (int i = a.doc->sentences[s].first_token; i < a.doc->sentences[s].end_token; ++i) {
    const std::string& f = a.tok(i).fold;
    if (f == "sidelines" || f == "sideline" || f == "margins" || f == "margin") {
      return true;
    }
  }
  return false;
}

struct Built {
  v1::Meeting meeting;
  bool valid = false;
};

class MeetingBuilder {
 public:
  // Codes places as the states of the meeting's time ("Moscow" in 1987 is SU).
  void Historicise(v1::Meeting* m) const {
    int32_t key = DateKey(m->start_date());
    if (key == 0) {
      key = DayKey(a_.published);
    }
    if (key == 0) {
      return;
    }
    auto fix = [&](std::string* code) {
      if (!code->empty()) {
        *code = a_.dict->CodeAt(*code, key);
      }
    };
    fix(m->mutable_venue()->mutable_country_code());
    for (std::string& c : *m->mutable_countries()) {
      fix(&c);
    }
    for (v1::Person& p : *m->mutable_people()) {
      fix(p.mutable_country_code());
    }
  }

  MeetingBuilder(Analysis& a, const v1::Article& article) : a_(a), article_(article) {}

  std::vector<v1::Meeting> Run();

 private:
  std::set<std::string> CountriesIn(const std::set<int>& sentences,
                                    std::vector<std::pair<int, int>>* spans) const;
  void FillVenue(const std::set<int>& window, int anchor, v1::Meeting* m, bool use_dateline = true);
  void FillDate(const std::set<int>& window, int anchor, bool future, v1::Meeting* m);
  v1::MeetingStatus StatusOf(const std::set<int>& sentences, int anchor, v1::Meeting* m);
  v1::MeetingKind KindOf(const std::set<int>& window, int anchor, const v1::Meeting& m) const;
  void FillDocuments(const std::set<int>& sentences, v1::Meeting* m) const;
  void FillTopics(const std::set<int>& window, v1::Meeting* m) const;
  void FillStatements(const std::set<int>& window, v1::Meeting* m) const;
  void FillTags(v1::Meeting* m) const;
  std::string Attribution() const;
  void AddEvidence(v1::Meeting* m, const std::string& field, int first, int end,
                   const std::string& value) const;
  std::string MakeTitle(const v1::Meeting& m) const;
  std::string FormatIn(const std::set<int>& sentences) const;
  std::vector<std::string> OrgsIn(const std::set<int>& sentences) const;

  // The first meeting trigger of sentence `s` when a future-tense cue ("will", "to meet",
  // "is expected to") stands within six words before it; -1 otherwise.
  int FutureTrigger(int s) const {
    for (int mi : a_.events_in_sentence[s]) {
      const Match& match = a_.events[mi];
      bool meeting = false;
      for (const Entry* e : match.entries) {
        meeting = meeting ||
                  (e->type == EntryType::kTrigger && e->value != "negative" && e->value != "sign");
      }
      if (!meeting) {
        continue;
      }
      // "After the meeting, X will meet Y": a back-reference to the reported meeting.
      const int first = a_.doc->sentences[s].first_token;
      if (match.first - 2 >= first && a_.tok(match.first - 1).fold == "the") {
        const std::string& prep = a_.tok(match.first - 2).fold;
        if (prep == "during" || prep == "at" || prep == "on") {
          return -1;  // "During the visit he will hold talks": the reported meeting itself.
        }
        if (prep == "after" || prep == "before" || prep == "following") {
          continue;  // "After the meeting, X plans to meet Y": look at the next meeting word.
        }
      }
      for (int ci : a_.events_in_sentence[s]) {
        const Match& cue = a_.events[ci];
        for (const Entry* e : cue.entries) {
          // The cue precedes the trigger or contains it ("plans to meet").
          if (e->type == EntryType::kCue && e->value == "future" && cue.first <= match.first &&
              cue.end + 6 >= match.first && cue.first + 8 >= match.first) {
            // "X was to meet Y" tells the plan of the reported (cancelled) meeting.
            if (cue.first > first &&
                (a_.tok(cue.first - 1).fold == "was" || a_.tok(cue.first - 1).fold == "were")) {
              return -1;
            }
            return mi;
          }
        }
      }
      return -1;  // Only the first meeting word of the sentence counts.
    }
    return -1;
  }

  Analysis& a_;
  const v1::Article& article_;
  std::map<int, int> future_triggers_;
};

void MeetingBuilder::AddEvidence(v1::Meeting* m, const std::string& field, int first, int end,
                                 const std::string& value) const {
  if (first >= end) {
    return;
  }
  const int32_t b = a_.doc->body_offset[a_.tok(first).begin];
  const int32_t e_last = a_.doc->body_offset[a_.tok(end - 1).end - 1];
  if (b < 0 || e_last < 0) {
    return;  // In the headline, not the body.
  }
  // The span ends after the last source byte of the last token.
  int32_t e = e_last + 1;
  while (static_cast<size_t>(e) < article_.body().size() &&
         (static_cast<unsigned char>(article_.body()[e]) & 0xC0) == 0x80) {
    ++e;
  }
  v1::Evidence* ev = m->add_evidence();
  ev->set_field(field);
  ev->set_begin(static_cast<uint32_t>(b));
  ev->set_end(static_cast<uint32_t>(e));
  ev->set_value(value);
}

// True when the place match `m` qualifies a role or person: "Chinese Foreign Minister",
// "Kazakhstan's FM", "ministers from X", "leaders of X", or a list continuing one of those.
bool RoleAttached(const Analysis& a, int m) {
  const Match& match = a.entities[m];
  const Sentence& sentence = a.doc->sentences[a.tok(match.first).sentence];
  // Followed by a role or a person: "Chinese Foreign Minister", "Kazakhstan's Nurtleu".
  int k = match.end;
  if (k < sentence.end_token && a.tok(k).fold == "'s") {
    ++k;
  }
  for (int skip = 0; skip < 2 && k < sentence.end_token; ++skip, ++k) {
    if (a.entity_at[k] >= 0 && (a.EntityOf(a.entity_at[k], EntryType::kRole) != nullptr ||
                                a.EntityOf(a.entity_at[k], EntryType::kPerson) != nullptr)) {
      return true;
    }
    if (a.tok(k).fold == "counterpart" || a.tok(k).fold == "counterparts" ||
        a.tok(k).fold == "side" || a.tok(k).fold == "sides") {
      return true;
    }
    if (!a.tok(k).word || a.entity_at[k] >= 0) {
      break;  // Only one plain word may stand between: "Japanese trade official".
    }
  }
  for (const Person& p : a.people) {
    if (p.first_token == k || (k < sentence.end_token && a.tok(k).cap && p.first_token == k)) {
      return true;
    }
  }
  // Preceded by a role and of/for/from, possibly through a list: "ministers from X, Y and Z".
  int q = match.first - 1;
  while (q >= sentence.first_token) {
    const std::string& f = a.tok(q).fold;
    if (f == "," || f == "and" || f == "the") {
      --q;
      continue;
    }
    if (a.entity_at[q] >= 0 && a.EntityOf(a.entity_at[q], EntryType::kPlace) != nullptr) {
      q = a.entities[a.entity_at[q]].first - 1;  // Another list member.
      continue;
    }
    if (f == "of" || f == "for" || f == "from") {
      --q;
      while (q >= sentence.first_token && a.tok(q).fold == "the") {
        --q;
      }
      return q >= sentence.first_token && a.entity_at[q] >= 0 &&
             (a.EntityOf(a.entity_at[q], EntryType::kRole) != nullptr ||
              a.EntityOf(a.entity_at[q], EntryType::kGroup) != nullptr);
    }
    return false;
  }
  return false;
}

// The city or capital entry of a place match ("Singapore" is both a country and a city).
const Entry* CityOf(const Analysis& a, int m) {
  for (const Entry* e : a.entities[m].entries) {
    if (e->type == EntryType::kPlace && (e->extra == "city" || e->extra == "capital")) {
      return e;
    }
  }
  return nullptr;
}

// True when a place match is only a demonym that reads as an adjective ("Russian", "Chinese",
// "British"), not a country's name ("Japan", "Russia").
bool IsAdjective(const Analysis& a, int m) {
  for (const Entry* e : a.entities[m].entries) {
    if (e->type == EntryType::kPlace && e->extra != "demonym") {
      return false;
    }
  }
  const std::string& word = a.tok(a.entities[m].end - 1).fold;
  for (const char* suffix : {"an", "ian", "ese", "ish", "i", "ic", "ch", "ss", "k", "ek"}) {
    if (absl::EndsWith(word, suffix)) {
      return true;
    }
  }
  return false;
}

std::set<std::string> MeetingBuilder::CountriesIn(const std::set<int>& sentences,
                                                  std::vector<std::pair<int, int>>* spans) const {
  std::set<std::string> out;
  const int anchor = a_.anchor;
  for (int s : sentences) {
    const int first_token = a_.doc->sentences[s].first_token;
    int filtered_end = -1;  // End of the last place mention left out, for lists.
    // In the headline and the anchor sentence any place in a party slot counts; elsewhere only
    // places that qualify a role or person (later sentences list the topics discussed).
    const bool main_sentence = s == 0 || s == 1 || s == anchor || sentences.size() == 1;
    for (int m : a_.entities_in_sentence[s]) {
      const Match& match = a_.entities[m];
      const Entry* place = a_.EntityOf(m, EntryType::kPlace);
      if (place == nullptr || place->extra == "city" || place->extra == "capital") {
        continue;
      }
      const bool attached = RoleAttached(a_, m);
      if (!main_sentence && !attached) {
        continue;
      }
      // "in Zimbabwe and Burma": a list continues the slot of its first member.
      if (!attached && filtered_end >= 0) {
        bool list = true;
        for (int k = filtered_end; k < match.first && list; ++k) {
          const std::string& f = a_.tok(k).fold;
          list = f == "," || f == "and" || f == "or" || f == "the";
        }
        if (list) {
          filtered_end = match.end;
          continue;
        }
      }
      // An adjective ("Russian war", "Chinese goods") qualifying a thing, not a role.
      if (!attached && IsAdjective(a_, m) && match.end < a_.doc->sentences[s].end_token &&
          a_.tok(match.end).word && !a_.tok(match.end).cap && !a_.doc->sentences[s].all_caps) {
        const std::string& next = a_.tok(match.end).fold;
        if (next != "and" && next != "or") {
          filtered_end = match.end;
          continue;
        }
      }
      int k = match.first - 1;
      while (k >= first_token && a_.tok(k).fold == "the") {
        --k;
      }
      if (k >= first_token && !attached) {
        const std::string& before = a_.tok(k).fold;
        if (IsLocative(before) || before == "on" || before == "about" || before == "over" ||
            before == "regarding" || before == "concerning" || before == "against" ||
            before == "toward" || before == "towards" || before == "within" ||
            before == "including" || before == "like" || before == "than") {
          filtered_end = match.end;
          continue;  // A venue or a subject, not a party.
        }
        // "in Almaty, Kazakhstan": the country of a venue.
        if (before == "," && k - 1 >= first_token && a_.entity_at[k - 1] >= 0) {
          const Entry* city = a_.EntityOf(a_.entity_at[k - 1], EntryType::kPlace);
          if (city != nullptr && (city->extra == "city" || city->extra == "capital")) {
            continue;
          }
        }
      }
      // "Russia's war", "Iran's nuclear programme": a possessive on a non-role noun is a
      // subject of the talks.
      if (!attached && match.end + 1 < a_.doc->sentences[s].end_token &&
          a_.tok(match.end).fold == "'s") {
        continue;
      }
      out.insert(place->value);
      if (spans != nullptr) {
        spans->emplace_back(match.first, match.end);
      }
    }
    // Regional groups.
    for (int m : a_.entities_in_sentence[s]) {
      const Entry* group = a_.EntityOf(m, EntryType::kGroup);
      if (group == nullptr) {
        continue;
      }
      const std::vector<std::string> members = absl::StrSplit(group->value, ' ');
      int named = 0;
      for (const std::string& c : members) {
        named += out.count(c) > 0 ? 1 : 0;
      }
      if (named < 2) {
        out.insert(members.begin(), members.end());
      }
    }
  }
  return out;
}

std::string MeetingBuilder::FormatIn(const std::set<int>& sentences) const {
  for (int s : sentences) {
    for (int m : a_.entities_in_sentence[s]) {
      if (const Entry* f = a_.EntityOf(m, EntryType::kFormat); f != nullptr) {
        return f->value;
      }
    }
  }
  for (int s : sentences) {
    for (int m : a_.entities_in_sentence[s]) {
      if (const Entry* o = a_.EntityOf(m, EntryType::kOrg); o != nullptr && o->extra == "group") {
        return o->value;
      }
    }
  }
  return "";
}

std::vector<std::string> MeetingBuilder::OrgsIn(const std::set<int>& sentences) const {
  // An organisation takes part when it holds the meeting ("the EC summit", "GCC ministers",
  // "leaders of the European Community") or one of its officials does ("UN Secretary-General").
  std::set<std::string> out;
  for (int s : sentences) {
    const Sentence& sentence = a_.doc->sentences[s];
    for (int m : a_.entities_in_sentence[s]) {
      const Entry* o = a_.EntityOf(m, EntryType::kOrg);
      if (o == nullptr || o->extra != "org") {
        continue;
      }
      const Match& match = a_.entities[m];
      bool takes_part = false;
      for (int k = match.end; k < std::min(sentence.end_token, match.end + 3) && !takes_part; ++k) {
        if (a_.event_at[k] >= 0) {
          for (const Entry* e : a_.events[a_.event_at[k]].entries) {
            takes_part = takes_part || e->value == "summit" || e->value == "council" ||
                         e->value == "meet" || e->value == "conference";
          }
        }
        if (a_.entity_at[k] >= 0 && a_.EntityOf(a_.entity_at[k], EntryType::kRole) != nullptr) {
          takes_part = true;
        }
        if (a_.tok(k).fold == "(" || a_.tok(k).fold == ")") {
          continue;
        }
      }
      int q = match.first - 1;
      // "the Association of South-east Asian Nations (ASEAN)": look before the full name.
      if (q >= sentence.first_token && a_.tok(q).fold == "(") {
        --q;
        while (q >= sentence.first_token &&
               (a_.tok(q).cap || a_.tok(q).fold == "of" || a_.tok(q).fold == "and" ||
                a_.tok(q).fold == "-" || a_.tok(q).fold == "for")) {
          --q;
        }
      }
      while (q >= sentence.first_token && (a_.tok(q).fold == "the" || a_.tok(q).fold == "of")) {
        --q;
      }
      if (q >= sentence.first_token && q < match.first - 1 && a_.entity_at[q] >= 0 &&
          a_.EntityOf(a_.entity_at[q], EntryType::kRole) != nullptr) {
        takes_part = true;  // "Leaders of the European Community".
      }
      if (q >= sentence.first_token && q < match.first - 1 &&
          (a_.tok(q).fold == "leaders" || a_.tok(q).fold == "members" ||
           a_.tok(q).fold == "summit" || a_.tok(q).fold == "meeting" ||
           a_.tok(q).fold == "session")) {
        takes_part = true;
      }
      if (takes_part) {
        out.insert(o->value);
      }
    }
  }
  for (const Person& p : a_.people) {
    if (!p.org.empty()) {
      for (int s : p.sentences) {
        if (sentences.count(s) > 0) {
          out.insert(p.org);
        }
      }
    }
  }
  return {out.begin(), out.end()};
}

void MeetingBuilder::FillVenue(const std::set<int>& window, int anchor, v1::Meeting* m,
                               bool use_dateline) {
  // Order: the anchor sentence, the headline, then the rest of the window.
  std::vector<int> order = {anchor, 0};
  for (int s : window) {
    if (s != anchor && s != 0) {
      order.push_back(s);
    }
  }
  std::string country_only;
  int country_first = -1;
  int country_end = -1;
  for (int s : order) {
    if (window.count(s) == 0 && s != anchor) {
      continue;
    }
    const int first_token = a_.doc->sentences[s].first_token;
    for (int mi : a_.entities_in_sentence[s]) {
      const Match& match = a_.entities[mi];
      const Entry* place = CityOf(a_, mi);
      if (place == nullptr) {
        place = a_.EntityOf(mi, EntryType::kPlace);
      }
      if (place == nullptr) {
        continue;
      }
      int k = match.first - 1;
      while (k >= first_token && a_.tok(k).fold == "the") {
        --k;
      }
      // "in X", "at X"; "to X" only after travel ("visit to X", "trip to X").
      bool locative =
          k >= first_token && (a_.tok(k).fold == "in" || a_.tok(k).fold == "at" ||
                               a_.tok(k).fold == "visited" || a_.tok(k).fold == "visiting");
      if (!locative && k >= first_token && a_.tok(k).fold == "to" && k - 1 >= first_token) {
        const std::string& travel = a_.tok(k - 1).fold;
        locative = travel == "visit" || travel == "trip" || travel == "journey" ||
                   travel == "travel" || travel == "travels" || travel == "travelled" ||
                   travel == "traveled" || travel == "tour" || travel == "came" ||
                   travel == "arrived" || travel == "flew" || travel == "mission";
      }
      if (!locative) {
        continue;
      }
      if (place->extra == "city" || place->extra == "capital") {
        m->mutable_venue()->set_city(Surface(a_, match.first, match.end));
        m->mutable_venue()->set_country_code(place->value);
        AddEvidence(m, "venue", match.first, match.end, m->venue().city());
        return;
      }
      if (country_only.empty()) {
        country_only = place->value;
        country_first = match.first;
        country_end = match.end;
      }
    }
  }
  // A wire dateline: "MOSCOW, March 11 -" / "ASTANA, November 9. /TASS/." in the first
  // sentences of the body: a city in capitals followed by a comma, dash or full stop.
  for (size_t s = 1; use_dateline && s < a_.doc->sentences.size() && s <= 4; ++s) {
    const Sentence& sentence = a_.doc->sentences[s];
    const int mi = a_.entity_at[sentence.first_token];
    if (mi < 0 || !a_.tok(sentence.first_token).upper) {
      continue;
    }
    const Entry* place = CityOf(a_, mi);
    const int after = a_.entities[mi].end;
    if (place != nullptr && after < sentence.end_token &&
        (a_.tok(after).fold == "," || a_.tok(after).fold == "-" || a_.tok(after).fold == "." ||
         a_.tok(after).fold == "(")) {
      m->mutable_venue()->set_city(TitleCase(a_.Text(sentence.first_token, after)));
      m->mutable_venue()->set_country_code(place->value);
      AddEvidence(m, "venue", sentence.first_token, after, m->venue().city());
      return;
    }
  }
  if (!country_only.empty()) {
    m->mutable_venue()->set_country_code(country_only);
    AddEvidence(m, "venue", country_first, country_end, country_only);
  }
}

void MeetingBuilder::FillDate(const std::set<int>& window, int anchor, bool future,
                              v1::Meeting* m) {
  // Distance in tokens from a date to the nearest meeting word of its sentence.
  auto distance = [&](const DateMention& d) {
    int best = 1 << 20;
    for (int mi : a_.events_in_sentence[d.sentence]) {
      if (a_.event_at[a_.events[mi].first] != mi) {
        continue;  // A cue, not a trigger.
      }
      best = std::min({best, std::abs(a_.events[mi].first - d.end_token),
                       std::abs(d.first_token - a_.events[mi].end)});
    }
    return best;
  };
  const DateMention* best = nullptr;
  int best_rank = 1 << 30;
  for (const DateMention& d : a_.dates) {
    if (d.dateline || window.count(d.sentence) == 0) {
      continue;
    }
    if (d.relative && !a_.published.has_value()) {
      continue;
    }
    if (!d.relative && d.start.year() == 0) {
      continue;
    }
    if (d.sentence != 0 && distance(d) > 14) {
      continue;  // "tariffs set to take effect on April 17": another event's date.
    }
    // Prefer the anchor sentence, then the headline, then order of appearance.
    const int rank = d.sentence == anchor ? 0 : (d.sentence == 0 ? 1 : 2 + d.sentence);
    if (rank < best_rank) {
      best_rank = rank;
      best = &d;
    }
  }
  // A postponed meeting takes its new date: "postponed to September".
  if (m->status() == v1::MEETING_STATUS_SCHEDULED) {
    for (int s : {0, anchor}) {
      for (int mi : a_.events_in_sentence[s]) {
        for (const Entry* e : a_.events[mi].entries) {
          if (e->type != EntryType::kCue || e->value != "postpone") {
            continue;
          }
          for (const DateMention& d : a_.dates) {
            if (d.sentence == s && !d.dateline && !d.relative && d.start.year() > 0 &&
                d.first_token >= a_.events[mi].end && d.first_token <= a_.events[mi].end + 3) {
              best = &d;
            }
          }
        }
      }
    }
  }
  if (best == nullptr) {
    for (const DateMention& d : a_.dates) {
      if (d.dateline && d.start.year() > 0) {
        best = &d;
        break;
      }
    }
  }
  if (best == nullptr) {
    return;
  }
  // "in mid-April ... they will meet April 13 to 16": a month is refined by a day in it.
  if (!best->relative && best->start.day() == 0) {
    for (const DateMention& d : a_.dates) {
      if (!d.dateline && !d.relative && window.count(d.sentence) > 0 && d.start.day() > 0 &&
          d.start.year() == best->start.year() && d.start.month() == best->start.month()) {
        best = &d;
        break;
      }
    }
  }
  std::optional<v1::Date> date = best->start;
  if (best->relative) {
    date = ResolveRelative(*best, *a_.published, future);
  }
  if (!date.has_value() || date->year() == 0) {
    return;
  }
  *m->mutable_start_date() = *date;
  if (best->end.year() > 0) {
    *m->mutable_end_date() = best->end;
  }
  AddEvidence(m, "start_date", best->first_token, best->end_token,
              absl::StrCat(date->year(), "-", date->month(), "-", date->day()));
}

v1::MeetingStatus MeetingBuilder::StatusOf(const std::set<int>& sentences, int anchor,
                                           v1::Meeting* m) {
  bool cancel = false;
  bool postpone = false;
  bool future = false;
  bool past = false;
  int postpone_sentence = -1;
  for (int s : {0, anchor}) {
    for (int mi : a_.events_in_sentence[s]) {
      for (const Entry* e : a_.events[mi].entries) {
        if (e->type != EntryType::kCue) {
          continue;
        }
        cancel = cancel || e->value == "cancel";
        if (e->value == "postpone") {
          postpone = true;
          postpone_sentence = s;
        }
        future = future || e->value == "future";
        past = past || (e->value == "past" && s == anchor && s != 0);
      }
    }
  }
  (void)sentences;
  if (postpone) {
    // Postponed to a new date: scheduled; without one: cancelled.
    for (const DateMention& d : a_.dates) {
      if (d.sentence == postpone_sentence && !d.dateline && d.start.year() > 0) {
        return v1::MEETING_STATUS_SCHEDULED;
      }
    }
    (void)m;
    return v1::MEETING_STATUS_CANCELLED;
  }
  if (cancel) {
    return v1::MEETING_STATUS_CANCELLED;
  }
  if (future && !past) {
    return v1::MEETING_STATUS_SCHEDULED;
  }
  return v1::MEETING_STATUS_HELD;
}

v1::MeetingKind MeetingBuilder::KindOf(const std::set<int>& window, int anchor,
                                       const v1::Meeting& m) const {
  const bool side_meeting = IsSidelines(a_, anchor) || IsSidelines(a_, 0);
  auto cue_in = [&](const std::string& cue, bool whole_window) {
    if (side_meeting && (cue == "summit" || cue == "council" || cue == "conference")) {
      return false;  // The summit is where the side meeting took place.
    }
    if (a_.EventHas(0, cue) || a_.EventHas(anchor, cue)) {
      return true;
    }
    if (whole_window) {
      for (int s : window) {
        if (a_.EventHas(s, cue)) {
          return true;
        }
      }
    }
    return false;
  };
  if (cue_in("phone", false)) {
    return v1::MEETING_KIND_PHONE_CALL;
  }
  if (cue_in("video", false)) {
    return v1::MEETING_KIND_VIDEO_CONFERENCE;
  }
  std::set<std::string> levels;
  for (const v1::Person& p : m.people()) {
    for (const Person& q : a_.people) {
      if (q.name == p.name()) {
        levels.insert(q.level);
      }
    }
  }
  const bool leaders =
      levels.count("hos") > 0 || levels.count("hog") > 0 || levels.count("roy") > 0;
  const bool ministers = levels.count("fm") > 0 || levels.count("min") > 0;
  const int parties =
      m.countries_size() + (m.organizations_size() > 0 && m.countries_size() < 2 ? 1 : 0);
  bool official_visit = cue_in("state_visit", false);
  for (int s : {0, anchor}) {
    for (int mi : a_.events_in_sentence[s]) {
      const Match& match = a_.events[mi];
      bool visit = false;
      for (const Entry* e : match.entries) {
        visit = visit || e->value == "visit";
      }
      for (int k = std::max(a_.doc->sentences[s].first_token, match.first - 5);
           visit && k < match.first + 0; ++k) {
        official_visit =
            official_visit || a_.tok(k).fold == "official" || a_.tok(k).fold == "state";
      }
    }
  }
  if (official_visit && leaders) {
    return v1::MEETING_KIND_STATE_VISIT;
  }
  if (cue_in("summit", false) &&
      (leaders || !m.format().empty() || m.organizations_size() > 0 || parties >= 2)) {
    return v1::MEETING_KIND_SUMMIT;
  }
  // Ministers of three or more countries, or a format's ministerial body.
  bool minister_words = false;
  for (int s : window) {
    for (int mi : a_.entities_in_sentence[s]) {
      const Entry* role = a_.EntityOf(mi, EntryType::kRole);
      if (role != nullptr && role->value == "fm" &&
          a_.Text(a_.entities[mi].first, a_.entities[mi].end).size() > 2) {
        minister_words = true;
      }
      if (role != nullptr && (role->value == "min" || role->value == "fm") &&
          absl::EndsWith(a_.tok(a_.entities[mi].end - 1).fold, "s")) {
        minister_words = true;  // Plural: "ministers", "FMs".
      }
    }
  }
  if ((cue_in("council", false) && (ministers || minister_words)) ||
      (parties >= 3 && (ministers || minister_words) && !leaders)) {
    return v1::MEETING_KIND_MINISTERIAL;
  }
  if (parties == 2 || (parties == 1 && m.people_size() >= 2)) {
    return v1::MEETING_KIND_BILATERAL;
  }
  if (parties >= 3) {
    return v1::MEETING_KIND_MULTILATERAL;
  }
  if (cue_in("visit", false) || cue_in("meet", false)) {
    return v1::MEETING_KIND_BILATERAL;
  }
  return v1::MEETING_KIND_OTHER;
}

void MeetingBuilder::FillDocuments(const std::set<int>& sentences, v1::Meeting* m) const {
  std::set<std::string> seen;
  for (int s : sentences) {
    const Sentence& sentence = a_.doc->sentences[s];
    bool signing = false;
    for (int i = sentence.first_token; i < sentence.end_token; ++i) {
      signing = signing || SigningVerbs().count(a_.tok(i).fold) > 0;
    }
    if (!signing) {
      continue;
    }
    for (int mi : a_.entities_in_sentence[s]) {
      const Entry* doc = a_.EntityOf(mi, EntryType::kDocument);
      if (doc == nullptr) {
        continue;
      }
      const int first = a_.entities[mi].first;
      if (first > sentence.first_token &&
          (a_.tok(first - 1).fold == "draft" || a_.tok(first - 1).fold == "proposed" ||
           a_.tok(first - 1).fold == "no")) {
        continue;
      }
      // "statement" alone is a document only when issued/adopted, not "said in a statement".
      if (doc->surface == "statement" &&
          (first == sentence.first_token || a_.tok(first - 1).fold == "a") &&
          !(first >= 2 &&
            (a_.tok(first - 2).fold == "issued" || a_.tok(first - 2).fold == "adopted" ||
             a_.tok(first - 2).fold == "issues"))) {
        continue;
      }
      // The signing must be about this document: a verb within a few words of it.
      bool near_verb = false;
      for (int k = std::max(sentence.first_token, first - 8);
           k < std::min(sentence.end_token, a_.entities[mi].end + 8) && !near_verb; ++k) {
        // "the internationally-agreed roadmap" is an adjective, not a signing.
        const bool compound = k > sentence.first_token && a_.tok(k - 1).fold == "-" &&
                              a_.tok(k - 1).end == a_.tok(k).begin;
        near_verb = SigningVerbs().count(a_.tok(k).fold) > 0 && !compound;
      }
      if (!near_verb) {
        continue;
      }
      if (!seen.insert(doc->value).second) {
        continue;
      }
      v1::Document* out = m->add_documents();
      v1::DocumentType type = v1::DOCUMENT_TYPE_OTHER;
      v1::DocumentType_Parse(absl::StrCat("DOCUMENT_TYPE_", doc->value), &type);
      out->set_type(type);
    }
  }
}

void MeetingBuilder::FillTopics(const std::set<int>& window, v1::Meeting* m) const {
  std::map<std::string, int> score;
  auto weight = [&](int s) { return window.count(s) > 0 || s == 0 ? 2 : 1; };
  for (const Match& match : a_.topics) {
    const int s = a_.tok(match.first).sentence;
    for (const Entry* e : match.entries) {
      score[e->value] += weight(s);
    }
  }
  for (const Token& t : a_.doc->tokens) {
    if (!t.word || t.fold.size() < 4) {
      continue;
    }
    for (const auto& [prefix, topic] : a_.dict->TopicPrefixesFor(t.fold)) {
      if (absl::StartsWith(t.fold, prefix)) {
        score[topic] += weight(t.sentence);
      }
    }
  }
  for (const auto& [topic, value] : score) {
    if (value < 2) {
      continue;
    }
    v1::Topic parsed = v1::TOPIC_UNSPECIFIED;
    if (v1::Topic_Parse(absl::StrCat("TOPIC_", topic), &parsed)) {
      m->add_topics(parsed);
    }
  }
}

void MeetingBuilder::FillStatements(const std::set<int>& window, v1::Meeting* m) const {
  (void)window;
  const std::string& text = a_.doc->text;
  std::string last_speaker;
  for (size_t s = 1; s < a_.doc->sentences.size(); ++s) {
    if (static_cast<size_t>(m->statements_size()) >= 12) {
      break;
    }
    const Sentence& sentence = a_.doc->sentences[s];
    std::string speaker;
    for (const Person& p : a_.people) {
      if (p.sentences.count(static_cast<int>(s)) > 0 && IsPersonLevel(p.level)) {
        speaker = p.name;
        break;
      }
    }
    bool speech = false;
    for (int i = sentence.first_token; i < sentence.end_token; ++i) {
      speech = speech || SpeechVerbs().count(a_.tok(i).fold) > 0;
    }
    if (speaker.empty() && speech) {
      const std::string& first = a_.tok(sentence.first_token).fold;
      if (first == "he" || first == "she") {
        speaker = last_speaker;
      }
    }
    if (!speaker.empty()) {
      last_speaker = speaker;
    }
    if (!speech || speaker.empty()) {
      continue;
    }
    const absl::string_view body(text.data() + sentence.begin, sentence.end - sentence.begin);
    const size_t open = body.find('"');
    const size_t close = open == absl::string_view::npos ? open : body.find('"', open + 1);
    v1::Statement* st = m->add_statements();
    st->set_speaker(speaker);
    if (close != absl::string_view::npos && close > open + 1) {
      st->set_text(std::string(body.substr(open + 1, close - open - 1)));
      st->set_quoted(true);
    } else {
      st->set_text(std::string(body));
      st->set_quoted(false);
    }
  }
}

void MeetingBuilder::FillTags(v1::Meeting* m) const {
  // Category tags such as "war-and-conflicts", "policy-and-legislation", "general-news".
  static const auto* glue = new std::set<std::string>{"to", "of", "the", "by", "in", "a"};
  const std::vector<Token>& t = a_.doc->tokens;
  std::set<std::string> tags;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (!t[i].word || t[i].cap || t[i + 1].fold != "-" || t[i + 1].begin != t[i].end) {
      continue;
    }
    std::vector<std::string> parts = {t[i].fold};
    size_t j = i + 1;
    while (j + 1 < t.size() && t[j].fold == "-" && t[j].begin == t[j - 1].end &&
           t[j + 1].begin == t[j].end && t[j + 1].word && !t[j + 1].cap) {
      parts.push_back(t[j + 1].fold);
      j += 2;
    }
    const bool has_glue = std::any_of(parts.begin(), parts.end(),
                                      [](const std::string& p) { return glue->count(p) > 0; });
    const bool tag_like =
        (parts.size() >= 3 && parts[1] == "and") || (parts.size() == 2 && parts[1] == "news");
    if (tag_like && !has_glue) {
      tags.insert(absl::StrJoin(parts, "-"));
    }
    i = j - 1;
  }
  for (const std::string& tag : tags) {
    m->add_tags(tag);
  }
}

std::string MeetingBuilder::Attribution() const {
  const std::string& text = a_.doc->text;
  for (absl::string_view marker : {"as reported by ", "reported by ", "according to "}) {
    const size_t at = text.find(std::string(marker));
    if (at == std::string::npos) {
      continue;
    }
    const size_t begin = at + marker.size();
    size_t end = begin;
    while (end < text.size() && text[end] != ';' && text[end] != '\n' && text[end] != '(' &&
           !(text[end] == '.' &&
             (end + 1 >= text.size() || text[end + 1] == ' ' || text[end + 1] == '\n'))) {
      ++end;
    }
    if (end - begin > 0 && end - begin <= 120) {
      return text.substr(begin, end - begin);
    }
  }
  return "";
}

std::string MeetingBuilder::MakeTitle(const v1::Meeting& m) const {
  static const std::map<int, std::string>* kinds =
      new std::map<int, std::string>{{v1::MEETING_KIND_SUMMIT, "summit"},
                                     {v1::MEETING_KIND_MINISTERIAL, "ministerial meeting"},
                                     {v1::MEETING_KIND_BILATERAL, "talks"},
                                     {v1::MEETING_KIND_MULTILATERAL, "meeting"},
                                     {v1::MEETING_KIND_STATE_VISIT, "visit"},
                                     {v1::MEETING_KIND_PHONE_CALL, "phone call"},
                                     {v1::MEETING_KIND_VIDEO_CONFERENCE, "video conference"},
                                     {v1::MEETING_KIND_OTHER, "meeting"}};
  std::string who = m.format();
  if (who.empty()) {
    who = absl::StrJoin(m.countries(), "-");
  }
  std::string title = absl::EndsWith(who, "Summit")
                          ? who
                          : absl::StrCat(who.empty() ? "" : who + " ", kinds->at(m.kind()));
  if (!m.venue().city().empty()) {
    absl::StrAppend(&title, " in ", m.venue().city());
  }
  if (m.start_date().year() > 0) {
    absl::StrAppend(&title, ", ", m.start_date().year());
    if (m.start_date().month() > 0) {
      absl::StrAppend(&title, "-", m.start_date().month() < 10 ? "0" : "", m.start_date().month());
    }
    if (m.start_date().day() > 0) {
      absl::StrAppend(&title, "-", m.start_date().day() < 10 ? "0" : "", m.start_date().day());
    }
  }
  return title;
}

std::vector<v1::Meeting> MeetingBuilder::Run() {
  const Document& doc = *a_.doc;
  const int sentence_count = static_cast<int>(doc.sentences.size());
  std::set<int> follow_ups;
  std::set<int> sidelines;
  for (int s = 1; s < sentence_count; ++s) {
    if (FollowUpTrigger(a_, s) >= 0) {
      follow_ups.insert(s);
    }
    if (IsSidelines(a_, s)) {
      sidelines.insert(s);
    }
  }
  auto has_party = [&](int s) {
    for (int m : a_.entities_in_sentence[s]) {
      if (a_.EntityOf(m, EntryType::kPlace) != nullptr ||
          a_.EntityOf(m, EntryType::kOrg) != nullptr ||
          a_.EntityOf(m, EntryType::kGroup) != nullptr ||
          a_.EntityOf(m, EntryType::kFormat) != nullptr) {
        return true;
      }
    }
    for (const Person& p : a_.people) {
      if (p.sentences.count(s) > 0) {
        return true;
      }
    }
    return false;
  };
  // The anchor: the first body sentence that reports a meeting with a party in it.
  int anchor = -1;
  const int scan_limit = std::min(sentence_count, 12);
  for (int s = 1; s < scan_limit; ++s) {
    if (follow_ups.count(s) > 0 && s > 1) {
      continue;
    }
    if (IsMeetingSentence(a_, s) && has_party(s)) {
      anchor = s;
      break;
    }
  }
  const bool title_meeting = sentence_count > 0 && IsMeetingSentence(a_, 0);
  if (anchor < 0 && title_meeting && sentence_count > 1) {
    anchor = 1;
  }
  if (anchor < 0) {
    return {};
  }
  // When the main meeting was held, a later sentence that reports a meeting in the future
  // tense ("X and Y will meet in Ottawa next month") is another, scheduled meeting.
  const bool main_held = StatusOf({}, anchor, nullptr) == v1::MEETING_STATUS_HELD;
  // People of the headline, lead and anchor: the main meeting's parties.
  std::set<std::string> main_people;
  for (const Person& p : a_.people) {
    if (p.in_title || p.sentences.count(anchor) > 0 || p.sentences.count(1) > 0) {
      main_people.insert(p.surname);
    }
  }
  {
    for (int s = anchor + 1; s < sentence_count; ++s) {
      if (follow_ups.count(s) > 0 || sidelines.count(s) > 0 || !IsMeetingSentence(a_, s)) {
        continue;
      }
      bool new_party = false;
      for (const Person& p : a_.people) {
        new_party = new_party || (p.sentences.count(s) > 0 && main_people.count(p.surname) == 0 &&
                                  IsPersonLevel(p.level) && !p.level.empty());
      }
      if (!main_held && !new_party) {
        continue;  // A scheduled meeting described further, not another one.
      }
      const int trigger = FutureTrigger(s);
      if (trigger >= 0) {
        follow_ups.insert(s);
        future_triggers_[s] = trigger;
      }
    }
  }
  // The window: headline, lead sentence (it names the parties even without a meeting word),
  // anchor, and the meeting sentences right after it.
  std::set<int> window = {0, anchor};
  if (sentence_count > 1 && follow_ups.count(1) == 0 && sidelines.count(1) == 0) {
    window.insert(1);
  }
  for (int s = anchor + 1; s < std::min(sentence_count, anchor + 6); ++s) {
    if (follow_ups.count(s) == 0 && IsMeetingSentence(a_, s)) {
      window.insert(s);
    }
  }
  a_.anchor = anchor;
  a_.window = window;
  // People of the window, and everyone named with a role who takes part there.
  v1::Meeting main;
  std::set<std::string> countries;
  std::vector<std::pair<int, int>> country_spans;
  std::set<int> people_sentences = window;
  for (int s = 1; s < std::min(sentence_count, anchor + 10); ++s) {
    if (IsMeetingSentence(a_, s) && follow_ups.count(s) == 0) {
      people_sentences.insert(s);
    }
  }
  const std::set<std::string> named = CountriesIn(window, &country_spans);
  countries.insert(named.begin(), named.end());
  // People: named with a role (or known) where the meeting is reported; and officials of a
  // participating country named anywhere in the report (the host minister who "expressed his
  // view" took part too).
  std::vector<const Person*> chosen;
  for (const Person& p : a_.people) {
    bool here = p.in_title;
    for (int s : p.sentences) {
      here = here || people_sentences.count(s) > 0;
    }
    if (!IsPersonLevel(p.level) || (p.level.empty() && !p.from_dictionary && !p.in_title)) {
      continue;  // Spokespeople, and people named without a role: commentators more often.
    }
    if (p.level == "off" && !p.in_title && p.sentences.count(anchor) == 0 &&
        p.sentences.count(1) == 0) {
      continue;  // Directors and advisers named in passing.
    }
    if (here) {
      chosen.push_back(&p);
      if (!p.country.empty()) {
        countries.insert(p.country);
      }
    }
  }
  for (const Person& p : a_.people) {
    if (std::find(chosen.begin(), chosen.end(), &p) != chosen.end() || p.level.empty() ||
        !IsPersonLevel(p.level) || p.level == "counterpart") {
      continue;
    }
    bool elsewhere = false;
    bool near = false;
    for (int s : p.sentences) {
      elsewhere = elsewhere || (follow_ups.count(s) == 0 && s < anchor + 12);
      near = near || (follow_ups.count(s) == 0 && s <= anchor + 2);
    }
    // With fewer than two parties known, the leaders named right after the anchor are them.
    const bool leading = p.level == "hos" || p.level == "hog" || p.level == "fm";
    if ((elsewhere && ((!p.country.empty() && countries.count(p.country) > 0) || !p.org.empty())) ||
        (near && leading && countries.size() < 2)) {
      chosen.push_back(&p);
      if (!p.country.empty()) {
        countries.insert(p.country);
      }
    }
  }
  for (const Person* p : chosen) {
    v1::Person* out = main.add_people();
    out->set_name(p->name);
    out->set_role(p->role);
    out->set_country_code(p->country);
    out->set_organization(p->org);
    AddEvidence(&main, "people", p->first_token, p->end_token, p->name);
  }
  for (const std::string& org : OrgsIn(window)) {
    main.add_organizations(org);
  }
  std::string format = FormatIn(window);
  if (format.empty()) {
    std::set<int> early;
    for (int s = 1; s < std::min(sentence_count, anchor + 8); ++s) {
      if (follow_ups.count(s) == 0 && sidelines.count(s) == 0) {
        early.insert(s);
      }
    }
    format = FormatIn(early);
  }
  main.set_format(format);
  for (const std::string& c : countries) {
    main.add_countries(c);
  }

  // Is this a meeting report at all? Parties from two sides, or one side and a body.
  const int sides = static_cast<int>(countries.size()) + main.organizations_size() +
                    (main.format().empty() ? 0 : 1);
  const bool counterpart =
      a_.EventHas(anchor, "meet") && main.people_size() >= 1 && countries.size() == 1;
  const bool body_meeting = (main.organizations_size() > 0 || !main.format().empty()) &&
                            (a_.EventHas(anchor, "summit") || a_.EventHas(anchor, "council") ||
                             a_.EventHas(0, "summit") || a_.EventHas(0, "council"));
  if (sides < 2 && !counterpart && !body_meeting) {
    return {};
  }
  if (HasNegativeTrigger(a_, 0) && !title_meeting && countries.size() < 2) {
    return {};
  }

  const v1::MeetingStatus status = StatusOf(window, anchor, &main);
  main.set_status(status);
  FillDate(window, anchor, status != v1::MEETING_STATUS_HELD, &main);
  main.set_kind(KindOf(window, anchor, main));
  if (main.kind() == v1::MEETING_KIND_BILATERAL || main.kind() == v1::MEETING_KIND_PHONE_CALL ||
      main.kind() == v1::MEETING_KIND_STATE_VISIT) {
    // Two-party talks: an organisation named around them is the event they were held at (the
    // side meeting's summit), unless one of its officials takes part.
    std::set<std::string> own;
    for (const v1::Person& p : main.people()) {
      if (!p.organization().empty()) {
        own.insert(p.organization());
      }
    }
    main.clear_organizations();
    for (const std::string& org : own) {
      main.add_organizations(org);
    }
  }
  if (main.kind() != v1::MEETING_KIND_PHONE_CALL &&
      main.kind() != v1::MEETING_KIND_VIDEO_CONFERENCE) {
    FillVenue(window, anchor, &main);
  }
  std::set<int> doc_sentences = window;
  for (int s = 1; s < sentence_count; ++s) {
    if (follow_ups.count(s) == 0 && sidelines.count(s) == 0) {
      doc_sentences.insert(s);
    }
  }
  FillDocuments(doc_sentences, &main);
  FillTopics(window, &main);
  FillStatements(window, &main);
  FillTags(&main);
  v1::Source* source = main.add_sources();
  source->set_url(article_.url());
  source->set_outlet(article_.outlet());
  source->set_attributed_to(Attribution());
  if (article_.has_published_at()) {
    *source->mutable_published_at() = article_.published_at();
  }
  Historicise(&main);
  main = Normalised(std::move(main));
  main.set_title(MakeTitle(main));

  std::vector<v1::Meeting> out = {main};

  // Follow-up meetings announced in the text.
  for (int s : follow_ups) {
    const int trigger =
        future_triggers_.count(s) > 0 ? future_triggers_[s] : FollowUpTrigger(a_, s);
    v1::Meeting next;
    next.set_status(v1::MEETING_STATUS_SCHEDULED);
    bool summit = false;
    for (const Entry* e : a_.events[trigger].entries) {
      summit = summit || e->value == "summit";
    }
    const std::set<int> only = {s};
    std::string its_format = FormatIn(only);
    std::set<std::string> its = CountriesIn(only, nullptr);
    if (!its_format.empty() && its_format == main.format()) {
      its.insert(main.countries().begin(), main.countries().end());
    }
    if (its.empty()) {
      // "The ministers also prepared the next summit": the same parties, unless the sentence
      // names others.
      its.insert(main.countries().begin(), main.countries().end());
    }
    if (its_format.empty() && its.empty()) {
      continue;  // Nothing says who meets.
    }
    next.set_format(summit && !its_format.empty() ? its_format + " Summit" : its_format);
    for (const std::string& c : its) {
      next.add_countries(c);
    }
    for (const std::string& org : OrgsIn(only)) {
      next.add_organizations(org);
    }
    next.set_kind(
        summit ? v1::MEETING_KIND_SUMMIT
               : (its.size() == 2 ? v1::MEETING_KIND_BILATERAL : v1::MEETING_KIND_MULTILATERAL));
    for (const DateMention& d : a_.dates) {
      if (d.sentence == s && !d.relative && d.start.year() > 0) {
        *next.mutable_start_date() = d.start;
        break;
      }
    }
    FillVenue(only, s, &next, /*use_dateline=*/false);
    *next.add_sources() = main.sources(0);
    Historicise(&next);
    next = Normalised(std::move(next));
    next.set_title(MakeTitle(next));
    if (SameMeetingScore(main, next) < kSameMeetingThreshold) {
      out.push_back(std::move(next));
    }
  }
  // The event a side meeting took place at.
  for (int s : sidelines) {
    const std::set<int> only = {s};
    const std::string parent_format = FormatIn(only);
    const std::vector<std::string> orgs = OrgsIn(only);
    if (parent_format.empty() && orgs.empty()) {
      continue;
    }
    v1::Meeting parent;
    parent.set_status(main.status());
    parent.set_kind(a_.EventHas(s, "summit") || !parent_format.empty()
                        ? v1::MEETING_KIND_SUMMIT
                        : v1::MEETING_KIND_MULTILATERAL);
    parent.set_format(parent_format.empty() ? orgs[0] : parent_format);
    for (const std::string& org : orgs) {
      parent.add_organizations(org);
    }
    *parent.mutable_venue() = main.venue();
    parent.mutable_countries()->CopyFrom(main.countries());
    *parent.add_sources() = main.sources(0);
    parent = Normalised(std::move(parent));
    parent.set_title(MakeTitle(parent));
    out.push_back(std::move(parent));
    break;
  }
  return out;
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Dictionaries> dictionaries, ExtractorOptions options)
    : dictionaries_(std::move(dictionaries)), options_(options) {
  // Build the enum descriptors now rather than on the first article.
  (void)v1::DocumentType_descriptor();
  (void)v1::Topic_descriptor();
}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Default() {
  absl::StatusOr<std::shared_ptr<const Dictionaries>> dict =
      Dictionaries::Load(EmbeddedDictionaryFiles());
  if (!dict.ok()) {
    return dict.status();
  }
  return std::make_unique<Extractor>(*std::move(dict));
}

absl::Status Extractor::Analyse(const v1::Article& article, Analysis* analysis) const {
  if (absl::StripAsciiWhitespace(article.body()).empty()) {
    return absl::InvalidArgumentError("article body is empty");
  }
  if (article.body().size() > options_.max_body_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("article body is ", article.body().size(),
                                                   " bytes; the limit is ",
                                                   options_.max_body_bytes));
  }
  absl::StatusOr<Document> doc = BuildDocument(article.title(), article.body());
  if (!doc.ok()) {
    return doc.status();
  }
  Analysis& a = *analysis;
  a.owned_doc = std::make_unique<Document>(*std::move(doc));
  a.doc = a.owned_doc.get();
  a.dict = dictionaries_.get();
  if (article.has_published_at() && article.published_at().seconds() > 0) {
    a.published = absl::ToCivilDay(absl::FromUnixSeconds(article.published_at().seconds()),
                                   absl::UTCTimeZone());
  }
  const Document& d = *a.doc;
  a.entities = dictionaries_->MatchAll(d, Layer::kEntity);
  a.events = dictionaries_->MatchAll(d, Layer::kEvent);
  for (Match& cue : dictionaries_->MatchAll(d, Layer::kCue)) {
    a.events.push_back(std::move(cue));
  }
  std::sort(a.events.begin(), a.events.end(),
            [](const Match& x, const Match& y) { return x.first < y.first; });
  a.topics = dictionaries_->MatchAll(d, Layer::kTopic);
  a.entity_at.assign(d.tokens.size(), -1);
  a.event_at.assign(d.tokens.size(), -1);
  a.events_in_sentence.resize(d.sentences.size());
  a.entities_in_sentence.resize(d.sentences.size());
  for (size_t m = 0; m < a.entities.size(); ++m) {
    for (int i = a.entities[m].first; i < a.entities[m].end; ++i) {
      a.entity_at[i] = static_cast<int>(m);
    }
    a.entities_in_sentence[d.tokens[a.entities[m].first].sentence].push_back(static_cast<int>(m));
  }
  for (size_t m = 0; m < a.events.size(); ++m) {
    bool trigger = false;
    for (const Entry* e : a.events[m].entries) {
      trigger = trigger || e->type == EntryType::kTrigger;
    }
    if (trigger) {
      for (int i = a.events[m].first; i < a.events[m].end; ++i) {
        a.event_at[i] = static_cast<int>(m);
      }
    }
    a.events_in_sentence[d.tokens[a.events[m].first].sentence].push_back(static_cast<int>(m));
  }
  a.dates = FindDates(d, a.published);
  FindPeople(a);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Meeting>> Extractor::Extract(const v1::Article& article) const {
  Analysis a;
  if (absl::Status s = Analyse(article, &a); !s.ok()) {
    return s;
  }
  MeetingBuilder builder(a, article);
  return builder.Run();
}

absl::StatusOr<std::string> Extractor::Explain(const v1::Article& article) const {
  Analysis a;
  if (absl::Status s = Analyse(article, &a); !s.ok()) {
    return s;
  }
  MeetingBuilder builder(a, article);
  const std::vector<v1::Meeting> meetings = builder.Run();
  const Document& d = *a.doc;
  std::string out;
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const Sentence& sentence = d.sentences[s];
    absl::StrAppend(
        &out, "[", s, "]", static_cast<int>(s) == a.anchor ? " ANCHOR" : "",
        a.window.count(static_cast<int>(s)) > 0 ? " window" : "", sentence.all_caps ? " caps" : "",
        sentence.bullet ? " bullet" : "", ": ",
        d.text.substr(sentence.begin, std::min<uint32_t>(sentence.end - sentence.begin, 160)),
        "\n");
    for (int m : a.entities_in_sentence[s]) {
      for (const Entry* e : a.entities[m].entries) {
        absl::StrAppend(&out, "    entity '", a.Text(a.entities[m].first, a.entities[m].end), "' ",
                        static_cast<int>(e->type), " ", e->value, " ", e->extra, "\n");
      }
    }
    for (int m : a.events_in_sentence[s]) {
      for (const Entry* e : a.events[m].entries) {
        absl::StrAppend(&out, "    event '", a.Text(a.events[m].first, a.events[m].end), "' ",
                        e->type == EntryType::kCue ? "cue " : "trigger ", e->value, "\n");
      }
    }
    for (const DateMention& dm : a.dates) {
      if (dm.sentence == static_cast<int>(s)) {
        absl::StrAppend(&out, "    date '", a.Text(dm.first_token, dm.end_token), "' ",
                        dm.start.year(), "-", dm.start.month(), "-", dm.start.day(),
                        dm.relative ? " relative" : "", dm.dateline ? " dateline" : "", "\n");
      }
    }
  }
  for (const Person& p : a.people) {
    absl::StrAppend(&out, "person '", p.name, "' role '", p.role, "' level ", p.level, " country ",
                    p.country, " org ", p.org, p.from_dictionary ? " dict" : "", " sentences",
                    absl::StrJoin(p.sentences, ","), "\n");
  }
  absl::StrAppend(&out, meetings.size(), " meeting(s)\n");
  return out;
}

}  // namespace parley::extract
