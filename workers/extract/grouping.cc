#include "workers/extract/grouping.h"

#include <algorithm>
#include <map>
#include <string>

#include "absl/strings/str_join.h"

namespace parley::extract {
namespace {

enum class Medium : uint8_t { kInPerson, kPhone, kVideo };

Medium MediumOf(TriggerKind kind) {
  if (kind == TriggerKind::kPhone) {
    return Medium::kPhone;
  }
  if (kind == TriggerKind::kVideo) {
    return Medium::kVideo;
  }
  return Medium::kInPerson;
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) {
    v->push_back(s);
  }
}

void AddUnique(std::vector<int>* v, int x) {
  if (x >= 0 && std::find(v->begin(), v->end(), x) == v->end()) {
    v->push_back(x);
  }
}

template <typename T>
bool Subset(const std::vector<T>& a, const std::vector<T>& b) {
  for (const T& x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) {
      return false;
    }
  }
  return true;
}

// The participants of one meeting a mention reports.
struct Unit {
  std::vector<int> people;
  std::vector<std::string> countries;
  std::vector<std::string> orgs;
};

class Grouper {
 public:
  Grouper(const Annotations& a, const std::vector<Person>& people, const MeetingMentions& mentions)
      : a_(a), people_(people), mm_(mentions) {}

  Grouping Run() {
    out_.owner.assign(a_.doc.tokens.size(), -1);
    principal_ = mm_.principal >= 0 ? mm_.principal : FirstLeader();
    for (size_t i = 0; i < mm_.mentions.size(); ++i) {
      Place(static_cast<int>(i));
    }
    Order();
    Window();
    out_.title_meeting = !mm_.sentences.empty() && mm_.sentences[0].reports_meeting;
    return std::move(out_);
  }

 private:
  // The first official named in the headline or the lead: who the article follows when no
  // meeting verb names a subject.
  int FirstLeader() const {
    int best = -1;
    int best_at = 1 << 30;
    for (size_t p = 0; p < people_.size(); ++p) {
      const Person& person = people_[p];
      if (!person.Participates() || person.level == RoleLevel::kUnknown) {
        continue;
      }
      for (const PersonMention& m : person.mentions) {
        if (m.sentence <= 4 && m.first < best_at) {
          best = static_cast<int>(p);
          best_at = m.first;
        }
      }
    }
    return best;
  }

  void AddPerson(Unit* u, int p) const {
    AddUnique(&u->people, p);
    if (p >= 0 && !people_[p].country.empty()) {
      AddUnique(&u->countries, people_[p].country);
    }
  }

  void AddSide(Unit* u, const Side& side) const {
    for (int p : side.people) {
      AddPerson(u, p);
    }
    for (const std::string& c : side.countries) {
      AddUnique(&u->countries, c);
    }
    for (const std::string& o : side.orgs) {
      AddUnique(&u->orgs, o);
    }
    if (side.role_only >= 0 && side.people.empty()) {
      AddPerson(u, side.role_only);
    }
  }

  // The subject of a mention with pronouns and omitted subjects resolved.
  Side Subject(const MeetingMention& m) const {
    Side s = m.subject;
    if (s.people.empty() && s.pronoun && (last_subject_ >= 0 || principal_ >= 0)) {
      s.people.push_back(last_subject_ >= 0 ? last_subject_ : principal_);
    }
    if (s.people.empty() && s.role_only >= 0) {
      s.people.push_back(s.role_only);
    }
    // An omitted subject is the person the article follows, but not in the passive: "the
    // summit hosted by X" names the host, not a guest.
    const bool passive = m.end < m.clause_end && a_.fold(m.end) == "by";
    if (s.empty() && !s.collective && principal_ >= 0 && !passive &&
        (m.predicate || !m.object.empty())) {
      s.people.push_back(principal_);
    }
    return s;
  }

  // The units of a mention: one, or one per counterpart when it is distributive.
  std::vector<Unit> Units(const MeetingMention& m, const Side& subject) const {
    std::vector<Unit> units;
    if (m.distributive || m.distribute_subject) {
      const Side& many = m.distributive ? m.object : subject;
      const Side& one = m.distributive ? subject : m.object;
      // One unit per country of the list; people join the unit of their country.
      std::vector<std::string> countries = many.countries;
      // The country of each person of the list: as paired ("respectively"), else their own.
      auto country_of = [&](size_t k) {
        return many.paired_countries.empty() ? people_[many.people[k]].country
                                             : many.paired_countries[k];
      };
      for (size_t k = 0; k < many.people.size(); ++k) {
        AddUnique(&countries, country_of(k));
      }
      for (const std::string& c : countries) {
        Unit u;
        AddSide(&u, one);
        AddUnique(&u.countries, c);
        for (size_t k = 0; k < many.people.size(); ++k) {
          if (country_of(k) == c) {
            AddUnique(&u.people, many.people[k]);
          }
        }
        units.push_back(std::move(u));
      }
      for (size_t k = 0; k < many.people.size(); ++k) {
        const int p = many.people[k];
        if (country_of(k).empty()) {
          Unit u;
          AddSide(&u, one);
          AddPerson(&u, p);
          units.push_back(std::move(u));
        }
      }
      if (!units.empty()) {
        return units;
      }
    }
    Unit u;
    AddSide(&u, subject);
    AddSide(&u, m.object);
    units.push_back(std::move(u));
    return units;
  }

  // The country of the town a mention's own locative names, "" when none.
  std::string TownOf(const MeetingMention& m) const {
    if (m.venue_first < 0) {
      return "";
    }
    const Match& match = a_.entities[a_.entity_at[m.venue_first]];
    for (const Entry* e : match.entries) {
      if (e->type == EntryType::kPlace && IsTown(e->place)) {
        return e->code;  // Another country: another meeting; another town of one may be a venue.
      }
    }
    return "";
  }

