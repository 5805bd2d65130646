// The labels of the data files as enums: each label parses to its value and back, and a label
// that is not known (a typo, another case) is InvalidArgument naming it.

#include "workers/extract/labels.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract {
namespace {

using ::testing::HasSubstr;

// Every label parses to a value whose name is the label again, and the values are distinct.
template <typename E>
void ExpectRoundTrip(absl::StatusOr<E> (*parse)(absl::string_view),
                     const std::vector<std::pair<std::string, E>>& labels) {
  std::vector<E> seen;
  for (const auto& [label, value] : labels) {
    absl::StatusOr<E> parsed = parse(label);
    ASSERT_TRUE(parsed.ok()) << label << ": " << parsed.status();
    EXPECT_EQ(*parsed, value) << label;
    EXPECT_EQ(Name(*parsed), label);
    EXPECT_THAT(seen, ::testing::Not(::testing::Contains(*parsed))) << label;
    seen.push_back(*parsed);
  }
}

TEST(LabelsTest, PlaceKinds) {
  ExpectRoundTrip<PlaceKind>(&ParsePlaceKind, {{"country", PlaceKind::kCountry},
                                               {"demonym", PlaceKind::kDemonym},
                                               {"capital", PlaceKind::kCapital},
                                               {"city", PlaceKind::kCity},
                                               {"alias", PlaceKind::kAlias}});
}

TEST(LabelsTest, OrgKinds) {
  ExpectRoundTrip<OrgKind>(&ParseOrgKind, {{"org", OrgKind::kOrg}, {"group", OrgKind::kGroup}});
}

TEST(LabelsTest, RoleLevels) {
  ExpectRoundTrip<RoleLevel>(&ParseRoleLevel, {{"hos", RoleLevel::kHeadOfState},
                                               {"hog", RoleLevel::kHeadOfGovernment},
                                               {"fm", RoleLevel::kForeignMinister},
                                               {"min", RoleLevel::kMinister},
                                               {"dep", RoleLevel::kDeputy},
                                               {"dip", RoleLevel::kDiplomat},
                                               {"org", RoleLevel::kOrgHead},
                                               {"off", RoleLevel::kOfficial},
                                               {"spk", RoleLevel::kSpokesperson},
                                               {"roy", RoleLevel::kRoyal},
                                               {"rel", RoleLevel::kReligious}});
}

TEST(LabelsTest, TriggerKindsAndForms) {
  ExpectRoundTrip<TriggerKind>(&ParseTriggerKind, {{"meet", TriggerKind::kMeet},
                                                   {"summit", TriggerKind::kSummit},
                                                   {"visit", TriggerKind::kVisit},
                                                   {"state_visit", TriggerKind::kStateVisit},
                                                   {"phone", TriggerKind::kPhone},
                                                   {"video", TriggerKind::kVideo},
                                                   {"conference", TriggerKind::kConference},
                                                   {"council", TriggerKind::kCouncil},
                                                   {"sign", TriggerKind::kSign},
                                                   {"negative", TriggerKind::kNegative}});
  ExpectRoundTrip<TriggerForm>(
      &ParseTriggerForm,
      {{"verb", TriggerForm::kVerb}, {"noun", TriggerForm::kNoun}, {"weak", TriggerForm::kWeak}});
}

TEST(LabelsTest, Cues) {
  ExpectRoundTrip<Cue>(&ParseCue, {{"future", Cue::kFuture},
                                   {"cancel", Cue::kCancel},
                                   {"postpone", Cue::kPostpone},
                                   {"past", Cue::kPast},
                                   {"ongoing", Cue::kOngoing},
                                   {"ended", Cue::kEnded},
                                   {"previous", Cue::kPrevious},
                                   {"follow_up", Cue::kFollowUp},
                                   {"sidelines", Cue::kSidelines},
                                   {"generic", Cue::kGeneric}});
}

TEST(LabelsTest, Frames) {
  ExpectRoundTrip<Frame>(&ParseFrame, {{"sidelines", Frame::kSidelines},
                                       {"attend", Frame::kAttend},
                                       {"before", Frame::kBefore},
                                       {"after", Frame::kAfter},
                                       {"during", Frame::kDuring},
                                       {"topic", Frame::kTopic},
                                       {"invitation", Frame::kInvitation}});
}

TEST(LabelsTest, UnknownLabelIsInvalidArgumentNamingIt) {
  const absl::Status role = ParseRoleLevel("minister").status();
  EXPECT_EQ(role.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(role.message()), HasSubstr("unknown role level 'minister'"));
  // The known labels are listed, so the fix is in the message.
  EXPECT_THAT(std::string(role.message()), HasSubstr("fm"));
  EXPECT_EQ(ParseTriggerKind("meeting").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseTriggerForm("adjective").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseCue("later").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseFrame("beside").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePlaceKind("town").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseOrgKind("club").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(LabelsTest, LabelsAreCaseSensitiveAndExact) {
  EXPECT_FALSE(ParseRoleLevel("FM").ok());
  EXPECT_FALSE(ParseRoleLevel("fm ").ok());
  EXPECT_FALSE(ParseTriggerKind("state-visit").ok());
  EXPECT_FALSE(ParseCue("").ok());
}

TEST(LabelsTest, LevelGroups) {
  EXPECT_TRUE(IsLeader(RoleLevel::kHeadOfState));
  EXPECT_TRUE(IsLeader(RoleLevel::kHeadOfGovernment));
  EXPECT_TRUE(IsLeader(RoleLevel::kRoyal));
  EXPECT_FALSE(IsLeader(RoleLevel::kForeignMinister));
  EXPECT_FALSE(IsLeader(RoleLevel::kOrgHead));
  EXPECT_TRUE(IsMinister(RoleLevel::kForeignMinister));
  EXPECT_TRUE(IsMinister(RoleLevel::kMinister));
  EXPECT_FALSE(IsMinister(RoleLevel::kDeputy));
  EXPECT_FALSE(IsMinister(RoleLevel::kHeadOfGovernment));
  EXPECT_TRUE(IsTown(PlaceKind::kCity));
  EXPECT_TRUE(IsTown(PlaceKind::kCapital));
  EXPECT_FALSE(IsTown(PlaceKind::kCountry));
  EXPECT_FALSE(IsTown(PlaceKind::kDemonym));
  EXPECT_FALSE(IsTown(PlaceKind::kAlias));
}

}  // namespace
}  // namespace parley::extract
