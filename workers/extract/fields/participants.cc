// Resolvers for who takes part: countries, people, organisations, the format.
#include <algorithm>

#include "workers/extract/fields/fields.h"

namespace parley::extract {

std::set<std::string> CountriesIn(const Context& c, const std::set<int>& sentences, int anchor,
                                  std::vector<FieldEvidence>* evidence) {
  std::set<std::string> out;
  auto place = c.parties.places.begin();
  auto group = c.parties.groups.begin();
  for (int s : sentences) {
    // In the headline, the lead and the anchor any place in a party slot counts; elsewhere
    // only places that qualify a role or person (later sentences list the topics discussed).
    const bool main_sentence = s == 0 || s == 1 || s == anchor || sentences.size() == 1;
    while (place != c.parties.places.end() && place->sentence < s) {
      ++place;
    }
    for (; place != c.parties.places.end() && place->sentence == s; ++place) {
      if (place->slot == PlaceSlot::kParty || (main_sentence && place->slot == PlaceSlot::kOpen)) {
        if (out.insert(place->code).second && evidence != nullptr) {
          evidence->push_back({"countries", place->first, place->end, place->code});
        }
      }
    }
    // Regional groups stand for their members when fewer than two of them are named.
    while (group != c.parties.groups.end() && group->sentence < s) {
      ++group;
    }
    for (; group != c.parties.groups.end() && group->sentence == s; ++group) {
      int named = 0;
      for (const std::string& code : *group->members) {
        named += out.count(code) > 0 ? 1 : 0;
      }
      if (named < 2) {
        for (const std::string& code : *group->members) {
          if (out.insert(code).second && evidence != nullptr) {
            evidence->push_back({"countries", group->first, group->end, code});
          }
        }
      }
    }
  }
  return out;
}

Participants ResolveParticipants(const Context& c, const MeetingGroup& g) {
  Participants out;
  out.countries = CountriesIn(c, g.window, g.anchor, &out.evidence);
  auto take = [&](const Person& p) {
    out.people.push_back(&p);
    out.evidence.push_back({"people", p.first_token, p.end_token, p.name});
    if (!p.country.empty() && out.countries.insert(p.country).second) {
      out.evidence.push_back({"countries", p.first_token, p.end_token, p.country});
    }
  };
  // People named with a role (or known) where the meeting is reported.
  for (const Person& p : c.people) {
    bool here = p.in_title;
    for (const PersonMention& m : p.mentions) {
      here = here || g.people_sentences.count(m.sentence) > 0;
    }
    if (!p.Participates() ||
        (p.level == RoleLevel::kUnknown && !p.from_dictionary && !p.in_title)) {
      continue;  // Spokespeople, and people named without a role: commentators more often.
    }
    if (p.level == RoleLevel::kOfficial && !p.in_title && !p.InSentence(g.anchor) &&
        !p.InSentence(1)) {
      continue;  // Directors and advisers named in passing.
    }
    if (here) {
      take(p);
    }
  }
  // Officials of a participating country named anywhere in the report (the host minister who
  // "expressed his view" took part too); with fewer than two parties known, the leaders named
  // right after the anchor are them.
  for (const Person& p : c.people) {
    if (std::find(out.people.begin(), out.people.end(), &p) != out.people.end() ||
        p.level == RoleLevel::kUnknown || !p.Participates() || p.level == RoleLevel::kCounterpart) {
      continue;
    }
    bool elsewhere = false;
    bool near = false;
    for (const PersonMention& m : p.mentions) {
      const bool other = g.elsewhere.count(m.sentence) > 0;
      elsewhere = elsewhere || (!other && m.sentence < g.anchor + 12);
      near = near || (!other && m.sentence <= g.anchor + 2);
    }
    const bool leading = p.level == RoleLevel::kHeadOfState ||
                         p.level == RoleLevel::kHeadOfGovernment ||
                         p.level == RoleLevel::kForeignMinister;
    if ((elsewhere &&
         ((!p.country.empty() && out.countries.count(p.country) > 0) || !p.org.empty())) ||
        (near && leading && out.countries.size() < 2)) {
      take(p);
    }
  }
  return out;
}

std::vector<std::string> ResolveOrganizations(const Context& c, const std::set<int>& sentences) {
  std::set<std::string> out;
  for (const OrgMention& o : c.parties.orgs) {
    if (o.takes_part && sentences.count(o.sentence) > 0) {
      out.insert(o.code);
    }
  }
  for (const Person& p : c.people) {
    if (p.org.empty()) {
      continue;
    }
    for (const PersonMention& m : p.mentions) {
      if (sentences.count(m.sentence) > 0) {
        out.insert(p.org);
      }
    }
  }
  return {out.begin(), out.end()};
}

std::string FormatIn(const Context& c, const std::set<int>& sentences) {
  for (const FormatMention& f : c.parties.formats) {
    if (sentences.count(f.sentence) > 0) {
      return f.name;
    }
  }
  for (const OrgMention& o : c.parties.orgs) {
    if (o.kind == OrgKind::kGroup && sentences.count(o.sentence) > 0) {
      return o.code;
    }
  }
  return "";
}

std::string ResolveFormat(const Context& c, const MeetingGroup& g) {
  std::string format = FormatIn(c, g.window);
  if (format.empty()) {
    format = FormatIn(c, g.format_sentences);
  }
  return format;
}

}  // namespace parley::extract