  // The country a mention places its meeting in by naming the country itself ("travel to
  // Malaysia", "a visit to Japan"), or "".
  std::string CountryOf(const MeetingMention& m) const {
    if (m.venue_first < 0) {
      return "";
    }
    const Match& match = a_.entities[a_.entity_at[m.venue_first]];
    for (const Entry* e : match.entries) {
      if (e->type == EntryType::kPlace && e->place == PlaceKind::kCountry) {
        return e->code;
      }
    }
    return "";
  }

  // A headline's plain meeting word ("Seitkali meets Zhao", "leaders hold talks") leaves the
  // medium open: the lead's phone call or video conference is that meeting.
  bool HeadlineLeavesTheMediumOpen(const MeetingGroup& g, const MeetingMention& m) const {
    if (g.kind != TriggerKind::kMeet || g.mentions.empty() || m.sentence > 2 ||
        MediumOf(m.kind) == Medium::kInPerson) {
      return false;
    }
    for (int gm : g.mentions) {
      if (mm_.mentions[gm].sentence != 0) {
        return false;
      }
    }
    return true;
  }

  static bool CalledOff(const MeetingMention& m) {
    return !m.anaphoric &&
           (m.status == MentionStatus::kCancelled || m.status == MentionStatus::kPostponed);
  }

  // Whether two dates name different days: two weekdays, or two days of the calendar.
  static bool OtherDay(const DateMention& x, const DateMention& y) {
    if (x.weekday && y.weekday) {
      return x.weekday_index != y.weekday_index;
    }
    if (x.relative || y.relative || x.month_relative || y.month_relative) {
      return false;
    }
    return x.start.day() != 0 && y.start.day() != 0 &&
           (x.start.day() != y.start.day() || x.start.month() != y.start.month());
  }

  // Whether a verb plans meeting `m` for another day than one a verb of `g` told held.
  bool PlannedForAnotherDay(const MeetingGroup& g, const MeetingMention& m) const {
    // (Travel is not a meeting of its own: "will travel to Shanghai on Thursday" goes on with
    // the visit.)
    if (m.status != MentionStatus::kPlanned || m.form != TriggerForm::kVerb || !m.predicate ||
        m.anaphoric || m.date < 0 || m.kind == TriggerKind::kVisit ||
        m.kind == TriggerKind::kStateVisit) {
      return false;
    }
    // ("arrived in Berlin on Sunday ... will hold talks with Y on Monday": the day of an
    // arrival or a visit begun is the first of its programme, not another meeting's.)
    for (int gm : g.mentions) {
      const MeetingMention& o = mm_.mentions[gm];
      if (o.form == TriggerForm::kVerb && o.status == MentionStatus::kHeld && o.date >= 0 &&
          o.kind != TriggerKind::kVisit && o.kind != TriggerKind::kStateVisit &&
          OtherDay(a_.dates[o.date], a_.dates[m.date])) {
        return true;
      }
    }
    return false;
  }

  // Whether a verb of the group tells its meeting held ("met", "held talks").
  bool HeldByAVerb(const MeetingGroup& g) const {
    for (int gm : g.mentions) {
      const MeetingMention& o = mm_.mentions[gm];
      if (o.form == TriggerForm::kVerb && o.status == MentionStatus::kHeld) {
        return true;
      }
    }
    return false;
  }

  // True when the words in [first, end) are only places, dates and their prepositions ("outside
  // Washington on Monday"), at most eight of them.
  bool OnlyAdjunctsBetween(int first, int end) const {
    if (end - first > 8) {
      return false;
    }
    for (int k = first; k < end; ++k) {
      const bool place = a_.EntityAt(k, EntryType::kPlace) != nullptr;
      const bool date = a_.InADate(k);
      const std::string& f = a_.fold(k);
      if (!place && !date && !a_.Is(k, WordClass::kLocative) && f != "the" && f != "on" &&
          f != "outside" && f != ",") {
        return false;
      }
    }
    return true;
  }

