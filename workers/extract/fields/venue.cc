// The venue resolver.
#include <vector>

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

// "in X", "at X", "visited X"; "to X" only after travel ("visit to X", "trip to X"); also
// through a description of the town: "in the German city of X", "in the Kazakh capital, X".
bool Locative(const Annotations& a, int first, int sentence_first) {
  int k = first - 1;
  while (k >= sentence_first && a.fold(k) == "the") {
    --k;
  }
  for (int q = k, steps = 0; q >= sentence_first && steps < 6; --q, ++steps) {
    const std::string& f = a.fold(q);
    if (f == "city" || f == "capital" || f == "town" || f == "resort" || f == "port" ||
        f == "village") {
      int r = q - 1;
      while (r >= sentence_first &&
             (a.fold(r) == "the" || a.fold(r) == "'s" || a.EntityAt(r, EntryType::kPlace) != nullptr ||
              a.Is(r, WordClass::kMeetingModifier))) {
        --r;
      }
      if (r >= sentence_first && (a.fold(r) == "in" || a.fold(r) == "at" || a.fold(r) == "to")) {
        k = r;
      }
      break;
    }
    if (f != "of" && f != "," && f != "the") {
      break;
    }
  }
  if (k < sentence_first) {
    return false;
  }
  const std::string& f = a.fold(k);
  if (f == "in" || f == "at" || f == "visited" || f == "visiting") {
    return true;
  }
  return f == "to" && k - 1 >= sentence_first && a.Is(k - 1, WordClass::kTravelVerb);
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
      if (place == nullptr || !Locative(a, match.first, a.sentence(s).first_token)) {
        continue;
      }
      if (IsTown(place->place)) {
        out.set_city(a.Surface(match.first, match.end));
        out.set_country_code(place->code);
        evidence->push_back({"venue", match.first, match.end, out.city()});
        return out;
      }
      if (country_only.empty()) {
        country_only = place->code;
        country_first = match.first;
        country_end = match.end;
      }
    }
  }
  // A wire dateline: "MOSCOW, March 11 -" / "ASTANA, November 9. /TASS/." in the first
  // sentences of the body: a town in capitals followed by a comma, dash or full stop.
  for (int s = 1; use_dateline && s < a.sentence_count() && s <= 4; ++s) {
    const Sentence& sentence = a.sentence(s);
    const int mi = a.entity_at[sentence.first_token];
    if (mi < 0 || !a.tok(sentence.first_token).upper) {
      continue;
    }
    const Entry* place = TownOf(a.entities[mi]);
    const int after = a.entities[mi].end;
    if (place != nullptr && after < sentence.end_token &&
        (a.fold(after) == "," || a.fold(after) == "-" || a.fold(after) == "." ||
         a.fold(after) == "(")) {
      out.set_city(TitleCase(a.Text(sentence.first_token, after)));
      out.set_country_code(place->code);
      evidence->push_back({"venue", sentence.first_token, after, out.city()});
      return out;
    }
  }
  if (!country_only.empty()) {
    out.set_country_code(country_only);
    evidence->push_back({"venue", country_first, country_end, country_only});
  }
  return out;
}

}  // namespace parley::extract
