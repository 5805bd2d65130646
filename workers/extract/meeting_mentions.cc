#include "workers/extract/meeting_mentions.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"

namespace parley::extract {
namespace {

// A signing ("signed", "sign") is a meeting word only when `signing` is set: in an article that
// reports no meeting by any other word.
bool IsMeetingWord(const Entry* e, bool signing = false) {
  return e->type == EntryType::kTrigger && e->trigger != TriggerKind::kNegative &&
         (signing || e->trigger != TriggerKind::kSign);
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) {
    v->push_back(s);
  }
}

void AddUnique(std::vector<int>* v, int x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) {
    v->push_back(x);
  }
}

// An adverb between a travel verb and the "to" of its destination: "travel on to X".
bool OnwardAdverb(const std::string& f) {
  return f == "on" || f == "onward" || f == "onwards" || f == "back" || f == "straight" ||
         f == "directly" || f == "later" || f == "next";
}

// Reads one sentence: its clauses, frames, people and places, and the meeting words in it.
class SentenceReader {
 public:
  // `person_at` and `place_at` map every token of the article to the person or country
  // mentioned there (-1, nullptr when none).
  SentenceReader(const Annotations& a, const std::vector<Person>& people,
                 const std::vector<int>& person_at,
                 const std::vector<const PlaceMention*>& place_at, int s)
      : a_(a),
        people_(people),
        person_at_(person_at),
        place_at_(place_at),
        s_(s),
        sentence_(a.sentence(s)) {
    FindClauses();
    FindTitleBodies();
  }

  // Reads the meeting word `t` (an index into the triggers); false when it is not one. With
  // `signing`, a signing verb whose object is a document reads as the meeting that concluded it
  // ("Serbia and Hungary signed an agreement on a pipeline in Belgrade on Monday").
  bool Read(int t, MeetingMention* m, bool signing = false) {
    const Match& match = a_.triggers[t];
    bool meeting = false;
    m->form = TriggerForm::kNoun;
    for (const Entry* e : match.entries) {
      if (!IsMeetingWord(e, signing)) {
        continue;
      }
      if (e->trigger == TriggerKind::kSign) {
        if (e->form != TriggerForm::kVerb || !SignsADocument(match)) {
          continue;
        }
        m->kind = TriggerKind::kMeet;
        m->form = TriggerForm::kVerb;
        meeting = true;
        continue;
      }
      if (!meeting || e->trigger != TriggerKind::kMeet) {
        m->kind = e->trigger;
      }
      if (e->form == TriggerForm::kVerb || e->form == TriggerForm::kAttendance ||
          (e->form == TriggerForm::kWeak && !meeting)) {
        m->form = e->form;
      }
      meeting = true;
    }
    if (!meeting || Excluded(match)) {
      return false;
    }
    // A meeting word inside a body's name is the body: "Gulf Cooperation Council", "the
    // Conference on Interaction and Confidence Building Measures in Asia".
    // A body named "... Summit" ("the East Asia Summit") is a meeting held again and again:
    // the word names one of them.
    if (const Entry* org = a_.EntityAt(match.first, EntryType::kOrg);
        org != nullptr &&
        a_.entities[a_.entity_at[match.first]].end - a_.entities[a_.entity_at[match.first]].first >=
            2 &&
        !(m->kind == TriggerKind::kSummit &&
          match.end == a_.entities[a_.entity_at[match.first]].end)) {
      return false;  // "the UN Security Council", "Gulf Cooperation Council".
    }
    light_verb_ = -1;
    np_end_ = match.end;
    m->sentence = s_;
    m->trigger = t;
    m->first = match.first;
    m->end = match.end;
    m->clause_first = ClauseStart(match.first);
    m->clause_end = ClauseEnd(match.first);
    // "will visit X", "to visit X", "is meeting X": a noun form used as a verb.
    if (m->form == TriggerForm::kNoun && match.end - match.first == 1 &&
        match.first > m->clause_first && match.end < m->clause_end &&
        (m->kind == TriggerKind::kVisit || m->kind == TriggerKind::kMeet)) {
      const std::string& before = a_.fold(match.first - 1);
      const bool modal = before == "to" || before == "will" || before == "would" ||
                         before == "shall" || before == "may" || before == "might" ||
                         before == "could" || before == "can" || before == "must";
      const bool progressive = before == "is" || before == "are" || before == "was" ||
                               before == "were" || before == "been";
      const bool object_follows = person(match.end) >= 0 || place(match.end) != nullptr ||
                                  a_.EntityAt(match.end, EntryType::kRole) != nullptr ||
                                  a_.EntityAt(match.end, EntryType::kPlace) != nullptr ||
                                  a_.fold(match.end) == "with" || a_.fold(match.end) == "his" ||
                                  a_.fold(match.end) == "her";
      // "an early start to talks": a plural noun after "to" is not an infinitive.
      const std::string& word = a_.fold(match.first);
      const bool plural = absl::EndsWith(word, "s") && !absl::EndsWith(word, "ss");
      // "said X after meeting Turkish Foreign Minister Y": a gerund after a preposition of time.
      const bool gerund = (before == "after" || before == "before" || before == "while" ||
                           before == "when" || before == "upon") &&
                          a_.fold(match.first) == "meeting";
      // "X visits Tokyo", "she meets Y": a third person's present right after its subject;
      // "..., meeting Y on Tuesday": a participle after a comma.
      const bool third_person = plural && (person(match.first - 1) >= 0 || before == "he" ||
                                           before == "she" || before == "also");
      const bool participle = before == "," && word == "meeting";
      if ((modal && !plural && (object_follows || m->kind == TriggerKind::kMeet)) ||
          (third_person && object_follows) ||
          ((progressive || gerund || participle) && object_follows && word == "meeting")) {
        m->form = TriggerForm::kVerb;
      }
    }
    // "blamed India for the derailment of the meet": "meet" after a determiner is a noun.
    if (m->form == TriggerForm::kVerb && match.end - match.first == 1 &&
        match.first > m->clause_first &&
        (a_.fold(match.first) == "meet" || a_.fold(match.first) == "meets")) {
      const std::string& before = a_.fold(match.first - 1);
      if (before == "the" || before == "a" || before == "this" || before == "that" ||
          before == "'s") {
        m->form = TriggerForm::kNoun;
      }
    }
    ReadNounPhrase(m);
    ReadSides(m);
    PairRespectively(m);
    ReadStatus(m);
    StatusAfterRelativeClause(m);
    ReadRelation(m);
    ReadPlaceAndDate(m);
    if (Speculative(*m)) {
      m->relation = MentionRelation::kGeneric;
      speculative_end_ = m->end;
      speculative_clause_ = m->clause_first;
    } else if (speculative_end_ >= 0 && m->first >= speculative_end_ &&
               m->clause_first == speculative_clause_ && m->date < 0 &&
               (m->frame == Frame::kAttend || a_.fold(m->first - 1) == "to")) {
      // "X may visit Moscow for talks with Y", "could travel to Z to meet Y": the purpose of a
      // trip only considered is only considered too.
      m->relation = MentionRelation::kGeneric;
    }
    if (InvitationOnly(*m)) {
      m->relation = MentionRelation::kGeneric;
    }
    // "The treaty was signed on February 21, 1999, at the conclusion of a summit" in a story of
    // 2022: a meeting dated more than a year before the publication is background.
    if (m->date >= 0 && a_.published.has_value() && m->status == MentionStatus::kHeld &&
        (m->relation == MentionRelation::kReport || m->relation == MentionRelation::kEvent)) {
      const DateMention& d = a_.dates[m->date];
      if (!d.relative && d.has_year && d.start.year() > 0 &&
          absl::CivilDay(d.start.year(), std::max(1, d.start.month()), std::max(1, d.start.day())) <
              *a_.published - 400) {
        m->relation = MentionRelation::kPrevious;
      }
    }
    if (m->relation == MentionRelation::kEvent) {
      int frame_first = m->np_first;
      if (frame_first > sentence_.first_token && a_.frame_at[frame_first - 1] >= 0) {
        frame_first = a_.frames[a_.frame_at[frame_first - 1]].first;
      }
      framed_.emplace_back(frame_first, std::max(m->np_end, m->end));
    }
    return true;
  }

 private:
  int person(int i) const { return person_at_[i]; }
  const PlaceMention* place(int i) const { return place_at_[i]; }
  bool In(int i) const { return i >= sentence_.first_token && i < sentence_.end_token; }

  // Clause boundaries: ";" and ":", and a subordinate clause after a comma ("..., where he met"),
  // also one opened by a preposition before the relative pronoun ("..., after which the two
  // leaders witnessed the signing", "..., during which he met").
  void FindClauses() {
    clause_starts_.push_back(sentence_.first_token);
    for (int i = sentence_.first_token + 1; i < sentence_.end_token; ++i) {
      const std::string& f = a_.fold(i);
      const std::string& prev = a_.fold(i - 1);
      const bool digits_around = i + 1 < sentence_.end_token &&
                                 absl::ascii_isdigit(static_cast<unsigned char>(prev[0])) &&
                                 absl::ascii_isdigit(static_cast<unsigned char>(a_.fold(i + 1)[0]));
      if (prev == ";" || (prev == ":" && !digits_around) ||
          (f == "while" || f == "whereas" || f == "but" || f == "although") ||
          (prev == "," && (f == "which" || f == "who" || f == "where" || f == "when" ||
                           f == "whom" || f == "though")) ||
          (prev == "," && i + 1 < sentence_.end_token &&
           (a_.fold(i + 1) == "which" || a_.fold(i + 1) == "whom")) ||
          (f == "and" && i + 1 < sentence_.end_token &&
           (a_.fold(i + 1) == "will" || a_.fold(i + 1) == "would" || a_.fold(i + 1) == "then" ||
            a_.fold(i + 1) == "later" || a_.fold(i + 1) == "subsequently")) ||
          // "A visited Kyiv, as China's B was in Moscow for talks with C": a named subject and
          // its verb after ", as" tell another event.
          (prev == "," && f == "as" && OpensNamedClause(i + 1, /*after_as=*/true))) {
        clause_starts_.push_back(i);
      } else if (prev == "," && f == "and") {
        // "X met Y on Friday, and the two will meet again in June": a short subject and a
        // modal after ", and" open a clause of their own.
        bool opened = false;
        for (int k = i + 2; k < std::min(sentence_.end_token, i + 5); ++k) {
          const std::string& w = a_.fold(k);
          if (w == "will" || w == "would" || w == "shall") {
            clause_starts_.push_back(i);
            opened = true;
            break;
          }
          if (!a_.tok(k).word || a_.trigger_at[k] >= 0) {
            break;
          }
        }
        // "A met B, and Japanese Prime Minister C held talks with D": a name with its title
        // and then a meeting verb (or a light verb) open a clause of their own.
        // Not after a subject with an appositive and no verb yet ("A, director of the Office
        // of X, and National Security Adviser B held talks": one subject of two names).
        bool verb_before = false;
        for (int k = clause_starts_.back(); k < i - 1 && !verb_before; ++k) {
          // "X toured the Amazon": a past tense right after a name is a verb too (not "a
          // retired general").
          const bool past_after_name = k > clause_starts_.back() && a_.tok(k).word &&
                                       !a_.tok(k).cap && absl::EndsWith(a_.fold(k), "ed") &&
                                       a_.tok(k - 1).word && a_.tok(k - 1).cap;
          verb_before = a_.trigger_at[k] >= 0 || a_.cue_at[k] >= 0 ||
                        a_.Is(k, WordClass::kLightVerb) || a_.Is(k, WordClass::kSpeechVerb) ||
                        a_.Is(k, WordClass::kAuxiliary) || past_after_name;
        }
        if (!opened && verb_before && OpensNamedClause(i + 1, /*after_as=*/false)) {
          clause_starts_.push_back(i);
        }
      }
    }
  }
  // True when the words from `first` are a capitalised run naming someone (with "the", "of",
  // "'s", hyphens and particles inside) followed by a verb, which opens a clause of its own.
  // After ", and" the run must hold a title and the verb be a meeting word or a light verb (a
  // capitalised meeting word is part of a name: "Munich Security Conference chairman"); after
  // ", as" a person, title or country will do, and a form of "be" or "have" too ("A visited
  // Kyiv, as China's B was in Moscow").
  bool OpensNamedClause(int first, bool after_as) const {
    bool named = false;
    bool titled = false;
    for (int k = first; k < std::min(sentence_.end_token, first + 10); ++k) {
      const std::string& w = a_.fold(k);
      const bool be =
          w == "was" || w == "were" || w == "is" || w == "are" || w == "has" || w == "had";
      if (named && (titled || after_as) && !a_.tok(k).cap &&
          (a_.trigger_at[k] >= 0 || a_.Is(k, WordClass::kLightVerb) || (after_as && be))) {
        return true;
      }
      if (a_.tok(k).cap && a_.tok(k).word) {
        const bool role = a_.EntityAt(k, EntryType::kRole) != nullptr;
        named = named || !after_as || person(k) >= 0 || role ||
                a_.EntityAt(k, EntryType::kPlace) != nullptr;
        titled = titled || role;
      } else if (!(w == "the" || w == "of" || w == "'s" || w == "-" ||
                   a_.Is(k, WordClass::kNameParticle))) {
        return false;
      }
    }
    return false;
  }
  int ClauseStart(int i) const {
    int start = sentence_.first_token;
    for (int c : clause_starts_) {
      if (c <= i) {
        start = c;
      }
    }
    return start;
  }
  int ClauseEnd(int i) const {
    for (int c : clause_starts_) {
      if (c > i) {
        return c;
      }
    }
    return sentence_.end_token;
  }

  // Words that are not meeting words here: "so-called", "called for/on", "the host country".
  // True when a document stands in the clause of the signing verb `match`, right after it ("signed
  // a treaty", "signed on Monday an agreement") or as its passive subject ("An accord was
  // signed").
  bool SignsADocument(const Match& match) const {
    const int first = ClauseStart(match.first);
    const int end = ClauseEnd(match.first);
    for (int k = match.end; k < std::min(end, match.end + 6); ++k) {
      if (a_.EntityAt(k, EntryType::kDocument) != nullptr) {
        return true;
      }
    }
    const std::string& before = match.first > first ? a_.fold(match.first - 1) : "";
    if (before != "was" && before != "were" && before != "been") {
      return false;
    }
    for (int k = std::max(first, match.first - 8); k < match.first; ++k) {
      if (a_.EntityAt(k, EntryType::kDocument) != nullptr) {
        return true;
      }
    }
    return false;
  }