  bool Compatible(const MeetingGroup& g, const Unit& u, const MeetingMention& m,
                  bool current) const {
    if (g.role != GroupRole::kMain && g.role != GroupRole::kOther) {
      return false;
    }
    // "hold talks after an earlier meeting was called off ... A met B on Thursday": a meeting
    // a verb tells held is not one that every word of the group called off.
    if (m.form == TriggerForm::kVerb && m.status == MentionStatus::kHeld && !g.mentions.empty() &&
        TellsItsOwnPast(a_, m)) {
      bool all_off = true;
      for (int gm : g.mentions) {
        all_off = all_off && CalledOff(mm_.mentions[gm]);
      }
      if (all_off) {
        return false;
      }
    }
    // A town in another country is another meeting ("met X in Paris ... met X in Berlin").
    const std::string town = TownOf(m);
    if (!town.empty() && !g.town.empty() && town != g.town) {
      return false;
    }
    // A planned meeting in another country than the town of a meeting held is the trip's next
    // stop ("X met Y in Canberra ... X will travel to Malaysia for talks with Z").
    if (m.status == MentionStatus::kPlanned && g.status == MentionStatus::kHeld &&
        !g.town.empty()) {
      const std::string country = CountryOf(m);
      if (!country.empty() && country != g.town) {
        return false;
      }
    }
    // A planned meeting placed in a country that is no side of a meeting held is elsewhere on
    // the trip ("X held talks with Y, Egypt's foreign minister ... X will travel to Amman on
    // Wednesday"), even when that meeting's own town is not told.
    if (m.status == MentionStatus::kPlanned && g.status == MentionStatus::kHeld &&
        !g.countries.empty()) {
      std::string place = town;
      if (place.empty()) {
        place = CountryOf(m);
      }
      if (!place.empty() &&
          std::find(g.countries.begin(), g.countries.end(), place) == g.countries.end()) {
        return false;
      }
    }
    if (g.medium_known && m.form != TriggerForm::kWeak && MediumOf(g.kind) != MediumOf(m.kind) &&
        !HeadlineLeavesTheMediumOpen(g, m)) {
      return false;
    }
    // A pair meeting at a multilateral meeting is a meeting of its own (a side meeting).
    const bool multilateral = g.countries.size() >= 3 || !g.format.empty() || !g.orgs.empty();
    if (multilateral && u.countries.size() == 2 && m.predicate && m.form != TriggerForm::kWeak &&
        !m.anaphoric) {
      return false;
    }
    // So is one told "on the sidelines" by its own verb ("He met the Council's president on
    // the sidelines of the summit"), whoever its sides are.
    if (multilateral && m.sidelines && m.form == TriggerForm::kVerb && m.predicate &&
        !m.anaphoric && m.kind == TriggerKind::kMeet && g.kind != TriggerKind::kMeet) {
      return false;
    }
    // "The ministers met on Wednesday ... On Thursday they will hold talks with their
    // counterparts": a meeting a verb plans for another day than the one a verb of the group
    // told held is another meeting.
    if (PlannedForAnotherDay(g, m)) {
      return false;
    }
    // "Ministers wrapped up a three-day meeting ... X held a separate meeting with Y", "X met
    // Y separately": two sides meeting apart from a meeting told in the body before them whose
    // sides are not known are a meeting of their own ("also" alone is not enough: the sides of
    // the meeting before may be unread).
    bool separate = false;
    for (int i = m.clause_first; i < m.clause_end; ++i) {
      separate = separate || a_.fold(i) == "separate" || a_.fold(i) == "separately";
    }
    if (g.countries.empty() && g.people.empty() && separate && m.predicate && !m.anaphoric &&
        u.countries.size() >= 2 && m.form != TriggerForm::kWeak) {
      bool told_in_the_body = false;
      for (int gm : g.mentions) {
        told_in_the_body = told_in_the_body || mm_.mentions[gm].sentence > 0;
      }
      if (told_in_the_body) {
        return false;
      }
    }
    if (g.countries.empty() && g.people.empty()) {
      return true;  // Nothing known yet of who meets (a headline naming only the event).
    }
    // A meeting named by its format or body ("the Quad foreign ministers' meeting", "the A-B-C
    // trilateral") is not the plain talks of two parties told of before it when one of those
    // parties is not named by it.
    if (m.named_event && (!m.event_format.empty() || !m.event_orgs.empty()) && g.format.empty() &&
        g.orgs.empty() && g.countries.size() == 2 && !Subset(g.countries, u.countries)) {
      return false;
    }
    // An official of a body the meeting of two countries does not have, meeting one of them, is
    // another meeting ("Putin held talks with Modi ... UN Secretary-General X will meet Putin").
    if (!u.orgs.empty() && !Subset(u.orgs, g.orgs) && g.countries.size() >= 2 && g.orgs.empty() &&
        g.format.empty() && m.predicate && !m.anaphoric && m.form != TriggerForm::kWeak) {
      return false;
    }
    if (!u.countries.empty()) {
      const bool inside = Subset(u.countries, g.countries);
      // A headline names some of the sides ("German, French leaders confer by video"), the lead
      // all of them ("... held a videoconference with Polish Prime Minister Y").
      bool headline_only = g.people.empty() && m.sentence <= 2 && !g.mentions.empty();
      for (int gm : g.mentions) {
        headline_only = headline_only && mm_.mentions[gm].sentence == 0;
      }
      const bool underspecified =
          (g.countries.size() <= 1 || headline_only) && Subset(g.countries, u.countries);
      if (!inside && !underspecified) {
        return false;
      }
      // "also met" someone new is another meeting, except inside a visit's programme: the
      // visitor "was also received by Emperor X", "also met the Speaker" of the host country
      // during the visit are the visit's.
      const bool programme =
          (g.kind == TriggerKind::kVisit || g.kind == TriggerKind::kStateVisit) && inside;
      // A weak word "also" told of the meeting's own countries ("X and his counterpart Y also
      // discussed ...") adds to what was said at it.
      const bool said_also =
          m.form == TriggerForm::kWeak && !u.countries.empty() && Subset(u.countries, g.countries);
      return !(m.also && current && !Subset(u.people, g.people) && !programme && !said_also);
    }
    if (!u.people.empty()) {
      for (int p : u.people) {
        if (std::find(g.people.begin(), g.people.end(), p) != g.people.end()) {
          return true;
        }
      }
      return false;
    }
    // Only bodies named: the same bodies.
    return !u.orgs.empty() && Subset(u.orgs, g.orgs);
  }

  int NewGroup(GroupRole role, int mi, int sentence) {
    MeetingGroup g;
    g.role = role;
    g.mention = mi;
    g.anchor = std::max(1, sentence);
    g.kind = mm_.mentions[mi].kind;
    g.medium_known = mm_.mentions[mi].form != TriggerForm::kWeak;
    g.status = mm_.mentions[mi].status;
    out_.groups.push_back(std::move(g));
    return static_cast<int>(out_.groups.size()) - 1;
  }

  // The event group whose mentions are all the mentions of the last sentence before mention
  // `mi`'s with any, when that sentence is the one right before it; else -1.
  int EventOfTheSentenceBefore(int mi) const {
    const int s = mm_.mentions[mi].sentence;
    int last = -1;
    for (int k = mi - 1; k >= 0; --k) {
      if (mm_.mentions[k].sentence < s) {
        last = mm_.mentions[k].sentence;
        break;
      }
      return -1;  // A meeting word before it in its own sentence.
    }
    if (last != s - 1) {
      return -1;
    }
    int event = -1;
    for (int k = mi - 1; k >= 0 && mm_.mentions[k].sentence == last; --k) {
      int owner = -1;
      for (size_t gi = 0; gi < out_.groups.size() && owner < 0; ++gi) {
        const std::vector<int>& ms = out_.groups[gi].mentions;
        if (std::find(ms.begin(), ms.end(), k) != ms.end()) {
          owner = static_cast<int>(gi);
        }
      }
      if (owner < 0 || out_.groups[owner].role != GroupRole::kEvent ||
          (event >= 0 && owner != event)) {
        return -1;
      }
      event = owner;
    }
    return event;
  }

