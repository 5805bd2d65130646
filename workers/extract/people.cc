#include "workers/extract/people.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace parley::extract {
namespace {

bool IsNameToken(const Annotations& a, int i) {
  const Token& t = a.tok(i);
  if (!t.word || absl::ascii_isdigit(static_cast<unsigned char>(t.fold[0]))) {
    return false;
  }
  if (!t.cap && !a.sentence(t.sentence).all_caps) {
    return false;
  }
  if (a.Is(i, WordClass::kNameStop) || a.trigger_at[i] >= 0) {
    return false;
  }
  if (a.entity_at[i] >= 0) {
    return a.entities[a.entity_at[i]].Of(EntryType::kPerson) != nullptr;
  }
  return true;
}

// A role phrase next to a name, with its qualifiers.
struct RoleInfo {
  int first = -1;  // Token span of the role phrase with its qualifiers.
  int end = -1;
  std::string role;
  RoleLevel level = RoleLevel::kUnknown;
  std::string country;
  std::string org;
  bool former = false;                   // "former President", "the ex-minister", "the late King".
  bool country_from_dictionary = false;  // The country is a dictionary official's, not the text's.
  bool org_from_qualifier = false;       // "Commission President X": the org a lone word gives.
};

// True when the word before `k` (skipping "the") says a role is no longer held.
bool FormerAt(const Annotations& a, int k, int sentence_first) {
  int q = k - 1;
  if (q >= sentence_first && a.fold(q) == "-" && q - 1 >= sentence_first && a.fold(q - 1) == "ex") {
    return true;
  }
  if (q >= sentence_first && a.fold(q) == "-" && q - 1 >= sentence_first &&
      a.fold(q - 1) == "then") {
    --q;  // "then-President X".
  }
  // "met then President X", "the then foreign minister X", "under then-Premier Y": the holder
  // at the time told of; not "and then President X met", "since then President X has".
  if (q > sentence_first && a.fold(q) == "then") {
    const std::string& before = a.fold(q - 1);
    // "when he and then Prime Minister X agreed", "met her and then-President Y": a pronoun
    // joined to the holder is a person of that time, not the start of a sequence.
    if ((before == "and" || before == "with") && q - 2 >= sentence_first &&
        (a.Is(q - 2, WordClass::kSubjectPronoun) || a.fold(q - 2) == "him" ||
         a.fold(q - 2) == "her")) {
      return true;
    }
    return before != "and" && before != "," && before != "but" && before != "since" &&
           before != "until" && before != "till" && before != "by" && before != "even" &&
           before != "just" && before != "only" && before != ";" && before != "\"";
  }
  return q >= sentence_first && (a.fold(q) == "former" || a.fold(q) == "late");
}

const Entry* RoleEntryAt(const Annotations& a, int i) { return a.EntityAt(i, EntryType::kRole); }

// The role ending right before token `i` (skipping one comma), with its qualifiers.
std::optional<RoleInfo> RoleBefore(const Annotations& a, int i, int sentence_first) {
  int k = i - 1;
  // "Minister of Commerce Aidar Seitkali": the portfolio, words that never start a name, between
  // "<role> of" and a name of two words or more ("of Foreign Economic Relations, Ivan Petrov"
  // names no "Relations").
  // "Vice Minister of Foreign Affairs Waleed bin Abdulkarim Al-Khuraiji": a particle may stand
  // second in the name.
  const int n_tokens = static_cast<int>(a.doc.tokens.size());
  const bool name_goes_on = i + 1 < n_tokens && a.tok(i + 1).word &&
                            (a.tok(i + 1).cap || (a.Is(i + 1, WordClass::kNameParticle) &&
                                                  i + 2 < n_tokens && a.tok(i + 2).cap));
  const bool after_portfolio = k > sentence_first && a.tok(k).word && a.tok(k).cap &&
                               a.entity_at[k] < 0 && a.Is(k, WordClass::kNameStop) && name_goes_on;
  if (k >= sentence_first && (a.fold(k) == "," || after_portfolio)) {
    if (!after_portfolio) {
      --k;
    }
    // "The vice minister of the Ministry of International Trade and Industry, Makoto Kuroda":
    // skip back over the capitalised name of a ministry to "<role> of"; "Minister of State for
    // Foreign Affairs X": to "<role> for".
    int q = k;
    int steps = 0;
    while (q > sentence_first && steps < 10 &&
           (a.tok(q).cap || a.fold(q) == "of" || a.fold(q) == "and" || a.fold(q) == "the" ||
            a.fold(q) == "for") &&
           a.entity_at[q] < 0) {
      --q;
      ++steps;
    }
    if (steps >= 2 && q >= sentence_first && q + 1 < i &&
        (a.fold(q + 1) == "of" || a.fold(q + 1) == "for") && RoleEntryAt(a, q) != nullptr) {
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
    const Entry* place = a.entities[m].Of(EntryType::kPlace);
    int of = a.entities[m].first - 1;
    if (of >= sentence_first && a.fold(of) == "the") {
      --of;
    }
    // "his counterpart from Turkey, Hakan Demir".
    const bool from_country = place != nullptr && !IsTown(place->place) &&
                              of - 1 >= sentence_first && a.fold(of) == "from" &&
                              a.Is(of - 1, WordClass::kCounterpartWord);
    if (place != nullptr && of >= sentence_first && (a.fold(of) == "of" || from_country)) {
      trailing_country = place->code;
      role_end = of;
      k = role_end - 1;
    }
  }
  if (k < sentence_first) {
    return std::nullopt;
  }
  const int m = a.entity_at[k];
  const Entry* role_entry = m >= 0 ? a.entities[m].Of(EntryType::kRole) : nullptr;
  // "his Uzbek host, X": the host named for its country is the visitor's counterpart.
  const bool host = (a.fold(k) == "host" || a.fold(k) == "hosts") && k - 1 >= sentence_first &&
                    a.EntityAt(k - 1, EntryType::kPlace) != nullptr &&
                    !IsTown(a.EntityAt(k - 1, EntryType::kPlace)->place);
  if ((a.Is(k, WordClass::kCounterpartWord) && a.fold(k) != "side" && a.fold(k) != "sides") ||
      host) {
    info.first = k;
    info.end = role_end;
  } else if (role_entry != nullptr && a.entities[m].end == k + 1 &&
             role_entry->surface != "official") {
    info.first = a.entities[m].first;
    info.end = role_end;
    info.level = role_entry->level;
    info.role = a.Surface(a.entities[m].first, a.entities[m].end);
  } else if ((a.fold(k) == "chief" || a.fold(k) == "head") && k - 1 >= sentence_first &&
             a.EntityAt(k - 1, EntryType::kOrg) != nullptr &&
             a.EntityAt(k - 1, EntryType::kOrg)->org == OrgKind::kOrg) {
    // "UN chief X", "IAEA head Y": the head of that body.
    info.first = k;
    info.end = role_end;
    info.level = RoleLevel::kOrgHead;
    info.role = a.Surface(k, k + 1);
  } else if (a.Is(k, WordClass::kHonorific) ||
             (a.fold(k) == "." && k - 1 >= sentence_first && a.Is(k - 1, WordClass::kHonorific))) {
    info.first = a.fold(k) == "." ? k - 1 : k;
    info.end = k + 1;
    return info;  // An honorific: a person, nothing more known.
  } else {
    return std::nullopt;
  }
  info.country = trailing_country;
  // Qualifiers left of the role: "Kazakhstan's", "Chinese", "UN", "U.S.", "his Kazakh"; up to
  // two capitalised words of a portfolio may stand between them ("Kazakh Health Minister",
  // "Chinese Trade and Industry Minister") and are the role's.
  int q = info.first - 1;
  int portfolio = 0;
  int portfolio_first = -1;
  while (q >= sentence_first) {
    const std::string& f = a.fold(q);
    // "The Netherlands' Foreign Minister": the possessive of a name ending in "s".
    const bool plural_possessive =
        f == "'" && q > sentence_first && absl::EndsWith(a.fold(q - 1), "s");
    if (f == "'s" || f == "the" || f == "his" || f == "her" || f == "-" || plural_possessive) {
      --q;
      continue;
    }
    const int qm = a.entity_at[q];
    // "Pakistan's Deputy Prime Minister and Foreign Minister X", "Prime Minister and Finance
    // Minister X": two offices of one person; the qualifiers of the first are the person's. A
    // plural before "and" ("the ministers and Foreign Minister X") is other people.
    if (qm < 0 && f == "and" && portfolio == 0 && q - 1 >= sentence_first &&
        a.entity_at[q - 1] >= 0 && a.entities[a.entity_at[q - 1]].end == q &&
        RoleEntryAt(a, q - 1) != nullptr) {
      const Match& other = a.entities[a.entity_at[q - 1]];
      const std::string& last = a.fold(q - 1);
      const bool plural = absl::EndsWith(last, "ers") || absl::EndsWith(last, "ents") ||
                          absl::EndsWith(last, "ors") || absl::EndsWith(last, "ives") ||
                          absl::EndsWith(last, "ies") || absl::EndsWith(last, "ds");
      if (!plural) {
        info.role = a.Surface(other.first, info.end);
        if (IsLeader(RoleEntryAt(a, q - 1)->level)) {
          info.level = RoleEntryAt(a, q - 1)->level;
        }
        info.first = other.first;
        q = other.first - 1;
        continue;
      }
    }
    if (qm < 0) {
      // "EU trade commissioner X": a body's portfolio may be written in lower case.
      auto org_at = [&](int w) {
        const Entry* org = w >= sentence_first ? a.EntityAt(w, EntryType::kOrg) : nullptr;
        return org != nullptr && org->org == OrgKind::kOrg;
      };
      const bool body_portfolio = a.tok(q).word && !a.tok(q).cap && f != "and" &&
                                  (org_at(q - 1) || (q - 1 > sentence_first && a.tok(q - 1).word &&
                                                     !a.tok(q - 1).cap && org_at(q - 2)));
      if (portfolio < 2 && q > sentence_first && a.tok(q).word &&
          (a.tok(q).cap || (f == "and" && portfolio > 0) || body_portfolio) &&
          !a.Is(q, WordClass::kHonorific)) {
        portfolio += f == "and" ? 0 : 1;
        portfolio_first = q;
        --q;
        continue;
      }
      break;
    }
    const Entry* place = a.entities[qm].Of(EntryType::kPlace);
    const Entry* org = a.entities[qm].Of(EntryType::kOrg);
    const Entry* role = a.entities[qm].Of(EntryType::kRole);
    if (portfolio_first >= 0 && a.fold(portfolio_first) != "and" &&
        ((place != nullptr && !IsTown(place->place)) ||
         (org != nullptr && org->org == OrgKind::kOrg))) {
      info.role = a.Surface(portfolio_first, info.end);
    } else if (portfolio_first >= 0) {
      break;
    }
    if (place != nullptr && !IsTown(place->place)) {
      if (info.country.empty()) {
        info.country = place->code;
      }
      info.first = a.entities[qm].first;
      break;
    }
    if (org != nullptr && org->org == OrgKind::kOrg) {
      info.org = org->code;
      info.first = a.entities[qm].first;
      break;
    }
    if (role != nullptr) {
      // "Deputy Prime Minister": keep the outer role's wording.
      info.role = a.Surface(a.entities[qm].first, info.end);
      if (info.level == RoleLevel::kUnknown || role->level == RoleLevel::kDeputy) {
        info.level = role->level;
      }
      info.first = a.entities[qm].first;
      q = a.entities[qm].first - 1;
      continue;
    }
    break;
  }
  // "Commission President X": a lone capitalised word that stands for a body before a title
  // (organizations.tsv's title qualifiers) makes the title that body's.
  // At the sentence's start the word is no portfolio of the loop above.
  const int qualifier =
      portfolio == 1 ? portfolio_first
      : portfolio == 0 && info.first - 1 == sentence_first && a.tok(info.first - 1).cap
          ? info.first - 1
          : -1;
  const std::string& qualified_org =
      qualifier >= 0 && qualifier + 1 == info.first && info.country.empty() && info.org.empty() &&
              (qualifier == sentence_first || !a.tok(qualifier - 1).word ||
               !a.tok(qualifier - 1).cap)
          ? a.dict->OrgOfTitleQualifier(a.fold(qualifier))
          : a.dict->OrgOfTitleQualifier("");
  if (!qualified_org.empty()) {
    info.org = qualified_org;
    info.org_from_qualifier = true;
    info.first = qualifier;
    if (IsLeader(info.level)) {
      info.level = RoleLevel::kOrgHead;
    }
  } else if (portfolio_first >= 0 && info.country.empty() && info.org.empty() &&
             (info.level == RoleLevel::kHeadOfState ||
              info.level == RoleLevel::kHeadOfGovernment)) {
    // "Toyota chairman X", "Samsung President Y": a leader's title after a capitalised name
    // that is no country, body or title word heads a company, not a state.
    bool company = true;
    for (int w = portfolio_first; w < info.first && company; ++w) {
      company = a.tok(w).word && a.tok(w).cap && a.entity_at[w] < 0 &&
                !a.Is(w, WordClass::kNameStop) && !a.Is(w, WordClass::kHonorific);
    }
    if (company && portfolio_first < info.first) {
      info.level = RoleLevel::kOfficial;
    }
  }
  if (info.role.empty() && info.level == RoleLevel::kUnknown) {
    info.level = RoleLevel::kCounterpart;
  }
  info.former = FormerAt(a, info.first, sentence_first);
  return info;
}

// "the Ambassador of the Kingdom of Norway to ASEAN, X", "the Secretary-General of the
// Organization of Islamic Cooperation (OIC), X", "the British ambassador in Moscow, X": a role
// whose qualifiers ("of"/"to" and the names of places, bodies and offices) fill the appositive
// before the comma. The country or body is the first one after "of"; one after "to" is where the
// official is sent.
// Without `comma_before`, the same title joined by "of" stands right before the name, as
// translated state media write it: "Premier of the State Council of China Li Qiang", "Chairman of
// the Standing Committee of the National People's Congress Zhao Leji" (a body's possessive may
// stand in it).
std::optional<RoleInfo> AppositiveRoleBefore(const Annotations& a, int i, int sentence_first,
                                             bool comma_before = true) {
  const int comma = comma_before ? i - 1 : i;
  if (comma - 2 < sentence_first || (comma_before && a.fold(comma) != ",")) {
    return std::nullopt;
  }
  int q = comma - 1;
  int role_at = -1;
  for (int steps = 0; q >= sentence_first && steps < 14; ++steps) {
    const int e = a.entity_at[q];
    if (e >= 0) {
      if (a.entities[e].Of(EntryType::kRole) != nullptr) {
        role_at = q;
        break;
      }
      if (a.entities[e].Of(EntryType::kPlace) == nullptr &&
          a.entities[e].Of(EntryType::kOrg) == nullptr) {
        return std::nullopt;
      }
      q = a.entities[e].first - 1;
      continue;
    }
    const std::string& f = a.fold(q);
    // "the Prime Minister of India and Sri Lanka's X": a possessive right before the name gives
    // the name its own country; the title before belongs to someone else.
    if (!comma_before && f == "'s" && q == i - 1) {
      return std::nullopt;
    }
    if (f == "of" || f == "the" || f == "to" || f == "and" || f == "for" || f == "in" || f == "(" ||
        f == ")" || (a.tok(q).word && a.tok(q).cap) || (!comma_before && f == "'s")) {
      // Without a comma only "of" joins the title ("Special Envoy for the Region Name Name" too
      // lowered the held-out people precision).
      if (!comma_before && (f == "in" || f == "(" || f == ")" || f == "to" || f == "for")) {
        return std::nullopt;
      }
      --q;
      continue;
    }
    return std::nullopt;
  }
  // "the British high commissioner in New Delhi, X": a diplomat's post after "in".
  const bool posted_in = role_at >= 0 && a.fold(role_at + 1) == "in" &&
                         RoleEntryAt(a, role_at)->level == RoleLevel::kDiplomat;
  if (role_at < 0 || (a.fold(role_at + 1) != "of" && a.fold(role_at + 1) != "to" &&
                      a.fold(role_at + 1) != "for" && !posted_in)) {
    return std::nullopt;  // "President Biden, X": a name, not a qualifier, after the role.
  }
  std::optional<RoleInfo> info = RoleBefore(a, role_at + 1, sentence_first);
  if (!info.has_value() || info->role.empty()) {
    return std::nullopt;
  }
  info->end = comma;
  std::string preposition;
  for (int k = role_at + 1; k < comma; ++k) {
    const std::string& f = a.fold(k);
    if (f == "of" || f == "to" || f == "for") {
      preposition = f;
      continue;
    }
    const int e = a.entity_at[k];
    if (e < 0 || preposition != "of") {
      continue;
    }
    const Entry* place = a.entities[e].Of(EntryType::kPlace);
    const Entry* org = a.entities[e].Of(EntryType::kOrg);
    if (place != nullptr && !IsTown(place->place) && info->country.empty() && info->org.empty()) {
      info->country = place->code;
    } else if (org != nullptr && org->org == OrgKind::kOrg && info->country.empty() &&
               info->org.empty()) {
      info->org = org->code;
    }
    k = a.entities[e].end - 1;
  }
  return info;
}

// The role right after a name: ", Kazakhstan's Foreign Minister" / ", the Chinese premier".
std::optional<RoleInfo> RoleAfter(const Annotations& a, int end, int sentence_end) {
  int k = end;
  if (k >= sentence_end || (a.fold(k) != "," && a.fold(k) != "(")) {
    return std::nullopt;
  }
  ++k;
  RoleInfo info;
  for (int steps = 0; k < sentence_end && steps < 6; ++steps) {
    const std::string& f = a.fold(k);
    if (f == "the" || f == "'s" || f == "-") {
      ++k;
      continue;
    }
    if (f == "former" || f == "late") {  // "X, the former prime minister".
      info.former = true;
      ++k;
      continue;
    }
    // "X, his Chinese counterpart,": a counterpart named for its country.
    if ((f == "his" || f == "her" || f == "their") && steps == 0) {
      ++k;
      continue;
    }
    if (a.Is(k, WordClass::kCounterpartWord) && f != "side" && f != "sides" && steps > 0 &&
        k + 1 < sentence_end && (a.fold(k + 1) == "," || a.fold(k + 1) == ")")) {
      info.level = RoleLevel::kCounterpart;
      info.first = end;
      info.end = k + 1;
      return info;
    }
    const int m = a.entity_at[k];
    // "X, the head of the presidential office,", "X, head of Ukraine's presidential office": an
    // official; the country or body is the first one named before the next comma.
    if (m < 0 && f == "head" && k + 1 < sentence_end && a.fold(k + 1) == "of" &&
        info.country.empty() && info.org.empty()) {
      info.role = a.Surface(k, k + 1);
      info.level = RoleLevel::kOfficial;
      info.first = end;
      info.end = k + 1;
      for (int q = k + 2; q < sentence_end && q < k + 10 && a.fold(q) != ","; ++q) {
        const Entry* place = a.EntityAt(q, EntryType::kPlace);
        const Entry* org = a.EntityAt(q, EntryType::kOrg);
        if (a.EntityAt(q, EntryType::kPerson) != nullptr ||
            a.EntityAt(q, EntryType::kRole) != nullptr) {
          break;  // "head of President X's office": the president's country is not told here.
        }
        if (place != nullptr && !IsTown(place->place)) {
          info.country = place->code;
          break;
        }
        if (org != nullptr && org->org == OrgKind::kOrg) {
          info.org = org->code;
          info.level = RoleLevel::kOrgHead;
          break;
        }
      }
      return info;
    }
    if (m < 0) {
      return std::nullopt;
    }
    const Entry* place = a.entities[m].Of(EntryType::kPlace);
    const Entry* org = a.entities[m].Of(EntryType::kOrg);
    const Entry* role = a.entities[m].Of(EntryType::kRole);
    if (role != nullptr) {
      // "... the Indo-Pacific, officials said": a role that says the sentence is the words
      // before the comma, not an appositive of them.
      if (a.entities[m].end < sentence_end && a.Is(a.entities[m].end, WordClass::kSpeechVerb)) {
        return std::nullopt;
      }
      // "hosts Hamas, Egyptian officials": a plural office names a list's next item, not the
      // one name before the comma.
      if (a.Is(a.entities[m].end - 1, WordClass::kCollective)) {
        return std::nullopt;
      }
      info.role = a.Surface(a.entities[m].first, a.entities[m].end);
      info.level = role->level;
      info.first = end;
      info.end = a.entities[m].end;
      // "..., Foreign Minister of Kazakhstan".
      const int after = a.entities[m].end;
      if (after + 1 < sentence_end && a.fold(after) == "of" && a.entity_at[after + 1] >= 0) {
        const Entry* of_place = a.entities[a.entity_at[after + 1]].Of(EntryType::kPlace);
        if (of_place != nullptr && info.country.empty()) {
          info.country = of_place->code;
        }
      }
      return info;
    }
    if (place != nullptr && !IsTown(place->place)) {
      info.country = place->code;
    } else if (org != nullptr) {
      info.org = org->code;
    } else {
      return std::nullopt;
    }
    k = a.entities[m].end;
  }
  return std::nullopt;
}

// "Zhao Wenhao, a member of the Political Bureau of the Central Committee and Chinese foreign
// minister, said": the last of the offices an appositive lists, after its "and" and right before
// the closing comma, is the role of the name before it.
std::optional<RoleInfo> CoordinatedRoleAfter(const Annotations& a, int end, int sentence_first,
                                             int sentence_end) {
  // A description of the person ("a member of", "also member of"), not a clause ("who met the
  // president and foreign minister,").
  if (end + 1 >= sentence_end || a.fold(end) != ",") {
    return std::nullopt;
  }
  const std::string& opening = a.fold(end + 1);
  if (opening != "a" && opening != "an" && opening != "the" && opening != "also" &&
      opening != "member") {
    return std::nullopt;
  }
  int close = end + 1;
  while (close < sentence_end && close <= end + 30 && a.fold(close) != "," &&
         a.fold(close) != "(" && a.fold(close) != ";" && a.fold(close) != "\"") {
    ++close;
  }
  if (close >= sentence_end || a.fold(close) != "," || a.entity_at[close - 1] < 0 ||
      a.entities[a.entity_at[close - 1]].end != close || RoleEntryAt(a, close - 1) == nullptr) {
    return std::nullopt;
  }
  std::optional<RoleInfo> info = RoleBefore(a, close, sentence_first);
  if (!info.has_value() || info->role.empty() || info->first <= end + 2 ||
      a.fold(info->first - 1) != "and") {
    return std::nullopt;
  }
  info->first = end;
  info->end = close;
  return info;
}

// Looks a name up in the people dictionary, valid on the publication day when known. Ambiguous
// surnames (officials of several countries) say nothing.
const Entry* DictionaryPerson(const Annotations& a, const std::vector<const Entry*>& candidates,
                              const std::string& first_fold) {
  const Entry* best = nullptr;
  std::set<std::string> countries;
  for (const Entry* e : candidates) {
    if (a.published_key != 0 && (a.published_key < e->from || a.published_key > e->to)) {
      continue;
    }
    if (!first_fold.empty()) {
      const std::vector<std::string> folds = TokenizePhrase(e->name);
      // The same first name, up to its spelling ("Sergei"/"Sergey", but "Abiy Ahmed" is not
      // "Abdullahi Ahmed"): the same first three letters; an initial for "S. X".
      const size_t n = std::min<size_t>(3, first_fold.size());
      if (folds.empty() || folds[0].size() < n || folds[0].compare(0, n, first_fold, 0, n) != 0) {
        continue;
      }
    }
    countries.insert(e->code);
    best = e;
  }
  return countries.size() == 1 ? best : nullptr;
}

class PeopleFinder {
 public:
  explicit PeopleFinder(const Annotations& a) : a_(a) {}

  std::vector<Person> Run() {
    for (int s = 0; s < a_.sentence_count(); ++s) {
      Sentence(s);
    }
    MergeShortNames();
    ResolveBareRoles();
    ShareCountryInAList();
    MembersShareTheDelegationsCountry();
    TitleOfOneCountry();
    CounterpartTakesTheRole();
    LegislativeOffices();
    return std::move(people_);
  }

  // True when the leader's title matched at `role` is followed by an "of" complement naming a
  // legislature ("President of the Lao National Assembly", "Chairman of the Standing Committee
  // of the National People's Congress") that runs up to `until` (the name) or ends before a
  // comma, the sentence's end or `until`.
  bool LegislatureComplement(const Match& role, int until) const {
    if (role.end >= until || a_.fold(role.end) != "of") {
      return false;
    }
    for (int k = role.end + 1; k < until && k < role.end + 9; ++k) {
      const std::string& f = a_.fold(k);
      if (a_.Is(k, WordClass::kLegislature) && a_.tok(k).cap) {
        return true;
      }
      if (f != "the" && f != "of" && f != "'s" && !(a_.tok(k).cap && a_.tok(k).word)) {
        return false;
      }
    }
    return false;
  }

  // "Chairman of the National Assembly of Vietnam X", "X, President of the Lao National
  // Assembly": a leader's title whose "of" complement names a legislature is its presiding
  // officer's; such a person is no head of state or government.
  void LegislativeOffices() {
    for (Person& p : people_) {
      if (!IsLeader(p.level)) {
        continue;
      }
      for (const PersonMention& m : p.mentions) {
        const int sentence_end = a_.sentence(m.sentence).end_token;
        bool legislative = false;
        for (int ei : a_.entities_in[m.sentence]) {
          const Match& match = a_.entities[ei];
          const Entry* role = match.Of(EntryType::kRole);
          if (role == nullptr || !IsLeader(role->level)) {
            continue;
          }
          // Before the name, with no comma between ("Chairman of the X Assembly Y"), or right
          // after it as an appositive ("Y, President of the X Assembly").
          bool before = match.end <= m.first && match.end >= m.first - 9;
          for (int k = match.end; before && k < m.first; ++k) {
            before = a_.fold(k) != ",";
          }
          const bool after = match.first == m.end + 1 && a_.fold(m.end) == ",";
          legislative = legislative || (before && LegislatureComplement(match, m.first)) ||
                        (after && LegislatureComplement(match, sentence_end));
        }
        if (legislative) {
          p.level = RoleLevel::kOfficial;
          break;
        }
      }
    }
  }

  // "Secretary of State X", "Taoiseach X": an official the text gives no country, whose title
  // only one country uses, is of that country ("Secretary of State for X" is another's title).
  void TitleOfOneCountry() {
    for (Person& p : people_) {
      if (!p.country.empty() || !p.org.empty()) {
        continue;
      }
      for (const PersonMention& m : p.mentions) {
        if (m.role_first < 0) {
          continue;
        }
        for (int i = m.role_first; i < m.role_end && p.country.empty(); ++i) {
          const int e = a_.entity_at[i];
          if (e < 0) {
            continue;
          }
          const Match& match = a_.entities[e];
          const Entry* role = match.Of(EntryType::kRole);
          if (role == nullptr || role->code.empty() || match.first < m.role_first ||
              match.end > m.role_end) {
            continue;
          }
          const int after = match.end;
          if (after < static_cast<int>(a_.doc.tokens.size()) &&
              (a_.fold(after) == "for" || a_.fold(after) == "of")) {
            continue;
          }
          p.country = role->code;
        }
        if (!p.country.empty()) {
          break;
        }
      }
    }
  }

  // "Foreign Minister X held talks with her Chinese counterpart Y": a counterpart named with no
  // title of his own holds the title of the official named before him in the sentence.
  void CounterpartTakesTheRole() {
    for (Person& p : people_) {
      if (p.level != RoleLevel::kCounterpart || !p.role.empty()) {
        continue;
      }
      for (const PersonMention& m : p.mentions) {
        if (m.role_first < 0 || m.role_first >= m.first) {
          continue;
        }
        const Person* before = nullptr;
        int before_end = -1;
        for (const Person& q : people_) {
          if (&q == &p || q.role.empty() || q.level == RoleLevel::kUnknown ||
              q.level == RoleLevel::kCounterpart || q.former) {
            continue;
          }
          for (const PersonMention& n : q.mentions) {
            if (n.sentence == m.sentence && n.end <= m.role_first && n.end > before_end) {
              before = &q;
              before_end = n.end;
            }
          }
        }
        if (before != nullptr) {
          p.role = before->role;
          p.level = before->level;
          break;
        }
      }
    }
  }

  // "The Emirati delegation included X and Y", "Xi was accompanied by Foreign Minister X": the
  // people named after a country's delegation and a word of its make-up, or after "accompanied
  // by" following a person of a country, or before "part of the Indian delegation", "on the US
  // side", are of that country when nothing says otherwise (up to the next meeting word or ";").
  void MembersShareTheDelegationsCountry() {
    static constexpr absl::string_view kMakeUp[] = {
        "included",  "includes", "including", "comprised", "comprises",  "comprising",
        "consisted", "consists", "led",       "headed",    "accompanied"};
    static constexpr absl::string_view kMemberOf[] = {"of", "on", "in", "among", "joined"};
    for (int s = 0; s < a_.sentence_count(); ++s) {
      const int first = a_.sentence(s).first_token;
      const int end = a_.sentence(s).end_token;
      for (int i = first; i < end; ++i) {
        const std::string& f = a_.fold(i);
        std::string code;
        int from = -1;
        if ((f == "delegation" || f == "side" || f == "team" || f == "entourage") &&
            i - 3 >= first && a_.fold(i - 2) == "the" &&
            std::find(std::begin(kMemberOf), std::end(kMemberOf), a_.fold(i - 3)) !=
                std::end(kMemberOf)) {
          // "X and Y were part of the Indian delegation", "Z was present on the US side": the
          // people named before it, back to a meeting word or ";".
          const Entry* place = a_.EntityAt(i - 1, EntryType::kPlace);
          if (place == nullptr || IsTown(place->place)) {
            continue;
          }
          for (int k = i - 4; k >= first && a_.fold(k) != ";" && a_.trigger_at[k] < 0; --k) {
            Join(PersonAt(people_, k), place->code);
          }
          continue;
        } else if (f == "delegation" || f == "entourage") {
          bool make_up = false;
          for (int k = i + 1; k < end && k <= i + 3 && !make_up; ++k) {
            make_up =
                std::find(std::begin(kMakeUp), std::end(kMakeUp), a_.fold(k)) != std::end(kMakeUp);
            from = k + 1;
          }
          int q = i - 1;
          if (q >= first && a_.fold(q) == "'s") {
            --q;
          }
          if (!make_up || q < first) {
            continue;
          }
          if (const Entry* place = a_.EntityAt(q, EntryType::kPlace);
              place != nullptr && !IsTown(place->place)) {
            code = place->code;
          } else if (const int owner = PersonAt(people_, q); owner >= 0) {
            code = people_[owner].org.empty() ? people_[owner].country : "";
          }
        } else if (f == "accompanied" && i + 1 < end && a_.fold(i + 1) == "by") {
          // The nearest person named before it: "X was accompanied by", "X, accompanied by".
          for (int q = i - 1; q >= first && q >= i - 4 && code.empty(); --q) {
            if (const int owner = PersonAt(people_, q); owner >= 0) {
              code = people_[owner].org.empty() ? people_[owner].country : "";
              break;
            }
          }
          from = i + 2;
        } else if (f == "represented" && i + 1 < end && a_.fold(i + 1) == "by") {
          // "Kazakhstan was represented by X", "The Kazakh side was represented by X, while
          // Japan was represented by Y": the people up to the next comma are of the country
          // named before it.
          for (int q = i - 1; q >= first && q >= i - 4 && code.empty(); --q) {
            const Entry* place = a_.EntityAt(q, EntryType::kPlace);
            if (place != nullptr && !IsTown(place->place)) {
              code = place->code;
            }
          }
          if (code.empty()) {
            continue;
          }
          for (int k = i + 2;
               k < end && a_.fold(k) != ";" && a_.fold(k) != "while" && a_.trigger_at[k] < 0; ++k) {
            // "represented by X, the head of the presidential office, and Foreign Minister Y":
            // an appositive after a name is skipped, and ", and" or a comma before the next
            // name or title goes on with the list.
            if (a_.fold(k) == ",") {
              const bool appositive = k + 1 < end && PersonAt(people_, k - 1) >= 0 &&
                                      (a_.fold(k + 1) == "the" || a_.fold(k + 1) == "a" ||
                                       a_.fold(k + 1) == "his" || a_.fold(k + 1) == "her");
              if (appositive) {
                int close = k + 1;
                while (close < end && a_.fold(close) != "," && a_.fold(close) != ";" &&
                       a_.trigger_at[close] < 0) {
                  ++close;
                }
                if (close + 1 < end && a_.fold(close) == "," && a_.fold(close + 1) == "and") {
                  k = close + 1;
                  continue;
                }
              }
              if (k + 1 < end && PersonAt(people_, k - 1) >= 0 &&
                  (a_.fold(k + 1) == "and" || PersonAt(people_, k + 1) >= 0 ||
                   a_.EntityAt(k + 1, EntryType::kRole) != nullptr)) {
                continue;
              }
              break;
            }
            // "... and Kyrgyzstan by Y", "and the Japanese side by Y", "and Japan was
            // represented by Y": a country told before "by" or its verb opens another side.
            if (const Entry* other = a_.EntityAt(k, EntryType::kPlace);
                other != nullptr && !IsTown(other->place)) {
              int n = k + 1;
              if (n < end && (a_.fold(n) == "side" || a_.fold(n) == "delegation")) {
                ++n;
              }
              if (n < end && (a_.fold(n) == "by" || a_.fold(n) == "was" || a_.fold(n) == "were")) {
                code = other->code;
              }
            }
            Join(PersonAt(people_, k), code);
          }
          continue;
        }
        if (code.empty()) {
          continue;
        }
        for (int k = from; k < end && a_.fold(k) != ";" && a_.trigger_at[k] < 0; ++k) {
          Join(PersonAt(people_, k), code);
        }
      }
    }
  }

  // Person `member` (or none, -1) of a delegation of country `code`, unless something else
  // says where they are from.
  void Join(int member, const std::string& code) {
    if (member < 0) {
      return;
    }
    Person& p = people_[member];
    if (p.country.empty() && p.org.empty() && p.Participates() &&
        p.level != RoleLevel::kCounterpart) {
      p.country = code;
    }
  }

  // "Mexico's interior minister, X, and Finance Secretary Y": a minister, deputy or official
  // with no country, whose role follows "and" right after a named official of a country, is of
  // that country (one delegation listed).
  void ShareCountryInAList() {
    for (Person& p : people_) {
      // Only ministers, deputies and officials: leaders and foreign ministers listed together
      // are more often counterparts ("Secretary of State X and Foreign Minister Y").
      if (!p.country.empty() || !p.org.empty() ||
          (p.level != RoleLevel::kMinister && p.level != RoleLevel::kDeputy &&
           p.level != RoleLevel::kOfficial)) {
        continue;
      }
      for (const PersonMention& m : p.mentions) {
        int k = m.role_first >= 0 && m.role_first < m.first ? m.role_first - 1 : -1;
        const int sentence_first = a_.sentence(m.sentence).first_token;
        // "and Homeland Security Secretary X": a portfolio's words before the role.
        for (int words = 0; words < 3 && k > sentence_first && a_.tok(k).word && a_.tok(k).cap &&
                            a_.entity_at[k] < 0;
             ++words) {
          --k;
        }
        if (k - 1 < sentence_first || a_.fold(k) != "and") {
          continue;
        }
        --k;
        if (a_.fold(k) == "," && k - 1 >= sentence_first) {
          --k;
        }
        const int other = PersonAt(people_, k);
        if (other >= 0 && &people_[other] != &p && !people_[other].country.empty() &&
            people_[other].org.empty()) {
          p.country = people_[other].country;
          break;
        }
      }
    }
  }

  // "Kassym-Jomart Tokayev had arrived ... The Kazakh President is expected to": a role with a
  // country and no name refers to the last person named before it whose role and country do
  // not conflict; that person takes the country (and the role, when none was known).
  void ResolveBareRoles() {
    // Tokens in or next to a named person's mention or role: a role there has its name.
    std::vector<bool> named_at(a_.doc.tokens.size() + 2, false);
    for (const Person& p : people_) {
      for (const PersonMention& m : p.mentions) {
        for (int i = std::max(0, m.first - 2);
             i < m.end + 2 && i < static_cast<int>(named_at.size()); ++i) {
          named_at[i] = true;
        }
        for (int i = std::max(0, m.role_first); i < m.role_end; ++i) {
          named_at[i] = true;
        }
      }
    }
    for (const Match& match : a_.entities) {
      const Entry* role = match.Of(EntryType::kRole);
      if (role == nullptr || role->level == RoleLevel::kSpokesperson ||
          role->level == RoleLevel::kOfficial || role->level == RoleLevel::kUnknown) {
        continue;
      }
      if (named_at[match.first] || named_at[match.end - 1]) {
        continue;
      }
      int q = match.first - 1;
      const int sentence_first = a_.sentence(a_.tok(match.first).sentence).first_token;
      if (q >= sentence_first && a_.fold(q) == "'s") {
        --q;
      }
      const Entry* place = q >= sentence_first ? a_.EntityAt(q, EntryType::kPlace) : nullptr;
      if (place == nullptr || IsTown(place->place)) {
        continue;
      }
      // "the Mexican president" after "Mexican President X ... then President Y": a person of
      // that country named before is the one meant, before anyone of no known country.
      // "The Russian leader said" after "President Putin ... his Russian counterpart, Lavrov":
      // a person of the role's own level before one of no known level or a counterpart.
      Person* best = nullptr;
      int best_at = -1;
      for (const bool same_country : {true, false}) {
        for (const bool exact : {true, false}) {
          for (Person& p : people_) {
            const bool level_ok =
                exact ? p.level == role->level
                      : p.level == RoleLevel::kUnknown || p.level == RoleLevel::kCounterpart;
            if (!level_ok || !p.Participates() ||
                (!p.country.empty() && p.country != place->code) ||
                same_country != !p.country.empty()) {
              continue;
            }
            for (const PersonMention& m : p.mentions) {
              if (m.first < match.first && m.first > best_at) {
                best = &p;
                best_at = m.first;
              }
            }
          }
          if (best != nullptr) {
            break;
          }
        }
        if (best != nullptr) {
          break;
        }
      }
      if (best == nullptr) {
        best = IntroducedNext(match, place->code);
      }
      if (best == nullptr) {
        continue;
      }
      best->country = place->code;
      if (best->level == RoleLevel::kUnknown || best->level == RoleLevel::kCounterpart) {
        best->level = role->level;
        if (best->role.empty()) {
          best->role = a_.Surface(match.first, match.end);
        }
      }
    }
  }

  // "Hungary's foreign minister arrived in Astana on Tuesday. Peter Orsos, who has visited the
  // region a dozen times, met ...": a role with a country told before anyone is named is the
  // next person named, in its sentence or the next, when that name is introduced by an
  // appositive (", who", an age) and has no role or other country of its own.
  Person* IntroducedNext(const Match& match, const std::string& code) {
    const int sentence = a_.tok(match.first).sentence;
    if (FormerAt(a_, match.first, a_.sentence(sentence).first_token)) {
      return nullptr;
    }
    Person* next = nullptr;
    const PersonMention* next_mention = nullptr;
    for (Person& p : people_) {
      for (const PersonMention& m : p.mentions) {
        if (m.first >= match.end && (next_mention == nullptr || m.first < next_mention->first)) {
          next = &p;
          next_mention = &m;
        }
      }
    }
    if (next == nullptr || next_mention->sentence > sentence + 1 ||
        next->level != RoleLevel::kUnknown || !next->role.empty() ||
        (!next->country.empty() && next->country != code) ||
        next->mentions.front().first < match.end) {
      return nullptr;
    }
    const int k = next_mention->end;
    const int sentence_end = a_.sentence(next_mention->sentence).end_token;
    if (k + 1 >= sentence_end || a_.fold(k) != "," ||
        (a_.fold(k + 1) != "who" &&
         !absl::ascii_isdigit(static_cast<unsigned char>(a_.fold(k + 1)[0])))) {
      return nullptr;
    }
    // "X, who was ambassador to Kazakhstan until 2019,", "X, who teaches at Corvinus
    // University,": an appositive telling another office or calling is someone else's.
    for (int q = k + 2; q < sentence_end && a_.fold(q) != "," && a_.fold(q) != ";"; ++q) {
      const std::string& f = a_.fold(q);
      if (a_.EntityAt(q, EntryType::kRole) != nullptr || a_.Is(q, WordClass::kAcademicBody) ||
          f == "heads" || f == "headed" || f == "leads" || f == "led" || f == "chairs" ||
          f == "runs" || f == "teaches" || f == "taught" || f == "directs" || f == "advises") {
        return nullptr;
      }
    }
    return next;
  }

  // "President Joko Widodo (Jokowi)", "Andres Manuel Lopez Obrador (AMLO)": a single name
  // word in brackets right after a full name is the name the text goes on to use for that
  // person. `word` is folded.
  bool NamedInBrackets(const Person& p, const std::string& word) const {
    const int tokens = static_cast<int>(a_.doc.tokens.size());
    for (const PersonMention& m : p.mentions) {
      if (m.end + 2 < tokens && a_.fold(m.end) == "(" && a_.fold(m.end + 2) == ")" &&
          a_.fold(m.end + 1) == word && a_.tok(m.end + 1).word &&
          a_.EntityAt(m.end + 1, EntryType::kPlace) == nullptr &&
          a_.EntityAt(m.end + 1, EntryType::kOrg) == nullptr) {
        return true;
      }
    }
    return false;
  }

  // "Abiy" after "Abiy Ahmed", "Jokowi" ...: a one-word name that is the first or last word of
  // exactly one longer name, or the name in brackets after it, is that person. A name of two
  // words or more with a particle that opens exactly one longer name is that person too
  // ("Mohammed bin Rashid" in a headline, "Mohammed bin Rashid Al Maktoum" in the body).
  void MergeShortNames() {
    std::vector<bool> gone(people_.size(), false);
    // Each name's folded words, once (names do not change while merging).
    std::vector<std::vector<std::string>> folds_of;
    folds_of.reserve(people_.size());
    for (const Person& p : people_) {
      folds_of.push_back(TokenizePhrase(p.name));
    }
    for (size_t i = 0; i < people_.size(); ++i) {
      Person& short_one = people_[i];
      const std::vector<std::string>& short_folds = folds_of[i];
      int into = -1;
      int candidates = 0;
      if (short_folds.size() >= 2) {
        const bool particle =
            std::any_of(short_folds.begin() + 1, short_folds.end(), [&](const std::string& w) {
              return a_.dict->lexicon().Is(w, WordClass::kNameParticle);
            });
        for (size_t j = 0; j < people_.size() && particle; ++j) {
          const std::vector<std::string>& folds = folds_of[j];
          if (j != i && !gone[j] && folds.size() > short_folds.size() &&
              std::equal(short_folds.begin(), short_folds.end(), folds.begin())) {
            into = static_cast<int>(j);
            ++candidates;
          }
        }
      }
      if (short_folds.size() != 1 && candidates != 1) {
        continue;
      }
      for (size_t j = 0; j < people_.size() && short_folds.size() == 1; ++j) {
        if (j == i || gone[j]) {
          continue;
        }
        const std::vector<std::string>& folds = folds_of[j];
        if (folds.size() >= 2 && (folds.front() == short_one.surname ||
                                  (folds.back() == short_one.surname && !FatherNamedLast(folds)) ||
                                  NamedInBrackets(people_[j], short_one.surname))) {
          into = static_cast<int>(j);
          ++candidates;
        }
      }
      // "Wang told Blinken" after "Foreign Minister Wang Yi" and "spokesperson Wang Wenbin":
      // of several, the one who takes part in meetings.
      if (candidates > 1 && short_folds.size() == 1) {
        candidates = 0;
        for (size_t j = 0; j < people_.size(); ++j) {
          const std::vector<std::string>& folds = folds_of[j];
          if (j != i && !gone[j] && folds.size() >= 2 && people_[j].Participates() &&
              (folds.front() == short_one.surname ||
               (folds.back() == short_one.surname && !FatherNamedLast(folds)) ||
               NamedInBrackets(people_[j], short_one.surname))) {
            into = static_cast<int>(j);
            ++candidates;
          }
        }
      }
      if (candidates != 1) {
        continue;
      }
      Person& long_one = people_[into];
      long_one.mentions.insert(long_one.mentions.end(), short_one.mentions.begin(),
                               short_one.mentions.end());
      std::sort(long_one.mentions.begin(), long_one.mentions.end(),
                [](const PersonMention& x, const PersonMention& y) { return x.first < y.first; });
      if (long_one.role.empty()) {
        long_one.role = short_one.role;
      }
      if (long_one.level == RoleLevel::kUnknown || long_one.level == RoleLevel::kCounterpart) {
        long_one.level = short_one.level;
      }
      // An official of an international body has no country: a surname alone ("Guterres said")
      // does not give it one of another official of that surname.
      if (long_one.country.empty() && long_one.org.empty()) {
        long_one.country = short_one.country;
      }
      if (long_one.org.empty()) {
        long_one.org = short_one.org;
      }
      long_one.in_title = long_one.in_title || short_one.in_title;
      long_one.from_dictionary = long_one.from_dictionary || short_one.from_dictionary;
      gone[i] = true;
    }
    std::vector<Person> kept;
    for (size_t i = 0; i < people_.size(); ++i) {
      if (!gone[i]) {
        kept.push_back(std::move(people_[i]));
      }
    }
    people_ = std::move(kept);
  }

 private:
  // The end of the run of name tokens starting at `i`: joined by hyphens, particles and
  // initials. In a headline in capitals every word looks like a name: one word at a time.
  int NameEnd(int i, const extract::Sentence& sentence) const {
    int end = i + 1;
    while (!sentence.all_caps && end < sentence.end_token) {
      const int step = NameStep(i, end, sentence);
      if (step == 0) {
        if (TownSurnameAt(i, end, sentence)) {
          ++end;
        } else if (a_.fold(end) == "." && a_.fold(end - 1).size() == 1 &&
                   end + 1 < sentence.end_token && TownSurnameAt(i, end + 1, sentence)) {
          end += 2;  // "Lloyd J. Austin".
        }
        break;
      }
      end += step;
    }
    return end;
  }

  // "Defense Secretary Lloyd Austin", "Minister Ana Lima": after a role, a one-word town
  // right after the given name, and no name word after it, is the surname (the name of a town
  // does not follow a person's name without a word between them).
  bool TownSurnameAt(int i, int end, const extract::Sentence& sentence) const {
    if (sentence.title || i <= sentence.first_token || RoleEntryAt(a_, i - 1) == nullptr ||
        !a_.tok(end).word || !a_.tok(end).cap || a_.entity_at[end] < 0 ||
        a_.EntityAt(end - 1, EntryType::kPlace) != nullptr || a_.fold(end - 1) == ",") {
      return false;
    }
    const Match& match = a_.entities[a_.entity_at[end]];
    const Entry* place = match.Of(EntryType::kPlace);
    if (place == nullptr || !IsTown(place->place) || match.first != end || match.end != end + 1) {
      return false;
    }
    if (end + 1 >= sentence.end_token || !a_.tok(end + 1).cap || !a_.tok(end + 1).word) {
      return true;
    }
    const std::string& next = a_.fold(end + 1);
    return next == "jr" || next == "sr" || next == "ii" || next == "iii";  // "Austin III".
  }

  // A town's name that is a given name right after a role and before a name: "Deputy Prime
  // Minister Lawrence Wong", "Minister Florence Parly" (Lawrence, Kansas; Florence, Italy).
  bool TownAsGivenName(int i, const extract::Sentence& sentence) const {
    const int m = a_.entity_at[i];
    if (m < 0 || !a_.tok(i).cap || sentence.all_caps || a_.entities[m].first != i ||
        a_.entities[m].end != i + 1 || i + 1 >= sentence.end_token || !IsNameToken(a_, i + 1) ||
        a_.entity_at[i + 1] >= 0) {
      return false;
    }
    for (const Entry* e : a_.entities[m].entries) {
      if (e->type != EntryType::kPlace || !IsTown(e->place)) {
        return false;  // A country, a region, a demonym, a role: not a given name.
      }
    }
    std::optional<RoleInfo> role = RoleBefore(a_, i, sentence.first_token);
    return role.has_value() && role->end == i;
  }

  // A name stop that is also a syllable of East Asian names, capitalised right after a role and
  // before a name word, inside a sentence that is not a headline: "General Secretary To Lam",
  // "Vice Premier He Lifeng" (a function word after a title is lower case in running text).
  bool SyllableGivenName(int i, const extract::Sentence& sentence) const {
    if (sentence.title || sentence.all_caps || i <= sentence.first_token ||
        i + 1 >= sentence.end_token || !a_.tok(i).cap || !a_.Is(i, WordClass::kNameSyllable) ||
        !IsNameToken(a_, i + 1)) {
      return false;
    }
    std::optional<RoleInfo> role = RoleBefore(a_, i, sentence.first_token);
    return role.has_value() && role->end == i;
  }

  // "Vice Premier Liu He held talks": a name stop that is also a syllable of East Asian names,
  // capitalised right after a one-word name that follows a role, inside a sentence that is not a
  // headline, ends the name (a pronoun is not capitalised inside a sentence).
  bool SyllableSecondName(int i, int end, const extract::Sentence& sentence) const {
    if (end != i + 1 || sentence.title || sentence.all_caps || !a_.tok(end).cap ||
        !a_.Is(end, WordClass::kNameSyllable) ||
        (end + 1 < sentence.end_token && IsNameToken(a_, end + 1))) {
      return false;
    }
    std::optional<RoleInfo> role = RoleBefore(a_, i, sentence.first_token);
    return role.has_value() && role->end == i && role->level != RoleLevel::kUnknown;
  }

  // "President Hassan Sheikh Mohamud", "Prime Minister Ali Sheikh Ahmed": a one-word royal
  // title between a given name and a name word, with no comma, continues the name when the
  // given name follows a role that is not royal (Somali and Arabic names carry "Sheikh" as a
  // name). After a royal title ("Emir Tamim"), or with no role, the title starts a new name.
  bool RoyalWordInsideName(int i, int end, const extract::Sentence& sentence) const {
    if (end != i + 1 || sentence.title || sentence.all_caps || end + 1 >= sentence.end_token ||
        !a_.tok(end).cap || a_.entity_at[end] < 0 || !IsNameToken(a_, end + 1)) {
      return false;
    }
    const Match& match = a_.entities[a_.entity_at[end]];
    const Entry* title = match.Of(EntryType::kRole);
    if (title == nullptr || title->level != RoleLevel::kRoyal || match.first != end ||
        match.end != end + 1) {
      return false;
    }
    std::optional<RoleInfo> role = RoleBefore(a_, i, sentence.first_token);
    return role.has_value() && role->end == i && role->level != RoleLevel::kRoyal &&
           role->level != RoleLevel::kUnknown;
  }

  // True when "of" or "at" right after token `from` (or at it) opens the name of a research or
  // teaching body before the next comma, parenthesis or `limit`: "director of the Heritage
  // Institute", "head of strategic studies at X University".
  bool AcademicBodyAfter(int from, int limit) const {
    int k = from;
    while (k < limit && k < from + 3 && a_.fold(k) != "of" && a_.fold(k) != "at") {
      if (!a_.tok(k).word) {
        return false;
      }
      ++k;
    }
    if (k >= limit || (a_.fold(k) != "of" && a_.fold(k) != "at")) {
      return false;
    }
    for (int q = k + 1; q < limit && q < k + 12; ++q) {
      const std::string& f = a_.fold(q);
      if (f == "," || f == "(" || f == ")" || f == ";" || f == "." || f == "\"") {
        return false;
      }
      if (a_.Is(q, WordClass::kAcademicBody)) {
        return true;
      }
    }
    return false;
  }

  // How many tokens from `end` on continue the name that starts at `i`; 0 when it ends there.
  // The first rule that applies decides.
  int NameStep(int i, int end, const extract::Sentence& sentence) const {
    const Token& t = a_.tok(end);
    const bool particle = a_.Is(end, WordClass::kNameParticle);
    if (IsNameToken(a_, end)) {
      return 1;
    }
    if ((t.fold == "-" || particle) && end + 1 < sentence.end_token && IsNameToken(a_, end + 1)) {
      return 2;
    }
    if (RoyalWordInsideName(i, end, sentence)) {
      return 2;  // "President Hassan Sheikh Mohamud".
    }
    if (SyllableSecondName(i, end, sentence)) {
      return 1;  // "Vice Premier Liu He".
    }
    if (particle && end + 2 < sentence.end_token &&
        (a_.fold(end + 1) == "-" || a_.Is(end + 1, WordClass::kNameParticle)) &&
        IsNameToken(a_, end + 2)) {
      return 3;  // "al-Tayer", "de la Fuente", "van der Lindgren".
    }
    if (t.fold == "-" && end + 1 < sentence.end_token && a_.tok(end + 1).word &&
        t.begin == a_.tok(end - 1).end && a_.tok(end + 1).begin == t.end &&
        absl::ascii_isalpha(static_cast<unsigned char>(a_.fold(end + 1)[0])) &&
        a_.entity_at[end + 1] < 0 && (a_.tok(end + 1).cap || end - i >= 2)) {
      return 2;  // "Lee Min-ho", "Moon Jae-in"; not "Franco-German", "Chair-in-Office".
    }
    // "Anwaar-ul-Haq Kakar", "Fazl-ur-Rehman", "Shams-ud-Din": a short lower-case word between
    // hyphens joins two name words (written with no space).
    if (t.fold == "-" && end + 3 < sentence.end_token && a_.tok(end + 1).word &&
        !a_.tok(end + 1).cap && a_.fold(end + 1).size() <= 3 && a_.fold(end + 2) == "-" &&
        IsNameToken(a_, end + 3) && t.begin == a_.tok(end - 1).end &&
        a_.tok(end + 1).begin == t.end && a_.tok(end + 2).begin == a_.tok(end + 1).end &&
        a_.tok(end + 3).begin == a_.tok(end + 2).end) {
      return 4;
    }
    if (t.word && t.cap && t.fold.size() == 1 && end + 2 < sentence.end_token &&
        a_.fold(end + 1) == "." &&
        (IsNameToken(a_, end + 2) || a_.Is(end + 2, WordClass::kNameParticle))) {
      return 2;  // A middle initial that is also a word: "Yousef A. Al-Othaimeen".
    }
    if (t.fold == "." && a_.fold(end - 1).size() == 1 && end + 1 < sentence.end_token &&
        (IsNameToken(a_, end + 1) || a_.Is(end + 1, WordClass::kNameParticle))) {
      return 1;  // "Antony J. Blinken", "Yousef A. Al-Othaimeen".
    }
    return 0;
  }

  void Sentence(int s) {
    const extract::Sentence& sentence = a_.sentence(s);
    int i = sentence.first_token;
    while (i < sentence.end_token) {
      if (!IsNameToken(a_, i) && !TownAsGivenName(i, sentence) && !SyllableGivenName(i, sentence)) {
        ++i;
        continue;
      }
      int end = NameEnd(i, sentence);
      // A dictionary person match may extend beyond or start the run.
      const int m = a_.entity_at[i];
      const Entry* dict_entry = m >= 0 ? a_.entities[m].Of(EntryType::kPerson) : nullptr;
      if (dict_entry != nullptr && a_.entities[m].end > end) {
        end = a_.entities[m].end;
      }
      int words = 0;
      int long_words = 0;  // Words of two letters or more that are not places.
      int courtesy = 0;    // Titles inside the name: "Datuk Seri Utama", "Tunku", "Shri".
      for (int k = i; k < end; ++k) {
        courtesy += a_.tok(k).word && a_.Is(k, WordClass::kHonorific) ? 1 : 0;
        // Particles do not count: "Luiz Inacio Lula da Silva" is four words and a particle.
        words += a_.tok(k).word && !a_.Is(k, WordClass::kNameParticle) ? 1 : 0;
        long_words +=
            a_.tok(k).word && a_.fold(k).size() >= 2 && a_.EntityAt(k, EntryType::kPlace) == nullptr
                ? 1
                : 0;
      }
      const bool town_surname = end - 1 > i && TownSurnameAt(i, end - 1, sentence);
      if (words - courtesy > 4 || long_words == 0 ||
          (a_.EntityAt(end - 1, EntryType::kPlace) != nullptr && !town_surname)) {
        i = end;  // "X", "S. Korean": not a name.
        continue;
      }
      // A portfolio is not a person: "Minister of Commerce, Minister of Industry".
      if (i >= sentence.first_token + 2 && (a_.fold(i - 1) == "of" || a_.fold(i - 1) == "for") &&
          a_.EntityAt(i - 2, EntryType::kRole) != nullptr) {
        i = end;
        continue;
      }
      // Things named after people are not people: "the Reagan administration".
      if (end < sentence.end_token &&
          (a_.Is(end, WordClass::kEponymNoun) ||
           (a_.fold(end) == "'s" && end + 1 < sentence.end_token &&
            (a_.fold(end + 1) == "government" || a_.fold(end + 1) == "administration")))) {
        i = end;
        continue;
      }
      std::optional<RoleInfo> role = RoleBefore(a_, i, sentence.first_token);
      // "Saudi crown prince, Biden meet in Jeddah": in a headline a role, a comma and a name
      // with no comma after it list two sides; the role is not the name's.
      if (role.has_value() && sentence.title && role->end < i && a_.fold(i - 1) == "," &&
          (end >= sentence.end_token || a_.fold(end) != ",")) {
        role.reset();
      }
      if (!role.has_value()) {
        role = RoleAfter(a_, end, sentence.end_token);
      }
      if (!role.has_value()) {
        role = CoordinatedRoleAfter(a_, end, sentence.first_token, sentence.end_token);
      }
      if (!role.has_value()) {
        role = AppositiveRoleBefore(a_, i, sentence.first_token);
        // The name has two words or more and is no part of a title itself ("the Workers' Party
        // of Korea", "the President of the Federative Republic of Brazil").
        if (!role.has_value() && !sentence.title && words - courtesy >= 2 &&
            end < sentence.end_token && a_.fold(end) != "of" && a_.fold(end) != "'s" &&
            a_.fold(end) != "'") {
          role = AppositiveRoleBefore(a_, i, sentence.first_token, /*comma_before=*/false);
        }
      } else if (role->country.empty() && role->org.empty() && role->first > sentence.first_token &&
                 a_.fold(role->first - 1) == ",") {
        // "The Emir of Qatar, Sheikh Tamim": the appositive before the title gives the country.
        const std::optional<RoleInfo> appositive =
            AppositiveRoleBefore(a_, role->first, sentence.first_token);
        if (appositive.has_value()) {
          role->country = appositive->country;
          role->org = appositive->org;
        }
      }
      // "said X, director of the Heritage Institute for Policy Studies", "the director of the
      // Institute of World Economy, X": the holder of a role at a research body is an analyst.
      if (role.has_value() && (role->end <= i ? AcademicBodyAfter(role->first, i)
                                              : AcademicBodyAfter(role->end, sentence.end_token))) {
        i = end;
        continue;
      }
      // "Russia's Sergei Lavrov": two or three capitalised words after a country's possessive.
      std::string possessor;
      if (!role.has_value() && words >= 2 && words <= 3 && i >= sentence.first_token + 2 &&
          (a_.fold(i - 1) == "'s" ||
           (a_.fold(i - 1) == "'" && absl::EndsWith(a_.fold(i - 2), "s")))) {
        const Entry* place = a_.EntityAt(i - 2, EntryType::kPlace);
        if (place != nullptr && !IsTown(place->place)) {
          possessor = place->code;
        }
      }
      // "Their foreign ministers, A and B, signed": the name after "and" holds the plural role
      // of the name before it too.
      if (!role.has_value() && plural_role_end_ == i - 1 && i > sentence.first_token &&
          a_.fold(i - 1) == "and") {
        role = plural_role_;
        role->country.clear();
        role->org.clear();
        role->country_from_dictionary = false;
      }
      const bool known_surname = by_surname_.count(a_.fold(end - 1)) > 0;
      bool is_person =
          role.has_value() || dict_entry != nullptr || known_surname || !possessor.empty();
      if (sentence.all_caps && dict_entry == nullptr) {
        is_person = known_surname;  // Roles in capitals are followed by verbs as often as names.
        if (!is_person) {
          is_person = DictionaryPerson(a_, a_.dict->PeopleWithSurname(a_.fold(i)), "") != nullptr;
        }
      }
      // "X met Y", "X said": two or three capitalised words as the subject of an event.
      if (!is_person && words >= 2 && words <= 3 && end < sentence.end_token) {
        // "X, 62, met Y": an age between the name and its verb.
        int after = end;
        if (after + 3 < sentence.end_token && a_.fold(after) == "," && a_.fold(after + 2) == "," &&
            !a_.fold(after + 1).empty() &&
            std::all_of(a_.fold(after + 1).begin(), a_.fold(after + 1).end(),
                        [](char ch) { return ch >= '0' && ch <= '9'; })) {
          after += 3;
        } else if (after + 2 < sentence.end_token && a_.fold(after) == "," &&
                   a_.fold(after + 1) == "who") {
          // "X, who took office in May, met Y": a relative clause between the name and its verb.
          int q = after + 2;
          while (q < sentence.end_token && q < after + 20 && a_.fold(q) != ",") {
            ++q;
          }
          if (q + 1 < sentence.end_token && a_.fold(q) == ",") {
            after = q + 1;
          }
        }
        auto verb_at = [&](int k) {
          const std::string& next = a_.fold(k);
          // "X paid his first state visit", "X held talks": a light verb and its meeting noun.
          bool light = false;
          if (a_.Is(k, WordClass::kLightVerb)) {
            for (int q = k + 1; q < sentence.end_token && q <= k + 4; ++q) {
              light = light || a_.trigger_at[q] >= 0;
            }
          }
          return a_.trigger_at[k] >= 0 || a_.Is(k, WordClass::kSpeechVerb) || light ||
                 next == "has" || next == "had" || next == "will" || next == "is" ||
                 next == "was" || next == "would" || next == "were" || next == "are" ||
                 CoordinatedSubjectOfMeetingVerb(k, sentence.end_token);
        };
        // "Cai Wen, Li Wenhao and Zhao Peng were present at the talks": the other names of a
        // list ending in "and" stand between a name and its verb.
        const int after_list = AfterListOfNames(after, sentence.end_token);
        const bool verb = verb_at(after) || (after_list != after && verb_at(after_list));
        const bool after_with =
            i > sentence.first_token && (a_.fold(i - 1) == "with" || a_.fold(i - 1) == "and");
        // "met Paul Ferrand": the object of a meeting verb; "counterparts A and B": the name
        // after a person's "and".
        const bool after_verb = i > sentence.first_token && MeetingVerbAt(i - 1);
        // "attended by A of X, B of Y and C of Z": a name of a country after a comma in a list
        // of people.
        const bool listed =
            i > sentence.first_token &&
            (a_.fold(i - 1) == "and" ||
             (a_.fold(i - 1) == "," && !CountryAfterOf(end, sentence.end_token).empty()));
        const bool after_person = i >= sentence.first_token + 2 && listed &&
                                  (PersonEndingAt(i - 1) || PersonOfACountryEndingAt(i - 1)) &&
                                  !HasEntity(i, end);
        is_person = verb || after_person || (after_verb && !HasEntity(i, end)) ||
                    (after_with && a_.trigger_at[std::max(i - 2, sentence.first_token)] >= 0);
      }
      const bool refers_back = known_surname && words == 1;
      // A lone capitalised surname in a headline: the dictionary decides.
      const Entry* by_name = nullptr;
      if (!is_person && words == 1 && sentence.title && !sentence.all_caps) {
        by_name = DictionaryPerson(a_, a_.dict->PeopleWithSurname(a_.fold(i)), "");
        is_person = by_name != nullptr;
      }
      // "Albanese meets Luxon in Sydney": the two one-word sides of a meeting verb in a
      // headline are surnames.
      if (!is_person && words == 1 && end == i + 1 && sentence.title && !sentence.all_caps &&
          (HeadlineSideOfMeetingVerb(i - 2, sentence) || HeadlineSideOfMeetingVerb(i, sentence))) {
        is_person = true;
      }
      if (!is_person) {
        i = end;
        continue;
      }
      RoleInfo filled = role.value_or(RoleInfo());
      if (filled.country.empty() && !possessor.empty()) {
        filled.country = possessor;
      }
      // "Commission President X of the African Union": the body after the name is the one a
      // lone qualifier word stood for.
      if (filled.org_from_qualifier) {
        const std::string of_org = OrgAfterOf(end, sentence.end_token);
        const std::string of_country = CountryAfterOf(end, sentence.end_token);
        if (!of_org.empty()) {
          filled.org = of_org;
        } else if (!of_country.empty()) {
          filled.org.clear();
        }
      }
      // "Foreign Minister Talgat Omarov of Kazakhstan": the country after the name.
      if (filled.country.empty() && filled.org.empty()) {
        const std::string of_country = CountryAfterOf(end, sentence.end_token);
        if (!of_country.empty()) {
          filled.country = of_country;
        }
      }
      // A surname already known is the person named before, not another official of the
      // dictionary.
      // A royal title's one name is a given name ("Sheikh Mohammed", "King Abdullah", "Prince
      // Faisal"), not the surname of another official of the dictionary.
      const bool royal_given_name =
          dict_entry == nullptr && words == 1 && filled.level == RoleLevel::kRoyal;
      if (filled.country.empty() && filled.org.empty() && !refers_back && !royal_given_name) {
        const Entry* e = dict_entry;
        if (e == nullptr) {
          e = DictionaryPerson(a_, a_.dict->PeopleWithSurname(a_.fold(end - 1)),
                               words >= 2 ? a_.fold(i) : "");
        }
        if (e != nullptr) {
          filled.country = e->code;
          filled.country_from_dictionary = true;
        }
      }
      Add(s, i, end, filled, dict_entry != nullptr || by_name != nullptr);
      // "Brazil's A, Argentina's B and Uruguay's C said": one of a list of people each named
      // after a country's possessive.
      if (!possessor.empty() && end + 3 < sentence.end_token &&
          (a_.fold(end) == "," || a_.fold(end) == "and") && a_.fold(end + 2) == "'s" &&
          a_.EntityAt(end + 1, EntryType::kPlace) != nullptr) {
        people_[PersonAt(people_, i)].possessed = true;
      }
      if (!possessor.empty() && i - 3 >= sentence.first_token &&
          (a_.fold(i - 3) == "," || a_.fold(i - 3) == "and") && PersonEndingAt(i - 3) &&
          people_[PersonAt(people_, i - 4)].possessed) {
        people_[PersonAt(people_, i)].possessed = true;
      }
      if (role.has_value() && PluralRole(role->role)) {
        plural_role_ = *role;
        plural_role_end_ = end;
      }
      i = end;
    }
  }

  // The token after a list of names that starts at `k` with "," or "and" and goes on to its
  // "and" (", B and C", "and C"), each name two or three capitalised words that the
  // dictionaries do not know; `k` itself when there is no such list.
  int AfterListOfNames(int k, int sentence_end) const {
    int q = k;
    bool closed = false;
    for (int items = 0; items < 6 && !closed && q + 1 < sentence_end; ++items) {
      const std::string& joint = a_.fold(q);
      if (joint != "," && joint != "and") {
        break;
      }
      int end = q + 1;
      // A name the officials dictionary knows may stand in the list ("A, Narendra Modi and B").
      while (end < sentence_end && end - (q + 1) < 3 && IsNameToken(a_, end) &&
             (a_.entity_at[end] < 0 || a_.EntityAt(end, EntryType::kPerson) != nullptr)) {
        ++end;
      }
      if (end - (q + 1) < 2 || (end < sentence_end && IsNameToken(a_, end))) {
        break;
      }
      closed = joint == "and";
      q = end;
    }
    return closed ? q : k;
  }

  // True when the body names someone with the surname `fold` after a first name or a title
  // ("Anthony Albanese", "Prime Minister Albanese"): "Envoys meet Taliban in Doha", "Modi meets
  // Diaspora" name no people.
  bool SurnameInTheBody(const std::string& fold) const {
    for (int s = 0; s < a_.sentence_count(); ++s) {
      const extract::Sentence& sentence = a_.sentence(s);
      if (sentence.title) {
        continue;
      }
      for (int k = sentence.first_token + 1; k < sentence.end_token; ++k) {
        const bool after_name =
            IsNameToken(a_, k - 1) && a_.tok(k - 1).cap && a_.entity_at[k - 1] < 0;
        if (a_.fold(k) == fold && a_.tok(k).cap &&
            (after_name || a_.EntityAt(k - 1, EntryType::kRole) != nullptr)) {
          return true;
        }
      }
      // A name of the people dictionary ends or opens with it: "Fumio Kishida", "Xi Jinping"
      // (a family name first).
      for (int k = sentence.first_token; k < sentence.end_token; ++k) {
        const int e = a_.entity_at[k];
        if (e >= 0 && a_.entities[e].first == k && a_.entities[e].end - k >= 2 &&
            a_.entities[e].Of(EntryType::kPerson) != nullptr &&
            (a_.fold(k) == fold || a_.fold(a_.entities[e].end - 1) == fold)) {
          return true;
        }
      }
    }
    return false;
  }

  // True when the headline's tokens from `subject` are "X <meeting verb> Y", X opening the
  // headline (or after a colon or comma) and Y ending it or followed by a preposition or comma,
  // each one capitalised word that is no place, body or title.
  bool HeadlineSideOfMeetingVerb(int subject, const extract::Sentence& sentence) const {
    const int object = subject + 2;
    if (subject < sentence.first_token || object >= sentence.end_token ||
        !MeetingVerbAt(subject + 1) || a_.trigger_at[subject] >= 0 || a_.trigger_at[object] >= 0) {
      return false;
    }
    for (const int k : {subject, object}) {
      if (!IsNameToken(a_, k) || a_.entity_at[k] >= 0 || a_.fold(k).size() < 2 ||
          !SurnameInTheBody(a_.fold(k))) {
        return false;
      }
    }
    if (subject > sentence.first_token && a_.fold(subject - 1) != ":" &&
        a_.fold(subject - 1) != ",") {
      return false;
    }
    if (object + 1 == sentence.end_token) {
      return true;
    }
    static constexpr absl::string_view kAfter[] = {
        ",", ":", "in", "on", "at", "for", "to", "ahead", "amid", "as", "over", "after", "-"};
    return std::find(std::begin(kAfter), std::end(kAfter), a_.fold(object + 1)) != std::end(kAfter);
  }

  // True when a role's last word is a plural ("foreign ministers", "Presidents").
  static bool PluralRole(const std::string& role) {
    const std::string last = absl::AsciiStrToLower(role.substr(role.rfind(' ') + 1));
    return absl::EndsWith(last, "ers") || absl::EndsWith(last, "ents") ||
           absl::EndsWith(last, "ors") || absl::EndsWith(last, "ies") ||
           absl::EndsWith(last, "ives") || absl::EndsWith(last, "ads");
  }

  // True when the words from `and` are "and [the] [role] Name Name [on Day] met" or "... held
  // talks": the name before `and` is the first of two subjects of a meeting verb ("X and the
  // Taoiseach Y met in Dublin", "X and Y on Monday held talks").
  bool CoordinatedSubjectOfMeetingVerb(int and_token, int sentence_end) const {
    if (and_token + 2 >= sentence_end || a_.fold(and_token) != "and") {
      return false;
    }
    int q = and_token + 1;
    if (a_.fold(q) == "the") {
      ++q;
    }
    while (q < sentence_end && q < and_token + 5 && a_.EntityAt(q, EntryType::kRole) != nullptr) {
      ++q;
    }
    int names = 0;
    while (q < sentence_end && names < 4 && IsNameToken(a_, q) &&
           a_.EntityAt(q, EntryType::kPlace) == nullptr &&
           a_.EntityAt(q, EntryType::kRole) == nullptr) {
      ++q;
      ++names;
    }
    if (names == 0 || q >= sentence_end) {
      return false;
    }
    // "on Monday", "on Tuesday night": a date between the subjects and their verb.
    for (int d : a_.dates_in[a_.tok(q).sentence]) {
      const DateMention& date = a_.dates[d];
      if (date.end_token < sentence_end &&
          (date.first_token == q || (date.first_token == q + 1 && a_.fold(q) == "on"))) {
        q = date.end_token;
        break;
      }
    }
    if (q >= sentence_end) {
      return false;
    }
    if (MeetingVerbAt(q)) {
      return true;
    }
    if (a_.Is(q, WordClass::kLightVerb)) {
      for (int k = q + 1; k < sentence_end && k <= q + 4; ++k) {
        if (a_.trigger_at[k] >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  // True when token `i` is a meeting verb ("met", "hosted"), or ends a phrase of attendance
  // ("attended by").
  bool MeetingVerbAt(int i) const {
    const int t = a_.trigger_at[i];
    if (t < 0) {
      return false;
    }
    const Entry* e = a_.triggers[t].Of(EntryType::kTrigger);
    return e != nullptr && (e->form == TriggerForm::kVerb ||
                            (e->form == TriggerForm::kAttendance && a_.triggers[t].end == i + 1));
  }

  // True when a person found so far has a mention ending right before token `end`.
  bool PersonEndingAt(int end) const { return mention_ends_.count(end) > 0; }

  // The country of "of <country>" (or "of the <country>") starting at token `k`, or "".
  std::string CountryAfterOf(int k, int sentence_end) const {
    if (k + 1 >= sentence_end || a_.fold(k) != "of") {
      return "";
    }
    int q = k + 1;
    if (a_.fold(q) == "the" && q + 1 < sentence_end) {
      ++q;
    }
    const Entry* place = a_.EntityAt(q, EntryType::kPlace);
    if (place == nullptr || IsTown(place->place) || a_.entities[a_.entity_at[q]].first != q) {
      return "";
    }
    return place->code;
  }

  // The international body right after "of" (and "the") at `k`, or "".
  std::string OrgAfterOf(int k, int sentence_end) const {
    if (k + 1 >= sentence_end || a_.fold(k) != "of") {
      return "";
    }
    const int q = a_.fold(k + 1) == "the" && k + 2 < sentence_end ? k + 2 : k + 1;
    const Entry* org = a_.EntityAt(q, EntryType::kOrg);
    if (org == nullptr || org->org != OrgKind::kOrg || a_.entities[a_.entity_at[q]].first != q) {
      return "";
    }
    return org->code;
  }

  // True when a person found so far is named right before "of <country>" ending before token
  // `end` ("Talgat Omarov of Kazakhstan and Erik Lindgren of Sweden").
  bool PersonOfACountryEndingAt(int end) const {
    const int last = end - 1;
    if (last < 0 || a_.entity_at[last] < 0) {
      return false;
    }
    int of = a_.entities[a_.entity_at[last]].first - 1;
    if (of >= 0 && a_.fold(of) == "the") {
      --of;
    }
    return of >= 1 && a_.fold(of) == "of" && PersonEndingAt(of) && !CountryAfterOf(of, end).empty();
  }

  // True when a dictionary entity covers a token of [first, end).
  bool HasEntity(int first, int end) const {
    for (int k = first; k < end; ++k) {
      if (a_.entity_at[k] >= 0) {
        return true;
      }
    }
    return false;
  }

  // The first letter of the given name of the name in [first, end) when it has one (two words
  // or more, courtesy titles and particles left out), else 0.
  char GivenInitial(int first, int end) const {
    int given = -1;
    int words = 0;
    for (int k = first; k < end; ++k) {
      if (!a_.tok(k).word || a_.Is(k, WordClass::kHonorific) ||
          a_.Is(k, WordClass::kNameParticle)) {
        continue;
      }
      given = given < 0 ? k : given;
      ++words;
    }
    return words >= 2 && a_.fold(given).size() >= 2 ? a_.fold(given)[0] : '\0';
  }

  // True when the last of `words` is a father's name: "mohammed bin salman".
  bool FatherNamedLast(const std::vector<std::string>& words) const {
    return words.size() >= 2 &&
           a_.dict->lexicon().Is(words[words.size() - 2], WordClass::kPatronymic);
  }

  // The folded words of the name in [first, end).
  std::vector<std::string> NameWords(int first, int end) const {
    std::vector<std::string> out;
    for (int k = first; k < end; ++k) {
      if (a_.tok(k).word) {
        out.push_back(a_.fold(k));
      }
    }
    return out;
  }

  // True when every mention of `p` with a given name has another initial than the name in
  // [first, end), and neither name ends with the whole of the other ("Lopez Obrador" is
  // "Andres Manuel Lopez Obrador" named by the surnames).
  // A name of one word and one whose last word follows "bin" or "ibn" conflict too: "King
  // Salman" is the father of "Mohammed bin Salman".
  bool GivenNamesConflict(const Person& p, int first, int end) const {
    const std::vector<std::string> words = NameWords(first, end);
    for (const PersonMention& m : p.mentions) {
      const std::vector<std::string> other_words = NameWords(m.first, m.end);
      if ((words.size() == 1 && FatherNamedLast(other_words)) ||
          (other_words.size() == 1 && FatherNamedLast(words))) {
        return true;
      }
    }
    const char given = GivenInitial(first, end);
    if (given == 0) {
      return false;
    }
    bool conflict = false;
    for (const PersonMention& m : p.mentions) {
      const char other = GivenInitial(m.first, m.end);
      if (other == given) {
        return false;
      }
      const std::vector<std::string> other_words = NameWords(m.first, m.end);
      const std::vector<std::string>& shorter =
          other_words.size() < words.size() ? other_words : words;
      const std::vector<std::string>& longer =
          other_words.size() < words.size() ? words : other_words;
      if (!shorter.empty() && std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin())) {
        return false;
      }
      conflict = conflict || other != 0;
    }
    return conflict;
  }

  void Add(int s, int first, int end, const RoleInfo& role, bool from_dictionary) {
    int last_word = -1;
    for (int i = first; i < end; ++i) {
      if (a_.tok(i).word) {
        last_word = i;
      }
    }
    if (last_word < 0) {
      return;
    }
    const std::string& surname = a_.fold(last_word);
    auto it = by_surname_.find(surname);
    Person* p = nullptr;
    if (it != by_surname_.end()) {
      // "Sheikh Tamim bin Hamad Al Thani" and "Sheikh Mohammed bin Abdulrahman Al Thani",
      // "Ilham Aliyev" and "Heydar Aliyev": a family name shared by full names whose given names
      // start with different letters is two people; the mention joins the first of that
      // surname whose given name does not conflict.
      for (size_t j = it->second; j < people_.size() && p == nullptr; ++j) {
        if (people_[j].surname == surname && !GivenNamesConflict(people_[j], first, end)) {
          p = &people_[j];
        }
      }
    }
    if (p == nullptr) {
      if (it == by_surname_.end()) {
        by_surname_[surname] = people_.size();
      }
      people_.emplace_back();
      p = &people_.back();
      p->surname = surname;
      p->first_token = first;
      p->end_token = end;
    }
    const bool title = a_.sentence(s).title;
    const std::string name = a_.Surface(first, end);
    if (name.size() > p->name.size()) {
      p->name = name;
      if (!title) {
        p->first_token = first;
        p->end_token = end;
      }
    }
    mention_ends_.insert(end);
    PersonMention mention;
    mention.sentence = s;
    mention.first = first;
    mention.end = end;
    mention.role_first = role.first;
    mention.role_end = role.end;
    p->mentions.push_back(mention);
    p->in_title = p->in_title || title;
    p->from_dictionary = p->from_dictionary || from_dictionary;
    if (p->role.empty() && !role.role.empty()) {
      p->role = role.role;
    }
    if ((p->level == RoleLevel::kUnknown || p->level == RoleLevel::kCounterpart) &&
        role.level != RoleLevel::kUnknown) {
      p->level = role.level;
    }
    const size_t index = static_cast<size_t>(p - people_.data());
    // An official of an international body named before keeps no country: a later bare
    // surname's dictionary country ("ASEAN Secretary-General X ... met with X") is another's.
    if (p->country.empty() && !(role.country_from_dictionary && !p->org.empty())) {
      p->country = role.country;
      if (role.country_from_dictionary) {
        dictionary_country_.insert(index);
      }
    }
    if (p->org.empty()) {
      p->org = role.org;
    }
    // Former only while every mention with a role says so.
    if (role.level != RoleLevel::kUnknown || !role.role.empty()) {
      p->former = p->mentions.size() == 1 || p->former ? role.former : false;
    }
    // An official of an international body has no country: the one a surname alone took from
    // another official of the dictionary ("Guterres meets ..." before "U.N. Secretary-General
    // Antonio Guterres") goes.
    if (!role.org.empty() && role.country.empty() && dictionary_country_.count(index) > 0) {
      p->country.clear();
      dictionary_country_.erase(index);
    }
    // The text's country wins over the one a surname alone took from another official of the
    // dictionary ("To Lam visits Jakarta" before "Vietnamese General Secretary To Lam").
    if (!role.country.empty() && !role.country_from_dictionary &&
        dictionary_country_.count(index) > 0) {
      p->country = role.country;
      dictionary_country_.erase(index);
    }
  }

  const Annotations& a_;
  std::vector<Person> people_;
  std::map<std::string, size_t> by_surname_;  // Folded surname -> index in people_.
  std::set<int> mention_ends_;                // Where the mentions found so far end.
  int plural_role_end_ = -1;  // Where the last name after a plural role ends ("ministers, A").
  RoleInfo plural_role_;      // That plural role.
  std::set<size_t> dictionary_country_;  // People whose country is only a dictionary's.
};

}  // namespace

std::vector<Person> FindPeople(const Annotations& a) { return PeopleFinder(a).Run(); }

int PersonAt(const std::vector<Person>& people, int i) {
  for (size_t p = 0; p < people.size(); ++p) {
    for (const PersonMention& m : people[p].mentions) {
      if (m.first <= i && i < m.end) {
        return static_cast<int>(p);
      }
    }
  }
  return -1;
}

}  // namespace parley::extract