  // The "of" complements of the role phrases told next to this sentence's names ("Secretary of
  // the Security Council of Kazakhstan X", "Chairman of the Council of Ministers Y"): the names
  // of bodies, where a meeting word is none. Read once per sentence, from its people only.
  void FindTitleBodies() {
    std::vector<int> seen;
    for (int k = sentence_.first_token; k < sentence_.end_token; ++k) {
      const int p = person(k);
      if (p < 0 || std::find(seen.begin(), seen.end(), p) != seen.end()) {
        continue;
      }
      seen.push_back(p);
      for (const PersonMention& pm : people_[p].mentions) {
        if (pm.sentence != s_ || pm.role_first < 0) {
          continue;
        }
        for (int q = pm.role_first + 1; q < pm.role_end; ++q) {
          if (a_.fold(q) == "of") {
            title_bodies_.emplace_back(q + 1, pm.role_end);
            break;
          }
        }
      }
    }
  }
  bool InATitlesBody(int i) const {
    for (const auto& [first, end] : title_bodies_) {
      if (first <= i && i < end) {
        return true;
      }
    }
    return false;
  }

  bool Excluded(const Match& match) const {
    if (InATitlesBody(match.first)) {
      return true;
    }
    const std::string& f = a_.fold(match.first);
    // "will address a joint session of the U.S. Congress", "a session of the National Assembly":
    // a sitting of one country's legislature, not a meeting of states (not "a session of the UN
    // General Assembly" nor "the Ordinary Session of the Assembly of Heads of State", a body's).
    if ((f == "session" || f == "sessions" || f == "sitting") && !a_.tok(match.first).cap &&
        match.end < sentence_.end_token && a_.fold(match.end) == "of") {
      for (int k = match.end + 1; k < std::min(sentence_.end_token, match.end + 8); ++k) {
        if (a_.EntityAt(k, EntryType::kOrg) != nullptr) {
          break;
        }
        // Not "the Assembly of Heads of State and Government": a body's.
        if (a_.Is(k, WordClass::kLegislature) && a_.tok(k).cap &&
            (k + 1 >= sentence_.end_token || a_.fold(k + 1) != "of")) {
          return true;
        }
        const std::string& w = a_.fold(k);
        if (w != "the" && w != "'s" && w != "." && !(a_.tok(k).cap && a_.tok(k).word)) {
          break;
        }
      }
    }
    // "held talks with the visiting Uzbek President X": "visiting" after a determiner describes
    // the one met; the visit is the meeting the clause's verb tells, not another.
    if (f == "visiting" && match.end - match.first == 1 && match.first > sentence_.first_token) {
      const std::string& before = a_.fold(match.first - 1);
      if (before == "the" || before == "a" || before == "an") {
        return true;
      }
    }
    // "spoke with Y": a call only when a person, a role or a country follows, not "spoke to
    // reporters".
    if ((f == "spoke" || f == "speaks" || f == "spoken") && match.end - match.first == 2) {
      int k = match.end;
      while (k < sentence_.end_token && (a_.fold(k) == "the" || a_.fold(k) == "his" ||
                                         a_.fold(k) == "her" || a_.fold(k) == "their")) {
        ++k;
      }
      return !(k < sentence_.end_token &&
               (person(k) >= 0 || a_.EntityAt(k, EntryType::kRole) != nullptr ||
                a_.EntityAt(k, EntryType::kPlace) != nullptr ||
                a_.Is(k, WordClass::kCounterpartWord)));
    }
    if (f == "called") {
      if (match.first >= 2 && a_.fold(match.first - 1) == "-" && a_.fold(match.first - 2) == "so") {
        return true;
      }
      if (match.end < sentence_.end_token) {
        const std::string& next = a_.fold(match.end);
        if (next == "for" || next == "on" || next == "upon" || next == "it" || next == "the" ||
            next == "a" || next == "an" || next == "off" || next == "\"" || next == "in" ||
            next == "into") {
          return true;
        }
      }
      // "called Kazakhstan \"a reliable partner\"", "called President X a friend", "called X his
      // \"dear friend\"": naming X something, not a call.
      int k = match.end;
      if (k < sentence_.end_token && a_.entity_at[k] >= 0) {
        k = std::max(k + 1, a_.entities[a_.entity_at[k]].end);
      }
      while (k < sentence_.end_token && a_.tok(k).word && a_.tok(k).cap) {
        ++k;
      }
      if (k > match.end && k < sentence_.end_token) {
        const std::string& after = a_.fold(k);
        if (after == "\"" || after == "a" || after == "an" || after == "the" || after == "one" ||
            after == "his" || after == "her" || after == "their") {
          return true;
        }
      }
      // "called X": a call only when a person, a role or a country follows.
      return !Callee(match.end);
    }
    // "dialled X", not "dialled in to the meeting".
    if (f == "dialled" || f == "dialed" || f == "dials") {
      return !Callee(match.end);
    }
    return (f == "host" || f == "hosts" || f == "hosting") && match.end < sentence_.end_token &&
           (a_.fold(match.end) == "country" || a_.fold(match.end) == "nation" ||
            a_.fold(match.end) == "city");
  }

  // Whether the one called stands at token `i`: a person, a role, a country, "his" or "her".
  bool Callee(int i) const {
    return i < sentence_.end_token &&
           (person(i) >= 0 || a_.EntityAt(i, EntryType::kRole) != nullptr ||
            a_.EntityAt(i, EntryType::kPlace) != nullptr || a_.fold(i) == "his" ||
            a_.fold(i) == "her");
  }

  // A word that may stand inside a meeting's noun phrase before its noun.
  bool NounPhraseWord(int i) const {
    const Token& t = a_.tok(i);
    if (a_.entity_at[i] >= 0 && a_.EntityAt(i, EntryType::kDocument) == nullptr) {
      return true;
    }
    if (t.fold == "'s" || t.fold == "'" || t.fold == "-" || t.fold == "+" || t.fold == "\"" ||
        t.fold == "(" || t.fold == ")") {
      return true;  // "the Southern African Development Community (SADC) \"troika summit\"".
    }
    if (!t.word) {
      return false;
    }
    if (absl::ascii_isdigit(static_cast<unsigned char>(t.fold[0]))) {
      return true;
    }
    if (t.cap && !sentence_.all_caps && a_.trigger_at[i] < 0 && !a_.Is(i, WordClass::kAnaphor) &&
        !a_.Is(i, WordClass::kAuxiliary) && !a_.Is(i, WordClass::kSubjectPronoun) &&
        a_.frame_at[i] < 0 && i != sentence_.first_token) {
      return true;  // "North American Leaders Summit", "East Asia Summit".
    }
    return a_.Is(i, WordClass::kMeetingModifier) || a_.Is(i, WordClass::kOrdinal) ||
           a_.Is(i, WordClass::kFollowUpMarker) || a_.Is(i, WordClass::kPreviousMarker) ||
           a_.Is(i, WordClass::kGenericMarker);
  }

  void ReadNounPhrase(MeetingMention* m) {
    m->np_first = m->first;
    // "the 32nd Ordinary Session", "his Kazakh counterpart's visit", "an EU summit".
    int k = m->first - 1;
    while (In(k) && k >= m->clause_first && NounPhraseWord(k) && m->first - k <= 10) {
      --k;
    }
    // "the bloc's summit", "the alliance's meeting": a common noun's possessive after its
    // determiner stands in the noun phrase too.
    if (In(k - 1) && k - 1 >= m->clause_first && k + 1 < m->first && a_.fold(k + 1) == "'s" &&
        a_.tok(k).word && !a_.tok(k).cap && a_.entity_at[k] < 0 && a_.trigger_at[k] < 0 &&
        a_.Is(k - 1, WordClass::kAnaphor)) {
      --k;
    }
    // "ahead of an alliance summit", "following the peace talks": one common noun modifies the
    // meeting word between an article and a frame phrase ending right before it.
    if (In(k - 2) && k - 2 >= m->clause_first && k + 1 == m->first && a_.tok(k).word &&
        !a_.tok(k).cap && a_.trigger_at[k] < 0 && a_.frame_at[k] < 0 && a_.entity_at[k] < 0 &&
        !a_.Is(k, WordClass::kAnaphor) && !a_.Is(k, WordClass::kAuxiliary) &&
        (a_.fold(k - 1) == "a" || a_.fold(k - 1) == "an" || a_.fold(k - 1) == "the") &&
        a_.frame_at[k - 2] >= 0 && a_.frames[a_.frame_at[k - 2]].end == k - 1) {
      --k;
    }
    bool determiner = false;
    // "Friday's talks", "yesterday's meeting": a day's meeting is one already reported, and
    // capitalised words after the day are where or how it was held ("Friday's Oval Office
    // talks"), not the name of another event.
    bool day_possessive = false;
    if (In(k + 1) && k + 1 < m->first && a_.fold(k + 1) == "'s" && In(k) && k >= m->clause_first) {
      for (int di : a_.dates_in[s_]) {
        const DateMention& d = a_.dates[di];
        day_possessive =
            day_possessive || (d.relative && d.first_token == k && d.end_token == k + 1);
      }
    }
    if (day_possessive) {
      determiner = true;
      m->np_first = k;
      --k;
    } else if (In(k) && k >= m->clause_first &&
               (a_.Is(k, WordClass::kAnaphor) || a_.fold(k) == "a" || a_.fold(k) == "an")) {
      determiner = a_.Is(k, WordClass::kAnaphor);
      m->np_first = k;
      --k;
    } else {
      m->np_first = k + 1;
    }
    // The frame the noun phrase stands in: a frame phrase ending right before it.
    if (m->form != TriggerForm::kVerb && In(k) && k >= m->clause_first && a_.frame_at[k] >= 0 &&
        a_.frames[a_.frame_at[k]].end == k + 1) {
      m->frame = a_.frames[a_.frame_at[k]].entries[0]->frame;
      for (int f = a_.frames[a_.frame_at[k]].first; f <= k; ++f) {
        m->eve = m->eve || a_.fold(f) == "eve";
      }
    }
    // What the noun phrase names: formats, bodies, places, ordinals, capitalised names.
    int np_end = m->end;
    while (np_end < m->clause_end &&
           (a_.fold(np_end) == "of" || a_.fold(np_end) == "the" || a_.fold(np_end) == "and" ||
            a_.fold(np_end) == "-" ||
            (a_.tok(np_end).cap && !sentence_.all_caps && a_.trigger_at[np_end] < 0) ||
            a_.EntityAt(np_end, EntryType::kOrg) != nullptr ||
            a_.EntityAt(np_end, EntryType::kFormat) != nullptr)) {
      if (a_.fold(np_end) == "and" &&
          !(np_end + 1 < m->clause_end && a_.tok(np_end + 1).cap && !sentence_.all_caps)) {
        break;
      }
      ++np_end;
    }
    while (np_end > m->end && !a_.tok(np_end - 1).cap && a_.entity_at[np_end - 1] < 0) {
      --np_end;  // A trailing "of the" belongs to the next phrase.
    }
    bool named = false;
    for (int i = m->np_first; i < np_end; ++i) {
      if (i >= m->first && i < m->end) {
        continue;
      }
      if (const Entry* f = a_.EntityAt(i, EntryType::kFormat); f != nullptr) {
        if (m->event_format.empty()) {
          m->event_format = f->code;
        }
        named = true;
      }
      // "discussed the World Trade Organization's reform": a body owning what a weak word's
      // object is names no meeting.
      const Entry* o = a_.EntityAt(i, EntryType::kOrg);
      if (o != nullptr && m->form == TriggerForm::kWeak &&
          a_.entities[a_.entity_at[i]].end < sentence_.end_token &&
          a_.fold(a_.entities[a_.entity_at[i]].end) == "'s") {
        o = nullptr;
      }
      if (o != nullptr) {
        if (o->org == OrgKind::kGroup && m->event_format.empty()) {
          m->event_format = o->code;
        }
        if (o->org == OrgKind::kOrg) {
          AddUnique(&m->event_orgs, o->code);
        }
        named = true;
      }
      // "his third visit": an ordinal after a possessive counts one person's visits, it names
      // no event.
      const bool possessed =
          i > sentence_.first_token && (a_.fold(i - 1) == "his" || a_.fold(i - 1) == "her" ||
                                        a_.fold(i - 1) == "their" || a_.fold(i - 1) == "'s");
      if ((a_.Is(i, WordClass::kOrdinal) && !possessed) ||
          (a_.tok(i).cap && !sentence_.all_caps && i != m->np_first && a_.entity_at[i] < 0 &&
           a_.trigger_at[i] < 0 && !(day_possessive && i < m->first))) {
        named = true;
      }
      // A place names a summit or a session ("the Tokyo summit"); talks with a place before
      // them are talks about it ("Gaza talks").
      if (a_.EntityAt(i, EntryType::kPlace) != nullptr && m->kind != TriggerKind::kMeet) {
        named = true;
      }
    }
    // "a Southern African Development Community (SADC) \"extraordinary organ troika summit\"":
    // a summit, session or conference takes the body named shortly before it.
    const bool event_kind = m->kind == TriggerKind::kSummit ||
                            m->kind == TriggerKind::kConference || m->kind == TriggerKind::kCouncil;
    if (event_kind && m->event_orgs.empty() && m->event_format.empty()) {
      for (int i = m->np_first - 1; i >= std::max(m->clause_first, m->np_first - 10); --i) {
        if (a_.trigger_at[i] >= 0 || a_.frame_at[i] >= 0 || a_.Is(i, WordClass::kAuxiliary)) {
          break;
        }
        const Entry* o = a_.EntityAt(i, EntryType::kOrg);
        const Entry* f = a_.EntityAt(i, EntryType::kFormat);
        if (f != nullptr) {
          m->event_format = f->code;
          named = true;
          break;
        }
        if (o != nullptr) {
          if (o->org == OrgKind::kGroup) {
            m->event_format = o->code;
          } else {
            AddUnique(&m->event_orgs, o->code);
          }
          named = true;
          break;
        }
      }
    }
    // A counterpart names no event: "invited his Afghan counterpart Amir Khan Muttaqi for talks".
    m->named_event =
        named && m->form != TriggerForm::kVerb && m->form != TriggerForm::kAttendance &&
        !(m->form == TriggerForm::kWeak && a_.Is(m->first, WordClass::kCounterpartWord));
    m->anaphoric = determiner && !named && m->form == TriggerForm::kNoun;
    np_end_ = np_end;
    m->np_end = np_end;
    // A light verb before the noun ("held talks", "paid a visit", "had a phone call") or a
    // verb of occurrence after it ("the meeting was held", "talks took place") makes it a
    // predicate.
    if (m->form == TriggerForm::kVerb) {
      m->predicate = true;
    } else {
      for (int i = std::max(m->clause_first, m->np_first - 3); i < m->np_first; ++i) {
        // "NATO allies have urged talks", "had proposed a meeting": "have" before a participle
        // is an auxiliary; the talks are what was urged, not held.
        bool auxiliary = false;
        const std::string& f = a_.fold(i);
        if (f == "have" || f == "has" || f == "had" || f == "having") {
          for (int q = i + 1; q < m->np_first; ++q) {
            // "has postponed his visit", "had cancelled the talks": a status cue still reports
            // the meeting it changes.
            auxiliary = auxiliary || (absl::EndsWith(a_.fold(q), "ed") && !a_.tok(q).cap &&
                                      !a_.Is(q, WordClass::kLightVerb) && a_.cue_at[q] < 0);
          }
        }
        if (a_.Is(i, WordClass::kLightVerb) && a_.trigger_at[i] < 0 && !auxiliary) {
          m->predicate = true;
          light_verb_ = i;
        }
      }
      // "held frank and in-depth talks", "held candid, substantive and constructive
      // discussions", "held wide-ranging talks": a light verb before a longer run of lower-case
      // modifiers joined by commas, "and" and hyphens.
      // Not across ", and", which joins clauses ("police held demonstrators overnight, and
      // talks ... are planned").
      if (light_verb_ < 0) {
        int lv = m->np_first - 1;
        while (lv > m->clause_first && lv >= m->np_first - 9 &&
               !(a_.fold(lv) == "," && a_.fold(lv + 1) == "and") &&
               (a_.fold(lv) == "," || a_.fold(lv) == "and" || a_.fold(lv) == "-" ||
                a_.fold(lv) == "\"" || (a_.tok(lv).word && !a_.tok(lv).cap && Modifier(lv)))) {
          --lv;
        }
        if (lv >= m->clause_first && lv < m->np_first - 3 && a_.Is(lv, WordClass::kLightVerb) &&
            a_.trigger_at[lv] < 0) {
          m->predicate = true;
          light_verb_ = lv;
        }
      }
      for (int i = np_end; i < std::min(m->clause_end, np_end + 4); ++i) {
        if (a_.trigger_at[i] >= 0) {
          break;
        }
        if (a_.Is(i, WordClass::kPostPredicate)) {
          m->predicate = true;
          break;
        }
      }
    }
  }