  void Join(int gi, int mi) {
    MeetingGroup& g = out_.groups[gi];
    const MeetingMention& m = mm_.mentions[mi];
    const bool open_medium = m.form != TriggerForm::kWeak && HeadlineLeavesTheMediumOpen(g, m);
    g.mentions.push_back(mi);
    // The most telling word: a phone call or a summit over "talks".
    const bool modifier = m.subject.empty() && m.object.empty() && !m.predicate;
    // The first word that says how they met, or one after a headline's plain "meets".
    if (open_medium || (!g.medium_known && m.form != TriggerForm::kWeak)) {
      g.kind = m.kind;
      g.medium_known = true;
    } else if (modifier && MediumOf(m.kind) != Medium::kInPerson &&
               (g.kind == TriggerKind::kMeet || g.kind == TriggerKind::kSummit ||
                g.kind == TriggerKind::kCouncil || g.kind == TriggerKind::kConference) &&
               !g.mentions.empty() && g.mentions.size() <= 2 &&
               mm_.mentions[g.mentions.front()].sentence == m.sentence) {
      g.kind = m.kind;  // "attend the meeting via video link", "discussed ... by phone".
    } else if (g.kind == TriggerKind::kMeet || m.kind == TriggerKind::kStateVisit ||
               (m.kind == TriggerKind::kSummit && g.kind != TriggerKind::kStateVisit)) {
      if (MediumOf(m.kind) == MediumOf(g.kind)) {
        g.kind = m.kind;
      }
    }
    if (m.status == MentionStatus::kCancelled || m.status == MentionStatus::kPostponed) {
      g.status = m.status;
    }
    // A reported meeting owns its mention's clause; an event or a follow-up only the words that
    // name it ("He highlighted the upcoming leaders' meeting's potential": the rest is said at
    // the meeting reported).
    const bool named_only = g.role == GroupRole::kEvent || g.role == GroupRole::kFollowUp;
    const int first = named_only ? m.np_first : m.clause_first;
    const int end = named_only ? std::max(m.end, m.np_end) : m.clause_end;
    // In a clause that tells of two meetings ("The meeting comes a week before X sits down
    // with Y"), the words after the earlier meeting's word are the later meeting's.
    int split = first;
    for (int k = mi - 1; k >= 0 && !named_only; --k) {
      const MeetingMention& before = mm_.mentions[k];
      if (before.sentence != m.sentence || before.clause_first != m.clause_first) {
        break;
      }
      const int owner = out_.owner[before.first];
      if (owner >= 0 && owner != gi &&
          (out_.groups[owner].role == GroupRole::kMain ||
           out_.groups[owner].role == GroupRole::kOther)) {
        split = std::max(split, before.end);
        break;
      }
    }
    for (int i = first; i < end; ++i) {
      if (out_.owner[i] < 0 || named_only || (i >= split && split > first)) {
        out_.owner[i] = gi;
      }
    }
  }

  // Records the town a report mention places its group in, when the group has none yet.
  void Situate(int gi, const MeetingMention& m) {
    MeetingGroup& g = out_.groups[gi];
    if (g.town.empty()) {
      g.town = TownOf(m);
    }
  }

  void Merge(int gi, const Unit& u) {
    MeetingGroup& g = out_.groups[gi];
    for (int p : u.people) {
      AddUnique(&g.people, p);
    }
    for (const std::string& c : u.countries) {
      AddUnique(&g.countries, c);
    }
    for (const std::string& o : u.orgs) {
      AddUnique(&g.orgs, o);
    }
  }

  // The key of a named event: its format or body, else its words.
  std::string EventKey(const MeetingMention& m) const {
    if (!m.event_format.empty()) {
      return m.event_format;
    }
    if (!m.event_orgs.empty()) {
      return absl::StrJoin(m.event_orgs, "+");
    }
    std::string key;
    for (int i = m.np_first; i < m.end; ++i) {
      if (!a_.Is(i, WordClass::kAnaphor) && a_.fold(i) != "a" && a_.fold(i) != "an") {
        key += a_.fold(i) + " ";
      }
    }
    return key;
  }

