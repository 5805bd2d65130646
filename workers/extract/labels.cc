#include "workers/extract/labels.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"

namespace parley::extract {
namespace {

// One table per enum: the data-file label and the value, in declaration order.
template <typename E, size_t N>
using Table = std::array<std::pair<absl::string_view, E>, N>;

constexpr Table<PlaceKind, 6> kPlaceKinds = {{{"country", PlaceKind::kCountry},
                                              {"demonym", PlaceKind::kDemonym},
                                              {"capital", PlaceKind::kCapital},
                                              {"city", PlaceKind::kCity},
                                              {"alias", PlaceKind::kAlias},
                                              {"landmark", PlaceKind::kLandmark}}};

constexpr Table<OrgKind, 2> kOrgKinds = {{{"org", OrgKind::kOrg}, {"group", OrgKind::kGroup}}};

constexpr Table<RoleLevel, 13> kRoleLevels = {{{"unknown", RoleLevel::kUnknown},
                                               {"counterpart", RoleLevel::kCounterpart},
                                               {"hos", RoleLevel::kHeadOfState},
                                               {"hog", RoleLevel::kHeadOfGovernment},
                                               {"fm", RoleLevel::kForeignMinister},
                                               {"min", RoleLevel::kMinister},
                                               {"dep", RoleLevel::kDeputy},
                                               {"dip", RoleLevel::kDiplomat},
                                               {"org", RoleLevel::kOrgHead},
                                               {"off", RoleLevel::kOfficial},
                                               {"spk", RoleLevel::kSpokesperson},
                                               {"roy", RoleLevel::kRoyal},
                                               {"rel", RoleLevel::kReligious}}};

constexpr Table<TriggerKind, 10> kTriggerKinds = {{{"meet", TriggerKind::kMeet},
                                                   {"summit", TriggerKind::kSummit},
                                                   {"visit", TriggerKind::kVisit},
                                                   {"state_visit", TriggerKind::kStateVisit},
                                                   {"phone", TriggerKind::kPhone},
                                                   {"video", TriggerKind::kVideo},
                                                   {"conference", TriggerKind::kConference},
                                                   {"council", TriggerKind::kCouncil},
                                                   {"sign", TriggerKind::kSign},
                                                   {"negative", TriggerKind::kNegative}}};

constexpr Table<TriggerForm, 4> kTriggerForms = {{{"verb", TriggerForm::kVerb},
                                                  {"noun", TriggerForm::kNoun},
                                                  {"weak", TriggerForm::kWeak},
                                                  {"attendance", TriggerForm::kAttendance}}};

constexpr Table<Cue, 10> kCues = {{{"future", Cue::kFuture},
                                   {"cancel", Cue::kCancel},
                                   {"postpone", Cue::kPostpone},
                                   {"past", Cue::kPast},
                                   {"ongoing", Cue::kOngoing},
                                   {"ended", Cue::kEnded},
                                   {"previous", Cue::kPrevious},
                                   {"follow_up", Cue::kFollowUp},
                                   {"sidelines", Cue::kSidelines},
                                   {"generic", Cue::kGeneric}}};

constexpr Table<Frame, 8> kFrames = {{{"none", Frame::kNone},
                                      {"sidelines", Frame::kSidelines},
                                      {"attend", Frame::kAttend},
                                      {"before", Frame::kBefore},
                                      {"after", Frame::kAfter},
                                      {"during", Frame::kDuring},
                                      {"topic", Frame::kTopic},
                                      {"invitation", Frame::kInvitation}}};

template <typename E, size_t N>
[[nodiscard]] absl::StatusOr<E> Parse(const Table<E, N>& table, absl::string_view what,
                                      absl::string_view label) {
  for (const auto& [name, value] : table) {
    if (name == label) {
      return value;
    }
  }
  std::string known;
  for (const auto& [name, value] : table) {
    absl::StrAppend(&known, known.empty() ? "" : ", ", name);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown ", what, " '", label, "' (known: ", known, ")"));
}

template <typename E, size_t N>
absl::string_view NameIn(const Table<E, N>& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) {
      return name;
    }
  }
  return "?";
}

}  // namespace

absl::StatusOr<PlaceKind> ParsePlaceKind(absl::string_view label) {
  return Parse(kPlaceKinds, "place kind", label);
}
absl::StatusOr<OrgKind> ParseOrgKind(absl::string_view label) {
  return Parse(kOrgKinds, "organisation kind", label);
}
absl::StatusOr<RoleLevel> ParseRoleLevel(absl::string_view label) {
  return Parse(kRoleLevels, "role level", label);
}
absl::StatusOr<TriggerKind> ParseTriggerKind(absl::string_view label) {
  return Parse(kTriggerKinds, "trigger", label);
}
absl::StatusOr<TriggerForm> ParseTriggerForm(absl::string_view label) {
  return Parse(kTriggerForms, "trigger form", label);
}
absl::StatusOr<Cue> ParseCue(absl::string_view label) { return Parse(kCues, "cue", label); }
absl::StatusOr<Frame> ParseFrame(absl::string_view label) { return Parse(kFrames, "frame", label); }

absl::string_view Name(PlaceKind kind) { return NameIn(kPlaceKinds, kind); }
absl::string_view Name(OrgKind kind) { return NameIn(kOrgKinds, kind); }
absl::string_view Name(RoleLevel level) { return NameIn(kRoleLevels, level); }
absl::string_view Name(TriggerKind kind) { return NameIn(kTriggerKinds, kind); }
absl::string_view Name(TriggerForm form) { return NameIn(kTriggerForms, form); }
absl::string_view Name(Cue cue) { return NameIn(kCues, cue); }
absl::string_view Name(Frame frame) { return NameIn(kFrames, frame); }

}  // namespace parley::extract
