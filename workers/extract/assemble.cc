#include "workers/extract/assemble.h"

#include <algorithm>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/domain/meeting_rules.h"
#include "workers/extract/dates.h"

namespace parley::extract {
namespace {

// Appends the evidence of `spans` to `m`, as byte spans of the article body (spans in the
// headline have none).
void AddEvidence(const Context& c, const std::vector<FieldEvidence>& spans, v1::Meeting* m) {
  const Document& doc = c.a.doc;
  const std::string& body = c.article.body();
  for (const FieldEvidence& span : spans) {
    if (span.first >= span.end) {
      continue;
    }
    const int32_t b = doc.body_offset[doc.tokens[span.first].begin];
    const int32_t e_last = doc.body_offset[doc.tokens[span.end - 1].end - 1];
    if (b < 0 || e_last < 0) {
      continue;
    }
    // The span ends after the last source byte of the last token.
    int32_t e = e_last + 1;
    while (static_cast<size_t>(e) < body.size() &&
           (static_cast<unsigned char>(body[e]) & 0xC0) == 0x80) {
      ++e;
    }
    v1::Evidence* ev = m->add_evidence();
    ev->set_field(span.field);
    ev->set_begin(static_cast<uint32_t>(b));
    ev->set_end(static_cast<uint32_t>(e));
    ev->set_value(span.value);
  }
}

// Codes places as the states of the meeting's time ("Moscow" in 1987 is SU).
void Historicise(const Context& c, v1::Meeting* m) {
  int32_t key = DateKey(m->start_date());
  if (key == 0) {
    key = c.a.published_key;
  }
  if (key == 0) {
    return;
  }
  auto fix = [&](std::string* code) {
    if (!code->empty()) {
      *code = c.a.dict->CodeAt(*code, key);
    }
  };
  if (m->has_venue()) {
    fix(m->mutable_venue()->mutable_country_code());
  }
  for (std::string& code : *m->mutable_countries()) {
    fix(&code);
  }
  for (v1::Person& p : *m->mutable_people()) {
    fix(p.mutable_country_code());
  }
}

// The venue's country name from its code ("KZ" -> "Kazakhstan").
void NameCountry(const Context& c, v1::Meeting* m) {
  if (m->has_venue() && !m->venue().country_code().empty()) {
    m->mutable_venue()->set_country(c.a.dict->CountryName(m->venue().country_code()));
  }
}

// Two-party talks: an organisation named around them is the event they were held at (the side
// meeting's summit), unless it is one of the parties the meeting's words name ("met the ASEAN
// Secretary-General") or one of its officials takes part.
void KeepOwnOrganizations(const MeetingGroup& g, v1::Meeting* m) {
  std::set<std::string> own(g.orgs.begin(), g.orgs.end());
  for (const v1::Person& p : m->people()) {
    if (!p.organization().empty()) {
      own.insert(p.organization());
    }
  }
  std::vector<std::string> kept;
  for (const std::string& org : m->organizations()) {
    if (own.count(org) > 0) {
      kept.push_back(org);
    }
  }
  m->clear_organizations();
  for (const std::string& org : kept) {
    m->add_organizations(org);
  }
  for (const std::string& org : own) {
    if (std::find(kept.begin(), kept.end(), org) == kept.end()) {
      m->add_organizations(org);
    }
  }
}

v1::Source SourceOf(const Context& c) {
  v1::Source source;
  source.set_url(c.article.url());
  source.set_outlet(c.article.outlet());
  source.set_attributed_to(ResolveAttribution(c));
  if (c.article.has_published_at()) {
    *source.mutable_published_at() = c.article.published_at();
  }
  return source;
}

// The record of the main meeting; nullopt when the article does not report one.
// "A, Malaya's prime minister, met President B in Manila": one country named, an official of
// no known country or body, and a venue in another country: that official is the host, and the
// venue's country the other side. Not when a body takes part: "Iran's foreign minister met
// Rafael Grossi, the director general of the IAEA, in Geneva": the official the text does not
// place is the body's, and the venue's country is no side.
void AddHost(v1::Meeting* m) {
  if (m->countries_size() != 1 || m->venue().country_code().empty() ||
      m->venue().country_code() == m->countries(0) || m->organizations_size() > 0) {
    return;
  }
  for (const v1::Person& p : m->people()) {
    if (p.country_code().empty() && p.organization().empty() && !p.role().empty()) {
      m->add_countries(m->venue().country_code());
      return;
    }
  }
}

// "a ceremony at the White House hosted by President X": a leader of no known country who hosts
// the meeting, at a venue in a country that is no side yet, is that country's.
void AddHostingLeader(const Context& c, const MeetingGroup& g, v1::Meeting* m) {
  const std::string& venue = m->venue().country_code();
  if (venue.empty() ||
      std::find(m->countries().begin(), m->countries().end(), venue) != m->countries().end()) {
    return;
  }
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    if (mention.form != TriggerForm::kVerb || !c.a.Is(mention.first, WordClass::kHostVerb)) {
      continue;
    }
    const bool passive =
        mention.end < c.a.sentence(mention.sentence).end_token && c.a.fold(mention.end) == "by";
    for (int q : passive ? mention.object.people : mention.subject.people) {
      const Person& host = c.people[q];
      if (!host.country.empty() || !host.org.empty() || !IsLeader(host.level)) {
        continue;
      }
      for (v1::Person& p : *m->mutable_people()) {
        if (p.name() == host.name && p.country_code().empty()) {
          p.set_country_code(venue);
          m->add_countries(venue);
          return;
        }
      }
    }
  }
}

// A held meeting first told of after the lead ("The sale comes months after X and Y met in
// San Francisco", "Z, who met W in Brasilia in August, said"), under a headline that reports
// none, on no day the text fixes or more than a week before the publication: background to other
// news, not the meeting the article reports.
bool StaleBackground(const Context& c, const MeetingGroup& g, const v1::Meeting& m) {
  const Annotations& a = c.a;
  if (c.grouping.title_meeting || m.status() != v1::MEETING_STATUS_HELD ||
      !a.published.has_value() || g.mentions.empty()) {
    return false;
  }
  int first = a.sentence_count();
  for (int mi : g.mentions) {
    first = std::min(first, c.mentions.mentions[mi].sentence);
  }
  if (a.sentence(first).paragraph < 2 || first < 3) {
    return false;
  }
  if (!m.has_start_date()) {
    return true;
  }
  // A month-only date counts from its last day.
  const v1::Date& d = m.start_date();
  const absl::CivilMonth month(d.year(), std::max(1, d.month()));
  const absl::CivilDay day =
      d.day() > 0 ? absl::CivilDay(d.year(), d.month(), d.day()) : absl::CivilDay(month + 1) - 1;
  return day < *a.published - 7;
}

std::optional<v1::Meeting> MainMeeting(const Context& c, const MeetingGroup& g,
                                       const AssembleOptions& options) {
  const Annotations& a = c.a;
  v1::Meeting m;
  std::vector<FieldEvidence> evidence;
  Participants parts = ResolveParticipants(c, g);
  evidence = std::move(parts.evidence);
  for (const Person* p : parts.people) {
    v1::Person* out = m.add_people();
    out->set_name(p->name);
    out->set_role(p->role);
    out->set_country_code(p->country);
    out->set_organization(p->org);
  }
  for (const std::string& org : ResolveOrganizations(c, g.window, IndexOf(c, g))) {
    m.add_organizations(org);
  }
  for (const std::string& org : g.orgs) {
    m.add_organizations(org);
  }
  m.set_format(ResolveFormat(c, g));
  for (const std::string& code : parts.countries) {
    m.add_countries(code);
  }

  // Is this a meeting report at all? Parties from two sides, or one side and a body.
  const int sides = static_cast<int>(parts.countries.size()) + m.organizations_size() +
                    (m.format().empty() ? 0 : 1);
  // One country's official meeting someone the text does not place ("met his counterpart",
  // "held talks with X"): the meeting words must name the other side.
  bool other_side = false;
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    other_side = other_side || !mention.object.empty() || mention.object.collective ||
                 mention.subject.people.size() >= 2;
  }
  for (int i = a.sentence(g.anchor).first_token; i < a.sentence(g.anchor).end_token; ++i) {
    other_side = other_side || a.Is(i, WordClass::kCounterpartWord);
  }
  // A signing read as the meeting ("A and B signed a treaty") is a meeting word of the anchor.
  bool anchor_meets = a.SentenceHas(g.anchor, TriggerKind::kMeet);
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    anchor_meets =
        anchor_meets ||
        (mention.sentence == g.anchor && mention.kind == TriggerKind::kMeet &&
         a.triggers[mention.trigger].Of(EntryType::kTrigger) != nullptr &&
         a.triggers[mention.trigger].Of(EntryType::kTrigger)->trigger == TriggerKind::kSign);
  }
  const bool counterpart =
      anchor_meets && m.people_size() >= 1 && parts.countries.size() == 1 && other_side;
  // "The heads of state of ECOWAS met in Abuja": the members of a body meeting as a body; also
  // a format's members at a meeting placed or dated ("BRICS leaders meeting in Johannesburg on
  // Wednesday released a declaration").
  bool members_meet = false;
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    members_meet =
        members_meet || (mention.sentence == g.anchor && mention.subject.collective &&
                         ((mention.predicate && !mention.subject.orgs.empty()) ||
                          (!m.format().empty() &&
                           (mention.predicate || mention.date >= 0 || mention.venue_first >= 0))));
  }
  const bool body_meeting =
      (m.organizations_size() > 0 || !m.format().empty()) &&
      (a.SentenceHas(g.anchor, TriggerKind::kSummit) ||
       a.SentenceHas(g.anchor, TriggerKind::kCouncil) || a.SentenceHas(0, TriggerKind::kSummit) ||
       a.SentenceHas(0, TriggerKind::kCouncil) || members_meet);
  // "PM X arrived in Beijing on an official visit to China", "King X will make a state visit
  // to France": an official of no country the text gives, on a state or official visit to the
  // one country named, is the other side.
  bool visitor = false;
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    if ((mention.kind != TriggerKind::kVisit && mention.kind != TriggerKind::kStateVisit) ||
        mention.relation != MentionRelation::kReport || mention.object.countries.size() != 1 ||
        parts.countries.size() != 1 || mention.object.countries[0] != *parts.countries.begin()) {
      continue;
    }
    for (int p : mention.subject.people) {
      const Person& person = c.people[p];
      visitor = visitor || (person.country.empty() && person.org.empty() &&
                            person.level != RoleLevel::kUnknown && person.Participates());
    }
  }
  bool official_visit = false;
  for (int mi : g.mentions) {
    official_visit = official_visit || c.mentions.mentions[mi].kind == TriggerKind::kStateVisit;
  }
  visitor = visitor && official_visit;
  if (sides < 2 && !counterpart && !body_meeting && !visitor) {
    return std::nullopt;
  }
  // "explained why discussions about the deployment make no sense": meeting nouns that nobody
  // holds, with no side, date, place or frame, under a headline that reports no meeting, tell
  // of no meeting.
  // A bare noun may name one country on its other side ("Discussions with X will continue").
  // So is a council told of only by its name ("sanctions against the State Defence Council of
  // Veloria"): the body, not a session of it.
  bool bare = !c.grouping.title_meeting && !g.mentions.empty();
  for (int mi : g.mentions) {
    const MeetingMention& mention = c.mentions.mentions[mi];
    const bool named_council = mention.named_event && mention.kind == TriggerKind::kCouncil;
    bare = bare && mention.form != TriggerForm::kVerb && !mention.predicate &&
           (!mention.named_event || named_council) && mention.subject.empty() &&
           (mention.object.empty() ||
            (mention.object.people.empty() && mention.object.orgs.empty() &&
             mention.object.countries.size() == 1 && !mention.object.pronoun)) &&
           !mention.subject.collective && !mention.object.collective && mention.date < 0 &&
           (mention.venue_first < 0 || named_council) && mention.frame == Frame::kNone &&
           mention.sentence > 0;
  }
  if (bare) {
    return std::nullopt;
  }
  if (a.SentenceHas(0, TriggerKind::kNegative) && !c.grouping.title_meeting &&
      parts.countries.size() < 2) {
    return std::nullopt;
  }

  m.set_status(ResolveStatus(c, g));
  ResolveDate(c, g, m.status() != v1::MEETING_STATUS_HELD, &m, &evidence, &parts.people);
  if (StaleBackground(c, g, m)) {
    return std::nullopt;
  }
  m.set_kind(ResolveKind(c, g, m, parts.people));
  if (m.kind() == v1::MEETING_KIND_BILATERAL || m.kind() == v1::MEETING_KIND_PHONE_CALL ||
      m.kind() == v1::MEETING_KIND_STATE_VISIT) {
    KeepOwnOrganizations(g, &m);
  }
  if (m.kind() != v1::MEETING_KIND_PHONE_CALL && m.kind() != v1::MEETING_KIND_VIDEO_CONFERENCE) {
    *m.mutable_venue() = ResolveVenue(c, g, /*use_dateline=*/true, &evidence);
    AddHost(&m);
    AddHostingLeader(c, g, &m);
  }
  for (v1::Document& d :
       ResolveDocuments(c, g.document_sentences, &evidence, IndexOf(c, g), m.status())) {
    *m.add_documents() = std::move(d);
  }
  for (v1::Topic t : ResolveTopics(c, g.window)) {
    m.add_topics(t);
  }
  for (v1::Statement& st : ResolveStatements(c, g, parts.people, options.max_statements)) {
    *m.add_statements() = std::move(st);
  }
  for (std::string& tag : ResolveTags(c)) {
    m.add_tags(std::move(tag));
  }
  *m.add_sources() = SourceOf(c);
  AddEvidence(c, evidence, &m);
  Historicise(c, &m);
  NameCountry(c, &m);
  m = Normalised(std::move(m));
  m.set_title(ResolveTitle(c, g, m));
  return m;
}