  void Place(int mi) {
    const MeetingMention& m = mm_.mentions[mi];
    if (m.relation == MentionRelation::kPrevious || m.relation == MentionRelation::kGeneric) {
      return;
    }
    const bool bare_named = m.named_event && !m.predicate && m.subject.empty() &&
                            m.object.people.empty() && m.object.countries.empty();
    // "Visegrad summit postponed ... A summit of the Visegrad Group that had been planned": the
    // name of the summit told of so far without one (same kind and status, no format or body
    // yet, not a town in another country).
    if (bare_named && m.relation == MentionRelation::kReport && current_ >= 0 && m.sentence > 0) {
      MeetingGroup& g = out_.groups[current_];
      const bool event_kind = m.kind == TriggerKind::kSummit || m.kind == TriggerKind::kCouncil ||
                              m.kind == TriggerKind::kConference;
      if ((g.role == GroupRole::kMain || g.role == GroupRole::kOther) && g.kind == m.kind &&
          event_kind && g.status == m.status && g.format.empty() && g.orgs.empty() &&
          (TownOf(m).empty() || g.town.empty() || TownOf(m) == g.town)) {
        g.format = m.event_format;
        for (const std::string& o : m.event_orgs) {
          AddUnique(&g.orgs, o);
        }
        events_.emplace(EventKey(m), current_);
        Join(current_, mi);
        return;
      }
    }
    // "the Foreign Minister of Ukraine addressed EU ministers via video conference": the medium
    // by which one side takes part in the meeting being told of, not a meeting of its own.
    // (In the clause that reports the meeting, "held talks with Y via video link", the medium
    // is the meeting's own: Join reads it so.)
    if (m.kind == TriggerKind::kVideo && m.date < 0 && current_ >= 0 &&
        m.first > a_.sentence(m.sentence).first_token && !out_.groups[current_].mentions.empty() &&
        mm_.mentions[out_.groups[current_].mentions.front()].sentence < m.sentence &&
        (a_.fold(m.first) == "via" || a_.fold(m.first - 1) == "via") &&
        MediumOf(out_.groups[current_].kind) != MediumOf(m.kind) &&
        out_.groups[current_].status == m.status) {
      Unit u;
      AddSide(&u, Subject(m));
      Merge(current_, u);
      const TriggerKind kind = out_.groups[current_].kind;
      Join(current_, mi);
      out_.groups[current_].kind = kind;
      return;
    }
    if (m.relation == MentionRelation::kEvent || m.relation == MentionRelation::kFollowUp ||
        (bare_named && !out_.groups.empty() && m.sentence > 0)) {
      PlaceEvent(mi);
      return;
    }
    // "..., which was attended by A, B and C": they take part in the meeting being told of.
    if (m.form == TriggerForm::kAttendance) {
      if (current_ >= 0) {
        Unit u;
        AddSide(&u, m.object);
        Merge(current_, u);
        Join(current_, mi);
      }
      return;
    }
    const Side subject = Subject(m);
    const bool two_sides = (!subject.empty() && !m.object.empty()) || subject.people.size() >= 2 ||
                           subject.countries.size() >= 2 || m.object.countries.size() >= 2;
    const bool collective =
        (subject.collective && subject.people.empty() && subject.countries.empty()) ||
        (m.object.collective && m.object.people.empty() && m.object.countries.empty() &&
         subject.empty());
    // "hold talks after an earlier meeting was called off": a meeting framed by "after" or
    // "before" and called off is not the meeting a verb of the clause told held.
    // So is "a planned meeting of A with B, which ..., was cancelled".
    const bool framed_off = CalledOff(m) && m.form == TriggerForm::kNoun && current_ >= 0 &&
                            HeldByAVerb(out_.groups[current_]);
    // "... met on Wednesday. On Thursday the ministers will hold talks with ...": not the
    // meeting told of, though its sides are referred to collectively.
    const bool other_day = current_ >= 0 && PlannedForAnotherDay(out_.groups[current_], m);
    // "a day after his meeting with X": a meeting before or after the one told of, with a
    // party that one does not have, is another meeting.
    const bool other_meeting = m.anaphoric &&
                               (m.frame == Frame::kAfter || m.frame == Frame::kBefore) &&
                               current_ >= 0 && !m.object.empty() &&
                               !(Subset(m.object.people, out_.groups[current_].people) &&
                                 Subset(m.object.countries, out_.groups[current_].countries));
    const bool continues = (m.anaphoric && !other_meeting) || (collective && !other_day) ||
                           (m.form == TriggerForm::kWeak && !two_sides) ||
                           (!m.predicate && m.form == TriggerForm::kNoun && subject.empty() &&
                            m.object.empty() && !framed_off);
    if (continues && current_ >= 0) {
      // "the summit" refers back to the last summit told of, which may be the event a side
      // meeting was held at rather than the meeting just reported.
      int target = current_;
      if (m.anaphoric && m.kind != TriggerKind::kMeet && out_.groups[current_].kind != m.kind) {
        for (int gi = static_cast<int>(out_.groups.size()) - 1; gi >= 0; --gi) {
          if (out_.groups[gi].kind == m.kind) {
            target = gi;
            break;
          }
        }
      }
      // "Leaders of 20 countries are attending the summit. Putin, who is hosting the gathering,
      // ...": a meeting word referring back, right after a sentence that told only of an event,
      // is that event.
      if (m.anaphoric && m.kind == TriggerKind::kMeet && target == current_) {
        const int event = EventOfTheSentenceBefore(mi);
        if (event >= 0) {
          target = event;
        }
      }
      Join(target, mi);
      // "X is also in the capital for the meeting", "X attended the talks": who attends or
      // holds the meeting told of takes part in it.
      const bool takes_part = (m.frame == Frame::kAttend || m.predicate) &&
                              m.relation == MentionRelation::kReport && m.anaphoric;
      if (!m.subject.empty() && (target != current_ || takes_part)) {
        Unit u;
        AddSide(&u, subject);
        // "Visit postponed ... X has postponed his visit to India": a meeting whose other side
        // is not known yet takes it from the mention that names both.
        if (takes_part && out_.groups[target].countries.size() < 2) {
          AddSide(&u, m.object);
        }
        Merge(target, u);
      }
      return;
    }
    // A named meeting already reported under that name ("the G20 Virtual Summit"), or told of
    // as an event of the same kind and status ("X met Y at the NATO summit ... Z opened the
    // NATO summit").
    if (m.named_event) {
      auto named = events_.find(EventKey(m));
      if (named != events_.end() && (out_.groups[named->second].role != GroupRole::kEvent ||
                                     (out_.groups[named->second].kind == m.kind &&
                                      out_.groups[named->second].status == m.status))) {
        Unit u;
        AddSide(&u, subject);
        AddSide(&u, m.object);
        Merge(named->second, u);
        Join(named->second, mi);
        current_ = named->second;
        return;
      }
    }
    // "A meeting between A and B that the United States had planned to host in Washington":
    // a host verb in the relative clause on a meeting noun of its clause names that meeting's
    // host, not a meeting of its own.
    if (m.form == TriggerForm::kVerb && a_.Is(m.first, WordClass::kHostVerb) && mi > 0) {
      const MeetingMention& noun = mm_.mentions[mi - 1];
      const int owner = out_.owner[noun.first];
      bool that = false;
      for (int k = std::max(noun.end, noun.np_end); k < m.first && k < noun.clause_end; ++k) {
        that = that || a_.fold(k) == "that" || a_.fold(k) == "which";
      }
      // "attended the Investment Forum, hosted by X": a participle right after the noun phrase
      // names the host of that meeting, also of an event.
      // So does one after the adjuncts of a noun a light verb reports ("began talks outside
      // Washington on Monday hosted by X").
      const int np_end = std::max(noun.end, noun.np_end);
      const bool by =
          m.end < a_.sentence(m.sentence).end_token && a_.fold(m.end) == "by" && subject.empty();
      const bool participle = by && ((m.first == np_end + 1 && a_.fold(np_end) == ",") ||
                                     (noun.predicate && OnlyAdjunctsBetween(np_end, m.first)));
      if (noun.sentence == m.sentence && noun.clause_first == m.clause_first &&
          noun.form == TriggerForm::kNoun && (!noun.predicate || participle) &&
          (that || participle) && owner >= 0 &&
          (out_.groups[owner].role == GroupRole::kMain ||
           out_.groups[owner].role == GroupRole::kOther ||
           (participle && out_.groups[owner].role == GroupRole::kEvent))) {
        Unit u;
        AddSide(&u, subject);
        if (participle) {
          AddSide(&u, m.object);
        }
        Merge(owner, u);
        Join(owner, mi);
        return;
      }
    }
    // "X, Y and Z arrived for the talks": travel to a meeting already told of makes its
    // travellers its participants, not a meeting of their own.
    if ((m.kind == TriggerKind::kVisit || m.kind == TriggerKind::kStateVisit) && current_ >= 0 &&
        static_cast<size_t>(mi) + 1 < mm_.mentions.size()) {
      const MeetingMention& next = mm_.mentions[mi + 1];
      if (next.sentence == m.sentence && next.clause_first == m.clause_first &&
          next.frame == Frame::kAttend && next.anaphoric) {
        Unit u;
        AddSide(&u, subject);
        Merge(current_, u);
        Join(current_, mi);
        return;
      }
    }
    std::vector<Unit> units = Units(m, subject);
    int last = -1;
    for (const Unit& u : units) {
      int found = -1;
      if (current_ >= 0 && Compatible(out_.groups[current_], u, m, true)) {
        found = current_;
      } else {
        // The meetings told of lately (a long article's early meetings are not looked at again).
        const int oldest = std::max(0, static_cast<int>(out_.groups.size()) - 64);
        for (int gi = static_cast<int>(out_.groups.size()) - 1; gi >= oldest && found < 0; --gi) {
          if (gi != current_ && Compatible(out_.groups[gi], u, m, false)) {
            found = gi;
          }
        }
      }
      if (found < 0) {
        found =
            NewGroup(report_groups_ == 0 ? GroupRole::kMain : GroupRole::kOther, mi, m.sentence);
        ++report_groups_;
        if (pending_parent_ >= 0 && pending_parent_sentence_ == m.sentence) {
          out_.groups[found].parent = pending_parent_;
        } else if (main_ >= 0 && found != main_ && m.sidelines) {
          // "on the sidelines" of the meeting already reported.
          const MeetingGroup& main = out_.groups[main_];
          if (main.countries.size() >= 3 || !main.format.empty() || !main.orgs.empty()) {
            out_.groups[found].parent = main_;
          }
        } else if (main_ >= 0 && found != main_ && u.countries.size() == 2 &&
                   m.status == MentionStatus::kHeld && m.date < 0 && m.venue_first < 0 &&
                   out_.groups[main_].kind == TriggerKind::kSummit &&
                   out_.groups[main_].status == MentionStatus::kHeld &&
                   out_.groups[main_].countries.size() >= 3 &&
                   Subset(u.countries, out_.groups[main_].countries)) {
          // "hosted A and B at a three-way summit ... also held separate talks with A": two of
          // the summit's parties meeting with no day or place of their own met at the summit.
          out_.groups[found].parent = main_;
        }
        if (main_ < 0) {
          main_ = found;
        }
      } else if (out_.groups[found].parent < 0 && pending_parent_ >= 0 &&
                 pending_parent_sentence_ == m.sentence && pending_parent_ != found) {
        out_.groups[found].parent = pending_parent_;  // Told of again at the event.
      }
      Merge(found, u);
      Join(found, mi);
      Situate(found, m);
      last = found;
      if (m.named_event && units.size() == 1) {
        MeetingGroup& g = out_.groups[found];
        if (g.format.empty()) {
          g.format = m.event_format;
        }
        for (const std::string& o : m.event_orgs) {
          AddUnique(&g.orgs, o);
        }
        events_.emplace(EventKey(m), found);
      }
    }
    // "ahead of the meeting", "after the summit": another time than the meeting around it.
    // So does "Earlier, X held talks with Y", "X later met Y".
    for (int i = m.clause_first; i < m.clause_end && last >= 0 && last != main_; ++i) {
      const int f = a_.frame_at[i];
      if ((f >= 0 && (a_.frames[f].entries[0]->frame == Frame::kBefore ||
                      a_.frames[f].entries[0]->frame == Frame::kAfter)) ||
          (i < m.first && (a_.fold(i) == "earlier" || a_.fold(i) == "later" ||
                           a_.fold(i) == "previously" || a_.fold(i) == "afterwards"))) {
        out_.groups[last].separate_time = true;
      }
    }
    if (last >= 0) {
      current_ = last;
    }
    if (!m.subject.people.empty()) {
      last_subject_ = m.subject.people[0];
    }
  }

