#ifndef PARLEY_WORKERS_EXTRACT_FIELDS_FIELDS_H
#define PARLEY_WORKERS_EXTRACT_FIELDS_FIELDS_H

#include <set>
#include <string>
#include <vector>

#include "parley/v1/meeting.pb.h"
#include "workers/extract/annotate.h"
#include "workers/extract/grouping.h"
#include "workers/extract/meeting_mentions.h"
#include "workers/extract/parties.h"
#include "workers/extract/people.h"

// Stage 5 of the extractor: one resolver per field of a meeting. Each reads what the earlier
// stages found for one meeting group and returns its value with the spans that support it, so
// every field of every record can be explained.
namespace parley::extract {

// A token span of the text that supports a field's value.
struct FieldEvidence {
  std::string field;  // "countries", "people", "start_date", "venue", "documents", ...
  int first = 0;      // Token span.
  int end = 0;
  std::string value;
};

// Everything the earlier stages found in one article.
struct Context {
  const v1::Article& article;
  const Annotations& a;
  const std::vector<Person>& people;
  const Parties& parties;
  const MeetingMentions& mentions;
  const Grouping& grouping;
};

// Countries and people taking part.
struct Participants {
  std::set<std::string> countries;    // Alpha-2.
  std::vector<const Person*> people;  // In the order they were chosen.
  std::vector<FieldEvidence> evidence;
};

// Countries named as parties in `sentences` (qualifying a role or person everywhere; any bare
// name in a party position in the headline, the lead, the anchor or a one-sentence scope),
// and the members of a regional group named when fewer than two of them are named.
// Mentions inside the clause of another group's meeting are left out (`group` is the index of
// the meeting asking; -1 leaves nothing out). `known` are parties found elsewhere (the
// meeting's own mentions); they count as named members of a group but are not returned.
std::set<std::string> CountriesIn(const Context& c, const std::set<int>& sentences, int anchor,
                                  int group, std::vector<FieldEvidence>* evidence,
                                  const std::set<std::string>& known = {});

// The index of `g` in the grouping.
int IndexOf(const Context& c, const MeetingGroup& g);

// True when token `i` lies in the clause of another meeting than group `group`.
bool OwnedByOther(const Context& c, int i, int group);

// The participants of the main meeting: countries named as parties in its window, people named
// with a role (or known to the dictionary) where it is reported, and officials of a
// participating country named elsewhere in the report.
Participants ResolveParticipants(const Context& c, const MeetingGroup& g);

// Organisations taking part: those holding the meeting or represented by an official.
std::vector<std::string> ResolveOrganizations(const Context& c, const std::set<int>& sentences,
                                              int group = -1);

// The named format: the first format phrase, else a club of states ("G7") in `sentences`.
// Formats named in the clauses of another meeting than `group` do not count (-1: any).
std::string FormatIn(const Context& c, const std::set<int>& sentences, int group = -1);
std::string ResolveFormat(const Context& c, const MeetingGroup& g);

// Where the meeting was: a town after a locative ("in X", "visit to X") in the anchor, the
// headline or the window, else a wire dateline (when `use_dateline`), else a country.
v1::Place ResolveVenue(const Context& c, const MeetingGroup& g, bool use_dateline,
                       std::vector<FieldEvidence>* evidence);

// Held, scheduled or cancelled, from the cues of the headline and the anchor.
v1::MeetingStatus ResolveStatus(const Context& c, const MeetingGroup& g);

// The start (and end) date: the date expression of the window nearest a meeting word, the
// anchor's first; a postponed meeting's new date; a wire dateline's date as a last resort.
// Relative expressions resolve against the publication day (forward when `future`). A held
// main meeting with none of these takes the one day of the first sentence naming two of its
// `participants` ("Major and Kohl sought yesterday to ...", the talks told later).
void ResolveDate(const Context& c, const MeetingGroup& g, bool future, v1::Meeting* m,
                 std::vector<FieldEvidence>* evidence,
                 const std::vector<const Person*>* participants = nullptr);

// The kind: medium first (phone, video), then state visit, summit, ministerial, bilateral,
// multilateral from the triggers, the levels of the people and the number of parties.
v1::MeetingKind ResolveKind(const Context& c, const MeetingGroup& g, const v1::Meeting& m,
                            const std::vector<const Person*>& people);

// Whom a meeting's own noun phrase names it for: its leaders ("the G7 leaders' summit", "the
// Session of the Assembly of Heads of State and Government") or its ministers ("the Quad
// foreign ministers meeting", "a ministerial conference", "a meeting of foreign ministers").
struct NamedFor {
  bool leaders = false;
  bool ministers = false;
};
NamedFor MeetingNamedFor(const Context& c, const MeetingGroup& g);

// Documents reported signed or adopted in `sentences` (a signing verb near the document word;
// drafts and "said in a statement" are not documents). Documents in the clause of a meeting held
// at group `group` (a side meeting of this event) are that meeting's (-1: any). A signing only
// planned is no document of a meeting held: of one whose record has `status`, else (unspecified)
// of the group's own status.
std::vector<v1::Document> ResolveDocuments(
    const Context& c, const std::set<int>& sentences, std::vector<FieldEvidence>* evidence,
    int group = -1, v1::MeetingStatus status = v1::MEETING_STATUS_UNSPECIFIED);

// Topics whose keywords occur at least twice (the window counts double); only in `window` when
// `window_only`.
std::vector<v1::Topic> ResolveTopics(const Context& c, const std::set<int>& window,
                                     bool window_only = false);

// What the participants (`speakers`) said: quotations of four words or more that are not only
// a name, else reported speech (what follows "said that", or the sentence); each once, in text
// order, at most `max_statements`. Sentences about other meetings are left out.
std::vector<v1::Statement> ResolveStatements(const Context& c, const MeetingGroup& g,
                                             const std::vector<const Person*>& speakers,
                                             size_t max_statements);

// Category tags written into the text ("war-and-conflicts", "general-news").
std::vector<std::string> ResolveTags(const Context& c);

// Who the article cites ("as reported by X", "according to X"), or "".
std::string ResolveAttribution(const Context& c);

// The title: the event's name when the text names it, else "parties + kind in city, date".
std::string ResolveTitle(const Context& c, const MeetingGroup& g, const v1::Meeting& m);

}  // namespace parley::extract

#endif  // PARLEY_WORKERS_EXTRACT_FIELDS_FIELDS_H
