#ifndef PARLEY_WORKERS_EXTRACT_PEOPLE_H
#define PARLEY_WORKERS_EXTRACT_PEOPLE_H

#include <string>
#include <vector>

#include "workers/extract/annotate.h"
#include "workers/extract/labels.h"

namespace parley::extract {

// One mention of a person in the text.
struct PersonMention {
  int sentence = 0;
  int first = 0;  // Token span of the name.
  int end = 0;
  int role_first = -1;  // Token span of the role phrase next to it, when there is one.
  int role_end = -1;
};

// A person named in the article, with what the text and the dictionaries say about them. All
// mentions with the same folded surname are one person.
struct Person {
  std::string name;     // As written (the longest form seen).
  std::string surname;  // Folded last name token.
  std::string role;     // As written, e.g. "Foreign Minister".
  RoleLevel level = RoleLevel::kUnknown;
  std::string country;                  // Alpha-2, or empty.
  std::string org;                      // Organisation acronym, or empty.
  std::vector<PersonMention> mentions;  // In text order.
  int first_token = 0;  // The mention whose text is `name` (in the body when there is one).
  int end_token = 0;
  bool from_dictionary = false;  // A known official (people dictionary).
  bool in_title = false;
  bool former = false;     // Named with a role only as its former holder ("former President X").
  bool possessed = false;  // Named after a country's possessive, with no role ("Brazil's X").

  bool InSentence(int s) const {
    for (const PersonMention& m : mentions) {
      if (m.sentence == s) {
        return true;
      }
    }
    return false;
  }
  // A person who takes part in meetings (not a spokesperson).
  bool Participates() const { return level != RoleLevel::kSpokesperson; }
};

// Stage 2a: every person the article names. A capitalised run of name tokens is a person when
// a role stands next to it ("Foreign Minister X", "X, the Chinese premier"), an honorific
// before it, the people dictionary knows it, it is the subject or object of a meeting verb
// or the subject of a speech verb, or it follows another person's "and". The country comes from
// the role's qualifier, then from the dictionary: the full name whatever the dates, a surname
// alone only when one official of that name was in office on the publication day.
std::vector<Person> FindPeople(const Annotations& a);

// The index of the person mentioned at token `i` (any token of the name), or -1.
int PersonAt(const std::vector<Person>& people, int i);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_PEOPLE_H