v1::MeetingKind KindOfOther(const Context& c, const MeetingGroup& g, const v1::Meeting& m) {
  if (g.kind == TriggerKind::kPhone) {
    return v1::MEETING_KIND_PHONE_CALL;
  }
  if (g.kind == TriggerKind::kVideo) {
    return v1::MEETING_KIND_VIDEO_CONFERENCE;
  }
  bool leaders = false;
  bool ministers = false;
  for (int p : g.people) {
    leaders = leaders || IsLeader(c.people[p].level);
    ministers = ministers || IsMinister(c.people[p].level);
  }
  const int parties =
      m.countries_size() + (m.organizations_size() > 0 && m.countries_size() < 2 ? 1 : 0);
  if (g.kind == TriggerKind::kStateVisit && leaders) {
    return v1::MEETING_KIND_STATE_VISIT;
  }
  if (g.kind == TriggerKind::kSummit) {
    return v1::MEETING_KIND_SUMMIT;
  }
  // A body's or format's meeting named for its leaders or its ministers ("the Session of the
  // Assembly of Heads of State", "the Quad foreign ministers meeting").
  const NamedFor named_for = MeetingNamedFor(c, g);
  const bool body = m.organizations_size() > 0 || !m.format().empty() || parties >= 3;
  if (named_for.leaders && body) {
    return v1::MEETING_KIND_SUMMIT;
  }
  if (named_for.ministers && body) {
    return v1::MEETING_KIND_MINISTERIAL;
  }
  if ((g.kind == TriggerKind::kCouncil && (ministers || named_for.ministers)) ||
      (parties >= 3 && ministers && !leaders)) {
    return v1::MEETING_KIND_MINISTERIAL;
  }
  // A session or council named for no ministers ("the 78th session of the UN General
  // Assembly"): a meeting of many.
  if (g.kind == TriggerKind::kCouncil) {
    return v1::MEETING_KIND_MULTILATERAL;
  }
  // A forum or conference the text names as an event, with no two sides of its own ("on the
  // sidelines of the Doha Forum"): a meeting of many, whatever its record's countries.
  if (g.role == GroupRole::kEvent && g.kind == TriggerKind::kConference && g.countries.size() < 2) {
    return v1::MEETING_KIND_MULTILATERAL;
  }
  if (parties == 2 || (parties <= 1 && m.people_size() >= 2)) {
    return v1::MEETING_KIND_BILATERAL;
  }
  if (parties >= 3 || g.role == GroupRole::kEvent) {
    return v1::MEETING_KIND_MULTILATERAL;
  }
  return v1::MEETING_KIND_BILATERAL;
}

