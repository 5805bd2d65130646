// The venue resolver.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "workers/extract/fields/fields.h"

namespace parley::extract {
namespace {

// The town entry of a place match ("Singapore" is both a country and a city), or nullptr.
const Entry* TownOf(const Match& match) {
  for (const Entry* e : match.entries) {
    if (e->type == EntryType::kPlace && IsTown(e->place)) {
      return e;
    }
  }
  return nullptr;
}

// The landmark entry of a place match ("the Kremlin"), or nullptr.
const Entry* LandmarkOf(const Match& match) {
  for (const Entry* e : match.entries) {
    if (e->type == EntryType::kPlace && e->place == PlaceKind::kLandmark) {
      return e;
    }
  }
  return nullptr;
}

// The town of a landmark in a capital, named as the article first names a capital of the
// landmark's country ("the Akorda" in a story that names Nur-Sultan, not Astana); the
// landmark's own town when the article names none, or when that town is no capital.
std::string CapitalAsNamed(const Annotations& a, const std::string& code, const std::string& town) {
  if (!a.dict->IsCapital(town, code)) {
    return town;
  }
  // The capital of the day the article was published ("Nur-Sultan" in 2020), when known.
  if (a.published_key != 0) {
    if (const std::string& capital = a.dict->CapitalOf(code, a.published_key);
        !capital.empty() && a.dict->IsCapital(capital, code)) {
      return capital;
    }
  }
  for (const Match& m : a.entities) {
    for (const Entry* e : m.entries) {
      if (e->type == EntryType::kPlace && e->place == PlaceKind::kCapital && e->code == code) {
        return m.first > 0 && a.tok(m.first).upper ? TitleCase(a.Text(m.first, m.end))
                                                   : a.Surface(m.first, m.end);
      }
    }
  }
  return town;
}

// "in the Kazakh capital", "in Kazakhstan's capital", "in the capital of Kazakhstan": the end of
// the words that name the country's capital through the country at `match`, or -1 (also when
// the town is named right after: "in the Kazakh capital, Astana").
int CapitalThroughItsCountry(const Annotations& a, const Match& match, int sentence_first,
                             int sentence_end) {
  int end = -1;
  if (match.end < sentence_end && a.fold(match.end) == "capital") {
    end = match.end + 1;
  } else if (match.end + 1 < sentence_end && a.fold(match.end) == "'s" &&
             a.fold(match.end + 1) == "capital") {
    end = match.end + 2;
  } else if (match.first >= sentence_first + 3 && a.fold(match.first - 1) == "of" &&
             a.fold(match.first - 2) == "capital" && a.fold(match.first - 3) == "the") {
    end = match.end;
  }
  if (end < 0) {
    return -1;
  }
  // "in the Kazakh capital" takes its article ("surge in Chinese capital" is money), and "capital"
  // ends the noun phrase: "China's capital markets", "Chinese capital flowing in" are money too.
  if (end == match.end + 1 && (match.first <= sentence_first || a.fold(match.first - 1) != "the")) {
    return -1;
  }
  if (end < sentence_end && a.tok(end).word && !a.tok(end).cap && end > match.end) {
    static const auto* kAfter = new absl::flat_hash_set<std::string>(
        {"on",     "for",   "to",        "in",       "at",    "with",  "and",   "this",
         "last",   "next",  "earlier",   "later",    "where", "ahead", "after", "before",
         "during", "today", "yesterday", "tomorrow", "since", "late",  "early", "amid",
         "as",     "of",    "from",      "over",     "until", "when",  "while", "by"});
    if (!kAfter->contains(a.fold(end))) {
      return -1;
    }
  }
  const int k = end < sentence_end && a.fold(end) == "," ? end + 1 : end;
  if (k < sentence_end && (a.entity_at[k] >= 0 || (a.tok(k).cap && a.tok(k).word))) {
    return -1;
  }
  return end;
}

// "in X", "at X", "visit X", "visited X"; "to X" only after travel ("visit to X", "trip to X");
// also through a description of the town: "in the German city of X", "in the Kazakh capital, X".
// With `nearby`, also "outside X" and "near X" (a town's outskirts: "a villa outside Geneva").
bool Locative(const Annotations& a, int first, int sentence_first, bool nearby = false) {
  int k = first - 1;
  // "at 10 Downing Street": a house number.
  if (k >= sentence_first && !a.fold(k).empty() &&
      std::all_of(a.fold(k).begin(), a.fold(k).end(),
                  [](char ch) { return absl::ascii_isdigit(static_cast<unsigned char>(ch)); }) &&
      k > sentence_first && a.fold(k - 1) == "at") {
    --k;
  }
  while (k >= sentence_first && a.fold(k) == "the") {
    --k;
  }
  bool island = false;  // "on the Indonesian island of Bali".
  for (int q = k, steps = 0; q >= sentence_first && steps < 6; --q, ++steps) {
    const std::string& f = a.fold(q);
    if (f == "city" || f == "capital" || f == "town" || f == "resort" || f == "port" ||
        f == "village" || f == "island") {
      // Between the article and the town noun, words that describe the town: a place ("the
      // German city of"), a meeting modifier, or up to three other words ("the resort city of",
      // "the Black Sea resort of", "the southern port city of").
      int r = q - 1;
      int described = 0;
      while (r >= sentence_first) {
        const std::string& w = a.fold(r);
        if (w == "in" || w == "at" || w == "to" || w == "on") {
          break;
        }
        if (w == "the" || w == "'s" || a.EntityAt(r, EntryType::kPlace) != nullptr ||
            a.Is(r, WordClass::kMeetingModifier)) {
          --r;
          continue;
        }
        if (!a.tok(r).word || ++described > 3) {
          break;
        }
        --r;
      }
      // Other words only after an article: "in the resort city of", not "met in talks city of".
      if (described > 0 && (r + 1 >= q || a.fold(r + 1) != "the")) {
        break;
      }
      if (r >= sentence_first && (a.fold(r) == "in" || a.fold(r) == "at" || a.fold(r) == "to")) {
        k = r;
      }
      if (r >= sentence_first && a.fold(r) == "on" && f == "island") {
        k = r;
        island = true;
      }
      break;
    }
    if (f != "of" && f != "," && f != "the") {
      break;
    }
  }
  // "at Istana Merdeka, Jakarta", "at the Ak Orda palace, Astana": a building the gazetteer
  // lacks, then its town after a comma.
  if (k == first - 1 && k > sentence_first && a.fold(k) == ",") {
    int q = k - 1;
    while (q > sentence_first && k - q <= 5 && a.tok(q).word && a.entity_at[q] < 0 &&
           (a.tok(q).cap || a.fold(q) == "palace" || a.fold(q) == "residence" ||
            a.fold(q) == "hotel")) {
      --q;
    }
    while (q > sentence_first && a.fold(q) == "the") {
      --q;
    }
    // "in" only before "the" ("in the Rixos Hotel, Astana"): "since they spoke in December,
    // Moscow said", "talked in English, Moscow said" name no building.
    const bool at = a.fold(q) == "at" && (a.tok(q + 1).cap || a.fold(q + 1) == "the");
    const bool in_the = a.fold(q) == "in" && a.fold(q + 1) == "the";
    if (q < k - 1 && a.tok(q + 1).word && (at || in_the)) {
      return true;
    }
  }
  // "in the East Room of the White House", "at the St George Hall of the Kremlin": a room or
  // hall named in capitals, of the building after it.
  if (k > sentence_first + 2 && k == first - 1 - (a.fold(first - 1) == "the" ? 1 : 0) &&
      a.fold(k) == "of") {
    int q = k - 1;
    while (q > sentence_first && k - q <= 4 && a.tok(q).word && a.tok(q).cap &&
           a.entity_at[q] < 0) {
      --q;
    }
    if (q < k - 1 && q > sentence_first && a.fold(q) == "the" &&
        (a.fold(q - 1) == "in" || a.fold(q - 1) == "at")) {
      return true;
    }
  }
  if (k < sentence_first) {
    return false;
  }
  const std::string& f = a.fold(k);
  // "the war in Gaza", "the situation in Syria": the place is what is talked about.
  if (f == "in" && k > sentence_first && a.Is(k - 1, WordClass::kIssueNoun)) {
    return false;
  }
  if (f == "in" || f == "at" || f == "visit" || f == "visits" || f == "visited" ||
      f == "visiting" || (f == "on" && island)) {
    return true;
  }
  if (nearby && (f == "outside" || f == "near")) {
    return true;
  }
  if (f != "to") {
    return false;
  }
  // "visit to X", "flew from Astana to Tokyo": a travel word shortly before, or before a
  // traveller's name and title ("the visit of Egyptian President Abdel Fattah al-Sisi to X").
  bool name_only = true;
  for (int q = k - 1; q >= std::max(sentence_first, k - 12); --q) {
    if (a.Is(q, WordClass::kTravelVerb)) {
      return q >= k - 5 || (name_only && a.fold(q + 1) == "of");
    }
    name_only = name_only && (a.tok(q).cap || a.fold(q) == "of" || a.fold(q) == "the" ||
                              a.fold(q) == "-" || a.Is(q, WordClass::kNameParticle));
    if (q < k - 5 && !name_only) {
      return false;
    }
  }
  return false;
}

// The end of one to three words in capitals the dictionaries do not know opening sentence `s`
// (a dateline's town: "LA MALBAIE"); the sentence's first token when it opens otherwise.
int UnknownCapitalsEnd(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  int k = sentence.first_token;
  while (k < sentence.end_token && k - sentence.first_token < 3 && a.tok(k).word &&
         a.tok(k).upper && a.entity_at[k] < 0) {
    ++k;
  }
  return k;
}

// The end of a dateline's town the gazetteer does not know: one to three words in capitals
// opening the sentence, then a comma, a country and another comma ("ELMAU, Germany, June 27"),
// or a region the gazetteer holds as a town and the dateline's date ("PANAJI, Goa, May 4").
// 0 when the sentence opens otherwise.
int DatelineTownEnd(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  const int k = UnknownCapitalsEnd(a, s);
  if (k == sentence.first_token || k + 2 >= sentence.end_token || a.fold(k) != "," ||
      a.entity_at[k + 1] < 0) {
    return 0;
  }
  const Match& country = a.entities[a.entity_at[k + 1]];
  const Entry* place = country.Of(EntryType::kPlace);
  if (place == nullptr || country.first != k + 1 || country.end >= sentence.end_token ||
      a.fold(country.end) != ",") {
    return 0;
  }
  if (place->place == PlaceKind::kCountry) {
    return k;
  }
  if (TownOf(country) == nullptr) {
    return 0;
  }
  for (int di : a.dates_in[s]) {
    if (a.dates[di].dateline && a.dates[di].first_token == country.end + 1) {
      return k;
    }
  }
  return 0;
}

// The end of a dateline's town the gazetteer does not know, named with its state or province
// abbreviated as in North American wire copy: "LA MALBAIE, Que. -", "ELKO, Nev. (AP) -". One to
// three words in capitals opening the sentence, a comma, a capitalised word of two to five
// letters and a full stop, then a dash or bracket. 0 when the sentence opens otherwise.
int DatelineTownBeforeAbbreviation(const Annotations& a, int s) {
  const Sentence& sentence = a.sentence(s);
  const int k = UnknownCapitalsEnd(a, s);
  if (k == sentence.first_token || k + 3 >= sentence.end_token || a.fold(k) != ",") {
    return 0;
  }
  const Token& abbreviation = a.tok(k + 1);
  const size_t letters = abbreviation.fold.size();
  if (!abbreviation.word || !abbreviation.cap || abbreviation.upper || letters < 2 || letters > 5 ||
      a.fold(k + 2) != "." || (a.fold(k + 3) != "-" && a.fold(k + 3) != "(")) {
    return 0;
  }
  return k;
}

// Whether sentence `s` of the body is the first of its paragraph.
bool OpensAParagraph(const Annotations& a, int s) {
  return s > 0 && a.sentence(s - 1).paragraph != a.sentence(s).paragraph;
}

// A town the gazetteer lacks, named after a description of it in a locative: "in the city of
// X", "in the Kyrgyz border town of X Y". The end of its capitalised words (hyphens joining
// them: "Cholpon-Ata"), or 0. `*country` is the code of a place in the description, if any.
int UnknownTownEnd(const Annotations& a, int first, int sentence_first, int sentence_end,
                   std::string* country) {
  if (first < sentence_first + 2 || a.fold(first - 1) != "of" || !a.tok(first).cap ||
      !a.tok(first).word || a.entity_at[first] >= 0 || a.InADate(first)) {
    return 0;
  }
  const std::string& noun = a.fold(first - 2);
  if (noun != "city" && noun != "town" && noun != "village" && noun != "resort") {
    return 0;
  }
  if (!Locative(a, first, sentence_first)) {
    return 0;
  }
  int end = first + 1;
  while (end < sentence_end && end - first < 5) {
    if (a.tok(end).word && a.tok(end).cap && a.entity_at[end] < 0 && !a.InADate(end)) {
      ++end;
    } else if (a.fold(end) == "-" && end + 1 < sentence_end && a.tok(end + 1).cap) {
      end += 2;
    } else {
      break;
    }
  }
  for (int k = first - 3; k >= sentence_first && k >= first - 8; --k) {
    if (const Entry* place = a.EntityAt(k, EntryType::kPlace); place != nullptr) {
      *country = place->code;
      break;
    }
    if (a.fold(k) == "in" || a.fold(k) == "at" || a.fold(k) == "to") {
      break;
    }
  }
  return end;
}

// Whether a mention tells back a meeting already reported: "The talks, held ...", "Monday's
// meeting", "the two leaders met".
bool ToldBack(const Annotations& a, const MeetingMention& m) {
  if (m.form == TriggerForm::kNoun) {
    bool dated = false;  // "Monday's talks".
    for (int di : a.dates_in[m.sentence]) {
      dated = dated || (a.dates[di].end_token + 1 == m.first && a.fold(m.first - 1) == "'s");
    }
    return m.anaphoric || dated;
  }
  return m.form == TriggerForm::kVerb && m.subject.collective && m.subject.people.empty() &&
         m.subject.countries.empty();
}

// "The talks, held at a lakeside villa outside Geneva on Tuesday, ...": the town (or landmark)
// in the clause of a word of the main meeting that tells it back after its window, or null.
const Match* TownToldBack(const Context& c, const MeetingGroup& g) {
  const Annotations& a = c.a;
  for (int mi : g.mentions) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (g.window.count(m.sentence) > 0 || m.relation != MentionRelation::kReport ||
        !ToldBack(a, m)) {
      continue;
    }
    for (int ei : a.entities_in[m.sentence]) {
      const Match& match = a.entities[ei];
      if (match.first < m.clause_first || match.end > m.clause_end ||
          (TownOf(match) == nullptr && LandmarkOf(match) == nullptr) ||
          !Locative(a, match.first, a.sentence(m.sentence).first_token, /*nearby=*/true)) {
        continue;
      }
      // Near the word, and not of another time told between them ("The summit was the first
      // since Vajpayee travelled by bus to Lahore").
      const int from = std::min(m.end, match.end);
      const int to = std::max(m.first, match.first);
      bool other_time = to - from > 12;
      for (int k = from; k < to && !other_time; ++k) {
        const std::string& w = a.fold(k);
        other_time = w == "since" || w == "when" || w == "than";
      }
      if (!other_time) {
        return &match;
      }
    }
  }
  return nullptr;
}

// Whether the place at `first` is told in the clause of a meeting of the past, after its
// word, that is not one of `g`'s: "the first since 2011, when X travelled to New Delhi for
// talks", "the first summit since 2018, when Putin met Trump in Helsinki".
bool InAPastMeetingsClause(const Context& c, const MeetingGroup& g, int sentence, int first) {
  for (int mi = 0; mi < static_cast<int>(c.mentions.mentions.size()); ++mi) {
    const MeetingMention& m = c.mentions.mentions[mi];
    if (m.sentence == sentence && m.relation == MentionRelation::kPrevious && m.first <= first &&
        first < m.clause_end &&
        std::find(g.mentions.begin(), g.mentions.end(), mi) == g.mentions.end()) {
      return true;
    }
  }
  return false;
}

// Whether the place at `first` is told right after the word of another meeting set apart in
// time from `g`, with no word of `g` between: "days after a summit in Tehran failed", "weeks
// after Kim's talks with Trump in Hanoi", "ahead of a NATO summit in Lisbon next month". An
// event `g` is held at ("on the sidelines of the G20 summit in Osaka", "at the summit in X",
// "during"), or one ahead of it with no time of its own ("met ahead of the summit in
// Hiroshima"), is where `g` is too.
bool InAnotherTimesMeetingPhrase(const Context& c, const MeetingGroup& g, int sentence, int first) {
  const std::vector<MeetingMention>& mentions = c.mentions.mentions;
  int nearest = -1;  // The last meeting word before the place in its sentence.
  for (int mi = 0; mi < static_cast<int>(mentions.size()); ++mi) {
    if (mentions[mi].sentence == sentence && mentions[mi].end <= first) {
      nearest = mi;
    }
  }
  if (nearest < 0 || std::find(g.mentions.begin(), g.mentions.end(), nearest) != g.mentions.end()) {
    return false;
  }
  const MeetingMention& m = mentions[nearest];
  if (first >= m.clause_end || first - std::max(m.end, m.np_end) > 8 ||
      m.form == TriggerForm::kWeak) {
    return false;
  }
  const bool later_dated =
      (m.frame == Frame::kBefore || m.frame == Frame::kTopic || m.frame == Frame::kInvitation) &&
      m.date >= 0;
  return m.frame == Frame::kAfter || m.relation == MentionRelation::kFollowUp || later_dated;
}

// "WELLINGTON: New Zealand's Foreign Minister X was on his way back to New Zealand after talks
// with ...", "Kazakh President X left Kazakhstan on Monday for the summit": the country an
// official of it is told in the lead to be returning to, or to have left, is where the story is
// filed, not where they met (a guest leaving the host country leaves the venue standing).
bool LeftOrReturningTo(const Context& c, const std::string& code) {
  const Annotations& a = c.a;
  for (int s = 0; s < a.sentence_count() && s <= 2; ++s) {
    const Sentence& sentence = a.sentence(s);
    for (int i = sentence.first_token; i + 1 < sentence.end_token; ++i) {
      const std::string& f = a.fold(i);
      int at = -1;
      if ((f == "back" || f == "returned" || f == "returning" || f == "return") &&
          a.fold(i + 1) == "to") {
        at = i + 2;
      } else if (f == "left" || f == "departed" || f == "leaving") {
        at = i + 1;
      }
      if (at < 0 || at >= sentence.end_token) {
        continue;
      }
      if (a.fold(at) == "the" && at + 1 < sentence.end_token) {
        ++at;
      }
      const Entry* place = a.EntityAt(at, EntryType::kPlace);
      if (place == nullptr || place->code != code || place->place == PlaceKind::kDemonym) {
        continue;
      }
      // The traveller: the last person named before the verb in the sentence.
      const Person* traveller = nullptr;
      int traveller_end = -1;
      for (const Person& p : c.people) {
        for (const PersonMention& m : p.mentions) {
          if (m.sentence == s && m.end <= i && m.end > traveller_end) {
            traveller = &p;
            traveller_end = m.end;
          }
        }
      }
      if (traveller != nullptr && traveller->country == code) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

v1::Place ResolveVenue(const Context& c, const MeetingGroup& g, bool use_dateline,
                       std::vector<FieldEvidence>* evidence) {
  const Annotations& a = c.a;
  v1::Place out;
  // Order: the anchor sentence, the headline, then the rest of the window.
  std::vector<int> order = {g.anchor, 0};
  for (int s : g.window) {
    if (s != g.anchor && s != 0) {
      order.push_back(s);
    }
  }
  std::string country_only;
  bool country_travel = false;
  int country_first = -1;
  int country_end = -1;
  for (int s : order) {
    if (g.window.count(s) == 0 && s != g.anchor) {
      continue;
    }
    for (int mi : a.entities_in[s]) {
      const Match& match = a.entities[mi];
      const Entry* place = TownOf(match);
      if (place == nullptr) {
        place = match.Of(EntryType::kPlace);
      }
      // "the Downing Street talks", "the Geneva summit": a town or landmark naming the meeting.
      const bool names_meeting =
          place != nullptr && (IsTown(place->place) || LandmarkOf(match) != nullptr) &&
          match.end < a.sentence(s).end_token && a.trigger_at[match.end] >= 0;
      if (place == nullptr ||
          !(names_meeting || Locative(a, match.first, a.sentence(s).first_token)) ||
          InAPastMeetingsClause(c, g, s, match.first) ||
          InAnotherTimesMeetingPhrase(c, g, s, match.first) ||
          PlaceOfASaying(a, match, a.sentence(s).first_token)) {
        continue;
      }
      // "Visiting Indian Prime Minister X": the guest's country, where the meeting is not; with
      // two sides, the other is the host.
      if (place->place == PlaceKind::kDemonym && match.first > a.sentence(s).first_token &&
          a.fold(match.first - 1) == "visiting") {
        if (country_only.empty() && g.countries.size() == 2) {
          for (const std::string& code : g.countries) {
            if (code != place->code) {
              country_only = code;
              country_first = match.first - 1;
              country_end = match.end;
            }
          }
        }
        continue;
      }
      if (IsTown(place->place)) {
        out.set_city(a.Surface(match.first, match.end));
        out.set_country_code(place->code);
        evidence->push_back({"venue", match.first, match.end, out.city()});
        return out;
      }
      // "at the White House": the town the landmark is in; named as the text names it when
      // it follows ("at the Akorda residence in Nur-Sultan", "at the Kremlin, Moscow").
      if (const Entry* landmark = LandmarkOf(match); landmark != nullptr) {
        const Sentence& sentence = a.sentence(s);
        for (int k = match.end; k < sentence.end_token && k < match.end + 5; ++k) {
          const int ti = a.entity_at[k];
          const Entry* town = ti >= 0 ? TownOf(a.entities[ti]) : nullptr;
          if (town != nullptr && a.entities[ti].first == k &&
              (a.fold(k - 1) == "in" || a.fold(k - 1) == ",")) {
            out.set_city(a.Surface(k, a.entities[ti].end));
            out.set_country_code(town->code);
            evidence->push_back({"venue", k, a.entities[ti].end, out.city()});
            return out;
          }
          if (!a.tok(k).word && a.fold(k) != ",") {
            break;
          }
        }
        out.set_city(CapitalAsNamed(a, landmark->code, landmark->name));
        out.set_country_code(landmark->code);
        evidence->push_back({"venue", match.first, match.end, out.city()});
        return out;
      }
      // "in the Kazakh capital": the capital's town, as the article names it elsewhere (for the
      // main meeting).
      if (const std::string& capital = a.dict->CapitalOf(place->code, a.published_key);
          !capital.empty() && g.role == GroupRole::kMain &&
          (place->place == PlaceKind::kCountry || place->place == PlaceKind::kDemonym ||
           place->place == PlaceKind::kAlias)) {
        const int end =
            CapitalThroughItsCountry(a, match, a.sentence(s).first_token, a.sentence(s).end_token);
        if (end > 0) {
          const int first = match.end == end ? match.first - 3 : match.first;
          out.set_city(CapitalAsNamed(a, place->code, capital));
          out.set_country_code(place->code);
          evidence->push_back({"venue", first, end, out.city()});
          return out;
        }
      }
      if (country_only.empty()) {
        country_only = place->code;
        country_first = match.first;
        country_end = match.end;
        // "on a visit to Japan", "visiting Japan", "in the Japanese capital": the meeting's
        // country told, not a place named in passing ("investment in Japan").
        int k = match.first - 1;
        while (k >= a.sentence(s).first_token && a.fold(k) == "the") {
          --k;
        }
        country_travel =
            (k >= a.sentence(s).first_token &&
             (a.fold(k) == "to" || a.fold(k) == "visited" || a.fold(k) == "visiting")) ||
            (match.end < a.sentence(s).end_token && a.fold(match.end) == "capital");
      }
    }
  }
  // "in the city of X": a town the gazetteer lacks, described as one, in the country the
  // description or the window gives.
  for (int s : order) {
    if (g.window.count(s) == 0 && s != g.anchor) {
      continue;
    }
    const Sentence& sentence = a.sentence(s);
    for (int k = sentence.first_token; k < sentence.end_token; ++k) {
      std::string code;
      const int end = UnknownTownEnd(a, k, sentence.first_token, sentence.end_token, &code);
      if (end == 0) {
        continue;
      }
      out.set_city(a.Surface(k, end));
      out.set_country_code(code.empty() ? country_only : code);
      evidence->push_back({"venue", k, end, out.city()});
      return out;
    }
  }
  // A main meeting with no town in its window: the town a word of its own tells back later
  // ("The talks, held at a lakeside villa outside Geneva"), in the country the window gives
  // if it gives one.
  if (g.role == GroupRole::kMain) {
    if (const Match* later = TownToldBack(c, g); later != nullptr) {
      const Entry* town = TownOf(*later);
      const Entry* landmark = town == nullptr ? LandmarkOf(*later) : nullptr;
      const std::string& code = town != nullptr ? town->code : landmark->code;
      if (country_only.empty() || country_only == code) {
        out.set_city(town != nullptr ? a.Surface(later->first, later->end) : landmark->name);
        out.set_country_code(code);
        evidence->push_back({"venue", later->first, later->end, out.city()});
        return out;
      }
    }
  }
  // A wire dateline in the first sentences (or a headline that is the lead or only a town):
  // "MOSCOW, March 11 -", "ASTANA, November 9. /TASS/.", "ISTANBUL, TURKEY | Xinhua |",
  // "Paris, 26 October 2022 (dpa) -", "WASHINGTON (AP) -", "New York [US], September 23 :".
  if (use_dateline) {
    for (int s = 0; s < a.sentence_count() && s <= 4; ++s) {
      const Sentence& sentence = a.sentence(s);
      if (sentence.first_token >= sentence.end_token) {
        continue;
      }
      const int mi = a.entity_at[sentence.first_token];
      if (mi < 0) {
        // "ELMAU, Germany, June 27 (Newswire) -": a town the gazetteer lacks, in capitals, named
        // with its country.
        if (const int end = DatelineTownBeforeAbbreviation(a, s); end > 0) {
          out.set_city(TitleCase(a.Text(sentence.first_token, end)));
          out.set_country_code(country_only);
          evidence->push_back({"venue", sentence.first_token, end, out.city()});
          return out;
        }
        if (const int end = DatelineTownEnd(a, s); end > 0) {
          const Match& region = a.entities[a.entity_at[end + 1]];
          const Entry* town = TownOf(region);
          out.set_city(TitleCase(a.Text(sentence.first_token, end)));
          out.set_country_code(town != nullptr ? town->code : region.Of(EntryType::kPlace)->code);
          evidence->push_back({"venue", sentence.first_token, end, out.city()});
          return out;
        }
        continue;
      }
      const Entry* place = TownOf(a.entities[mi]);
      const int after = a.entities[mi].end;
      if (place == nullptr) {
        continue;
      }
      const bool alone = after == sentence.end_token;  // A line that is only the town.
      const std::string next = alone ? "" : a.fold(after);
      const bool capitals = a.tok(sentence.first_token).upper;
      // After a town in capitals: a comma, dash, full stop, bracket, bar or colon. A town in
      // title case starts too many ordinary sentences ("Moscow, which ...") to be one.
      // In title case, only a dash or colon right after it, or its country and a dash: "Tokyo -
      // ", "Islamabad: ", "Tokyo, Japan - "; and only opening a paragraph, as a dateline does
      // ("... on Monday. Moscow - long the dominant power - is watching" names no venue).
      int named_end = after;  // After the town's country, if told.
      if (next == "," && after + 1 < sentence.end_token) {
        const int ci = a.entity_at[after + 1];
        const Entry* country = ci >= 0 ? a.entities[ci].Of(EntryType::kPlace) : nullptr;
        if (country != nullptr && country->place == PlaceKind::kCountry &&
            country->code == place->code && a.entities[ci].first == after + 1) {
          named_end = a.entities[ci].end;
        }
      }
      const std::string title_next =
          named_end > after && named_end < sentence.end_token ? a.fold(named_end) : next;
      // "Tashkent, 12 May, UzA.", "Pyongyang, September 14 (KCNA) --": a town in title case
      // before the date of a dateline.
      bool dated = false;
      for (int di : a.dates_in[s]) {
        dated = dated || (a.dates[di].dateline && a.dates[di].first_token == after + 1);
      }
      const bool dateline =
          (capitals && (next == "," || next == "-" || next == "." || next == "(" || next == "[" ||
                        next == "|" || next == ":")) ||
          (s > 0 && OpensAParagraph(a, s) &&
           (title_next == "-" || (title_next == ":" && named_end == after) ||
            (next == "," && dated)));
      // The headline stands for a dateline only when it is the lead or the town alone.
      const bool lead = s > 0 || sentence.end_token - sentence.first_token >= 20;
      // "TASHKENT, March 15 - X, on a visit to Kazakhstan, met Y": a dateline in another
      // country than the one the meeting's trip or capital places it in is where the story
      // was filed, not the venue.
      if (country_travel && country_only != place->code) {
        break;
      }
      if (LeftOrReturningTo(c, place->code)) {
        break;
      }
      if ((dateline && lead) || (alone && s <= 1)) {
        out.set_city(capitals ? TitleCase(a.Text(sentence.first_token, after))
                              : a.Surface(sentence.first_token, after));
        out.set_country_code(place->code);
        evidence->push_back({"venue", sentence.first_token, after, out.city()});
        return out;
      }
    }
  }
  if (!country_only.empty()) {
    out.set_country_code(country_only);
    evidence->push_back({"venue", country_first, country_end, country_only});
  }
  return out;
}

}  // namespace parley::extract
