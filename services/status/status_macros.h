#ifndef PARLEY_SERVICES_STATUS_STATUS_MACROS_H
#define PARLEY_SERVICES_STATUS_STATUS_MACROS_H

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// abseil 20220623 ships no propagation macros; ours are PARLEY_-prefixed so they never clash
// with later ABSL_* ones.

// NOLINTBEGIN(bugprone-macro-parentheses)

// Returns `expr` from the enclosing function if it is not OK.
#define PARLEY_RETURN_IF_ERROR(expr)            \
  do {                                          \
    absl::Status parley_status_macro_ = (expr); \
    if (!parley_status_macro_.ok()) {           \
      return parley_status_macro_;              \
    }                                           \
  } while (false)

#define PARLEY_STATUS_MACROS_CONCAT_INNER(x, y) x##y
#define PARLEY_STATUS_MACROS_CONCAT(x, y) PARLEY_STATUS_MACROS_CONCAT_INNER(x, y)

// Usage: PARLEY_ASSIGN_OR_RETURN(const v1::Meeting stored, store.Get(id));
// Expands to several statements: never use it as an unbraced if-body.
#define PARLEY_ASSIGN_OR_RETURN(lhs, rexpr)                                             \
  auto PARLEY_STATUS_MACROS_CONCAT(parley_statusor_, __LINE__) = (rexpr);               \
  if (!PARLEY_STATUS_MACROS_CONCAT(parley_statusor_, __LINE__).ok()) {                  \
    return std::move(PARLEY_STATUS_MACROS_CONCAT(parley_statusor_, __LINE__)).status(); \
  }                                                                                     \
  lhs = *std::move(PARLEY_STATUS_MACROS_CONCAT(parley_statusor_, __LINE__))

// NOLINTEND(bugprone-macro-parentheses)

#endif  // PARLEY_SERVICES_STATUS_STATUS_MACROS_H
