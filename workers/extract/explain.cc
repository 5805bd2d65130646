#include "workers/extract/explain.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace parley::extract {
namespace {

absl::string_view Name(PlaceSlot slot) {
  switch (slot) {
    case PlaceSlot::kParty:
      return "party";
    case PlaceSlot::kOpen:
      return "open";
    case PlaceSlot::kVenue:
      return "venue";
    case PlaceSlot::kSubject:
      return "subject";
  }
  return "?";
}

absl::string_view Name(MentionStatus status) {
  switch (status) {
    case MentionStatus::kHeld:
      return "held";
    case MentionStatus::kPlanned:
      return "planned";
    case MentionStatus::kPostponed:
      return "postponed";
    case MentionStatus::kCancelled:
      return "cancelled";
  }
  return "?";
}

absl::string_view Name(MentionRelation relation) {
  switch (relation) {
    case MentionRelation::kReport:
      return "report";
    case MentionRelation::kFollowUp:
      return "follow-up";
    case MentionRelation::kEvent:
      return "event";
    case MentionRelation::kPrevious:
      return "previous";
    case MentionRelation::kGeneric:
      return "generic";
  }
  return "?";
}

absl::string_view Name(GroupRole role) {
  switch (role) {
    case GroupRole::kMain:
      return "main";
    case GroupRole::kOther:
      return "other";
    case GroupRole::kFollowUp:
      return "follow-up";
    case GroupRole::kEvent:
      return "event";
  }
  return "?";
}

std::string EntryText(const Entry& e) {
  switch (e.type) {
    case EntryType::kPlace:
      return absl::StrCat("place ", e.code, " ", Name(e.place));
    case EntryType::kOrg:
      return absl::StrCat("org ", e.code, " ", Name(e.org));
    case EntryType::kGroup:
      return absl::StrCat("group ", absl::StrJoin(e.members, " "));
    case EntryType::kFormat:
      return absl::StrCat("format ", e.code);
    case EntryType::kRole:
      return absl::StrCat("role ", Name(e.level));
    case EntryType::kPerson:
      return absl::StrCat("person ", e.name, " ", e.code);
    case EntryType::kDocument:
      return absl::StrCat("document ", v1::DocumentType_Name(e.document));
    case EntryType::kTrigger:
      return absl::StrCat("trigger ", Name(e.trigger));
    case EntryType::kCue:
      return absl::StrCat("cue ", Name(e.cue));
    case EntryType::kTopic:
      return absl::StrCat("topic ", v1::Topic_Name(e.topic));
    case EntryType::kFrame:
      return absl::StrCat("frame ", Name(e.frame));
  }
  return "?";
}

std::string Sentences(const std::set<int>& sentences) { return absl::StrJoin(sentences, ","); }

}  // namespace

