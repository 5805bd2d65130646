#include "workers/extract/meeting_mentions.h"

#include <algorithm>

namespace parley::extract {
namespace {

bool IsMeetingWord(const Entry* e) {
  return e->type == EntryType::kTrigger && e->trigger != TriggerKind::kNegative &&
         e->trigger != TriggerKind::kSign;
}

// The kind a trigger match reports, preferring the most specific of its entries.
TriggerKind KindOf(const Match& match) {
  TriggerKind kind = TriggerKind::kMeet;
  for (const Entry* e : match.entries) {
    if (IsMeetingWord(e) && e->trigger != TriggerKind::kMeet) {
      kind = e->trigger;
    }
  }
  return kind;
}

// Kinds that can be a meeting in a series ("the second summit", "next visit").
bool SeriesKind(TriggerKind kind) {
  return kind == TriggerKind::kSummit || kind == TriggerKind::kMeet ||
         kind == TriggerKind::kVisit || kind == TriggerKind::kStateVisit ||
         kind == TriggerKind::kCouncil;
}

// A follow-up marker ("second", "next", "upcoming") within six words before the trigger.
bool FollowUpMarked(const Annotations& a, const Match& match) {
  const int lo = std::max(a.sentence(a.tok(match.first).sentence).first_token, match.first - 6);
  for (int k = lo; k < match.first; ++k) {
    if (a.Is(k, WordClass::kOrdinal) || a.Is(k, WordClass::kFollowUpMarker)) {
      return true;
    }
  }
  return false;
}

// A future cue that precedes the trigger or contains it ("will meet", "plans to meet"); false
// for "X was to meet Y", the plan of a time already past.
bool FutureCued(const Annotations& a, int s, const Match& match, bool* past_plan) {
  *past_plan = false;
  const int first = a.sentence(s).first_token;
  for (int ci : a.cues_in[s]) {
    const Match& cue = a.cues[ci];
    for (const Entry* e : cue.entries) {
      if (e->cue == Cue::kFuture && cue.first <= match.first && cue.end + 6 >= match.first &&
          cue.first + 8 >= match.first) {
        if (cue.first > first && a.Is(cue.first - 1, WordClass::kPastAuxiliary)) {
          *past_plan = true;
          return false;
        }
        return true;
      }
    }
  }
  return false;
}

}  // namespace

MentionStatus CueStatus(const Annotations& a, int anchor) {
  bool cancel = false;
  bool future = false;
  bool past = false;
  int postpone_sentence = -1;
  for (int s : {0, anchor}) {
    cancel = cancel || a.SentenceHas(s, Cue::kCancel);
    if (a.SentenceHas(s, Cue::kPostpone)) {
      postpone_sentence = s;
    }
    future = future || a.SentenceHas(s, Cue::kFuture);
    past = past || (s == anchor && s != 0 && a.SentenceHas(s, Cue::kPast));
  }
  if (postpone_sentence >= 0) {
    for (int d : a.dates_in[postpone_sentence]) {
      if (!a.dates[d].dateline && a.dates[d].start.year() > 0) {
        return MentionStatus::kPlanned;  // Postponed to a new date.
      }
    }
    return MentionStatus::kCancelled;
  }
  if (cancel) {
    return MentionStatus::kCancelled;
  }
  if (future && !past) {
    return MentionStatus::kPlanned;
  }
  return MentionStatus::kHeld;
}

MeetingMentions FindMeetingMentions(const Annotations& a, const std::vector<Person>& people,
                                    const Parties& parties) {
  (void)people;
  (void)parties;
  MeetingMentions out;
  out.sentences.resize(a.sentence_count());
  for (int s = 0; s < a.sentence_count(); ++s) {
    SentenceMeetings& sm = out.sentences[s];
    sm.sidelines = a.SentenceHasWord(s, WordClass::kSidelinesWord);
    const int first = a.sentence(s).first_token;
    bool series_seen = false;  // The first series word of the sentence decides a follow-up.
    bool future_done = false;  // The first meeting word decides a future mention.
    for (int t : a.triggers_in[s]) {
      const Match& match = a.triggers[t];
      bool meeting = false;
      for (const Entry* e : match.entries) {
        meeting = meeting || IsMeetingWord(e);
      }
      if (!meeting) {
        continue;
      }
      MeetingMention m;
      m.sentence = s;
      m.trigger = t;
      m.first = match.first;
      m.end = match.end;
      m.kind = KindOf(match);
      m.sidelines = sm.sidelines;
      m.anaphoric = match.first > first && a.Is(match.first - 1, WordClass::kAnaphor);
      bool past_plan = false;
      m.future_cue = FutureCued(a, s, match, &past_plan);
      if (a.SentenceHas(s, Cue::kCancel)) {
        m.status = MentionStatus::kCancelled;
      } else if (a.SentenceHas(s, Cue::kPostpone)) {
        m.status = MentionStatus::kPostponed;
      } else if (m.future_cue) {
        m.status = MentionStatus::kPlanned;
      }
      const int index = static_cast<int>(out.mentions.size());
      if (SeriesKind(m.kind) && !series_seen) {
        series_seen = true;
        if (FollowUpMarked(a, match)) {
          m.relation = MentionRelation::kFollowUp;
          sm.follow_up = index;
        }
      }
      sm.reports_meeting = true;
      if (!future_done) {
        // "After the meeting, X will meet Y": a back-reference to the reported meeting.
        bool back_reference = false;
        bool skip = false;
        if (match.first - 2 >= first && a.fold(match.first - 1) == "the") {
          const std::string& prep = a.fold(match.first - 2);
          back_reference = prep == "during" || prep == "at" || prep == "on";
          skip = prep == "after" || prep == "before" || prep == "following";
        }
        if (back_reference) {
          future_done = true;  // "During the visit he will hold talks": the meeting itself.
        } else if (!skip) {
          future_done = true;
          if (m.future_cue && !past_plan) {
            sm.future = index;
          }
        }
      }
      out.mentions.push_back(m);
    }
  }
  return out;
}

}  // namespace parley::extract
