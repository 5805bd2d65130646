#ifndef PARLEY_WORKERS_EXTRACT_LABELS_H
#define PARLEY_WORKERS_EXTRACT_LABELS_H

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parley::extract {

// The labels of the extractor's data files, as enums. Each has a parser for the label as the
// data file writes it (InvalidArgument for an unknown one, so a typo fails the load instead of
// silently switching a rule off) and a name for `--explain`.

// What a place phrase names (countryinfo_places.tsv, places_overlay.tsv).
// A landmark is a building or residence that stands for its state and lies in a town ("the
// White House": US, in Washington); the town is the entry's `name`.
enum class PlaceKind : uint8_t { kCountry, kDemonym, kCapital, kCity, kAlias, kLandmark };

// An international organisation taking part in its own right, or a club of states that is a
// format but never a participant (organizations.tsv).
enum class OrgKind : uint8_t { kOrg, kGroup };

// The level of a role title (roles.tsv).
enum class RoleLevel : uint8_t {
  kUnknown,           // No role known.
  kCounterpart,       // "his counterpart": an equal of the other side, level not said.
  kHeadOfState,       // hos
  kHeadOfGovernment,  // hog
  kForeignMinister,   // fm
  kMinister,          // min
  kDeputy,            // dep
  kDiplomat,          // dip: ambassador, envoy, delegation
  kOrgHead,           // org: head of an international organisation
  kOfficial,          // off: other officials
  kSpokesperson,      // spk: speaks about a meeting, does not take part
  kRoyal,             // roy
  kReligious,         // rel
};

// What a meeting word reports (triggers.tsv).
enum class TriggerKind : uint8_t {
  kMeet,        // meet: talks, meeting, met
  kSummit,      // summit
  kVisit,       // visit, trip, tour
  kStateVisit,  // state_visit: a state or official visit
  kPhone,       // phone: a telephone conversation
  kVideo,       // video: a video call or virtual meeting
  kConference,  // conference: a conference or forum
  kCouncil,     // council: a body's session, a ministerial
  kSign,        // sign: a signing (implies a meeting, does not report one)
  kNegative,    // negative: a word of a non-meeting event (press conference, election)
};

// How a meeting word reports its meeting (triggers.tsv).
enum class TriggerForm : uint8_t {
  kVerb,        // verb: the word is the predicate ("met", "held talks", "hosted").
  kNoun,        // noun: names the meeting ("talks", "summit"); a light verb makes it a predicate.
  kWeak,        // weak: a meeting only with both sides named ("discussed"); else continues one.
  kAttendance,  // attendance: names who attends the meeting being told of ("attended by").
};

// Tense and status cues (cues.tsv).
enum class Cue : uint8_t {
  kFuture,     // future: the meeting is yet to happen
  kCancel,     // cancel: called off
  kPostpone,   // postpone: moved (scheduled with a new date, cancelled without one)
  kPast,       // past: clearly happened
  kOngoing,    // ongoing: under way now ("are holding talks", "opened")
  kEnded,      // ended: just finished ("concluded", "wrapped up")
  kPrevious,   // previous: an earlier, background meeting ("last year's", "previous")
  kFollowUp,   // follow_up: another, later meeting ("next", "second round")
  kSidelines,  // sidelines: "on the sidelines of", "on the margins of"
  kGeneric,    // generic: recurring or unspecified meetings ("regular meetings")
};

// What a frame phrase makes of the meeting word it introduces (frames.tsv).
enum class Frame : uint8_t {
  kNone,        // Not framed: the clause reports the meeting.
  kSidelines,   // sidelines: "on the sidelines of X": the clause's meeting took place at X.
  kAttend,      // attend: "to take part in X", "at X": the subject attends X.
  kBefore,      // before: "ahead of X": X comes later.
  kAfter,       // after: "following X": X came earlier.
  kDuring,      // during: "during X": the clause happens within X.
  kTopic,       // topic: "discussed preparations for X": X is a meeting talked about.
  kInvitation,  // invitation: "invited him to visit": X is a later meeting.
};

[[nodiscard]] absl::StatusOr<PlaceKind> ParsePlaceKind(absl::string_view label);
[[nodiscard]] absl::StatusOr<OrgKind> ParseOrgKind(absl::string_view label);
[[nodiscard]] absl::StatusOr<RoleLevel> ParseRoleLevel(absl::string_view label);
[[nodiscard]] absl::StatusOr<TriggerKind> ParseTriggerKind(absl::string_view label);
[[nodiscard]] absl::StatusOr<TriggerForm> ParseTriggerForm(absl::string_view label);
[[nodiscard]] absl::StatusOr<Cue> ParseCue(absl::string_view label);
[[nodiscard]] absl::StatusOr<Frame> ParseFrame(absl::string_view label);

absl::string_view Name(PlaceKind kind);
absl::string_view Name(OrgKind kind);
absl::string_view Name(RoleLevel level);
absl::string_view Name(TriggerKind kind);
absl::string_view Name(TriggerForm form);
absl::string_view Name(Cue cue);
absl::string_view Name(Frame frame);

// Heads of state or government, and monarchs: the leaders' level.
inline bool IsLeader(RoleLevel level) {
  return level == RoleLevel::kHeadOfState || level == RoleLevel::kHeadOfGovernment ||
         level == RoleLevel::kRoyal;
}

// Ministers, foreign or other.
inline bool IsMinister(RoleLevel level) {
  return level == RoleLevel::kForeignMinister || level == RoleLevel::kMinister;
}

// A place kind that names a town rather than a state.
inline bool IsTown(PlaceKind kind) {
  return kind == PlaceKind::kCity || kind == PlaceKind::kCapital;
}

// A place kind that can be where a meeting is held: a town, or a landmark in one ("at the
// White House").
inline bool IsVenueTown(PlaceKind kind) { return IsTown(kind) || kind == PlaceKind::kLandmark; }

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_LABELS_H