  // True when token `i` may qualify a meeting noun after a light verb: a lower-case word that is
  // no function word (but "in-depth"), verb form in "-ing" (but "wide-ranging"), meeting word or
  // name ("frank", "constructive"); not "funds held overseas as a condition of resuming talks".
  bool Modifier(int i) const {
    static constexpr absl::string_view kFunction[] = {
        "of", "as", "a",     "an",  "the", "to",  "for", "that", "by",  "with", "from", "in",
        "on", "at", "their", "his", "her", "its", "our", "this", "new", "into", "over", "not"};
    const std::string& f = a_.fold(i);
    return a_.trigger_at[i] < 0 && a_.entity_at[i] < 0 && !a_.Is(i, WordClass::kLightVerb) &&
           !a_.Is(i, WordClass::kAuxiliary) &&
           (std::find(std::begin(kFunction), std::end(kFunction), f) == std::end(kFunction) ||
            (i + 1 < static_cast<int>(a_.doc.tokens.size()) && a_.fold(i + 1) == "-")) &&
           (!absl::EndsWith(f, "ing") || (i > 0 && a_.fold(i - 1) == "-"));
  }

  // True when token `i` is inside the noun phrase of an event framed in this sentence ("on
  // the sidelines of the 32nd Session of the Assembly of the African Union").
  bool InFramedEvent(int i) const {
    for (const auto& [first, end] : framed_) {
      if (first <= i && i < end) {
        return true;
      }
    }
    return false;
  }

  // True when a role starts within three words from `first` ("foreign policy adviser", "top
  // aide") before `end`, with only lower-case words before it.
  bool RoleWithin(int first, int end) const {
    for (int k = first; k < std::min(end, first + 3); ++k) {
      if (a_.EntityAt(k, EntryType::kRole) != nullptr) {
        return true;
      }
      if (!a_.tok(k).word || a_.tok(k).cap || a_.trigger_at[k] >= 0) {
        return false;
      }
    }
    return false;
  }

  // Collects the participants named in [first, end), skipping frame phrases of other events.
  void Collect(int first, int end, Side* side) const {
    for (int i = first; i < end; ++i) {
      if (InFramedEvent(i)) {
        continue;
      }
      const int p = person(i);
      if (p >= 0) {
        // "met Chancellor X's foreign policy adviser": the one whose office is told meets, not
        // the name before it.
        int name_end = i + 1;
        while (name_end < sentence_.end_token && person(name_end) == p) {
          ++name_end;
        }
        const bool owner = name_end + 1 < sentence_.end_token && a_.fold(name_end) == "'s" &&
                           !a_.tok(name_end + 1).cap &&
                           RoleWithin(name_end + 1, sentence_.end_token);
        if (people_[p].Participates() && !owner) {
          AddUnique(&side->people, p);
        }
        i = std::min(name_end, end) - 1;
        continue;
      }
      if (const PlaceMention* pm = place(i); pm != nullptr) {
        if (pm->slot != PlaceSlot::kVenue && pm->slot != PlaceSlot::kSubject) {
          AddUnique(&side->countries, pm->code);
        }
        i = pm->end - 1;
        continue;
      }
      if (const Entry* o = a_.EntityAt(i, EntryType::kOrg); o != nullptr) {
        // "the EU's code of conduct", "NATO's expansion": a possessive on a thing that is no
        // office is what is talked of, not a side; "the EU's foreign policy chief" is one.
        const int oe = a_.entities[a_.entity_at[i]].end;
        const bool possessive = oe + 1 < sentence_.end_token && a_.fold(oe) == "'s" &&
                                a_.EntityAt(oe + 1, EntryType::kRole) == nullptr &&
                                person(oe + 1) < 0;
        if (o->org == OrgKind::kOrg && !possessive) {
          AddUnique(&side->orgs, o->code);
        }
        continue;
      }
      if (const Entry* g = a_.EntityAt(i, EntryType::kGroup); g != nullptr) {
        // A group stands for its members unless the sentence names two of them itself ("A
        // met B, the two Central Asian states ...").
        if (MembersNamedInSentence(*g) < 2) {
          for (const std::string& code : g->members) {
            AddUnique(&side->countries, code);
          }
          side->region = true;
        }
        i = a_.entities[a_.entity_at[i]].end - 1;
        continue;
      }
      if (a_.Is(i, WordClass::kSubjectPronoun) || a_.Is(i, WordClass::kFirstPerson)) {
        side->pronoun = true;
      } else if (a_.Is(i, WordClass::kCollective) && a_.EntityAt(i, EntryType::kPlace) == nullptr) {
        side->collective = true;
      }
      if (const Entry* role = a_.EntityAt(i, EntryType::kRole); role != nullptr) {
        const Match& rm = a_.entities[a_.entity_at[i]];
        // Named next to it: "President X", "X, the president", "the two leaders, X and Y".
        const bool named = (rm.end < sentence_.end_token && person(rm.end) >= 0) ||
                           (rm.end + 1 < sentence_.end_token && a_.fold(rm.end) == "," &&
                            person(rm.end + 1) >= 0) ||
                           (rm.first > sentence_.first_token && person(rm.first - 1) >= 0);
        if (!named && role->level != RoleLevel::kSpokesperson && side->role_only < 0) {
          side->role_only = PersonWithRole(role->level, rm.first);
        }
        i = rm.end - 1;
      }
    }
  }

  // How many members of regional group `g` the sentence names as countries.
  int MembersNamedInSentence(const Entry& g) const {
    int named = 0;
    for (const std::string& code : g.members) {
      for (int i = sentence_.first_token; i < sentence_.end_token; ++i) {
        if (const PlaceMention* pm = place(i); pm != nullptr && pm->code == code) {
          ++named;
          break;
        }
      }
    }
    return named;
  }

  // The last person before token `before` (this sentence or earlier) whose role is `level`.
  // "The Chinese leader arrived": the last person of the role's level named before it. A
  // country qualifying the role ("the Chinese leader", "Brazil's president") takes a person of
  // that country or of none, and a head of state or government of that country for a leader's
  // word of either level ("the Indian leader" for a prime minister); a former holder ("former
  // President X") is meant only by "the former president".
  int PersonWithRole(RoleLevel level, int role_first) const {
    const int first = sentence_.first_token;
    int q = role_first - 1;
    if (q >= first && a_.fold(q) == "'s") {
      --q;
    }
    std::string code;
    if (q >= first) {
      if (const Entry* place = a_.EntityAt(q, EntryType::kPlace);
          place != nullptr && !IsTown(place->place)) {
        code = place->code;
      }
    }
    bool former = false;
    for (int k = std::max(first, role_first - 3); k < role_first; ++k) {
      former = former || a_.fold(k) == "former";
    }
    const auto leader = [](RoleLevel l) {
      return l == RoleLevel::kHeadOfState || l == RoleLevel::kHeadOfGovernment;
    };
    int best = -1;
    int best_at = -1;
    for (size_t p = 0; p < people_.size(); ++p) {
      const Person& person = people_[p];
      const bool level_ok = person.level == level || (!code.empty() && person.country == code &&
                                                      leader(level) && leader(person.level));
      if (!level_ok || person.former != former ||
          (!code.empty() && !person.country.empty() && person.country != code)) {
        continue;
      }
      for (const PersonMention& m : person.mentions) {
        if (m.first < role_first && m.first > best_at) {
          best = static_cast<int>(p);
          best_at = m.first;
        }
      }
    }
    return best;
  }

  // Tokens that may stand in a list of participants ("his counterparts from A, B and C").
  bool ListWord(int i) const {
    const std::string& f = a_.fold(i);
    if (person(i) >= 0 || a_.entity_at[i] >= 0) {
      return a_.EntityAt(i, EntryType::kDocument) == nullptr &&
             (place(i) == nullptr || place(i)->slot != PlaceSlot::kVenue);
    }
    // "met with a Chinese delegation", "a delegation of X": an article before a place or role.
    if ((f == "a" || f == "an") && i + 1 < sentence_.end_token &&
        (a_.EntityAt(i + 1, EntryType::kPlace) != nullptr ||
         a_.EntityAt(i + 1, EntryType::kRole) != nullptr)) {
      return true;
    }
    return f == "," || f == "and" || f == "the" || f == "his" || f == "her" || f == "their" ||
           f == "its" || f == "of" || f == "from" || f == "'s" || f == "as" || f == "well" ||
           f == "both" || f == "-" || f == "(" || f == ")" || f == "." ||
           a_.Is(i, WordClass::kCounterpartWord) || a_.Is(i, WordClass::kCollective) ||
           a_.Is(i, WordClass::kDistributive) || a_.Is(i, WordClass::kHonorific) ||
           a_.Is(i, WordClass::kSubjectPronoun) || a_.Is(i, WordClass::kFirstPerson) ||
           a_.Is(i, WordClass::kMeetingModifier) ||
           absl::ascii_isdigit(static_cast<unsigned char>(f[0])) ||
           (a_.tok(i).cap && !sentence_.all_caps) ||
           // "accompanied by deputy director general X", "senior adviser Y": a lower-case word
           // right before a role.
           // "held talks with the visiting Uzbek President X".
           (f == "visiting" && i > sentence_.first_token &&
            (a_.fold(i - 1) == "the" || a_.fold(i - 1) == "a")) ||
           ((f == "deputy" || f == "senior" || f == "acting" || f == "assistant") &&
            i + 1 < sentence_.end_token && a_.EntityAt(i + 1, EntryType::kRole) != nullptr &&
            a_.entities[a_.entity_at[i + 1]].first == i + 1);
  }

