#include "workers/extract/parties.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"

namespace parley::extract {
namespace {

bool PersonStartsAt(const std::vector<Person>& people, int k) {
  for (const Person& p : people) {
    for (const PersonMention& m : p.mentions) {
      if (m.first == k) {
        return true;
      }
    }
  }
  return false;
}

// True when the place match `m` qualifies a role or person: "Chinese Foreign Minister",
// "Kazakhstan's FM", "ministers from X", "leaders of X", or a list continuing one of those.
bool RoleAttached(const Annotations& a, const std::vector<Person>& people, const Match& match) {
  const Sentence& sentence = a.sentence(a.tok(match.first).sentence);
  int k = match.end;
  if (k < sentence.end_token && a.fold(k) == "'s") {
    ++k;
  }
  for (int skip = 0; skip < 2 && k < sentence.end_token; ++skip, ++k) {
    if (a.EntityAt(k, EntryType::kRole) != nullptr ||
        a.EntityAt(k, EntryType::kPerson) != nullptr) {
      return true;
    }
    // "the Chinese side", "the Sudanese government" (not "Myanmar's State Administration
    // Council", a body's name).
    if (a.Is(k, WordClass::kCounterpartWord) ||
        (a.Is(k, WordClass::kStateBodyNoun) && !a.tok(k).cap)) {
      return true;
    }
    if (!a.tok(k).word || a.entity_at[k] >= 0) {
      break;  // Only one plain word may stand between: "Japanese trade official".
    }
  }
  if (PersonStartsAt(people, k)) {
    return true;
  }
  // Preceded by a role and of/for/from, possibly through a list: "ministers from X, Y and Z".
  int q = match.first - 1;
  while (q >= sentence.first_token) {
    const std::string& f = a.fold(q);
    if (f == "," || f == "and" || f == "the") {
      --q;
      continue;
    }
    if (a.EntityAt(q, EntryType::kPlace) != nullptr) {
      q = a.entities[a.entity_at[q]].first - 1;  // Another list member.
      continue;
    }
    if (f == "of" || f == "for" || f == "from") {
      --q;
      while (q >= sentence.first_token && a.fold(q) == "the") {
        --q;
      }
      // "ministers from X", "leaders of X", "his counterparts from X, Y and Z".
      return q >= sentence.first_token &&
             (a.EntityAt(q, EntryType::kRole) != nullptr ||
              a.EntityAt(q, EntryType::kGroup) != nullptr || a.Is(q, WordClass::kCounterpartWord) ||
              a.Is(q, WordClass::kCollective));
    }
    return false;
  }
  return false;
}

// True when a place match is only a demonym that reads as an adjective ("Russian", "Chinese",
// "British"), not a country's name ("Japan", "Russia").
bool IsAdjective(const Annotations& a, const Match& match) {
  for (const Entry* e : match.entries) {
    if (e->type == EntryType::kPlace && e->place != PlaceKind::kDemonym) {
      return false;
    }
  }
  const std::string& word = a.fold(match.end - 1);
  for (const char* suffix : {"an", "ian", "ese", "ish", "i", "ic", "ch", "ss", "k", "ek"}) {
    if (absl::EndsWith(word, suffix)) {
      return true;
    }
  }
  return false;
}

// True when the list of countries starting with `match` is the subject of a verb of withdrawal
// ("X, Y and Z had already pulled out of the summit", "X boycotted the talks", "X is unable to
// participate") or of being in a dispute ("X is involved in a territorial dispute with Y"):
// countries that take no part, or a side of what is talked about.
bool SubjectOfNoPart(const Annotations& a, const Match& match) {
  const Sentence& sentence = a.sentence(a.tok(match.first).sentence);
  int k = match.end;
  while (k < sentence.end_token) {
    const std::string& f = a.fold(k);
    if (f == "," || f == "and" || f == "the") {
      ++k;
    } else if (const Entry* p = a.EntityAt(k, EntryType::kPlace);
               p != nullptr && !IsTown(p->place)) {
      k = a.entities[a.entity_at[k]].end;
    } else {
      break;
    }
  }
  static constexpr absl::string_view kBetween[] = {"had", "has",   "have",  "already",    "also",
                                                   "all", "both",  "was",   "were",       "is",
                                                   "are", "later", "since", "reportedly", "been"};
  for (int skip = 0;
       skip < 3 && k < sentence.end_token &&
       std::find(std::begin(kBetween), std::end(kBetween), a.fold(k)) != std::end(kBetween);
       ++skip) {
    ++k;
  }
  if (k + 1 >= sentence.end_token) {
    return false;
  }
  const std::string& verb = a.fold(k);
  const std::string& next = a.fold(k + 1);
  static constexpr absl::string_view kOut[] = {"pulled", "pull", "pulls", "opted", "opt", "opts"};
  if (next == "out" && std::find(std::begin(kOut), std::end(kOut), verb) != std::end(kOut)) {
    return true;
  }
  if (a.Is(k, WordClass::kWithdrawalVerb) ||
      ((verb == "stayed" || verb == "stay" || verb == "stays") && next == "away")) {
    return true;
  }
  // "is involved in a territorial dispute", "has been locked in a standoff".
  if (next == "in" && a.Is(k, WordClass::kEmbroiledVerb)) {
    for (int q = k + 2; q < sentence.end_token && q <= k + 6; ++q) {
      if (a.Is(q, WordClass::kIssueNoun)) {
        return true;
      }
    }
    return false;
  }
  // "is unable to participate", "declined to attend".
  if ((verb == "unable" || verb == "declined" || verb == "refused") && next == "to" &&
      k + 2 < sentence.end_token) {
    static constexpr absl::string_view kPresence[] = {"participate", "attend", "join",
                                                      "take",        "send",   "come"};
    return std::find(std::begin(kPresence), std::end(kPresence), a.fold(k + 2)) !=
           std::end(kPresence);
  }
  return false;
}

// True when a country's name or demonym is part of the name of a sea or a landform ("the South
// China Sea", "the Indian Ocean", "the Korean Peninsula", "the Sea of Japan", "the Gulf of
// Thailand"): it names no state.
// "the 12th meeting of the Kazakh-Uzbek intergovernmental commission", "the China-Pakistan
// strategic dialogue": a place in a hyphenated chain of places before a joint body's noun (after
// at most two describing words) is one of the body's sides.
bool InAPairBeforeAJointBody(const Annotations& a, const Match& match) {
  const Sentence& sentence = a.sentence(a.tok(match.first).sentence);
  const auto place_at = [&](int k) {
    return k >= sentence.first_token && k < sentence.end_token &&
           a.EntityAt(k, EntryType::kPlace) != nullptr;
  };
  int places = 1;
  int chain_first = match.first;
  int q = match.end;
  while (q + 1 < sentence.end_token && a.fold(q) == "-" && place_at(q + 1)) {
    q = a.entities[a.entity_at[q + 1]].end;
    ++places;
  }
  for (int k = match.first - 1;
       k - 1 >= sentence.first_token && a.fold(k) == "-" && place_at(k - 1);
       k = a.entities[a.entity_at[k - 1]].first - 1) {
    ++places;
    chain_first = a.entities[a.entity_at[k - 1]].first;
  }
  if (places < 2) {
    return false;
  }
  // Only as the body whose meeting is told: "a meeting / the session of the X-Y commission".
  int of = chain_first - 1;
  while (of >= sentence.first_token && a.fold(of) == "the") {
    --of;
  }
  if (of - 1 < sentence.first_token || a.fold(of) != "of" || a.trigger_at[of - 1] < 0) {
    return false;
  }
  static const auto* kBodies =
      new absl::flat_hash_set<std::string>({"commission", "committee", "council", "dialogue",
                                            "consultations", "forum", "mechanism", "group"});
  for (int k = q, words = 0; k < sentence.end_token && words <= 2; ++k, ++words) {
    if (kBodies->contains(a.fold(k))) {
      return true;
    }
    if (!a.tok(k).word || a.entity_at[k] >= 0 || a.trigger_at[k] >= 0) {
      return false;
    }
  }
  return false;
}

bool InAGeographicName(const Annotations& a, const Match& match) {
  const Sentence& sentence = a.sentence(a.tok(match.first).sentence);
  auto feature = [&](int k) {
    return k >= sentence.first_token && k < sentence.end_token && a.tok(k).cap &&
           a.Is(k, WordClass::kLandformNoun);
  };
  return feature(match.end) || (match.first - 2 >= sentence.first_token &&
                                a.fold(match.first - 1) == "of" && feature(match.first - 2));
}

void FindPlaces(const Annotations& a, const std::vector<Person>& people, int s,
                std::vector<PlaceMention>* out) {
  const Sentence& sentence = a.sentence(s);
  int filtered_end = -1;  // End of the last mention that is not a party, for lists.
  PlaceSlot filtered_slot = PlaceSlot::kSubject;
  for (int m : a.entities_in[s]) {
    const Match& match = a.entities[m];
    const Entry* place = match.Of(EntryType::kPlace);
    if (place == nullptr || IsTown(place->place) || InAGeographicName(a, match)) {
      continue;
    }
    PlaceMention mention{s, match.first, match.end, place->code, PlaceSlot::kOpen};
    auto filter = [&](PlaceSlot slot) {
      mention.slot = slot;
      filtered_end = match.end;
      filtered_slot = slot;
      out->push_back(mention);
    };
    // "SINGAPORE, June 12 (Reuters) -": a dateline whose town bears its country's name is the
    // place the story is told from, not a side.
    if (match.first == sentence.first_token && !sentence.all_caps &&
        match.end < sentence.end_token && (a.fold(match.end) == "," || a.fold(match.end) == "(")) {
      bool capitals = true;
      for (int q = match.first; q < match.end; ++q) {
        capitals = capitals && (!a.tok(q).word || a.tok(q).upper);
      }
      if (capitals) {
        mention.slot = PlaceSlot::kVenue;
        out->push_back(mention);
        continue;
      }
    }
    // "New Delhi [India], May 3 :", "Lusaka (Zambia)": a country in brackets after a town is the
    // town's country, a venue.
    if (match.first - 2 >= sentence.first_token && match.end < sentence.end_token &&
        (a.fold(match.first - 1) == "[" || a.fold(match.first - 1) == "(") &&
        (a.fold(match.end) == "]" || a.fold(match.end) == ")")) {
      const Entry* town = a.EntityAt(match.first - 2, EntryType::kPlace);
      if (town != nullptr && IsTown(town->place)) {
        mention.slot = PlaceSlot::kVenue;
        out->push_back(mention);
        continue;
      }
    }
    if (RoleAttached(a, people, match)) {
      mention.slot = PlaceSlot::kParty;
      out->push_back(mention);
      continue;
    }
    // "the Ambassador of Japan to Kazakhstan", "Japan's ambassador to Kazakhstan": the country an
    // ambassador is accredited to is the side he meets (the host's officials), not a venue.
    if (match.first - 1 > sentence.first_token && a.fold(match.first - 1) == "to") {
      bool ambassador = false;
      for (int k = match.first - 2; k >= std::max(sentence.first_token, match.first - 6); --k) {
        if (a.fold(k) == "ambassador") {
          // Not "a former ambassador to China": no office held at the meeting.
          ambassador =
              k == sentence.first_token || (a.fold(k - 1) != "former" && a.fold(k - 1) != "ex" &&
                                            a.fold(k - 1) != "-" && a.fold(k - 1) != "then");
          break;
        }
        if (!a.tok(k).word || a.trigger_at[k] >= 0) {
          break;
        }
      }
      if (ambassador) {
        mention.slot = PlaceSlot::kParty;
        out->push_back(mention);
        continue;
      }
    }
    if (InAPairBeforeAJointBody(a, match)) {
      mention.slot = PlaceSlot::kParty;
      out->push_back(mention);
      continue;
    }
    if (SubjectOfNoPart(a, match)) {
      filter(PlaceSlot::kSubject);
      continue;
    }
    // "in Zimbabwe and Burma": a list continues the slot of its first member.
    if (filtered_end >= 0) {
      bool list = true;
      for (int k = filtered_end; k < match.first && list; ++k) {
        const std::string& f = a.fold(k);
        list = f == "," || f == "and" || f == "or" || f == "the";
      }
      if (list) {
        filter(filtered_slot);
        continue;
      }
    }
    // An adjective ("Russian war", "Chinese goods") qualifying a thing, not a role.
    if (IsAdjective(a, match) && match.end < sentence.end_token && a.tok(match.end).word &&
        !a.tok(match.end).cap && !sentence.all_caps && a.fold(match.end) != "and" &&
        a.fold(match.end) != "or") {
      filter(PlaceSlot::kSubject);
      continue;
    }
    // "as Ukraine war grinds on", "the Iran nuclear deal": a country's name qualifying an issue
    // names what is talked about.
    // "the Russia-Ukraine conflict": through a hyphenated pair of names to its issue noun.
    int issue = match.end;
    while (issue + 1 < sentence.end_token && a.fold(issue) == "-" &&
           a.EntityAt(issue + 1, EntryType::kPlace) != nullptr) {
      issue = a.entities[a.entity_at[issue + 1]].end;
    }
    if (issue < sentence.end_token && a.Is(issue, WordClass::kIssueNoun)) {
      filter(PlaceSlot::kSubject);
      continue;
    }
    // "tensions between the West and Russia", "the dispute between X and Y": countries after
    // "between" an issue noun are what is at issue, not the sides of a meeting.
    {
      int q = match.first - 1;
      while (q >= sentence.first_token && q >= match.first - 8 &&
             (a.fold(q) == "the" || a.fold(q) == "," || a.fold(q) == "and" ||
              a.EntityAt(q, EntryType::kPlace) != nullptr ||
              (a.tok(q).word && a.tok(q).cap && !sentence.all_caps && a.trigger_at[q] < 0))) {
        --q;
      }
      if (q - 1 >= sentence.first_token && a.fold(q) == "between" &&
          a.Is(q - 1, WordClass::kIssueNoun)) {
        filter(PlaceSlot::kSubject);
        continue;
      }
    }
    // "the China-Pakistan Economic Corridor", "the Japan-Mekong Connectivity Initiative", "the
    // Pakistan-China pipeline": a country's name inside a project's name is what is talked
    // about. The name runs on over hyphens, places and capitalised words to a project noun.
    {
      int q = match.end;
      while (q < sentence.end_token && q < match.end + 8 && !a.Is(q, WordClass::kProjectNoun) &&
             (a.fold(q) == "-" ||
              (a.tok(q).word && a.tok(q).cap && !sentence.all_caps && a.trigger_at[q] < 0))) {
        q = a.entity_at[q] >= 0 ? std::max(q + 1, a.entities[a.entity_at[q]].end) : q + 1;
      }
      if (q < sentence.end_token && a.Is(q, WordClass::kProjectNoun) && a.trigger_at[q] < 0) {
        filter(PlaceSlot::kSubject);
        continue;
      }
    }
    int k = match.first - 1;
    while (k >= sentence.first_token && a.fold(k) == "the") {
      --k;
    }
    if (k >= sentence.first_token) {
      // "to discuss Ukraine": what a meeting discusses is a topic.
      bool discussed = false;
      if (a.trigger_at[k] >= 0) {
        for (const Entry* e : a.triggers[a.trigger_at[k]].entries) {
          discussed = discussed || e->form == TriggerForm::kWeak;
        }
      }
      // "to discuss support for Ukraine", "discussed the war in Sudan": the object of a weak
      // word a few words before, not "discussed with X" nor "discussed trade, and X".
      for (int q = k; !discussed && q >= std::max(sentence.first_token, k - 4); --q) {
        const std::string& f = a.fold(q);
        if (f == "with" || f == "between" || f == "," || f == "and" || f == "to" ||
            a.entity_at[q] >= 0) {
          break;
        }
        if (a.trigger_at[q] >= 0) {
          for (const Entry* e : a.triggers[a.trigger_at[q]].entries) {
            discussed = discussed || e->form == TriggerForm::kWeak;
          }
          break;
        }
      }
      if (discussed) {
        filter(PlaceSlot::kSubject);
        continue;
      }
      if (a.Is(k, WordClass::kLocative)) {
        filter(PlaceSlot::kVenue);
        continue;
      }
      if (a.Is(k, WordClass::kSubjectPreposition)) {
        filter(PlaceSlot::kSubject);
        continue;
      }
      // "a summit dominated by Myanmar", "talks overshadowed by Ukraine": what they were about.
      if (a.fold(k) == "by" && k - 1 >= sentence.first_token && a.Is(k - 1, WordClass::kTopicCue)) {
        filter(PlaceSlot::kSubject);
        continue;
      }
      // "ELMAU, Germany, June 27": the country of a dateline's town.
      if (a.fold(k) == "," && k > sentence.first_token && k - sentence.first_token <= 3) {
        bool dateline = true;
        for (int q = sentence.first_token; q < k; ++q) {
          dateline = dateline && a.tok(q).word && a.tok(q).upper;
        }
        if (dateline && match.end < sentence.end_token && a.fold(match.end) == ",") {
          mention.slot = PlaceSlot::kVenue;
          out->push_back(mention);
          continue;
        }
      }
      // "in Almaty, Kazakhstan": the country of a venue.
      if (a.fold(k) == "," && k - 1 >= sentence.first_token) {
        const Entry* city = a.EntityAt(k - 1, EntryType::kPlace);
        if (city != nullptr && IsTown(city->place)) {
          mention.slot = PlaceSlot::kVenue;
          out->push_back(mention);
          continue;
        }
      }
    }
    // "Russia's war", "Iran's nuclear programme": a possessive on a non-role noun is a subject
    // of the talks.
    if (match.end + 1 < sentence.end_token && a.fold(match.end) == "'s") {
      mention.slot = PlaceSlot::kSubject;
      out->push_back(mention);
      continue;
    }
    out->push_back(mention);
  }
}

// An organisation takes part when it holds the meeting ("the EC summit", "GCC ministers",
// "leaders of the European Community") or one of its officials does ("UN Secretary-General").
bool OrgTakesPart(const Annotations& a, const Match& match) {
  const Sentence& sentence = a.sentence(a.tok(match.first).sentence);
  for (int k = match.end; k < std::min(sentence.end_token, match.end + 3); ++k) {
    if (a.TriggerAt(k, TriggerKind::kSummit) || a.TriggerAt(k, TriggerKind::kCouncil) ||
        a.TriggerAt(k, TriggerKind::kMeet) || a.TriggerAt(k, TriggerKind::kConference) ||
        a.EntityAt(k, EntryType::kRole) != nullptr) {
      return true;
    }
  }
  int q = match.first - 1;
  // "the Association of South-east Asian Nations (ASEAN)": look before the full name.
  if (q >= sentence.first_token && a.fold(q) == "(") {
    --q;
    while (q >= sentence.first_token && (a.tok(q).cap || a.fold(q) == "of" || a.fold(q) == "and" ||
                                         a.fold(q) == "-" || a.fold(q) == "for")) {
      --q;
    }
  }
  while (q >= sentence.first_token && (a.fold(q) == "the" || a.fold(q) == "of")) {
    --q;
  }
  // "Leaders of the European Community".
  return q >= sentence.first_token && q < match.first - 1 &&
         (a.EntityAt(q, EntryType::kRole) != nullptr || a.Is(q, WordClass::kMembershipNoun));
}

}  // namespace

Parties FindParties(const Annotations& a, const std::vector<Person>& people) {
  Parties out;
  for (int s = 0; s < a.sentence_count(); ++s) {
    FindPlaces(a, people, s, &out.places);
    for (int m : a.entities_in[s]) {
      const Match& match = a.entities[m];
      if (const Entry* g = match.Of(EntryType::kGroup); g != nullptr) {
        out.groups.push_back({s, match.first, match.end, &g->members});
      }
      if (const Entry* o = match.Of(EntryType::kOrg); o != nullptr) {
        out.orgs.push_back({s, match.first, match.end, o->code, o->org, OrgTakesPart(a, match)});
      }
      if (const Entry* f = match.Of(EntryType::kFormat); f != nullptr) {
        out.formats.push_back({s, match.first, match.end, f->code});
      }
    }
  }
  return out;
}

void InferPrincipalCountry(const Annotations& a, const Parties& parties, int principal,
                           std::vector<Person>* people,
                           const std::vector<std::string>& destinations) {
  if (principal < 0 || !(*people)[principal].country.empty()) {
    return;
  }
  std::set<std::string> others;
  for (const Person& p : *people) {
    if (!p.country.empty()) {
      others.insert(p.country);
    }
  }
  std::map<std::string, int> count;
  for (const PlaceMention& p : parties.places) {
    count[p.code] += p.sentence == 0 ? 2 : 1;
  }
  std::string best;
  int best_count = 0;
  int second = 0;
  for (const auto& [code, n] : count) {
    if (others.count(code) > 0 ||
        std::find(destinations.begin(), destinations.end(), code) != destinations.end()) {
      continue;
    }
    if (n > best_count) {
      second = best_count;
      best_count = n;
      best = code;
    } else if (n > second) {
      second = n;
    }
  }
  (void)a;
  if (best_count >= 2 && best_count > second) {
    (*people)[principal].country = best;
  }
}

}  // namespace parley::extract