// Another meeting of the article: a further meeting reported, a side meeting, a follow-up, an
// event referred to. nullopt when nothing says who meets.
std::optional<v1::Meeting> OtherMeeting(const Context& c, const MeetingGroup& g,
                                        const MeetingGroup& main_group, const v1::Meeting& main,
                                        const std::vector<std::optional<v1::Meeting>>& done) {
  const Annotations& a = c.a;
  std::vector<FieldEvidence> evidence;
  v1::Meeting m;
  std::set<std::string> countries(g.countries.begin(), g.countries.end());
  // An event's participants include those who met on its sidelines.
  const int gi = IndexOf(c, g);
  for (const MeetingGroup& child : c.grouping.groups) {
    if (child.parent == gi) {
      countries.insert(child.countries.begin(), child.countries.end());
      for (int p : child.people) {
        if (!c.people[p].country.empty()) {
          countries.insert(c.people[p].country);
        }
      }
    }
  }
  if (g.role == GroupRole::kFollowUp &&
      (countries.empty() || (!g.format.empty() && g.format == main.format()))) {
    // "The ministers also prepared the next summit": the same parties, unless it names others.
    countries.insert(main.countries().begin(), main.countries().end());
  }
  for (const std::string& code : countries) {
    m.add_countries(code);
  }
  for (int p : g.people) {
    const Person& person = c.people[p];
    v1::Person* out = m.add_people();
    out->set_name(person.name);
    out->set_role(person.role);
    out->set_country_code(person.country);
    out->set_organization(person.org);
    evidence.push_back({"people", person.first_token, person.end_token, person.name});
    if (!person.org.empty()) {
      m.add_organizations(person.org);
    }
  }
  for (const std::string& org : g.orgs) {
    m.add_organizations(org);
  }
  m.set_format(g.kind == TriggerKind::kSummit && !g.format.empty() && g.role != GroupRole::kEvent
                   ? g.format + " Summit"
                   : g.format);
  if (g.role == GroupRole::kEvent && m.format().empty() && !g.orgs.empty()) {
    m.set_format(g.orgs[0]);
  }
  switch (g.status) {
    case MentionStatus::kHeld:
      m.set_status(v1::MEETING_STATUS_HELD);
      break;
    case MentionStatus::kPlanned:
      m.set_status(v1::MEETING_STATUS_SCHEDULED);
      break;
    case MentionStatus::kPostponed:
    case MentionStatus::kCancelled:
      m.set_status(v1::MEETING_STATUS_CANCELLED);
      break;
  }
  // Its own date, else a held meeting of the same time and place as the main one takes its.
  const bool in_person = g.kind != TriggerKind::kPhone && g.kind != TriggerKind::kVideo;
  const bool alongside = g.role == GroupRole::kOther && g.status == MentionStatus::kHeld &&
                         main.status() == v1::MEETING_STATUS_HELD && !g.separate_time;
  // An event's date from a word of its own ("The summit, which opened on Tuesday") before one
  // it takes from the clause of a meeting held in its frame ("X met Y on Wednesday on the
  // sidelines of the summit": the side meeting's day, one of the event's).
  std::vector<int> dated = g.mentions;
  if (g.role == GroupRole::kEvent) {
    std::stable_partition(dated.begin(), dated.end(),
                          [&](int mi) { return c.mentions.mentions[mi].frame == Frame::kNone; });
  }
  for (int mi : dated) {
    const MeetingMention& mm = c.mentions.mentions[mi];
    if (mm.date < 0) {
      continue;
    }
    const DateMention& d = a.dates[mm.date];
    std::optional<v1::Date> date;
    if (!d.relative && d.start.year() > 0) {
      date = d.start;
    } else if (d.relative && a.published.has_value()) {
      // "met on Tuesday on the eve of the summit": the day resolves by the tense of the
      // clause, which tells of the meeting held on the eve.
      date = ResolveRelative(d, *a.published,
                             mm.eve ? CueStatus(a, mm.sentence) == MentionStatus::kPlanned
                                    : g.status != MentionStatus::kHeld);
    }
    // ... and the event framed so falls the day after.
    if (date.has_value() && mm.eve && date->day() > 0) {
      date = ToDate(absl::CivilDay(date->year(), date->month(), date->day()) + 1);
    }
    if (date.has_value()) {
      *m.mutable_start_date() = *date;
      if (d.end.year() > 0) {
        *m.mutable_end_date() = d.end;
      }
      evidence.push_back({"start_date", d.first_token, d.end_token,
                          absl::StrCat(date->year(), "-", date->month(), "-", date->day())});
      // Its own date is after the publication ("the summit in Charlevoix on June 8" in a May
      // story), at the date's precision: it has not been held yet.
      if (m.status() == v1::MEETING_STATUS_HELD && a.published.has_value()) {
        const absl::CivilDay p = *a.published;
        const bool later = date->day() == 0
                               ? (date->year() > p.year() ||
                                  (date->year() == p.year() && date->month() > p.month()))
                               : absl::CivilDay(date->year(), date->month(), date->day()) > p;
        if (later) {
          m.set_status(v1::MEETING_STATUS_SCHEDULED);
        }
      }
      break;
    }
  }
  if (!m.has_start_date() && alongside && main.has_start_date()) {
    *m.mutable_start_date() = main.start_date();
  }
  // "Earlier in the day", "later that day", "on the same day": the main meeting's day, though
  // set apart in time from it.
  if (!m.has_start_date() && main.has_start_date() && main.start_date().day() > 0) {
    bool same_day = false;
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      const Sentence& sentence = a.sentence(mm.sentence);
      for (int k = sentence.first_token + 1; k + 1 < sentence.end_token && !same_day; ++k) {
        if (a.fold(k + 1) != "day") {
          continue;
        }
        same_day = a.fold(k) == "same" ||
                   (a.fold(k) == "that" && k >= sentence.first_token + 1 &&
                    (a.fold(k - 1) == "later" || a.fold(k - 1) == "earlier")) ||
                   (a.fold(k) == "the" && a.fold(k - 1) == "in" && k >= sentence.first_token + 2 &&
                    (a.fold(k - 2) == "later" || a.fold(k - 2) == "earlier"));
      }
    }
    if (same_day) {
      *m.mutable_start_date() = main.start_date();
    }
  }
  if (in_person) {
    for (int mi : g.mentions) {
      const MeetingMention& mm = c.mentions.mentions[mi];
      int first = mm.venue_first;
      int end = mm.venue_end;
      // A town inside an event's name: "the June Venice summit".
      for (int i = mm.np_first; i < mm.first && g.role != GroupRole::kOther; ++i) {
        const Entry* town = a.EntityAt(i, EntryType::kPlace);
        if (town != nullptr && IsTown(town->place)) {
          first = a.entities[a.entity_at[i]].first;
          end = a.entities[a.entity_at[i]].end;
          break;
        }
      }
      if (first < 0 && mm.visit_place >= 0) {
        first = a.entities[mm.visit_place].first;
        end = a.entities[mm.visit_place].end;
      }
      if (first < 0) {
        continue;
      }
      const Match& match = a.entities[a.entity_at[first]];
      const Entry* place = nullptr;
      for (const Entry* e : match.entries) {
        if (e->type == EntryType::kPlace && (place == nullptr || IsVenueTown(e->place))) {
          place = e;
        }
      }
      if (place == nullptr) {
        continue;
      }
      if (place->place == PlaceKind::kLandmark) {
        m.mutable_venue()->set_city(place->name);  // "at the White House": Washington.
      } else if (IsTown(place->place)) {
        m.mutable_venue()->set_city(a.Surface(first, end));
      }
      m.mutable_venue()->set_country_code(place->code);
      evidence.push_back({"venue", first, end, a.Surface(first, end)});
      break;
    }
    if (!m.has_venue()) {
      if (g.parent >= 0 && done[g.parent].has_value() && done[g.parent]->has_venue()) {
        *m.mutable_venue() = done[g.parent]->venue();
      } else if (alongside && main.has_venue()) {
        *m.mutable_venue() = main.venue();
      }
    }
  }
  // Nothing says who meets: not a record.
  if (m.countries_size() == 0 && m.organizations_size() == 0 && m.format().empty() &&
      m.people_size() < 2) {
    return std::nullopt;
  }
  m.set_kind(KindOfOther(c, g, m));
  if (m.kind() == v1::MEETING_KIND_BILATERAL || m.kind() == v1::MEETING_KIND_PHONE_CALL) {
    KeepOwnOrganizations(g, &m);
  }
  std::set<int> sentences;
  for (int mi : g.mentions) {
    sentences.insert(c.mentions.mentions[mi].sentence);
  }
  for (v1::Topic t : ResolveTopics(c, sentences, /*window_only=*/true)) {
    m.add_topics(t);
  }
  if (g.role == GroupRole::kOther) {
    for (v1::Document& d : ResolveDocuments(c, sentences, &evidence, gi, m.status())) {
      *m.add_documents() = std::move(d);
    }
  }
  *m.add_sources() = main.sources(0);
  AddEvidence(c, evidence, &m);
  Historicise(c, &m);
  NameCountry(c, &m);
  m = Normalised(std::move(m));
  m.set_title(ResolveTitle(c, g, m));
  // The main meeting again; but not the event the main meeting was held at ("met Y on the
  // sidelines of the summit"), which shares its place, time and people.
  if (g.role != GroupRole::kOther && gi != main_group.parent &&
      SameMeetingScore(main, m) >= kSameMeetingThreshold) {
    return std::nullopt;
  }
  return m;
}

}  // namespace