  void ReadSides(MeetingMention* m) {
    // Subject: the chain of participants right before the verb (or the light verb, or the
    // frame phrase of "X will take part in the summit").
    int verb =
        light_verb_ >= 0 ? light_verb_ : (m->form == TriggerForm::kNoun ? m->np_first : m->first);
    const bool attends = m->frame == Frame::kAttend && m->np_first > m->clause_first &&
                         a_.frame_at[m->np_first - 1] >= 0;
    // "The United Nations was not represented at the meeting", "X did not attend the summit":
    // a negated attendance names no side.
    bool absent = false;
    if (attends) {
      verb = a_.frames[a_.frame_at[m->np_first - 1]].first;
      for (int i = m->clause_first; i < verb && !absent; ++i) {
        absent = a_.fold(i) == "not" || a_.fold(i) == "n't" || a_.fold(i) == "never";
      }
    }
    if ((m->predicate || m->form == TriggerForm::kWeak || attends) && !absent) {
      // "Blinken, who was accompanied by A and B, later met Xi": the subject is named before a
      // relative clause that closes right before the verb (the clause of the verb opens at
      // "who").
      int floor = m->clause_first;
      {
        int close = verb - 1;
        while (close > m->clause_first &&
               (a_.Is(close, WordClass::kAuxiliary) || absl::EndsWith(a_.fold(close), "ly"))) {
          --close;
        }
        if (close > m->clause_first && a_.fold(close) == ",") {
          for (int w = close - 1; w >= m->clause_first && w - 1 > sentence_.first_token; --w) {
            if (a_.fold(w) == "who" && a_.fold(w - 1) == ",") {
              verb = w - 1;
              floor = sentence_.first_token;
              break;
            }
            if (a_.Is(w, WordClass::kSpeechVerb)) {
              break;  // "X, who said ..., met": not this one's relative clause.
            }
          }
        }
      }
      int k = verb - 1;
      while (k >= floor &&
             (ListWord(k) || a_.Is(k, WordClass::kAuxiliary) || absl::EndsWith(a_.fold(k), "ly"))) {
        if ((a_.frame_at[k] >= 0 && a_.fold(k) != "both") || InFramedEvent(k)) {
          break;
        }
        // "Prior to meeting with X, Y held ...": an opening phrase ends at its comma.
        if (a_.fold(k) == ",") {
          bool opening = false;
          for (int q = floor; q < k && !opening; ++q) {
            opening = a_.frame_at[q] >= 0 || a_.trigger_at[q] >= 0;
          }
          if (opening) {
            break;
          }
        }
        --k;
      }
      Collect(k + 1, verb, &m->subject);
      // "Iran and the remaining parties to the deal held talks": when the chain of names right
      // before the verb names no one, the clause's opening names its subject.
      if (m->subject.empty() && !m->subject.pronoun && !m->subject.collective &&
          m->subject.role_only < 0) {
        int from = m->clause_first;
        bool after_trigger = false;
        for (int i = m->clause_first; i < verb; ++i) {
          if (InFramedEvent(i) || a_.trigger_at[i] >= 0) {
            from = i + 1;  // After a framed event or another meeting word.
            after_trigger = false;
            if (a_.trigger_at[i] >= 0) {
              for (const Entry* e : a_.triggers[a_.trigger_at[i]].entries) {
                after_trigger = after_trigger || e->form == TriggerForm::kVerb;
              }
            }
          }
        }
        // "X is expected to meet Y, and will then go on to Z for talks with W": after another
        // meeting verb, a second predicate joined by "and" with an auxiliary shares its
        // subject; the names between are the verb's object.
        bool coordinated = false;
        for (int i = from; after_trigger && i + 1 < verb; ++i) {
          coordinated = coordinated || (a_.fold(i) == "and" && a_.Is(i + 1, WordClass::kAuxiliary));
        }
        // "X met Y in A on Friday, and on Saturday held talks with Z in B": so does a predicate
        // after "and" with only a time between.
        for (int i = from; after_trigger && !coordinated && i < verb; ++i) {
          if (a_.fold(i) != "and") {
            continue;
          }
          bool only_time = true;
          for (int q = i + 1; q < verb && only_time; ++q) {
            const std::string& w = a_.fold(q);
            only_time = a_.InADate(q) || w == "," || w == "on" || w == "the" || w == "following" ||
                        w == "next" || w == "day" || w == "same" || w == "morning" ||
                        w == "afternoon" || w == "evening" || w == "then" || w == "later" ||
                        w == "afterwards" || w == "subsequently";
          }
          coordinated = only_time;
        }
        // "X held talks with A, B and C before hosting the leaders at a dinner", "after
        // meeting", "while visiting": a participle after a preposition of time has the
        // clause's subject, not the names before it.
        const std::string& word = a_.fold(m->first);
        if (m->first > m->clause_first && m->form == TriggerForm::kVerb && word.size() > 4 &&
            absl::EndsWith(word, "ing") &&
            (a_.fold(m->first - 1) == "before" || a_.fold(m->first - 1) == "after" ||
             a_.fold(m->first - 1) == "while" || a_.fold(m->first - 1) == "since")) {
          coordinated = true;
        }
        if (!coordinated) {
          Collect(from, verb, &m->subject);
        }
        // So does a clause opened by such a predicate that names no one ("..., and will then go
        // on to Z for talks").
        const bool opened_by_and =
            from == m->clause_first && m->subject.empty() && a_.fold(m->clause_first) == "and";
        // ... whose subject opens the clause before ("UN chief X is due to arrive in Kazan on
        // Thursday and will meet Putin").
        if (opened_by_and && m->clause_first > sentence_.first_token) {
          const int before = ClauseStart(m->clause_first - 1);
          int end = before;
          while (end < m->clause_first && ListWord(end) && a_.fold(end) != "and" &&
                 a_.trigger_at[end] < 0) {
            ++end;
          }
          Collect(before, end, &m->subject);
        }
        coordinated = coordinated || (opened_by_and && m->subject.empty());
        if (coordinated) {
          m->subject.pronoun = true;
        }
      }
    }
    // The noun phrase's own modifiers: "the Kazakh-Chinese talks", "Putin's visit".
    if (m->form == TriggerForm::kNoun && m->np_first < m->first) {
      Collect(m->np_first, m->first,
              m->form == TriggerForm::kNoun && !m->predicate ? &m->subject : &m->object);
    }
    // Object: "with Y", "met Y", "between A and B", "counterparts from A, B and C".
    int k = std::max(m->end, m->form == TriggerForm::kNoun ? np_end_ : m->end);
    // "met separately with", "held talks today with".
    while (k < m->clause_end &&
           (a_.Is(k, WordClass::kDistributive) || a_.Is(k, WordClass::kSeparateMarker) ||
            (absl::EndsWith(a_.fold(k), "ly") && a_.tok(k).word && !a_.tok(k).cap))) {
      ++k;
    }
    auto place_or_time = [&](int i) {
      const std::string& f = a_.fold(i);
      if (f == "in" || f == "at" || f == "on" || f == "the" || f == "," || f == "this" ||
          f == "week" || f == "month" || f == "year" || f == "later" ||
          a_.Is(i, WordClass::kFollowUpMarker) || a_.EntityAt(i, EntryType::kPlace) != nullptr) {
        return true;
      }
      return a_.InADate(i);
    };
    const bool visit = m->kind == TriggerKind::kVisit || m->kind == TriggerKind::kStateVisit;
    // "held a phone call today with Y", "met on Monday with Y": a time between a predicate and
    // its "with" does not end the object. A place there does ("held talks in Cairo with" is
    // left as it was: skipping places lowered the read half).
    if ((m->form == TriggerForm::kVerb || m->predicate) && !visit) {
      auto time_word = [&](int i) {
        const std::string& f = a_.fold(i);
        return f == "on" || (f != "in" && f != "at" && f != "the" && f != "," &&
                             a_.EntityAt(i, EntryType::kPlace) == nullptr && place_or_time(i));
      };
      int q = k;
      while (q < m->clause_end && q < k + 4 && time_word(q)) {
        ++q;
      }
      // "met on Monday in Geneva with Y": after a time, one place told by "in" before "with".
      if (q > k && q + 2 < m->clause_end && a_.fold(q - 1) != "on" && a_.fold(q) == "in" &&
          a_.EntityAt(q + 1, EntryType::kPlace) != nullptr) {
        int p = q + 1;
        while (p < m->clause_end && a_.EntityAt(p, EntryType::kPlace) != nullptr) {
          ++p;
        }
        if (p < m->clause_end && a_.fold(p) == "with") {
          q = p;
        }
      }
      if (q > k && q < m->clause_end && a_.fold(q - 1) != "on" &&
          (a_.fold(q) == "with" || a_.fold(q) == "between")) {
        k = q;
      }
    }
    const std::string& next = k < m->clause_end ? a_.fold(k) : "";
    bool passive = false;
    if (m->form == TriggerForm::kAttendance) {
      // "attended by A, B and C": the list is who attends. "Also present (at the talks) were A
      // and B": the list follows the copula.
      int q = k;
      while (q < m->clause_end && q < k + 4 &&
             (a_.fold(q) == "at" || a_.fold(q) == "in" || a_.fold(q) == "during" ||
              a_.fold(q) == "the" || a_.trigger_at[q] >= 0)) {
        ++q;
      }
      if (q < m->clause_end && (a_.fold(q) == "were" || a_.fold(q) == "was" ||
                                a_.fold(q) == "are" || a_.fold(q) == "is")) {
        k = q + 1;
      }
    } else if (next == "with" || next == "between" || next == "among" || next == "by") {
      passive = next == "by";
      ++k;
    } else if (visit && m->form == TriggerForm::kNoun && TakesTo(k) > k) {
      // "a tour that will take X to Uganda", "a trip taking him to Japan": X travels, the place
      // after "to" is the destination.
      const int to = TakesTo(k);
      int traveller = k;
      while (traveller < to && !IsTakeVerb(a_.fold(traveller))) {
        ++traveller;
      }
      Collect(traveller + 1, to, &m->subject);
      for (int i = traveller + 1; i < to; ++i) {
        const std::string& f = a_.fold(i);
        m->subject.pronoun = m->subject.pronoun || f == "him" || f == "her";
      }
      k = to + 1;
      while (k < m->clause_end && a_.fold(k) == "the") {
        ++k;
      }
      if (k < m->clause_end && a_.entity_at[k] >= 0) {
        const Match& place_match = a_.entities[a_.entity_at[k]];
        if (const Entry* pe = place_match.Of(EntryType::kPlace);
            pe != nullptr && pe->place != PlaceKind::kDemonym) {
          m->visit_place = a_.entity_at[k];
          AddUnique(&m->object.countries, pe->code);
          k = place_match.end;
        }
      }
    } else if (visit && (next == "to" || next == "in" || next == "of")) {
      ++k;
      while (k < m->clause_end && a_.fold(k) == "the") {
        ++k;
      }
      // "arrived in Samarkand for the SCO Summit": the host of an event is not a party.
      // The event follows the frame word within a few words ("for the 22nd SCO Summit"), not
      // a date ("planned for May").
      bool for_event = false;
      for (int i = k; i < m->clause_end && !for_event; ++i) {
        if (a_.frame_at[i] < 0 || a_.frames[a_.frame_at[i]].entries[0]->frame != Frame::kAttend ||
            a_.fold(i) == "at" || a_.fold(i) == "in") {
          continue;
        }
        for (int j = i + 1; j < std::min(m->clause_end, i + 6) && !for_event; ++j) {
          for_event = a_.trigger_at[j] >= 0 || a_.EntityAt(j, EntryType::kOrg) != nullptr;
        }
      }
      if (k < m->clause_end && a_.entity_at[k] >= 0) {
        const Match& place_match = a_.entities[a_.entity_at[k]];
        if (const Entry* pe = place_match.Of(EntryType::kPlace); pe != nullptr) {
          m->visit_place = a_.entity_at[k];
          if (!for_event) {
            AddUnique(&m->object.countries, pe->code);
          }
          k = place_match.end;
        }
      }
    } else if ((m->form == TriggerForm::kNoun && !m->predicate) || m->form == TriggerForm::kWeak) {
      // A bare noun names its parties before it or with "with"/"between" after its place and
      // time ("a summit in Ottawa next month between President Reagan and ..."); what is
      // discussed is a topic ("to discuss Syria"), not a party.
      int q = k;
      while (q < m->clause_end && q < k + 8 && place_or_time(q)) {
        ++q;
      }
      if (m->form == TriggerForm::kNoun && q < m->clause_end &&
          (a_.fold(q) == "with" || a_.fold(q) == "between")) {
        k = q + 1;
      } else {
        k = m->clause_end;
      }
    }
    int end = k;
    // "held separate talks with A and with B": a "with" repeated after "and" goes on the list
    // of counterparts met one by one.
    bool one_by_one = false;
    for (int i = m->clause_first; i < m->clause_end; ++i) {
      one_by_one = one_by_one || a_.Is(i, WordClass::kDistributive);
    }
    auto repeated_with = [&](int i) {
      return one_by_one && a_.fold(i) == "with" && i > k &&
             (a_.fold(i - 1) == "and" || a_.fold(i - 1) == ",");
    };
    while (end < m->clause_end && (ListWord(end) || repeated_with(end)) && a_.frame_at[end] < 0 &&
           !(passive && a_.fold(end) == ",")) {  // "Hosted by X, A and B will ...": X alone.
      ++end;
    }
    Collect(k, end, &m->object);
    // "Vice Chancellor A and Foreign Minister B also attended.": an attendance with no one after
    // it is of the names before it in its clause.
    if (m->form == TriggerForm::kAttendance && m->object.people.empty() &&
        m->object.countries.empty() && a_.fold(m->end - 1) != "by" && m->first > m->clause_first) {
      int q = m->first - 1;
      while (q >= m->clause_first && (ListWord(q) || a_.Is(q, WordClass::kAuxiliary))) {
        --q;
      }
      Collect(q + 1, m->first, &m->object);
    }
    // Distribution: "met A, B and C separately", "bilateral meetings with A, B and C",
    // "A and B both met C separately".
    bool cue = false;
    for (int i = m->clause_first; i < m->clause_end; ++i) {
      cue = cue || a_.Is(i, WordClass::kDistributive);
    }
    for (int i = std::max(m->clause_first, verb - 3); i < m->first; ++i) {
      m->also = m->also || a_.Is(i, WordClass::kSeparateMarker);
    }
    const size_t object_parties = std::max(m->object.countries.size(), m->object.people.size());
    const size_t subject_parties = std::max(m->subject.countries.size(), m->subject.people.size());
    if (m->predicate || m->form == TriggerForm::kWeak) {
      // One meeting per counterpart when a word says so, or when one party "met" three or
      // more; "hosted" or "convened" several is one meeting, and so is a group's ("the
      // ministers held talks with their counterparts from A, B and C").
      const bool joint = a_.Is(m->first, WordClass::kJointVerb) ||
                         (light_verb_ >= 0 && a_.Is(light_verb_, WordClass::kJointVerb));
      // A trip to several countries is one visit to each ("will visit Egypt, Tunisia and Togo").
      const bool legs = m->kind == TriggerKind::kVisit && m->form == TriggerForm::kVerb &&
                        m->object.countries.size() >= 2 && m->object.people.empty();
      // "held talks with his Israeli counterpart, A, and the Palestinian leader, B": two
      // counterparts of two countries, the second introduced after ", and the/his/her/their"
      // (a role of its own), are met one by one.
      bool introduced_apart = false;
      if (m->object.people.size() == 2 && m->object.countries.size() == 2 && subject_parties <= 1) {
        for (int i = k; i + 2 < end; ++i) {
          const std::string& det = a_.fold(i + 2);
          if (a_.fold(i) == "," && a_.fold(i + 1) == "and" &&
              (det == "the" || det == "his" || det == "her" || det == "their")) {
            introduced_apart = true;
            break;
          }
        }
      }
      m->distributive =
          object_parties >= 2 &&
          (cue || legs || (introduced_apart && m->kind == TriggerKind::kMeet && !joint) ||
           (object_parties >= 3 && subject_parties <= 1 && !m->subject.collective &&
            m->kind == TriggerKind::kMeet && !joint && !m->object.region));
      m->distribute_subject =
          !m->distributive && subject_parties >= 2 && cue && object_parties >= 1;
    }
  }

  static bool IsTakeVerb(const std::string& f) {
    return f == "take" || f == "takes" || f == "took" || f == "taking";
  }

  // After a trip's noun, "that will take X to", "which took him to", "taking X to": the token
  // of the "to" (only the traveller's name, role and nationality between), else -1.
  int TakesTo(int k) const {
    const int end = sentence_.end_token;
    if (k < end && (a_.fold(k) == "that" || a_.fold(k) == "which")) {
      ++k;
      while (k < end && (a_.fold(k) == "will" || a_.fold(k) == "would" || a_.fold(k) == "is" ||
                         a_.fold(k) == "also" || a_.fold(k) == "then")) {
        ++k;
      }
    }
    if (k >= end || !IsTakeVerb(a_.fold(k))) {
      return -1;
    }
    for (int i = k + 1; i < end && i <= k + 8; ++i) {
      if (a_.fold(i) == "to") {
        return i > k + 1 ? i : -1;
      }
      const Entry* place = a_.EntityAt(i, EntryType::kPlace);
      const bool traveller = person(i) >= 0 || a_.fold(i) == "him" || a_.fold(i) == "her" ||
                             a_.fold(i) == "the" || a_.EntityAt(i, EntryType::kRole) != nullptr ||
                             (place != nullptr && place->place == PlaceKind::kDemonym);
      if (!traveller) {
        return -1;
      }
    }
    return -1;
  }

