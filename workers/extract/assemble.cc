#include "workers/extract/assemble.h"

#include <set>
#include <string>

#include "services/domain/meeting_rules.h"

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
  fix(m->mutable_venue()->mutable_country_code());
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
  for (const std::string& org : ResolveOrganizations(c, g.window)) {
    m.add_organizations(org);
  }
  m.set_format(ResolveFormat(c, g));
  for (const std::string& code : parts.countries) {
    m.add_countries(code);
  }

  // Is this a meeting report at all? Parties from two sides, or one side and a body.
  const int sides = static_cast<int>(parts.countries.size()) + m.organizations_size() +
                    (m.format().empty() ? 0 : 1);
  const bool counterpart = a.SentenceHas(g.anchor, TriggerKind::kMeet) && m.people_size() >= 1 &&
                           parts.countries.size() == 1;
  const bool body_meeting =
      (m.organizations_size() > 0 || !m.format().empty()) &&
      (a.SentenceHas(g.anchor, TriggerKind::kSummit) ||
       a.SentenceHas(g.anchor, TriggerKind::kCouncil) || a.SentenceHas(0, TriggerKind::kSummit) ||
       a.SentenceHas(0, TriggerKind::kCouncil));
  if (sides < 2 && !counterpart && !body_meeting) {
    return std::nullopt;
  }
  if (a.SentenceHas(0, TriggerKind::kNegative) && !c.grouping.title_meeting &&
      parts.countries.size() < 2) {
    return std::nullopt;
  }

  m.set_status(ResolveStatus(c, g));
  ResolveDate(c, g, m.status() != v1::MEETING_STATUS_HELD, &m, &evidence);
  m.set_kind(ResolveKind(c, g, m, parts.people));
  if (m.kind() == v1::MEETING_KIND_BILATERAL || m.kind() == v1::MEETING_KIND_PHONE_CALL ||
      m.kind() == v1::MEETING_KIND_STATE_VISIT) {
    // Two-party talks: an organisation named around them is the event they were held at (the
    // side meeting's summit), unless one of its officials takes part.
    std::set<std::string> own;
    for (const v1::Person& p : m.people()) {
      if (!p.organization().empty()) {
        own.insert(p.organization());
      }
    }
    m.clear_organizations();
    for (const std::string& org : own) {
      m.add_organizations(org);
    }
  }
  if (m.kind() != v1::MEETING_KIND_PHONE_CALL && m.kind() != v1::MEETING_KIND_VIDEO_CONFERENCE) {
    *m.mutable_venue() = ResolveVenue(c, g, /*use_dateline=*/true, &evidence);
  }
  for (v1::Document& d : ResolveDocuments(c, g.document_sentences, &evidence)) {
    *m.add_documents() = std::move(d);
  }
  for (v1::Topic t : ResolveTopics(c, g.window)) {
    m.add_topics(t);
  }
  for (v1::Statement& st : ResolveStatements(c, g, options.max_statements)) {
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

// A later meeting the text announces; nullopt when nothing says who meets.
std::optional<v1::Meeting> FollowUp(const Context& c, const MeetingGroup& g,
                                    const v1::Meeting& main) {
  const Annotations& a = c.a;
  const int s = g.anchor;
  v1::Meeting next;
  next.set_status(v1::MEETING_STATUS_SCHEDULED);
  const bool summit = g.mention >= 0 && c.mentions.mentions[g.mention].kind == TriggerKind::kSummit;
  const std::set<int> only = {s};
  const std::string its_format = FormatIn(c, only);
  std::vector<FieldEvidence> evidence;
  std::set<std::string> its = CountriesIn(c, only, s, &evidence);
  if ((!its_format.empty() && its_format == main.format()) || its.empty()) {
    // "The ministers also prepared the next summit": the same parties, unless the sentence
    // names others.
    its.insert(main.countries().begin(), main.countries().end());
  }
  if (its_format.empty() && its.empty()) {
    return std::nullopt;
  }
  next.set_format(summit && !its_format.empty() ? its_format + " Summit" : its_format);
  for (const std::string& code : its) {
    next.add_countries(code);
  }
  for (const std::string& org : ResolveOrganizations(c, only)) {
    next.add_organizations(org);
  }
  next.set_kind(
      summit ? v1::MEETING_KIND_SUMMIT
             : (its.size() == 2 ? v1::MEETING_KIND_BILATERAL : v1::MEETING_KIND_MULTILATERAL));
  for (int di : a.dates_in[s]) {
    const DateMention& d = a.dates[di];
    if (!d.relative && d.start.year() > 0) {
      *next.mutable_start_date() = d.start;
      break;
    }
  }
  *next.mutable_venue() = ResolveVenue(c, g, /*use_dateline=*/false, &evidence);
  *next.add_sources() = main.sources(0);
  AddEvidence(c, evidence, &next);
  Historicise(c, &next);
  NameCountry(c, &next);
  next = Normalised(std::move(next));
  next.set_title(ResolveTitle(c, g, next));
  if (SameMeetingScore(main, next) >= kSameMeetingThreshold) {
    return std::nullopt;  // The main meeting again.
  }
  return next;
}

// The event a side meeting took place at; nullopt when its sentence names no format or body.
std::optional<v1::Meeting> ParentEvent(const Context& c, const MeetingGroup& g,
                                       const v1::Meeting& main) {
  const std::set<int> only = {g.anchor};
  const std::string format = FormatIn(c, only);
  const std::vector<std::string> orgs = ResolveOrganizations(c, only);
  if (format.empty() && orgs.empty()) {
    return std::nullopt;
  }
  v1::Meeting parent;
  parent.set_status(main.status());
  parent.set_kind(c.a.SentenceHas(g.anchor, TriggerKind::kSummit) || !format.empty()
                      ? v1::MEETING_KIND_SUMMIT
                      : v1::MEETING_KIND_MULTILATERAL);
  parent.set_format(format.empty() ? orgs[0] : format);
  for (const std::string& org : orgs) {
    parent.add_organizations(org);
  }
  *parent.mutable_venue() = main.venue();
  parent.mutable_countries()->CopyFrom(main.countries());
  *parent.add_sources() = main.sources(0);
  parent = Normalised(std::move(parent));
  parent.set_title(ResolveTitle(c, g, parent));
  return parent;
}

}  // namespace

std::vector<v1::Meeting> Assemble(const Context& c, const AssembleOptions& options) {
  std::vector<v1::Meeting> out;
  if (c.grouping.groups.empty()) {
    return out;
  }
  std::optional<v1::Meeting> main = MainMeeting(c, c.grouping.groups[0], options);
  if (!main.has_value()) {
    return out;
  }
  out.push_back(*main);
  bool parent_done = false;
  for (size_t i = 1; i < c.grouping.groups.size(); ++i) {
    const MeetingGroup& g = c.grouping.groups[i];
    std::optional<v1::Meeting> m;
    if (g.role == GroupRole::kFollowUp) {
      m = FollowUp(c, g, *main);
    } else if (g.role == GroupRole::kParentEvent && !parent_done) {
      m = ParentEvent(c, g, *main);
      parent_done = m.has_value();
    }
    if (m.has_value()) {
      out.push_back(*std::move(m));
    }
  }
  return out;
}

}  // namespace parley::extract
