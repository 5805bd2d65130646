#include "workers/extract/dictionaries.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace parley::extract {
namespace {

std::vector<std::pair<std::string, std::string>> MinimalFiles() {
  return {
      {"places_overlay.tsv", "KZ\tdemonym\tKazakh\nUS\talias\tUS\nUS\tcountry\tUnited States\n"},
      {"countryinfo_places.tsv", "KZ\tcountry\tKazakhstan\nKZ\tcity\tAlmaty\n"},
      {"organizations.tsv",
       "UN\torg\tUnited Nations|UN\nEU\torg\tEuropean Union|EU\tCommission\n"
       "WHO\torg\tWorld Health Organization|WHO\n"},
      {"groups.tsv", "Central Asian nations\tKZ KG TJ TM UZ\t\n"},
      {"formats.tsv", "C5+1\tC5+1\n"},
      {"roles.tsv", "foreign minister\tfm\nminister\tmin\n"},
      {"triggers.tsv", "met\tmeet\tverb\n"},
      {"documents.tsv", "joint communique\tJOINT_COMMUNIQUE\n"},
      {"topics.tsv", "TRADE\ttrade|export*\n"},
      {"cues.tsv", "will\tfuture\n"},
      {"successions.tsv", "SU\t19911226\tRU KZ\n"},
      {"lexicon.tsv", "said\tspeech_verb\nin\tlocative\nwho\tname_stop\n"},
      {"frames.tsv", "on the sidelines of\tsidelines\n"},
  };
}

std::vector<std::string> Matched(const Dictionaries& dict, const std::string& body, Layer layer) {
  absl::StatusOr<Document> doc = BuildDocument("", body);
  EXPECT_TRUE(doc.ok());
  std::vector<std::string> out;
  for (const Match& m : dict.MatchAll(*doc, layer)) {
    out.push_back(doc->text.substr(doc->tokens[m.first].begin,
                                   doc->tokens[m.end - 1].end - doc->tokens[m.first].begin));
  }
  return out;
}

TEST(DictionariesTest, LongestMatchAndCaseRules) {
  auto dict = Dictionaries::Load(MinimalFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  // The longest phrase wins; "foreign minister" is one role.
  EXPECT_THAT(Matched(**dict, "The Kazakh Foreign Minister met in Almaty.", Layer::kEntity),
              ::testing::ElementsAre("Kazakh", "Foreign Minister", "Almaty"));
  // An acronym matches only in its case: "us" the pronoun is not the United States.
  EXPECT_THAT(Matched(**dict, "He told us about the US and the UN.", Layer::kEntity),
              ::testing::ElementsAre("US", "UN"));
  // A name must be capitalised: "almaty" in lower case is not the city.
  EXPECT_TRUE(Matched(**dict, "an almaty apple", Layer::kEntity).empty());
  EXPECT_THAT(Matched(**dict, "They met.", Layer::kEvent), ::testing::ElementsAre("met"));
  EXPECT_THAT(Matched(**dict, "Trade grew.", Layer::kTopic), ::testing::ElementsAre("Trade"));
  ASSERT_EQ((*dict)->topic_prefixes().size(), 1u);
  EXPECT_EQ((*dict)->topic_prefixes()[0].first, "export");
}

// An acronym that is also an English word names its body only in mixed case: "WHO MET WHOM"
// in a wire headline is no World Health Organization, "NATO" there still is the alliance.
TEST(DictionariesTest, AcronymThatIsAWordNeedsMixedCase) {
  auto dict = Dictionaries::Load(MinimalFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_THAT(Matched(**dict, "The WHO chief met the UN envoy.", Layer::kEntity),
              ::testing::ElementsAre("WHO", "UN"));
  EXPECT_THAT(Matched(**dict, "WHO MET WHOM AT THE UN", Layer::kEntity),
              ::testing::ElementsAre("UN"));
}

// organizations.tsv's fourth column: a word that stands for a body right before a title.
TEST(DictionariesTest, TitleQualifiersNameTheirBody) {
  auto dict = Dictionaries::Load(MinimalFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ((*dict)->OrgOfTitleQualifier("commission"), "EU");
  EXPECT_EQ((*dict)->OrgOfTitleQualifier("council"), "");
  // The word alone is no match of the body anywhere else.
  EXPECT_TRUE(Matched(**dict, "The Commission met.", Layer::kEntity).empty());
}

TEST(DictionariesTest, SuccessorStatesByDate) {
  auto dict = Dictionaries::Load(MinimalFiles());
  ASSERT_TRUE(dict.ok());
  EXPECT_EQ((*dict)->CodeAt("RU", 19870401), "SU");
  EXPECT_EQ((*dict)->CodeAt("RU", 19920101), "RU");
  EXPECT_EQ((*dict)->CodeAt("RU", 0), "RU");
  EXPECT_EQ((*dict)->CodeAt("FR", 19870401), "FR");
}

// A capital that moved is read against the day asked for; today's without one.
TEST(DictionariesTest, CapitalsByDate) {
  std::vector<std::pair<std::string, std::string>> files = MinimalFiles();
  files.emplace_back("country_names.tsv",
                     "KZ\tKazakhstan\tAlmaty;Astana@19971210;Nur-Sultan@20190323;Astana@20220917\n"
                     "FR\tFrance\tParis\nPS\tPalestine\n");
  auto dict = Dictionaries::Load(files);
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ((*dict)->CapitalOf("KZ", 19950101), "Almaty");
  EXPECT_EQ((*dict)->CapitalOf("KZ", 19971210), "Astana");
  EXPECT_EQ((*dict)->CapitalOf("KZ", 20200101), "Nur-Sultan");
  EXPECT_EQ((*dict)->CapitalOf("KZ", 20240101), "Astana");
  EXPECT_EQ((*dict)->CapitalOf("KZ", 0), "Astana");
  EXPECT_EQ((*dict)->CapitalOf("FR", 19000101), "Paris");
  EXPECT_EQ((*dict)->CapitalOf("PS", 20240101), "");
  EXPECT_EQ((*dict)->CapitalOf("XX", 20240101), "");
  // Out of order or with a bad day, the load fails with the file and line.
  for (const char* bad : {"KZ\tKazakhstan\tAstana@19971210\n", "KZ\tKazakhstan\tA;B@1997\n",
                          "KZ\tKazakhstan\tA;B@20000101;C@19990101\n"}) {
    files.back().second = bad;
    auto failed = Dictionaries::Load(files);
    ASSERT_FALSE(failed.ok()) << bad;
    EXPECT_THAT(std::string(failed.status().message()), ::testing::HasSubstr("country_names.tsv:1"))
        << bad;
  }
}

TEST(DictionariesTest, MissingOrMalformedFilesAreNamed) {
  auto files = MinimalFiles();
  files.erase(files.begin() + 5);  // roles.tsv
  auto missing = Dictionaries::Load(files);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(missing.status().message()), ::testing::HasSubstr("roles.tsv"));
  auto bad = MinimalFiles();
  bad[5].second = "just-one-column\n";
  auto malformed = Dictionaries::Load(bad);
  EXPECT_THAT(std::string(malformed.status().message()), ::testing::HasSubstr("roles.tsv line 1"));
}

// A typo in a label must fail the load, naming the file and line, rather than silently switch
// a rule off.
TEST(DictionariesTest, UnknownLabelsFailTheLoadWithFileAndLine) {
  struct Case {
    const char* file;
    const char* content;
    const char* expected;
  };
  for (const Case& c : std::vector<Case>{
           {"roles.tsv", "foreign minister\tfm\nminister\tministre\n",
            "roles.tsv line 2: unknown role level 'ministre'"},
           {"roles.tsv", "foreign minister\tfm\nsecretary of state\tfm\tUSA\n",
            "roles.tsv line 2: the third column is an alpha-2 country code, not \"USA\""},
           {"triggers.tsv", "met\tmeeet\tverb\n", "triggers.tsv line 1: unknown trigger 'meeet'"},
           {"triggers.tsv", "met\tmeet\tverbal\n",
            "triggers.tsv line 1: unknown trigger form 'verbal'"},
           {"cues.tsv", "# comment\nwill\tfuture\npostponed\tpostpone\nx\tlater\n",
            "cues.tsv line 4: unknown cue 'later'"},
           {"countryinfo_places.tsv", "KZ\tcountri\tKazakhstan\n",
            "countryinfo_places.tsv line 1: unknown place kind 'countri'"},
           {"organizations.tsv", "UN\torganisation\tUN\n",
            "organizations.tsv line 1: unknown organisation kind 'organisation'"},
           {"organizations.tsv", "EU\torg\tEU\tEuropean Commission\n",
            "organizations.tsv line 1: title qualifier 'European Commission' is not one "
            "capitalised word"},
           {"documents.tsv", "accord\tAGREMENT\n", "documents.tsv line 1: unknown document type"},
           {"topics.tsv", "TRAD\ttrade\n", "topics.tsv line 1: unknown topic 'TRAD'"},
           {"lexicon.tsv", "said\tspeech_verb\nsigned\tsigning\n",
            "lexicon.tsv line 2: unknown word class 'signing'"},
           {"lexicon.tsv", "on the\tlocative\n", "lexicon.tsv line 1: 'on the' is not one word"},
           {"frames.tsv", "ahead of\tbefor\n", "frames.tsv line 1: unknown frame 'befor'"},
       }) {
    auto files = MinimalFiles();
    for (auto& [name, content] : files) {
      if (name == c.file) {
        content = c.content;
      }
    }
    auto dict = Dictionaries::Load(files);
    EXPECT_EQ(dict.status().code(), absl::StatusCode::kInvalidArgument) << c.file;
    EXPECT_THAT(std::string(dict.status().message()), ::testing::HasSubstr(c.expected));
  }
}

TEST(DictionariesTest, LabelsAreTyped) {
  auto dict = Dictionaries::Load(MinimalFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  absl::StatusOr<Document> doc = BuildDocument("", "The Kazakh Foreign Minister said in Almaty.");
  ASSERT_TRUE(doc.ok());
  const std::vector<Match> matches = (*dict)->MatchAll(*doc, Layer::kEntity);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].Of(EntryType::kPlace)->place, PlaceKind::kDemonym);
  EXPECT_EQ(matches[1].Of(EntryType::kRole)->level, RoleLevel::kForeignMinister);
  EXPECT_EQ(matches[2].Of(EntryType::kPlace)->place, PlaceKind::kCity);
  EXPECT_TRUE((*dict)->lexicon().Is("said", WordClass::kSpeechVerb));
  EXPECT_TRUE((*dict)->lexicon().Is("in", WordClass::kLocative));
  EXPECT_FALSE((*dict)->lexicon().Is("in", WordClass::kSpeechVerb));
}

TEST(DictionariesTest, EmbeddedDictionariesLoad) {
  auto dict = Dictionaries::Load(EmbeddedDictionaryFiles());
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_GT((*dict)->entry_count(), 20000u);
  EXPECT_EQ((*dict)->CodeAt("KZ", 19870101), "SU");
}

}  // namespace
}  // namespace parley::extract