  // "met Moroccan and Algerian counterparts X and Y respectively": the n-th person is of the
  // n-th country.
  void PairRespectively(MeetingMention* m) const {
    bool respectively = false;
    for (int i = m->clause_first; i < m->clause_end; ++i) {
      respectively = respectively || a_.fold(i) == "respectively";
    }
    Side& o = m->object;
    if (respectively && o.people.size() == o.countries.size() && o.people.size() >= 2) {
      o.paired_countries = o.countries;
    }
  }

  // "The two countries will raise trade to $2 billion, X said after talks with Y": a speech
  // verb told in the past between a future cue and the meeting word reports what the future
  // cue says; the meeting it was said after was held.
  bool SaidBetween(const Match& cue, const MeetingMention& m) const {
    for (int k = cue.end; k < m.first; ++k) {
      if (!a_.Is(k, WordClass::kSpeechVerb) || k == 0) {
        continue;
      }
      const std::string& f = a_.fold(k);
      const std::string& before = a_.fold(k - 1);
      if ((f == "said" || f == "says" || f == "told" || absl::EndsWith(f, "ed")) &&
          before != "to" && before != "will" && before != "would") {
        return true;
      }
    }
    return false;
  }

  // A future cue further before the meeting word in the same clause still governs it when no
  // verb of the past or present stands in the clause up to the meeting word: "will travel on to
  // Vilnius on Friday for talks", "is due to fly to Tokyo next week to attend the summit", but
  // not "left on Wednesday to take part in the summit" (a purpose infinitive is no cue here).
  bool GovernsFromAfar(const Match& cue, const MeetingMention& m) const {
    if (cue.first < m.clause_first || cue.end > m.first || a_.fold(cue.first) == "to" ||
        SaidBetween(cue, m)) {
      return false;
    }
    for (int ci : a_.cues_in[s_]) {
      const Match& other = a_.cues[ci];
      if (other.first < m.clause_first || other.first >= m.end) {
        continue;
      }
      for (const Entry* e : other.entries) {
        if (e->cue == Cue::kPast || e->cue == Cue::kOngoing) {
          return false;
        }
      }
    }
    return true;
  }

