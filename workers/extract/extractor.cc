#include "workers/extract/extractor.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "workers/extract/annotate.h"
#include "workers/extract/assemble.h"
#include "workers/extract/explain.h"
#include "workers/extract/grouping.h"
#include "workers/extract/meeting_mentions.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

namespace parley::extract {
namespace {

// What stages 1-4 found in one article; stages 5 and 6 read it through a `Context`.
struct Stages {
  Annotations annotations;
  std::vector<Person> people;
  Parties parties;
  MeetingMentions mentions;
  Grouping grouping;
};

[[nodiscard]] absl::StatusOr<Stages> RunStages(const v1::Article& article, const Dictionaries& dict,
                                               const ExtractorOptions& options) {
  if (article.body().size() > options.max_body_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("article body is ", article.body().size(),
                                                   " bytes; the limit is ",
                                                   options.max_body_bytes));
  }
  absl::StatusOr<Annotations> annotations = Annotate(article, dict);
  if (!annotations.ok()) {
    return annotations.status();
  }
  Stages st;
  st.annotations = *std::move(annotations);
  st.people = FindPeople(st.annotations);
  st.parties = FindParties(st.annotations, st.people);
  st.mentions = FindMeetingMentions(st.annotations, st.people, st.parties);
  InferPrincipalCountry(st.annotations, st.parties, st.mentions.principal, &st.people,
                        PrincipalDestinations(st.mentions));
  InferHostCountry(st.annotations, st.mentions, &st.people);
  st.grouping = GroupMentions(st.annotations, st.people, st.mentions);
  return st;
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Dictionaries> dictionaries, ExtractorOptions options)
    : dictionaries_(std::move(dictionaries)), options_(options) {
  // Build the enum descriptors now rather than on the first article.
  (void)v1::DocumentType_descriptor();
  (void)v1::Topic_descriptor();
}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Default() {
  absl::StatusOr<std::shared_ptr<const Dictionaries>> dict =
      Dictionaries::Load(EmbeddedDictionaryFiles());
  if (!dict.ok()) {
    return dict.status();
  }
  return std::make_unique<Extractor>(*std::move(dict));
}

absl::StatusOr<std::vector<v1::Meeting>> Extractor::Extract(const v1::Article& article) const {
  absl::StatusOr<Stages> st = RunStages(article, *dictionaries_, options_);
  if (!st.ok()) {
    return st.status();
  }
  const Context c{article, st->annotations, st->people, st->parties, st->mentions, st->grouping};
  return Assemble(c, {options_.max_statements});
}

absl::StatusOr<std::string> Extractor::Explain(const v1::Article& article) const {
  absl::StatusOr<Stages> st = RunStages(article, *dictionaries_, options_);
  if (!st.ok()) {
    return st.status();
  }
  const Context c{article, st->annotations, st->people, st->parties, st->mentions, st->grouping};
  return ExplainStages(c, Assemble(c, {options_.max_statements}));
}

}  // namespace parley::extract
