#ifndef PARLEY_SERVICES_DOMAIN_TEXT_FOLD_H
#define PARLEY_SERVICES_DOMAIN_TEXT_FOLD_H

#include <string>

#include "absl/strings/string_view.h"

namespace parley {

// Folds `text` for matching: lower case, Latin accents removed ("Tokayév" -> "tokayev"),
// punctuation and runs of white space collapsed to one space, trimmed. Non-Latin letters are
// kept as they are. Used for person, city and format lookups, which must be case- and
// accent-insensitive.
std::string FoldForMatch(absl::string_view text);

}  // namespace parley

#endif  // PARLEY_SERVICES_DOMAIN_TEXT_FOLD_H