  // "hold talks after an earlier meeting was called off", "met weeks before a summit was
  // postponed": a meeting word framed by "after" or "before" stands between the meeting word
  // and a cancelling or postponing cue after it; the cue tells of the framed event.
  bool CancelOfAFramedEvent(const MeetingMention& m, const Match& cue) const {
    for (int i = m.end; i < cue.first; ++i) {
      if (a_.frame_at[i] < 0) {
        continue;
      }
      const Frame f = a_.frames[a_.frame_at[i]].entries[0]->frame;
      if (f != Frame::kAfter && f != Frame::kBefore) {
        continue;
      }
      const int end = a_.frames[a_.frame_at[i]].end;
      for (int k = end; k < std::min(cue.first, end + 4); ++k) {
        if (a_.trigger_at[k] >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  // "Sharif invited Modi to visit Islamabad", "an invitation to visit Beijing": a visit one
  // side was invited to make, with no day of its own and not accepted, is no meeting yet.
  bool InvitationOnly(const MeetingMention& m) const {
    if ((m.kind != TriggerKind::kVisit && m.kind != TriggerKind::kStateVisit) || m.date >= 0 ||
        m.first <= m.clause_first || a_.fold(m.first - 1) != "to") {
      return false;
    }
    bool invited = false;
    for (int i = std::max(m.clause_first, m.first - 7); i < m.first - 1; ++i) {
      invited = invited || (a_.frame_at[i] >= 0 &&
                            a_.frames[a_.frame_at[i]].entries[0]->frame == Frame::kInvitation);
    }
    if (!invited) {
      return false;
    }
    for (int i = m.clause_first; i < m.clause_end; ++i) {
      const std::string& f = a_.fold(i);
      if (f == "accepted" || f == "accept" || f == "accepts" || f == "accepting" || f == "agreed" ||
          f == "will") {
        return false;
      }
    }
    return true;
  }

  // "was cancelled because of the summit's agenda": the meeting named in the cause of a
  // cancelling cue before it is not what was cancelled.
  bool CauseAfterCue(const MeetingMention& m, const Match& cue) const {
    for (int i = cue.end; i + 1 < m.first; ++i) {
      const std::string& f = a_.fold(i);
      const std::string& next = a_.fold(i + 1);
      if ((f == "because" && next == "of") || (f == "due" && next == "to") ||
          (f == "owing" && next == "to")) {
        return true;
      }
    }
    return false;
  }

  // "on the sidelines of the G20 summit, weeks after Washington cancelled a formal meeting": a
  // cue after the meeting word whose own object is another meeting word tells of that one.
  bool CancelsAnotherMeetingWord(const MeetingMention& m, const Match& cue) const {
    if (cue.first < m.end) {
      return false;
    }
    for (int i = cue.end; i < std::min(m.clause_end, cue.end + 4); ++i) {
      if (a_.trigger_at[i] >= 0) {
        return true;
      }
      // Only the object's determiner and modifiers between ("a formal", "their planned"), no
      // clause of its own ("cancelled after talks failed").
      const std::string& f = a_.fold(i);
      if (!a_.tok(i).word || a_.tok(i).cap ||
          !(f == "a" || f == "an" || f == "the" || f == "its" || f == "his" || f == "her" ||
            f == "their" || f == "this" || f == "that" || f == "planned" || f == "formal" ||
            f == "scheduled" || f == "official" || f == "proposed" || f == "bilateral")) {
        return false;
      }
    }
    return false;
  }

  // "A planned meeting of A with B, which had been scheduled for Thursday, was cancelled": a
  // noun whose clause a relative clause closes takes the cancelling or postponing cue right
  // after the comma that closes it.
  void StatusAfterRelativeClause(MeetingMention* m) const {
    const int end = sentence_.end_token;
    if (m->form != TriggerForm::kNoun || m->predicate || m->clause_end + 1 >= end ||
        a_.fold(m->clause_end - 1) != "," ||
        (a_.fold(m->clause_end) != "which" && a_.fold(m->clause_end) != "that")) {
      return;
    }
    // The noun heads its clause: no verb told in it after the noun.
    for (int ci : a_.cues_in[s_]) {
      if (a_.cues[ci].first >= m->end && a_.cues[ci].first < m->clause_end) {
        return;
      }
    }
    int comma = -1;
    for (int i = m->clause_end + 1; i < end && comma < 0; ++i) {
      if (a_.fold(i) == ",") {
        comma = i;
      }
    }
    if (comma < 0) {
      return;
    }
    for (int ci : a_.cues_in[s_]) {
      const Match& cue = a_.cues[ci];
      if (cue.first <= comma || cue.first > comma + 4) {
        continue;
      }
      for (const Entry* e : cue.entries) {
        if (e->cue == Cue::kCancel) {
          m->status = MentionStatus::kCancelled;
          return;
        }
        if (e->cue == Cue::kPostpone) {
          m->status = MentionStatus::kPostponed;
          return;
        }
      }
    }
  }

  void ReadStatus(MeetingMention* m) {
    bool future = false;
    bool ongoing = false;
    bool past_plan = false;
    for (int ci : a_.cues_in[s_]) {
      const Match& cue = a_.cues[ci];
      if (cue.first < m->clause_first || cue.first >= m->clause_end) {
        continue;
      }
      // "a long-delayed trade deal", "the twice-postponed summit was finally held": a
      // compound adjective tells of the thing's past, not of the meeting's status.
      const bool compound = cue.first > sentence_.first_token && a_.fold(cue.first - 1) == "-";
      const bool framed_between = CancelOfAFramedEvent(*m, cue) || CauseAfterCue(*m, cue) ||
                                  CancelsAnotherMeetingWord(*m, cue) || compound;
      for (const Entry* e : cue.entries) {
        switch (e->cue) {
          case Cue::kCancel:
            if (framed_between) {
              break;
            }
            m->status = MentionStatus::kCancelled;
            return;
          case Cue::kPostpone:
            if (framed_between) {
              break;
            }
            m->status = MentionStatus::kPostponed;
            return;
          case Cue::kFuture:
            // Before the meeting word or containing it ("plans to meet"), or right after it
            // ("the summit will be held", "talks scheduled for").
            if ((cue.first <= m->first && cue.end + 6 >= m->first && cue.first + 8 >= m->first &&
                 !SaidBetween(cue, *m)) ||
                (cue.first >= m->end && cue.first <= m->end + 3) || GovernsFromAfar(cue, *m)) {
              future = true;
              past_plan =
                  cue.first > m->clause_first && a_.Is(cue.first - 1, WordClass::kPastAuxiliary);
            }
            break;
          case Cue::kOngoing:
            ongoing = ongoing || std::abs(cue.first - m->first) <= 6;
            break;
          default:
            break;
        }
      }
    }
    // "were due to join the summit later on Sunday", "was to meet him later today": a plan told
    // in the past tense for a time of the story still to come is still a plan ("later that
    // day" is the narrative's).
    if (past_plan) {
      for (int i = m->clause_first; i + 1 < m->clause_end; ++i) {
        if (a_.fold(i) != "later") {
          continue;
        }
        const std::string& next = a_.fold(i + 1);
        if (next == "today" || next == "tonight" || next == "tomorrow" || next == "this" ||
            (next == "on" && i + 2 < m->clause_end && a_.tok(i + 2).cap)) {
          past_plan = false;
        }
      }
    }
    // "could meet Xi", "may visit Paris", "might also hold talks": a modal before the meeting
    // verb or its light verb tells of a meeting still to come.
    {
      int k = m->form != TriggerForm::kVerb && light_verb_ >= 0 ? light_verb_ : m->first;
      for (--k; k > m->clause_first &&
                (a_.fold(k) == "also" || a_.fold(k) == "likely" || a_.fold(k) == "still" ||
                 a_.fold(k) == "then" || a_.fold(k) == "possibly" || a_.fold(k) == "probably" ||
                 a_.fold(k) == "even" || a_.fold(k) == "soon");
           --k) {
      }
      if (k >= m->clause_first && !a_.tok(k).cap) {
        const std::string& f = a_.fold(k);
        future = future || f == "could" || f == "might" || f == "may" || f == "can" ||
                 f == "should" || f == "must" || f == "shall" || f == "would";
      }
    }
    future = future || PresentOfSchedule(*m);
    // "X, who will retire soon, held talks with Y" was held.
    if (future && !past_plan && !ongoing && !TellsItsOwnPast(a_, *m)) {
      m->status = MentionStatus::kPlanned;
    }
  }

  // "X arrives in Warsaw on Thursday", "meets Y on Friday", "holds talks with Z on Monday",
  // "travels to Paris on Friday for talks": in the body, the present of the third person of the
  // meeting's verb (its own, its light verb's or a travel verb's before it, told with where it
  // goes) with a weekday after it in the clause, or today ("meets Y in Berlin this afternoon", a
  // preview on the day), tells a schedule, as "talks resume Monday" does; a headline's present
  // may tell the past.
  bool PresentOfSchedule(const MeetingMention& m) const {
    if (sentence_.title || sentence_.all_caps) {
      return false;
    }
    auto present = [&](int i) {
      const std::string& f = a_.fold(i);
      if (a_.tok(i).cap || f.size() < 4 || !absl::EndsWith(f, "s") || absl::EndsWith(f, "ss") ||
          f == "has" || f == "was" || f == "does" || i <= sentence_.first_token) {
        return false;
      }
      // "the visits", "his talks": a plural noun after a determiner is no verb.
      const std::string& before = a_.fold(i - 1);
      return before != "the" && before != "a" && before != "his" && before != "her" &&
             before != "its" && before != "their" && before != "'s" && before != "of" &&
             before != "and" && before != "two" && before != "further";
    };
    int verb = -1;
    if (m.form == TriggerForm::kVerb && present(m.first)) {
      verb = m.first;
    } else if (light_verb_ >= 0 && present(light_verb_)) {
      verb = light_verb_;
    } else {
      for (int i = m.clause_first; i < m.first && verb < 0; ++i) {
        // "heads to Paris", "leaves for Oslo", "visits Rome"; not "heads of state".
        const std::string& next = a_.fold(i + 1);
        const bool goes = next == "to" || next == "for" || next == "in" || next == "back" ||
                          next == "home" || a_.EntityAt(i + 1, EntryType::kPlace) != nullptr;
        if (a_.Is(i, WordClass::kTravelVerb) && goes && present(i)) {
          verb = i;
        }
      }
      // "flies to Berlin on Friday after holding talks in Paris on Thursday": a meeting told
      // after a word of sequence is another occasion than the journey.
      for (int i = verb + 1; verb >= 0 && i < m.first; ++i) {
        const std::string& f = a_.fold(i);
        if (f == "after" || f == "before" || f == "following" || f == "since" || f == "while") {
          return false;
        }
      }
    }
    if (verb < 0) {
      return false;
    }
    for (int di : a_.dates_in[s_]) {
      const DateMention& d = a_.dates[di];
      // A weekday the text leaves to the tense, or today ("this afternoon", "today").
      const bool open_day = (d.weekday && d.direction == 0 && d.tense == 0) ||
                            (d.relative && !d.weekday && !d.month_relative && d.relative_days == 0);
      if (open_day && !d.dateline && d.first_token > verb && d.first_token < m.clause_end) {
        return true;
      }
    }
    return false;
  }

  // "Trump said he might meet Putin at some point", "the leaders should meet": a meeting verb
  // after "might", "could", "may" or "should" with no date of its own is only considered.
  bool Speculative(const MeetingMention& m) const {
    if (m.form != TriggerForm::kVerb || m.status != MentionStatus::kPlanned || m.date >= 0) {
      return false;
    }
    int k = m.first - 1;
    while (k > m.clause_first && (a_.fold(k) == "also" || a_.fold(k) == "still" ||
                                  a_.fold(k) == "possibly" || a_.fold(k) == "even")) {
      --k;
    }
    if (k < m.clause_first || a_.tok(k).cap) {
      return false;
    }
    const std::string& f = a_.fold(k);
    return f == "might" || f == "could" || f == "may" || f == "should";
  }

  // "Two years ago, X met Y", "X met Y in Tashkent a decade ago": the "ago" at `ago` dates the
  // meeting word, not when the clause has a date of the present ("met on Tuesday to review a
  // deal signed two years ago") or the phrase belongs to a verb of its own between them ("Y,
  // who took office three years ago, held talks", "to review a deal signed years ago").
  bool AgoDatesTheMeeting(const MeetingMention& m, int ago) const {
    for (const DateMention& d : a_.dates) {
      if (!d.dateline && d.first_token >= m.clause_first && d.first_token < m.clause_end &&
          !(d.has_year && !d.relative && a_.published.has_value() &&
            d.start.year() < a_.published->year())) {
        return false;
      }
    }
    const int from = ago < m.first ? sentence_.first_token : m.end;
    const int to = ago < m.first ? ago : ago - 1;
    for (int k = from; k < to; ++k) {
      const std::string& w = a_.fold(k);
      if (w == "to" || w == "who" || w == "which" || w == "that" || w == "whose" || w == "when" ||
          w == "since" || w == "after" || w == "before" ||
          (!a_.tok(k).cap && w.size() > 3 && absl::EndsWith(w, "ed"))) {
        return false;
      }
    }
    return true;
  }

  void ReadRelation(MeetingMention* m) {
    bool follow_up = false;
    bool previous = false;
    bool generic = false;
    bool ordinal = false;
    bool speculative = false;
    for (int i = m->np_first; i < m->first; ++i) {
      speculative = speculative || a_.Is(i, WordClass::kSpeculative);
      follow_up = follow_up || a_.Is(i, WordClass::kFollowUpMarker);
      previous = previous || a_.Is(i, WordClass::kPreviousMarker);
      generic = generic || a_.Is(i, WordClass::kGenericMarker);
      ordinal = ordinal || a_.Is(i, WordClass::kOrdinal);
    }
    // "last year's summit", "the 1986 Tokyo summit" (a year before the publication's).
    for (int i = m->np_first; i < m->first; ++i) {
      int year = 0;
      if (a_.published.has_value() && absl::SimpleAtoi(a_.fold(i), &year) && year >= 1900 &&
          year < a_.published->year()) {
        previous = true;
      }
    }
    if (m->end < m->clause_end && a_.fold(m->end) == "again") {
      follow_up = true;
    }
    // "Last month, X visited Y", "an EU summit in Brussels last week", "met in 2019": a time
    // adverbial of the past in the clause makes a meeting told in passing background - when
    // the article's own meeting is another (a meeting the article reports has no such
    // adverbial, or a date, which the grouping compares).
    bool past_adverbial = false;
    bool distant_past = false;
    // "meeting in Tashkent on Thursday for the first time since Y took office last year": what
    // follows "the first ... since" dates the earlier event, not this meeting.
    int first_since = m->clause_end;
    for (int i = m->clause_first; i < m->clause_end && first_since == m->clause_end; ++i) {
      for (int k = std::max(sentence_.first_token, i - 4); a_.fold(i) == "since" && k < i; ++k) {
        first_since = a_.fold(k) == "first" ? i : first_since;
      }
    }
    for (int i = m->clause_first; i + 1 < std::min(m->clause_end, first_since + 1); ++i) {
      const std::string& f = a_.fold(i);
      const std::string& next = a_.fold(i + 1);
      // "after last week's referendum": a possessive dates a thing, not the meeting.
      const bool possessive = i + 2 < m->clause_end && a_.fold(i + 2) == "'s";
      if ((f == "last" && !possessive &&
           (next == "week" || next == "month" || next == "year" || next == "weekend" ||
            next == "spring" || next == "summer" || next == "autumn" || next == "fall" ||
            next == "winter")) ||
          (f == "ago" && i > m->clause_first)) {
        past_adverbial = true;
      }
      // "A decade ago, X met Y", "two years ago": years back, not the news even in the lead.
      if (f == "ago" && i > sentence_.first_token && AgoDatesTheMeeting(*m, i)) {
        const std::string& span = a_.fold(i - 1);
        if (span == "years" || span == "decade" || span == "decades" || span == "year") {
          distant_past = true;
        }
      }
      int year = 0;
      // "The meeting, held on the 5th, followed a visit in January 2023": a year after a day of
      // the present told after the meeting word dates another thing.
      bool dated_before = false;
      for (int di : a_.dates_in[s_]) {
        const DateMention& d = a_.dates[di];
        dated_before =
            dated_before || (a_.published.has_value() && !d.dateline && d.sentence == s_ &&
                             d.first_token >= m->end && d.end_token <= i &&
                             !(d.has_year && !d.relative && d.start.year() > 0 &&
                               d.start.year() < a_.published->year()));
      }
      if (dated_before) {
        continue;
      }
      if ((f == "in" || f == "since") && a_.published.has_value() &&
          absl::SimpleAtoi(next, &year) && year >= 1900 && year < a_.published->year()) {
        past_adverbial = true;
      }
      // "in July 2018": a month of a year before the publication's.
      if ((f == "in" || f == "since") && a_.published.has_value()) {
        for (int di : a_.dates_in[s_]) {
          const DateMention& d = a_.dates[di];
          if (d.first_token == i + 1 && d.has_year && !d.relative && d.start.year() >= 1900 &&
              d.start.year() < a_.published->year()) {
            past_adverbial = true;
          }
        }
      }
      // "when then-President X met Y": office holders of the past.
      if (f == "then" && next == "-") {
        past_adverbial = true;
      }
    }
    // "Ten years after the Minsk summit": a meeting years before the time told.
    for (int i = std::max(sentence_.first_token + 1, m->np_first - 3); i < m->np_first; ++i) {
      const std::string& span = a_.fold(i - 1);
      if (a_.fold(i) == "after" &&
          (span == "years" || span == "decade" || span == "decades" || span == "year")) {
        past_adverbial = true;
        distant_past = true;
      }
    }
    // "date back to 1955, when X met Y": a clause opened by "when" right after a past year.
    int when = -1;
    if (a_.fold(m->clause_first) == "when") {
      when = m->clause_first;
    } else if (m->clause_first > sentence_.first_token && a_.fold(m->clause_first - 1) == "when") {
      when = m->clause_first - 1;
    }
    // Told so, it is of the past even in the lead ("held talks on Wednesday, the first summit
    // since 2018, when Putin met Trump in Helsinki").
    bool when_past = false;
    for (int i = std::max(sentence_.first_token, when - 3); when >= 0 && i < when; ++i) {
      int year = 0;
      if (a_.published.has_value() && absl::SimpleAtoi(a_.fold(i), &year) && year >= 1900 &&
          year < a_.published->year()) {
        past_adverbial = true;
        when_past = true;
      }
    }
    // "They last met in Paris in June": the meeting before this one.
    if (m->form == TriggerForm::kVerb && m->first > sentence_.first_token &&
        a_.fold(m->first - 1) == "last") {
      past_adverbial = true;
    }
    // "The talks came a week after X paid a state visit to Y", "comes days after": a meeting
    // told after "after" that follows a span of time or "came", behind another meeting word of
    // the sentence, was held before it.
    if (m->status == MentionStatus::kHeld) {
      for (int j = m->first - 1; j > sentence_.first_token + 1 && j >= m->first - 12; --j) {
        if (a_.trigger_at[j] >= 0 && j < m->np_first) {
          break;
        }
        if (a_.fold(j) != "after") {
          continue;
        }
        static constexpr absl::string_view kBefore[] = {
            "day",   "days", "week",  "weeks",   "month", "months", "year", "years",
            "hours", "came", "comes", "shortly", "soon",  "just",   "only", "weeks"};
        const std::string& w = a_.fold(j - 1);
        bool earlier_word = false;
        for (int t = sentence_.first_token; t < j - 1 && !earlier_word; ++t) {
          earlier_word = a_.trigger_at[t] >= 0;
        }
        if (earlier_word &&
            std::find(std::begin(kBefore), std::end(kBefore), w) != std::end(kBefore)) {
          past_adverbial = true;
        }
        break;
      }
    }
    if (past_adverbial && (m->sentence > 1 || when_past || distant_past) &&
        m->status == MentionStatus::kHeld) {
      m->relation = MentionRelation::kPrevious;
      return;
    }
    if (m->form != TriggerForm::kVerb && (previous && m->status == MentionStatus::kHeld)) {
      m->relation = MentionRelation::kPrevious;
      return;
    }
    // "a meeting of the government", "the party congress": a country's own bodies meeting.
    for (int i = m->end; i < std::min(m->clause_end, m->end + 4); ++i) {
      if (a_.Is(i, WordClass::kDomesticBody) &&
          (a_.fold(i - 1) == "of" || a_.fold(i - 1) == "the" || a_.fold(i - 1) == "'s")) {
        m->relation = MentionRelation::kGeneric;
        return;
      }
      if (a_.fold(i) != "of" && a_.fold(i) != "the" && a_.fold(i) != "its" && a_.fold(i) != "his" &&
          a_.fold(i) != "her") {
        break;
      }
    }
    // ("The Speaker of the Senate X met Y": a verb's words before it are its subject's.)
    for (int i = m->np_first; m->form == TriggerForm::kNoun && i < m->first; ++i) {
      if (a_.Is(i, WordClass::kDomesticBody)) {
        m->relation = MentionRelation::kGeneric;  // "a cabinet meeting", "government talks".
        return;
      }
    }
    // "upcoming high-level meetings", "future visits": later meetings in the plural with nobody
    // named are a generic reference, not one meeting.
    const std::string& word = a_.fold(m->end - 1);
    const bool plural =
        word == "meetings" || word == "summits" || word == "visits" || word == "contacts";
    if (follow_up && plural && m->form == TriggerForm::kNoun && !m->named_event) {
      generic = true;
    }
    // "has represented Malaysia at ASEAN meetings", "discussed at United Nations meetings": a
    // meeting noun in the plural with no determiner, after a preposition, is a kind of meeting,
    // not one.
    if (plural && m->form == TriggerForm::kNoun && m->np_first > m->clause_first &&
        light_verb_ < 0) {
      const std::string& before = a_.fold(m->np_first - 1);
      bool determined = false;
      for (int i = m->np_first; i < m->first; ++i) {
        const std::string& f = a_.fold(i);
        determined = determined || a_.Is(i, WordClass::kAnaphor) || f == "a" || f == "an" ||
                     f == "'s" || f == "both" || f == "several" ||
                     absl::ascii_isdigit(static_cast<unsigned char>(f[0]));
      }
      if (!determined && (before == "at" || before == "in" || before == "during")) {
        m->relation = MentionRelation::kGeneric;
        return;
      }
    }
    // "The ministers also discussed the ongoing negotiations with Y": talks that are the object
    // of discussing or reviewing are what was talked about, not a meeting of their own.
    if (m->kind == TriggerKind::kMeet && m->form == TriggerForm::kNoun && light_verb_ < 0 &&
        !follow_up && !m->named_event) {
      const auto discussing = [this](int i) {
        const std::string& f = a_.fold(i);
        return f == "discussed" || f == "discuss" || f == "discusses" || f == "discussing" ||
               f == "reviewed" || f == "review" || f == "reviews" || f == "reviewing";
      };
      int k = m->np_first - 1;
      while (k > m->clause_first && k >= m->np_first - 3 && !discussing(k) && a_.tok(k).word &&
             !a_.tok(k).cap && a_.trigger_at[k] < 0 && a_.entity_at[k] < 0 &&
             (a_.fold(k) == "the" || absl::EndsWith(a_.fold(k), "ing"))) {
        --k;  // "the ongoing", "the continuing".
      }
      if (k >= m->clause_first && k < m->np_first && discussing(k)) {
        m->relation = MentionRelation::kGeneric;
        return;
      }
    }
    // "weighs a possible visit to Taiwan": only considered, whoever it names. A day or month
    // in its clause makes it a plan ("the two sides would meet again in Kabul in November").
    bool dated = false;
    for (int di : a_.dates_in[s_]) {
      const DateMention& d = a_.dates[di];
      dated = dated ||
              (!d.dateline && d.first_token >= m->clause_first && d.end_token <= m->clause_end);
    }
    if ((generic && m->subject.empty() && m->object.empty() && !dated) ||
        (speculative && m->form == TriggerForm::kNoun && !m->named_event)) {
      m->relation = MentionRelation::kGeneric;
      return;
    }
    // "Kohl did not meet the Russian president", "has never met him": a negated meeting verb
    // tells of no meeting.
    if (m->form == TriggerForm::kVerb && m->first >= m->clause_first + 2) {
      const std::string& before = a_.fold(m->first - 1);
      const std::string& aux = a_.fold(m->first - 2);
      if (before == "never" || ((before == "not" || before == "n't") &&
                                (aux == "did" || aux == "does" || aux == "do" || aux == "has" ||
                                 aux == "have" || aux == "had"))) {
        m->relation = MentionRelation::kGeneric;
        return;
      }
    }
    // "there were no plans for a meeting", "is not expected to meet him", "no talks are
    // planned": a plan denied, or a meeting noun after "no", tells of no meeting.
    {
      const int start = m->form == TriggerForm::kNoun
                            ? (light_verb_ >= 0 ? std::min(light_verb_, m->np_first) : m->np_first)
                            : m->first;
      if (m->form == TriggerForm::kNoun && start > m->clause_first && a_.fold(start - 1) == "no") {
        m->relation = MentionRelation::kGeneric;
        return;
      }
      // "said they were open to talks", "is ready for talks", "called for talks": a meeting
      // wished for, not one held or planned.
      if (m->form == TriggerForm::kNoun && start - 2 >= m->clause_first) {
        const std::string& w = a_.fold(start - 2);
        const std::string& p = a_.fold(start - 1);
        if ((p == "to" && w == "open") ||
            (p == "for" && (w == "ready" || w == "readiness" || w == "call" || w == "calls" ||
                            w == "called" || w == "calling"))) {
          m->relation = MentionRelation::kGeneric;
          return;
        }
      }
      for (int i = std::max(m->clause_first + 1, start - 6); i < start; ++i) {
        // "no concrete plans", "no immediate plans": one adjective may stand between.
        const std::string& before = a_.fold(i - 1);
        const bool no_adjective = i - 2 >= m->clause_first && a_.fold(i - 2) == "no" &&
                                  a_.tok(i - 1).word && !a_.tok(i - 1).cap &&
                                  a_.entity_at[i - 1] < 0 && a_.trigger_at[i - 1] < 0;
        if (a_.Is(i, WordClass::kIntentWord) &&
            (before == "no" || before == "not" || before == "n't" || no_adjective)) {
          m->relation = MentionRelation::kGeneric;
          return;
        }
      }
    }
    // "has spoken several times by telephone with A and B in recent weeks": a recurring contact,
    // not one meeting.
    for (int i = m->clause_first; i + 1 < m->clause_end; ++i) {
      const std::string& f = a_.fold(i);
      // "have met more than 40 times", "met dozens of times".
      const bool count = f == "several" || f == "many" || f == "multiple" || f == "numerous" ||
                         f == "dozens" || f == "scores" || f == "two" || f == "three" ||
                         f == "four" || f == "five" || f == "six" ||
                         (absl::ascii_isdigit(static_cast<unsigned char>(f[0])) && f != "1");
      const bool of_times = i + 2 < m->clause_end && (f == "dozens" || f == "scores") &&
                            a_.fold(i + 1) == "of" && a_.fold(i + 2) == "times";
      // "have spoken by telephone twice this year", "met twice" (not "the twice-postponed
      // summit").
      const bool twice = (f == "twice" || f == "thrice") && a_.fold(i + 1) != "-" && i >= m->end &&
                         i <= m->end + 2;
      if (((count && (a_.fold(i + 1) == "times" || of_times)) || twice) &&
          m->status == MentionStatus::kHeld) {
        m->relation = MentionRelation::kGeneric;
        return;
      }
    }
    // "met a delegation of Chinese business executives", "held talks with investors": a
    // meeting with business people, no official on the other side, is not a meeting of states.
    {
      int i = m->end;
      if (m->form == TriggerForm::kNoun && i < m->clause_end && a_.fold(i) == "with") {
        ++i;
      }
      bool business = false;
      bool official = false;
      for (; i < std::min(m->clause_end, m->end + 9); ++i) {
        const std::string& f = a_.fold(i);
        if (f == "in" || f == "on" || f == "at" || f == "to" || f == "during" || f == "for" ||
            f == "," || f == "and" || a_.trigger_at[i] >= 0) {
          break;
        }
        business = business || a_.Is(i, WordClass::kBusinessNoun);
        // "a delegation of": whose, the words after it say.
        const Entry* role = a_.EntityAt(i, EntryType::kRole);
        official = official || person(i) >= 0 ||
                   (role != nullptr && f != "delegation" && f != "delegations" &&
                    !a_.Is(a_.entities[a_.entity_at[i]].end - 1, WordClass::kBusinessNoun));
      }
      // "met Chinese business executives and Premier X", "business and government leaders":
      // an official anywhere else in the clause is a side of a meeting of states.
      for (int j = i; business && !official && j < m->clause_end; ++j) {
        const std::string& f = a_.fold(j);
        const Entry* role = a_.EntityAt(j, EntryType::kRole);
        official = person(j) >= 0 || f == "government" || f == "officials" || f == "ministers" ||
                   (role != nullptr &&
                    !a_.Is(a_.entities[a_.entity_at[j]].end - 1, WordClass::kBusinessNoun));
      }
      if (business && !official && m->status == MentionStatus::kHeld) {
        m->relation = MentionRelation::kGeneric;
        return;
      }
    }
    // "have met regularly since 1990", "often hold talks", "meet annually": a meeting verb of
    // recurring contact, not one meeting.
    if (m->form == TriggerForm::kVerb) {
      for (int i : {m->first - 1, m->end, m->end + 1}) {
        if (i >= m->clause_first && i < m->clause_end && a_.Is(i, WordClass::kFrequencyAdverb)) {
          m->relation = MentionRelation::kGeneric;
          return;
        }
      }
    }
    const bool again = m->end < m->clause_end && a_.fold(m->end) == "again";
    // "will gather in Dushanbe on Thursday for their fourth meeting": an ordinal meeting the
    // clause's subject comes to is the clause's own meeting, not another of the series.
    bool attended = false;
    if (m->frame == Frame::kAttend && m->anaphoric) {
      for (int i = m->clause_first; i < m->np_first && !attended; ++i) {
        if (a_.trigger_at[i] < 0) {
          continue;
        }
        for (const Entry* e : a_.triggers[a_.trigger_at[i]].entries) {
          attended = attended || (IsMeetingWord(e) && e->form == TriggerForm::kVerb);
        }
      }
    }
    if ((m->form != TriggerForm::kVerb || again) &&
        (follow_up || (ordinal && m->status == MentionStatus::kPlanned && !attended))) {
      m->relation = MentionRelation::kFollowUp;
      // "The two leaders met again on January 24": a verb of the past tells it held.
      if (m->status == MentionStatus::kHeld && !(again && TellsItsOwnPast(a_, *m))) {
        m->status = MentionStatus::kPlanned;
      }
      return;
    }
    const bool event_kind = m->kind == TriggerKind::kSummit ||
                            m->kind == TriggerKind::kConference || m->kind == TriggerKind::kCouncil;
    if (m->frame != Frame::kNone && m->frame != Frame::kDuring && !m->anaphoric &&
        (m->named_event || (event_kind && m->frame != Frame::kAttend))) {
      m->relation = MentionRelation::kEvent;
      if (m->status == MentionStatus::kHeld &&
          (m->frame == Frame::kBefore || m->frame == Frame::kTopic ||
           m->frame == Frame::kInvitation)) {
        m->status = MentionStatus::kPlanned;
      }
    }
  }

  // Whether the words from `from` to the meeting word close a relative clause that opens the
  // meeting word's clause (", who ...", ", which ...", ", whom ..."): a comma stands between, so
  // the meeting word belongs to the sentence the relative clause interrupted.
  bool InClosedRelativeClause(const MeetingMention& m, int from) const {
    const int open = m.clause_first;
    if (open <= sentence_.first_token || a_.fold(open - 1) != ",") {
      return false;
    }
    const std::string& pronoun = a_.fold(open);
    if (pronoun != "who" && pronoun != "whom" && pronoun != "which") {
      return false;
    }
    for (int k = std::max(from, open + 1); k < m.first; ++k) {
      if (a_.fold(k) == ",") {
        return true;
      }
    }
    return false;
  }

  void ReadPlaceAndDate(MeetingMention* m) {
    // The date nearest the meeting word in its clause (within 14 tokens), a weekday or an
    // absolute date; not a wire dateline.
    int best = 1 << 20;
    for (int di : a_.dates_in[s_]) {
      const DateMention& d = a_.dates[di];
      if (d.dateline || d.first_token < m->clause_first || d.first_token >= m->clause_end) {
        continue;
      }
      // "who has been in Beijing since Monday": the start of a stay, not the meeting's day;
      // "said on Thursday that X met Y on Tuesday": the day of the saying.
      if (d.first_token > 0 && a_.fold(d.first_token - 1) == "since") {
        continue;
      }
      bool said = false;
      for (int k = std::max(0, d.first_token - 2); d.end_token <= m->first && k < m->first; ++k) {
        said = said || a_.Is(k, WordClass::kSpeechVerb);
      }
      if (said || DayOfASayingAfter(a_, *m, d)) {
        continue;
      }
      // "Ishiba, who took office on October 1, met Li on Thursday": a relative clause set off
      // by commas before the meeting word tells of its subject, not of the meeting.
      if (d.end_token <= m->first && InClosedRelativeClause(*m, d.end_token)) {
        continue;
      }
      const int distance =
          std::min(std::abs(d.first_token - m->end), std::abs(m->first - d.end_token));
      if (distance < best && distance <= 14) {
        best = distance;
        m->date = di;
      }
    }
    // "The summit, which opened on Tuesday and runs until Thursday, ...": a noun that ends its
    // clause takes the day of the relative clause that tells of it, when it has none of its own.
    if (m->date < 0 && m->form == TriggerForm::kNoun && !m->predicate &&
        std::max(m->end, m->np_end) + 1 == m->clause_end && a_.fold(m->clause_end - 1) == "," &&
        m->clause_end + 1 < sentence_.end_token && a_.fold(m->clause_end) == "which") {
      const int rel_end = ClauseEnd(m->clause_end);
      for (int di : a_.dates_in[s_]) {
        const DateMention& d = a_.dates[di];
        if (!d.dateline && d.first_token > m->clause_end && d.first_token <= m->clause_end + 6 &&
            d.end_token <= rel_end) {
          m->date = di;
          break;
        }
      }
    }
    // "X is due to arrive in Kazan on Thursday and will meet Y": a predicate joined by a plain
    // "and will" (not "and then", "and later") is of the same occasion, and takes the place and
    // the day of the clause before when it tells none.
    // So does a clause opened by ", where" ("X flew to Brussels on Sunday, where he held talks
    // with Y"): "where" stands for the place of the clause before, on its day.
    int place_first = m->clause_first;
    const bool and_will =
        a_.fold(m->clause_first) == "and" &&
        (a_.fold(m->clause_first + 1) == "will" || a_.fold(m->clause_first + 1) == "would") &&
        m->clause_first + 2 < m->clause_end && !a_.Is(m->clause_first + 2, WordClass::kAuxiliary);
    const bool where = a_.fold(m->clause_first) == "where" && a_.fold(m->clause_first - 1) == ",";
    if (m->clause_first > sentence_.first_token + 1 && (and_will || where)) {
      const int before = ClauseStart(m->clause_first - 1);
      bool own_place = false;
      for (int i = m->clause_first; i < m->clause_end; ++i) {
        const Entry* pe = a_.EntityAt(i, EntryType::kPlace);
        own_place = own_place || (pe != nullptr && pe->place != PlaceKind::kDemonym);
      }
      if (!own_place) {
        place_first = before;
      }
      if (m->date < 0) {
        for (int di : a_.dates_in[s_]) {
          const DateMention& d = a_.dates[di];
          if (!d.dateline && d.first_token >= before && d.end_token <= m->clause_first) {
            m->date = di;  // The last one before the "and".
          }
        }
      }
    }
    // A town or country after a locative in the clause: "in Almaty", "visit to Kazakhstan",
    // "to visit Japan", "visits Kenya". After another meeting verb in the clause, a place after
    // this meeting word comes first ("met Y in A on Friday, and on Saturday held talks with Z in
    // B").
    bool verb_before = false;
    for (int i = place_first; i < m->first && !verb_before; ++i) {
      if (a_.trigger_at[i] >= 0) {
        for (const Entry* e : a_.triggers[a_.trigger_at[i]].entries) {
          verb_before = verb_before || e->form == TriggerForm::kVerb;
        }
      }
    }
    if (verb_before) {
      FindVenue(m->first, m);
    }
    // ", where" stands for the last place told before it ("held talks in A on Monday before
    // flying on to B, where he met Z": B).
    for (int q = m->clause_first - 1;
         where && place_first < m->clause_first && m->venue_first < 0 && q >= place_first; --q) {
      FindVenue(q, m);
    }
    if (m->venue_first < 0) {
      FindVenue(place_first, m);
    }
  }

  void FindVenue(int place_first, MeetingMention* m) const {
    for (int i = place_first; i < m->clause_end; ++i) {
      if (a_.entity_at[i] < 0) {
        continue;
      }
      const Match& match = a_.entities[a_.entity_at[i]];
      const Entry* pe = match.Of(EntryType::kPlace);
      if (pe == nullptr) {
        i = match.end - 1;
        continue;
      }
      int k = match.first - 1;
      while (k >= place_first && a_.fold(k) == "the") {
        --k;
      }
      // "travel to X", and with an adverb of the onward leg between: "travel on to X", "fly
      // onwards to X", "then head straight to X".
      bool travel_to = false;
      if (k > place_first && a_.fold(k) == "to") {
        int q = k - 1;
        for (int steps = 0; q > place_first && steps < 2 && OnwardAdverb(a_.fold(q)); ++steps) {
          --q;
        }
        travel_to = a_.Is(q, WordClass::kTravelVerb);
      }
      // "talks on the war in Gaza": a place after an issue noun is a subject, not a venue.
      const bool issue =
          k > place_first && a_.fold(k) == "in" && a_.Is(k - 1, WordClass::kIssueNoun);
      const bool locative =
          k >= place_first && !issue &&
          (a_.fold(k) == "in" || a_.fold(k) == "at" || travel_to || a_.fold(k) == "visit" ||
           a_.fold(k) == "visits" || a_.fold(k) == "visited" || a_.fold(k) == "visiting");
      if (locative && !PlaceOfASaying(a_, match, m->end) &&
          (m->venue_first < 0 || IsVenueTown(pe->place))) {
        const bool town_already = m->venue_first >= 0;
        if (!town_already ||
            !IsVenueTown(a_.entities[a_.entity_at[m->venue_first]].Of(EntryType::kPlace)->place)) {
          m->venue_first = match.first;
          m->venue_end = match.end;
        }
      }
      i = match.end - 1;
    }
  }

  const Annotations& a_;
  const std::vector<Person>& people_;
  const std::vector<int>& person_at_;
  const std::vector<const PlaceMention*>& place_at_;
  const int s_;
  const Sentence& sentence_;
  std::vector<int> clause_starts_;
  std::vector<std::pair<int, int>> title_bodies_;  // Token spans; see FindTitleBodies.
  std::vector<std::pair<int, int>> framed_;        // Token spans of framed events read so far.
  int light_verb_ = -1;
  int np_end_ = 0;
  // The end of the last meeting verb only considered ("might visit") and its clause's start.
  int speculative_end_ = -1;
  int speculative_clause_ = -1;
};

}  // namespace

bool PlaceOfASaying(const Annotations& a, const Match& place, int from) {
  const Sentence& sentence = a.sentence(a.tok(place.first).sentence);
  int comma = -1;
  for (int k = place.first - 1; k >= std::max(from, sentence.first_token) && k >= place.first - 6;
       --k) {
    if (a.fold(k) == ",") {
      comma = k;
      break;
    }
    if (a.trigger_at[k] >= 0) {
      return false;
    }
  }
  if (comma < 0) {
    return false;
  }
  for (int k = place.end; k < std::min(sentence.end_token, place.end + 3); ++k) {
    if (a.Is(k, WordClass::kSpeechVerb)) {
      return true;
    }
    if (a.trigger_at[k] >= 0 || a.fold(k) == ",") {
      return false;
    }
  }
  return false;
}

bool DayOfASayingAfter(const Annotations& a, const MeetingMention& m, const DateMention& d) {
  if (d.sentence != m.sentence || d.first_token < m.end) {
    return false;
  }
  int speech = -1;
  for (int k = std::max(m.end, d.first_token - 3); k < d.first_token; ++k) {
    if (a.Is(k, WordClass::kSpeechVerb)) {
      speech = k;
    }
  }
  for (int k = m.end; speech >= 0 && k < speech; ++k) {
    if (a.fold(k) == ",") {
      return true;
    }
  }
  return false;
}

bool TellsItsOwnPast(const Annotations& a, const MeetingMention& m) {
  bool past = false;
  for (int ci : a.cues_in[m.sentence]) {
    const Match& cue = a.cues[ci];
    for (const Entry* e : cue.entries) {
      if (e->cue == Cue::kPast && cue.first >= m.first && cue.first < m.end) {
        past = true;
      }
      if (e->cue == Cue::kFuture && cue.first <= m.first && cue.end >= m.end) {
        return false;
      }
    }
  }
  return past;
}

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
    // Postponed to a new date (one after the postponing word: "had been scheduled for
    // February 20, has been postponed indefinitely" gives the old one) is planned; without one,
    // or "indefinitely", it is called off.
    int cue_end = -1;
    for (int ci : a.cues_in[postpone_sentence]) {
      for (const Entry* e : a.cues[ci].entries) {
        if (e->cue == Cue::kPostpone && cue_end < 0) {
          cue_end = a.cues[ci].end;
        }
      }
    }
    const Sentence& sentence = a.sentence(postpone_sentence);
    for (int i = std::max(cue_end, sentence.first_token);
         i < std::min(sentence.end_token, cue_end + 2); ++i) {
      if (a.fold(i) == "indefinitely" || a.fold(i) == "sine") {
        return MentionStatus::kCancelled;
      }
    }
    // A day or week told relative to the publication is a new date only where it is the
    // postponement's goal ("postponed to Monday", "put off until tomorrow", "pushed back to
    // next week"), not the day of the postponing ("were postponed on Friday").
    auto goal = [&](int i) {
      return i == cue_end ||
             (i > sentence.first_token &&
              (a.fold(i - 1) == "to" || a.fold(i - 1) == "until" || a.fold(i - 1) == "till"));
    };
    // "postponed the summit to be held in November", "put off the talks scheduled for
    // March 3": a date after a word of the plan inside the noun phrase put off is the day first
    // planned, not a new one ("was postponed and is now scheduled for May 2" gives a new one).
    auto first_planned = [&](const DateMention& date) {
      for (int ci : a.cues_in[postpone_sentence]) {
        const Match& cue = a.cues[ci];
        if (cue.first < cue_end || cue.end > date.first_token || date.first_token > cue.end + 2 ||
            goal(date.first_token)) {
          continue;
        }
        bool new_clause = false;
        for (int k = cue_end; k < cue.first; ++k) {
          const std::string& f = a.fold(k);
          new_clause = new_clause || f == "and" || f == "," || f == "now" || f == "is" ||
                       f == "are" || f == "was" || f == "were" || f == "has" || f == "have" ||
                       f == "been";
        }
        if (new_clause) {
          continue;
        }
        const std::string& word = a.fold(cue.first);
        for (const Entry* e : cue.entries) {
          if (e->cue == Cue::kFuture && word != "will" && word != "would" && word != "'ll") {
            return true;
          }
        }
      }
      return false;
    };
    for (int d : a.dates_in[postpone_sentence]) {
      const DateMention& date = a.dates[d];
      if (!date.dateline && date.first_token >= cue_end && !first_planned(date) &&
          (date.start.year() > 0 || (date.relative && goal(date.first_token)))) {
        return MentionStatus::kPlanned;
      }
    }
    for (int i = std::max(cue_end, sentence.first_token);
         i + 1 < std::min(sentence.end_token, cue_end + 3); ++i) {
      const std::string& next = a.fold(i + 1);
      if (a.fold(i) == "next" && goal(i) &&
          (next == "week" || next == "month" || next == "year" || next == "weekend")) {
        return MentionStatus::kPlanned;
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

// A signing read as a meeting reports one when it is told as news (a date or a place attached to
// it) and names both sides: "A and B signed", "A signed ... with B", "signed by A and B".
bool ReportsASigningMeeting(const Annotations& a, const MeetingMention& m) {
  if (m.relation != MentionRelation::kReport || (m.date < 0 && m.venue_first < 0)) {
    return false;
  }
  // "Parliament ratified the treaty on Wednesday. A and B signed it in Tashkent in March": a
  // signing dated more than a week before the publication (or in an earlier month) is the
  // background of the news, not its meeting.
  if (m.date >= 0 && a.published.has_value()) {
    const DateMention& d = a.dates[m.date];
    if (!d.relative && d.start.year() > 0) {
      const absl::CivilMonth month(d.start.year(), std::max(1, d.start.month()));
      const bool stale = d.start.day() > 0
                             ? absl::CivilDay(d.start.year(), std::max(1, d.start.month()),
                                              d.start.day()) < *a.published - 7
                             : month < absl::CivilMonth(*a.published);
      if (stale) {
        return false;
      }
    }
  }
  if (!m.subject.empty() && !m.object.empty()) {
    return true;
  }
  // "A and B signed", "An accord was signed by A and B".
  std::set<std::string> countries(m.subject.countries.begin(), m.subject.countries.end());
  countries.insert(m.object.countries.begin(), m.object.countries.end());
  return countries.size() >= 2 || m.subject.people.size() + m.object.people.size() >= 2;
}

MeetingMentions FindMeetingMentions(const Annotations& a, const std::vector<Person>& people,
                                    const Parties& parties) {
  MeetingMentions out;
  out.sentences.resize(a.sentence_count());
  std::vector<int> person_at(a.doc.tokens.size(), -1);
  for (size_t p = 0; p < people.size(); ++p) {
    for (const PersonMention& m : people[p].mentions) {
      for (int i = m.first; i < m.end; ++i) {
        person_at[i] = static_cast<int>(p);
      }
    }
  }
  std::vector<const PlaceMention*> place_at(a.doc.tokens.size(), nullptr);
  for (const PlaceMention& p : parties.places) {
    for (int i = p.first; i < p.end; ++i) {
      place_at[i] = &p;
    }
  }
  // "X and Y signed an agreement in Z on Monday": in an article that reports no meeting by any
  // other word, a signing is the meeting (a second pass reads signing verbs). So it is when
  // the other words name nobody ("A and B signed a treaty today. The signing capped a two-day
  // summit meeting"): the second pass reads them again beside the signing.
  auto sideless = [&out]() {
    return std::all_of(out.mentions.begin(), out.mentions.end(), [](const MeetingMention& m) {
      return m.subject.empty() && m.object.empty();
    });
  };
  // The second pass adds only signings: an article with no signing verb is read once.
  const bool any_signing = std::any_of(a.triggers.begin(), a.triggers.end(), [](const Match& t) {
    return std::none_of(t.entries.begin(), t.entries.end(),
                        [](const Entry* e) { return IsMeetingWord(e); });
  });
  for (int pass = 0; pass < 2 && (pass == 0 || (any_signing && sideless())); ++pass) {
    out.mentions.clear();
    out.principal = -1;
    for (int s = 0; s < a.sentence_count(); ++s) {
      out.sentences[s].sidelines = a.SentenceHasWord(s, WordClass::kSidelinesWord);
      SentenceReader reader(a, people, person_at, place_at, s);
      for (int t : a.triggers_in[s]) {
        // "issued the Madrid Summit Declaration": a capitalised meeting word right before a
        // document word is part of the document's name, not a meeting of its own.
        const Match& word = a.triggers[t];
        if (word.end < static_cast<int>(a.doc.tokens.size()) && a.tok(word.first).cap &&
            !a.sentence(s).all_caps && !a.sentence(s).title && a.tok(word.end).cap &&
            a.EntityAt(word.end, EntryType::kDocument) != nullptr &&
            a.tok(word.end).sentence == a.tok(word.first).sentence) {
          continue;
        }
        MeetingMention m;
        if (!reader.Read(t, &m, pass == 1)) {
          continue;
        }
        // "the Franco-German Ministerial Council", "the summit meeting": a meeting word that
        // modifies the noun after it is one mention with that noun, of the more telling kind.
        if (!out.mentions.empty() && m.form == TriggerForm::kNoun) {
          const MeetingMention& prev = out.mentions.back();
          if (prev.sentence == s && prev.form == TriggerForm::kNoun && prev.first >= m.np_first &&
              prev.end <= m.first) {
            if (m.kind == TriggerKind::kMeet) {
              m.kind = prev.kind;
            }
            out.mentions.pop_back();
          }
        }
        // "met his Moroccan and Algerian counterparts": a weak word inside the object of the
        // meeting verb before it is part of that mention.
        if (!out.mentions.empty() && m.form == TriggerForm::kWeak) {
          const MeetingMention& prev = out.mentions.back();
          if (prev.sentence == s && prev.predicate && prev.clause_first == m.clause_first &&
              m.first >= prev.end) {
            continue;
          }
        }
        // "hosting the G7 ministers' meeting", "held a summit": a verb whose object is a meeting
        // noun reports that meeting; the noun takes the verb's subject.
        if (!out.mentions.empty()) {
          MeetingMention& prev = out.mentions.back();
          if (prev.sentence == s && prev.form == TriggerForm::kVerb &&
              m.form == TriggerForm::kNoun && m.frame == Frame::kNone &&
              prev.clause_first == m.clause_first && m.np_first >= prev.end &&
              m.np_first <= prev.end + 2) {
            // "Congress leader X welcomed the visit": welcoming a meeting told of before is a
            // reaction to it; the one who welcomes it need not be there.
            const bool reaction = m.anaphoric && absl::StartsWith(a.fold(prev.first), "welcom");
            if (!reaction) {
              m.predicate = true;
              if (m.subject.empty()) {
                m.subject = prev.subject;
              }
              // "X spoke with Y in a call": the verb has read both sides; the noun after its
              // object would take the object for its subject.
              if (!prev.subject.empty() && !prev.object.empty()) {
                m.subject = prev.subject;
                m.object = prev.object;
              }
            }
            out.mentions.pop_back();
          }
        }
        // "X last visited Y in January, when he attended a summit in Z", "they met in Geneva in
        // 2019, when ...": a meeting told in a "when" clause of a meeting of the past is of that
        // past too; so is one told in its "where" clause ("Last month, X hosted Y in Nairobi,
        // where the two leaders discussed ...").
        if (m.relation == MentionRelation::kReport && m.status == MentionStatus::kHeld) {
          auto opens = [&](int i) { return a.fold(i) == "when" || a.fold(i) == "where"; };
          int when = -1;
          if (opens(m.clause_first)) {
            when = m.clause_first;
          } else if (m.clause_first > a.sentence(s).first_token && opens(m.clause_first - 1)) {
            when = m.clause_first - 1;
          }
          for (auto it = out.mentions.rbegin();
               when >= 0 && it != out.mentions.rend() && it->sentence == s; ++it) {
            if (it->relation == MentionRelation::kPrevious && it->end <= when) {
              m.relation = MentionRelation::kPrevious;
              break;
            }
          }
        }
        // "A decade ago, X and Y met in Z. ... at that summit": a word telling back a meeting,
        // when the only meeting told before it is of the past, is of that past too - unless it
        // has a date of its own ("The talks in Astana on Tuesday" is the news).
        if (m.relation == MentionRelation::kReport && m.anaphoric && m.date < 0 &&
            m.status == MentionStatus::kHeld) {
          bool previous = false;
          bool reported = false;
          for (const MeetingMention& before : out.mentions) {
            previous = previous || before.relation == MentionRelation::kPrevious;
            reported = reported || before.relation == MentionRelation::kReport;
          }
          if (previous && !reported) {
            m.relation = MentionRelation::kPrevious;
          }
        }
        // "The two leaders last met in Samarkand in November, on the sidelines of a summit of
        // the OTS": the event a meeting of the past was held at is of that past too.
        if (m.relation == MentionRelation::kEvent &&
            (m.frame == Frame::kSidelines || m.frame == Frame::kDuring) && !out.mentions.empty() &&
            out.mentions.back().sentence == s &&
            out.mentions.back().clause_first == m.clause_first &&
            out.mentions.back().relation == MentionRelation::kPrevious) {
          m.relation = MentionRelation::kPrevious;
        }
        const bool signing_only =
            std::none_of(a.triggers[t].entries.begin(), a.triggers[t].entries.end(),
                         [](const Entry* e) { return IsMeetingWord(e); });
        if (pass == 1 && signing_only && !ReportsASigningMeeting(a, m)) {
          continue;
        }
        m.sidelines = out.sentences[s].sidelines;
        out.sentences[s].reports_meeting = true;
        if (out.principal < 0 && m.predicate && m.relation == MentionRelation::kReport &&
            !m.subject.people.empty()) {
          out.principal = m.subject.people[0];
        }
        out.mentions.push_back(std::move(m));
      }
    }
  }
  return out;
}

std::vector<std::string> PrincipalDestinations(const MeetingMentions& mentions) {
  std::vector<std::string> out;
  if (mentions.principal < 0) {
    return out;
  }
  for (const MeetingMention& m : mentions.mentions) {
    const bool visit = m.kind == TriggerKind::kVisit || m.kind == TriggerKind::kStateVisit;
    const std::vector<int>& who = m.subject.people;
    if (!visit || m.relation != MentionRelation::kReport ||
        std::find(who.begin(), who.end(), mentions.principal) == who.end()) {
      continue;
    }
    for (const std::string& code : m.object.countries) {
      if (std::find(out.begin(), out.end(), code) == out.end()) {
        out.push_back(code);
      }
    }
  }
  return out;
}

void InferHostCountry(const Annotations& a, const MeetingMentions& mentions,
                      std::vector<Person>* people) {
  const std::vector<MeetingMention>& all = mentions.mentions;
  for (size_t v = 0; v < all.size(); ++v) {
    const MeetingMention& visit = all[v];
    if ((visit.kind != TriggerKind::kVisit && visit.kind != TriggerKind::kStateVisit) ||
        visit.venue_first < 0 || visit.status != MentionStatus::kPlanned) {
      continue;
    }
    const Match& match = a.entities[a.entity_at[visit.venue_first]];
    const Entry* place = match.Of(EntryType::kPlace);
    if (place == nullptr || place->place != PlaceKind::kCountry || place->code.empty()) {
      continue;
    }
    // The visitor: of another country than the destination.
    std::vector<int> visitors = visit.subject.people;
    if (visitors.empty() && visit.subject.pronoun && mentions.principal >= 0) {
      visitors.push_back(mentions.principal);
    }
    bool visitor_elsewhere = false;
    for (int p : visitors) {
      if (!(*people)[p].country.empty()) {
        visitor_elsewhere = (*people)[p].country != place->code;
      }
    }
    for (const std::string& c : visit.subject.countries) {
      visitor_elsewhere = visitor_elsewhere || c != place->code;
    }
    if (!visitor_elsewhere) {
      continue;
    }
    // The counterparts named in the visit's clause.
    size_t first = v;
    while (first > 0 && all[first - 1].sentence == visit.sentence) {
      --first;
    }
    for (size_t k = first; k < all.size() && all[k].sentence == visit.sentence; ++k) {
      const MeetingMention& m = all[k];
      if (m.clause_first != visit.clause_first) {
        continue;
      }
      for (int p : m.object.people) {
        Person& person = (*people)[p];
        if (person.country.empty() && person.org.empty() && person.level != RoleLevel::kUnknown &&
            person.Participates() &&
            std::find(visitors.begin(), visitors.end(), p) == visitors.end()) {
          person.country = place->code;
        }
      }
    }
  }
}

}  // namespace parley::extract