std::string ExplainStages(const Context& c, const std::vector<v1::Meeting>& meetings) {
  const Annotations& a = c.a;
  std::string out = "== 1. annotate: sentences, dictionary matches, cues, dates\n";
  for (int s = 0; s < a.sentence_count(); ++s) {
    const Sentence& sentence = a.sentence(s);
    absl::StrAppend(
        &out, "[", s, "] p", sentence.paragraph, sentence.title ? " title" : "",
        sentence.all_caps ? " caps" : "", sentence.bullet ? " bullet" : "", ": ",
        a.doc.text.substr(sentence.begin, std::min<uint32_t>(sentence.end - sentence.begin, 160)),
        "\n");
    for (const std::vector<int>* list : {&a.entities_in[s], &a.triggers_in[s], &a.cues_in[s]}) {
      const std::vector<Match>& matches = list == &a.entities_in[s]
                                              ? a.entities
                                              : (list == &a.triggers_in[s] ? a.triggers : a.cues);
      for (int m : *list) {
        for (const Entry* e : matches[m].entries) {
          absl::StrAppend(&out, "    '", a.Text(matches[m].first, matches[m].end), "' ",
                          EntryText(*e), "\n");
        }
      }
    }
    if (!a.topics_in[s].empty()) {
      std::vector<std::string> names;
      for (v1::Topic topic : a.topics_in[s]) {
        names.push_back(v1::Topic_Name(topic));
      }
      absl::StrAppend(&out, "    topics ", absl::StrJoin(names, " "),
                      a.SentenceHasWord(s, WordClass::kTopicCue) ? " (cue)" : "", "\n");
    }
    for (int d : a.dates_in[s]) {
      const DateMention& dm = a.dates[d];
      absl::StrAppend(&out, "    date '", a.Text(dm.first_token, dm.end_token), "' ",
                      dm.start.year(), "-", dm.start.month(), "-", dm.start.day(),
                      dm.relative ? " relative" : "", dm.dateline ? " dateline" : "", "\n");
    }
  }
  absl::StrAppend(&out, "== 2. mentions: people and parties\n");
  for (const Person& p : c.people) {
    std::vector<int> sentences;
    for (const PersonMention& m : p.mentions) {
      sentences.push_back(m.sentence);
    }
    absl::StrAppend(&out, "person '", p.name, "' role '", p.role, "' level ", Name(p.level),
                    " country ", p.country, " org ", p.org, p.from_dictionary ? " dict" : "",
                    " sentences ", absl::StrJoin(sentences, ","), "\n");
  }
  for (const PlaceMention& p : c.parties.places) {
    absl::StrAppend(&out, "country [", p.sentence, "] '", a.Text(p.first, p.end), "' ", p.code, " ",
                    Name(p.slot), "\n");
  }
  for (const OrgMention& o : c.parties.orgs) {
    absl::StrAppend(&out, "org [", o.sentence, "] '", a.Text(o.first, o.end), "' ", o.code,
                    o.takes_part ? " takes part" : "", "\n");
  }
  for (const FormatMention& f : c.parties.formats) {
    absl::StrAppend(&out, "format [", f.sentence, "] '", a.Text(f.first, f.end), "' ", f.name,
                    "\n");
  }
  absl::StrAppend(&out, "== 3. meeting mentions\n");
  for (size_t i = 0; i < c.mentions.mentions.size(); ++i) {
    const MeetingMention& m = c.mentions.mentions[i];
    auto side = [&](const Side& sd) {
      std::vector<std::string> parts;
      for (int p : sd.people) {
        parts.push_back(c.people[p].name);
      }
      parts.insert(parts.end(), sd.countries.begin(), sd.countries.end());
      parts.insert(parts.end(), sd.orgs.begin(), sd.orgs.end());
      if (sd.pronoun) {
        parts.emplace_back("<pronoun>");
      }
      if (sd.collective) {
        parts.emplace_back("<collective>");
      }
      if (sd.role_only >= 0) {
        parts.push_back("<role:" + c.people[sd.role_only].name + ">");
      }
      return absl::StrJoin(parts, ",");
    };
    absl::StrAppend(
        &out, "#", i, " [", m.sentence, "] '", a.Text(m.first, m.end), "' ", Name(m.kind), " ",
        Name(m.form), " ", Name(m.status), " ", Name(m.relation),
        m.frame != Frame::kNone ? " frame:" : "", m.frame != Frame::kNone ? Name(m.frame) : "",
        m.predicate ? " predicate" : "", m.anaphoric ? " anaphoric" : "",
        m.named_event ? " named" : "", m.distributive ? " distributive" : "",
        m.distribute_subject ? " distribute-subject" : "", m.also ? " also" : "",
        m.sidelines ? " sidelines" : "", m.eve ? " eve" : "", " clause[", m.clause_first, ",",
        m.clause_end, ") np@", m.np_first, " subject{", side(m.subject), "} object{",
        side(m.object), "}", m.event_format.empty() ? "" : " format:" + m.event_format,
        m.date >= 0 ? absl::StrCat(" date#", m.date) : "", "\n");
  }
  absl::StrAppend(&out, "== 4. groups\n");
  for (size_t i = 0; i < c.grouping.groups.size(); ++i) {
    const MeetingGroup& g = c.grouping.groups[i];
    std::vector<std::string> who;
    for (int p : g.people) {
      who.push_back(c.people[p].name);
    }
    absl::StrAppend(&out, "group ", i, " ", Name(g.role), " ", Name(g.kind), " ", Name(g.status),
                    " anchor ", g.anchor, " mentions ", absl::StrJoin(g.mentions, ","), " people {",
                    absl::StrJoin(who, ","), "} countries {", absl::StrJoin(g.countries, ","),
                    "} orgs {", absl::StrJoin(g.orgs, ","), "}",
                    g.format.empty() ? "" : " format " + g.format,
                    g.parent >= 0 ? absl::StrCat(" parent ", g.parent) : "",
                    g.separate_time ? " separate-time" : "", g.attended ? " attended" : "",
                    " window ", Sentences(g.window), "\n");
  }
  absl::StrAppend(&out, "== 5-6. records: ", meetings.size(), "\n");
  for (const v1::Meeting& m : meetings) {
    absl::StrAppend(&out, "record '", m.title(), "' ", v1::MeetingKind_Name(m.kind()), " ",
                    v1::MeetingStatus_Name(m.status()), "\n");
    for (const v1::Evidence& ev : m.evidence()) {
      absl::StrAppend(&out, "    ", ev.field(), " = ", ev.value(), " <- body[", ev.begin(), ",",
                      ev.end(), ")\n");
    }
  }
  return out;
}

}  // namespace parley::extract
