#ifndef PARLEY_WORKERS_EXTRACT_PARTIES_H
#define PARLEY_WORKERS_EXTRACT_PARTIES_H

#include <string>
#include <vector>

#include "workers/extract/annotate.h"
#include "workers/extract/people.h"

namespace parley::extract {

// What a country mention is doing in its sentence.
enum class PlaceSlot : uint8_t {
  kParty,    // Qualifies a role or person ("Chinese Foreign Minister", "ministers from X").
  kOpen,     // A bare name in a party position: a party where the meeting is reported.
  kVenue,    // After a locative ("in Japan") or the country of a venue city ("Almaty, Kazakhstan").
  kSubject,  // A topic of the talks ("on Ukraine", "Russia's war", "Chinese goods").
};

// A country (or demonym) mention; towns are venues and never parties.
struct PlaceMention {
  int sentence = 0;
  int first = 0;  // Token span.
  int end = 0;
  std::string code;  // Alpha-2.
  PlaceSlot slot = PlaceSlot::kOpen;
};

// A regional group standing for its members ("Central Asian nations").
struct GroupMention {
  int sentence = 0;
  int first = 0;
  int end = 0;
  const std::vector<std::string>* members = nullptr;
};

// An international organisation named in the text.
struct OrgMention {
  int sentence = 0;
  int first = 0;
  int end = 0;
  std::string code;  // Acronym.
  OrgKind kind = OrgKind::kOrg;
  // It holds the meeting or one of its officials is there; for a club of states (a group), it
  // is the meeting's format.
  bool takes_part = false;
};

// A named format or mechanism ("C5+1", "Central Asia-China").
struct FormatMention {
  int sentence = 0;
  int first = 0;
  int end = 0;
  std::string name;
};

// Stage 2b: the parties a text can name besides people.
struct Parties {
  std::vector<PlaceMention> places;
  std::vector<GroupMention> groups;
  std::vector<OrgMention> orgs;
  std::vector<FormatMention> formats;
};

Parties FindParties(const Annotations& a, const std::vector<Person>& people);

// The country of the person the article follows (`principal`), when neither a role nor the
// dictionary gave one ("External Affairs Minister S Jaishankar"): the country the article
// names most (the headline twice), if it is no other named official's and named at least twice
// and more often than any other. Leaves `people` unchanged otherwise.
// Never one of `destinations`, the countries the principal travels to.
void InferPrincipalCountry(const Annotations& a, const Parties& parties, int principal,
                           std::vector<Person>* people,
                           const std::vector<std::string>& destinations = {});

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_PARTIES_H