std::vector<v1::Meeting> Assemble(const Context& c, const AssembleOptions& options) {
  std::vector<v1::Meeting> out;
  if (c.grouping.groups.empty()) {
    return out;
  }
  // The main meeting: the first group that passes the gate (two sides, or one side and a
  // counterpart or a body), read from its window; an article without one reports no meeting.
  const std::vector<MeetingGroup>& groups = c.grouping.groups;
  std::vector<std::optional<v1::Meeting>> records(groups.size());
  size_t main_index = 0;
  for (; main_index < groups.size(); ++main_index) {
    if (main_index == 0 || groups[main_index].role != GroupRole::kFollowUp) {
      MeetingGroup candidate = groups[main_index];
      if (main_index > 0) {
        ReadWindow(c.a, c.mentions, c.grouping, &candidate);
      }
      records[main_index] = MainMeeting(c, candidate, options);
      if (records[main_index].has_value()) {
        break;
      }
    }
  }
  if (main_index == groups.size()) {
    return out;
  }
  const v1::Meeting& main = *records[main_index];
  // Events first, so that the meetings held at them can take their venue.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < groups.size(); ++i) {
      if (i == main_index || (i < main_index && groups[i].role == GroupRole::kOther) ||
          (groups[i].role == GroupRole::kEvent) != (pass == 0)) {
        continue;
      }
      records[i] = OtherMeeting(c, groups[i], groups[main_index], main, records);
    }
  }
  // Main first, then in order of mention; a meeting held at an event refers to that event's
  // record by its place in the article's list ("#2"), which the service turns into the
  // event's meeting id.
  std::vector<int> position(groups.size(), -1);
  position[main_index] = 0;
  int next = 1;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i != main_index && records[i].has_value()) {
      position[i] = next++;
    }
  }
  out.resize(next);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (position[i] < 0) {
      continue;
    }
    v1::Meeting m = i == main_index ? main : *std::move(records[i]);
    const int parent = groups[i].parent;
    if (parent >= 0 && position[parent] >= 0 && position[parent] != position[i]) {
      m.set_parent_id(absl::StrCat("#", position[parent]));
    }
    out[position[i]] = std::move(m);
  }
  return out;
}

}  // namespace parley::extract