  void PlaceEvent(int mi) {
    const MeetingMention& m = mm_.mentions[mi];
    const std::string key = EventKey(m);
    int gi = -1;
    auto it = events_.find(key);
    if (it != events_.end()) {
      gi = it->second;
    } else if (!m.event_format.empty() || !m.event_orgs.empty()) {
      // "ASEAN leaders open summit ... the 31st ASEAN Summit": a body's event joins the event of
      // the same kind told of without its name.
      for (size_t k = 0; k < out_.groups.size() && gi < 0; ++k) {
        MeetingGroup& g = out_.groups[k];
        if (g.role == GroupRole::kEvent && g.kind == m.kind && g.format.empty() && g.orgs.empty() &&
            g.status == m.status) {
          gi = static_cast<int>(k);
          g.format = m.event_format;
          g.orgs = m.event_orgs;
          events_[key] = gi;
        }
      }
    }
    if (gi < 0 && m.status == MentionStatus::kPlanned) {
      // One later meeting told of twice ("the upcoming leaders' meeting ... the second
      // China-Central Asia Summit"): the same kind of meeting, no conflicting format.
      for (size_t k = 0; k < out_.groups.size() && gi < 0; ++k) {
        const MeetingGroup& g = out_.groups[k];
        // "agree to hold next summit" ... "agreed to meet again": two follow-ups in person, one
        // told by a plain meeting word, are one later meeting too.
        const bool both_follow_ups = g.role == GroupRole::kFollowUp &&
                                     m.relation == MentionRelation::kFollowUp &&
                                     MediumOf(g.kind) == MediumOf(m.kind) &&
                                     (g.kind == TriggerKind::kMeet || m.kind == TriggerKind::kMeet);
        if ((g.role == GroupRole::kFollowUp || g.role == GroupRole::kEvent) &&
            g.status == MentionStatus::kPlanned && (g.kind == m.kind || both_follow_ups) &&
            (g.format.empty() || m.event_format.empty() || g.format == m.event_format)) {
          gi = static_cast<int>(k);
        }
      }
      if (gi >= 0) {
        MeetingGroup& g = out_.groups[gi];
        if (g.format.empty()) {
          g.format = m.event_format;
        }
        if (m.relation == MentionRelation::kFollowUp) {
          g.role = GroupRole::kFollowUp;
        }
        events_[key] = gi;
      }
    }
    if (gi < 0) {
      gi = NewGroup(
          m.relation == MentionRelation::kFollowUp ? GroupRole::kFollowUp : GroupRole::kEvent, mi,
          m.sentence);
      events_[key] = gi;
      MeetingGroup& g = out_.groups[gi];
      g.format = m.event_format;
      g.orgs = m.event_orgs;
      Unit u;
      AddSide(&u, m.subject);
      AddSide(&u, m.object);
      Merge(gi, u);
    }
    Join(gi, mi);
    if (m.frame == Frame::kAttend && !m.subject.empty()) {
      MeetingGroup& g = out_.groups[gi];
      g.attended = true;
      current_ = gi;
      Unit u;
      AddSide(&u, Subject(m));
      Merge(gi, u);
      if (g.status == MentionStatus::kHeld) {
        g.status = m.status;
      }
    }
    // The meeting reported in the same sentence took place at the event.
    if (m.frame == Frame::kSidelines || m.frame == Frame::kAttend || m.frame == Frame::kDuring) {
      pending_parent_ = gi;
      pending_parent_sentence_ = m.sentence;
      if (current_ >= 0 && current_ != gi && out_.groups[current_].parent < 0 &&
          !out_.groups[current_].mentions.empty() &&
          mm_.mentions[out_.groups[current_].mentions.back()].sentence == m.sentence) {
        out_.groups[current_].parent = gi;
      }
    }
  }

  // Main first; the others in order of first mention (already so).
  void Order() {
    // An event the article's people attend, told of before any meeting it reports, is its
    // main meeting ("X to attend EU ministerial"); with no meeting reported as such, the first
    // event named is.
    for (int i = 0; i < static_cast<int>(out_.groups.size()); ++i) {
      const MeetingGroup& g = out_.groups[i];
      if (g.role == GroupRole::kEvent && (g.attended || main_ < 0) &&
          (main_ < 0 || FirstToken(g) < FirstToken(out_.groups[main_])) &&
          !AttendedInARelativeClauseOfTheMainVerb(g)) {
        if (main_ >= 0) {
          out_.groups[main_].role = GroupRole::kOther;
        }
        main_ = i;
        out_.groups[i].role = GroupRole::kMain;
        break;
      }
    }
    if (main_ <= 0) {
      return;
    }
    std::vector<int> order = {main_};
    for (int i = 0; i < static_cast<int>(out_.groups.size()); ++i) {
      if (i != main_) {
        order.push_back(i);
      }
    }
    std::vector<int> where(out_.groups.size());
    for (size_t k = 0; k < order.size(); ++k) {
      where[order[k]] = static_cast<int>(k);
    }
    std::vector<MeetingGroup> groups;
    groups.reserve(order.size());
    for (int i : order) {
      groups.push_back(std::move(out_.groups[i]));
    }
    for (MeetingGroup& g : groups) {
      if (g.parent >= 0) {
        g.parent = where[g.parent];
      }
    }
    for (int& o : out_.owner) {
      if (o >= 0) {
        o = where[o];
      }
    }
    out_.groups = std::move(groups);
    main_ = 0;
  }

  // "X, who is in Brussels to take part in the EU-AU Summit, held talks with Y": the event told
  // in a relative clause on the subject of the sentence's meeting verb is the setting of the
  // meeting reported, not the article's meeting.
  bool AttendedInARelativeClauseOfTheMainVerb(const MeetingGroup& g) const {
    if (main_ < 0 || g.mentions.empty() || out_.groups[main_].mentions.empty()) {
      return false;
    }
    const MeetingMention& event = mm_.mentions[g.mentions[0]];
    const MeetingMention& verb = mm_.mentions[out_.groups[main_].mentions[0]];
    if (verb.sentence != event.sentence || verb.form != TriggerForm::kVerb ||
        verb.first <= event.end) {
      return false;
    }
    // The relative clause opens before the event and is still open at it: no comma followed by
    // a verb of the main clause between ("X, who arrived on Thursday, will attend the summit").
    const int first = a_.sentence(event.sentence).first_token;
    bool relative = false;
    for (int k = first + 1; k < event.first; ++k) {
      const std::string& f = a_.fold(k);
      if ((f == "who" || f == "which") && a_.fold(k - 1) == ",") {
        relative = true;
      } else if (relative && a_.fold(k - 1) == "," &&
                 (f == "will" || f == "would" || f == "is" || f == "was" || f == "has" ||
                  f == "had" || f == "plans" || f == "planned")) {
        relative = false;
      }
    }
    bool closed = false;
    for (int k = event.end; k < verb.first; ++k) {
      closed = closed || a_.fold(k) == ",";
    }
    return relative && closed;
  }

  int FirstToken(const MeetingGroup& g) const {
    return g.mentions.empty() ? 1 << 30 : mm_.mentions[g.mentions[0]].first;
  }

  // Every group's anchor, and the main meeting's window (the others' are read when one
  // becomes the main meeting: `ReadWindow`).
  void Window() {
    for (size_t gi = 0; gi < out_.groups.size(); ++gi) {
      MeetingGroup& g = out_.groups[gi];
      g.index = static_cast<int>(gi);
      g.anchor = -1;
      for (int mi : g.mentions) {
        const int s = mm_.mentions[mi].sentence;
        if (s > 0 && (g.anchor < 0 || s < g.anchor)) {
          g.anchor = s;
        }
      }
      if (g.anchor < 0) {
        g.anchor = a_.sentence_count() > 1 ? 1 : 0;
      }
    }
    if (!out_.groups.empty()) {
      ReadWindow(a_, mm_, out_, out_.groups.data());
    }
  }

  const Annotations& a_;
  const std::vector<Person>& people_;
  const MeetingMentions& mm_;
  Grouping out_;
  std::map<std::string, int> events_;
  int principal_ = -1;
  int last_subject_ = -1;
  int current_ = -1;
  int main_ = -1;
  int report_groups_ = 0;
  int pending_parent_ = -1;
  int pending_parent_sentence_ = -1;
};

}  // namespace

Grouping GroupMentions(const Annotations& a, const std::vector<Person>& people,
                       const MeetingMentions& mentions) {
  return Grouper(a, people, mentions).Run();
}

void ReadWindow(const Annotations& a, const MeetingMentions& mentions, const Grouping& grouping,
                MeetingGroup* g) {
  const int n = a.sentence_count();
  std::set<int> own;  // Sentences with a mention of this meeting.
  for (int mi : g->mentions) {
    own.insert(mentions.mentions[mi].sentence);
  }
  std::set<int> other;  // Sentences with mentions of other meetings only.
  for (const MeetingGroup& o : grouping.groups) {
    if (o.index == g->index) {
      continue;
    }
    for (int mi : o.mentions) {
      const int s = mentions.mentions[mi].sentence;
      if (own.count(s) == 0) {
        other.insert(s);
      }
    }
  }
  // Sentences that recall a meeting of the past and tell nothing of this one ("the treaty was
  // signed in 2000 when the leaders met in Porto"): their formats are that meeting's.
  std::set<int> recalled;
  for (const MeetingMention& m : mentions.mentions) {
    if (m.relation == MentionRelation::kPrevious && own.count(m.sentence) == 0) {
      recalled.insert(m.sentence);
    }
  }
  // "At their previous meeting in Sochi, the two leaders signed a memorandum", "During his last
  // visit to Turkey, they had signed an agreement": a sentence opened by a phrase on a meeting
  // of the past tells what that meeting concluded.
  std::set<int> recalled_lead;
  for (const MeetingMention& m : mentions.mentions) {
    if (m.relation != MentionRelation::kPrevious || own.count(m.sentence) > 0) {
      continue;
    }
    const Sentence& sentence = a.sentence(m.sentence);
    const std::string& opener = a.fold(sentence.first_token);
    if (opener != "at" && opener != "during" && opener != "on" && opener != "in") {
      continue;
    }
    bool fronted = true;  // No comma between the opener and the mention.
    for (int k = sentence.first_token; k < m.first && fronted; ++k) {
      fronted = a.fold(k) != ",";
    }
    bool closed = false;  // A comma closes the phrase before the clause it dates.
    for (int k = m.end; k < std::min(sentence.end_token, m.end + 12) && !closed; ++k) {
      closed = a.fold(k) == ",";
    }
    if (fronted && closed) {
      recalled_lead.insert(m.sentence);
    }
  }
  const bool main = g->role == GroupRole::kMain || g->index == 0;
  const int anchor = g->anchor;
  g->elsewhere = other;
  g->window = {anchor};
  if (main || own.count(0) > 0) {
    g->window.insert(0);
  }
  if (main && n > 1 && other.count(1) == 0) {
    g->window.insert(1);
  }
  for (int s = anchor + 1; s < std::min(n, anchor + 6); ++s) {
    if (own.count(s) > 0) {
      g->window.insert(s);
    }
  }
  g->people_sentences = g->window;
  for (int s = 1; s < std::min(n, anchor + 10); ++s) {
    if (own.count(s) > 0) {
      g->people_sentences.insert(s);
    }
  }
  g->format_sentences.clear();
  for (int s = 1; s < std::min(n, anchor + 8); ++s) {
    if (other.count(s) == 0 && recalled.count(s) == 0) {
      g->format_sentences.insert(s);
    }
  }
  // "In Beijing, X held talks with Y. The two leaders signed 15 agreements.": a sentence with no
  // meeting word, in the paragraph of another meeting's sentence right before it, tells what
  // that meeting concluded.
  std::set<int> any_mention;
  for (const MeetingMention& m : mentions.mentions) {
    any_mention.insert(m.sentence);
  }
  // Only a sentence whose subject stands for the parties ("The two leaders", "They", "Both
  // sides") is read so.
  auto collective_subject = [&a](int s) {
    const int first = a.sentence(s).first_token;
    const int end = std::min(a.sentence(s).end_token, first + 3);
    if (a.fold(first) == "they") {
      return true;
    }
    for (int k = first; k < end; ++k) {
      if (a.Is(k, WordClass::kCollective)) {
        return true;
      }
    }
    return false;
  };
  std::set<int> follows_other;
  for (int s = 2; s < n; ++s) {
    if (any_mention.count(s) == 0 && a.sentence(s).paragraph == a.sentence(s - 1).paragraph &&
        other.count(s - 1) > 0 && collective_subject(s)) {
      follows_other.insert(s);
    }
  }
  g->document_sentences = g->window;
  for (int s : recalled_lead) {
    g->document_sentences.erase(s);
  }
  for (int s = 1; s < n; ++s) {
    if (other.count(s) == 0 && recalled_lead.count(s) == 0 && follows_other.count(s) == 0) {
      g->document_sentences.insert(s);
    }
  }
}

}  // namespace parley::extract
