#include "workers/extract/annotate.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"

namespace parley::extract {

std::string TitleCase(absl::string_view text) {
  std::string out;
  bool start = true;
  for (char c : text) {
    if (absl::ascii_isalpha(c)) {
      out.push_back(start ? absl::ascii_toupper(c) : absl::ascii_tolower(c));
      start = false;
    } else {
      out.push_back(c);
      start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return out;
}

absl::string_view Annotations::Text(int first, int end) const {
  if (first >= end) {
    return {};
  }
  const uint32_t b = doc.tokens[first].begin;
  const uint32_t e = doc.tokens[end - 1].end;
  return absl::string_view(doc.text).substr(b, e - b);
}

std::string Annotations::Surface(int first, int end) const {
  std::string text;
  for (char c : Text(first, end)) {
    if (c == '\n' || c == '\t') {
      c = ' ';
    }
    if (c == ' ' && !text.empty() && text.back() == ' ') {
      continue;
    }
    text.push_back(c);
  }
  if (first < end && doc.sentences[doc.tokens[first].sentence].all_caps) {
    return TitleCase(text);
  }
  return text;
}

bool Annotations::TriggerAt(int i, TriggerKind kind) const {
  if (trigger_at[i] < 0) {
    return false;
  }
  for (const Entry* e : triggers[trigger_at[i]].entries) {
    if (e->trigger == kind) {
      return true;
    }
  }
  return false;
}

bool Annotations::InADate(int i) const {
  for (int di : dates_in[tok(i).sentence]) {
    if (dates[di].first_token <= i && i < dates[di].end_token) {
      return true;
    }
  }
  return false;
}

bool Annotations::SentenceHas(int s, TriggerKind kind) const {
  for (int m : triggers_in[s]) {
    for (const Entry* e : triggers[m].entries) {
      if (e->trigger == kind) {
        return true;
      }
    }
  }
  return false;
}

bool Annotations::SentenceHas(int s, Cue cue) const {
  for (int m : cues_in[s]) {
    for (const Entry* e : cues[m].entries) {
      if (e->cue == cue) {
        return true;
      }
    }
  }
  return false;
}

bool Annotations::SentenceHasWord(int s, WordClass c) const {
  for (int i = doc.sentences[s].first_token; i < doc.sentences[s].end_token; ++i) {
    if (Is(i, c)) {
      return true;
    }
  }
  return false;
}

bool Annotations::Quoted(int i) const {
  const int s = doc.tokens[i].sentence;
  for (const Quote& q : quotes) {
    if (q.sentence == s && q.first <= i && i < q.end) {
      return true;
    }
  }
  return false;
}

namespace {

// Indexes matches by token and by the sentence they start in.
void Index(const Document& doc, const std::vector<Match>& matches, std::vector<int>* at,
           std::vector<std::vector<int>>* in) {
  at->assign(doc.tokens.size(), -1);
  in->assign(doc.sentences.size(), {});
  for (size_t m = 0; m < matches.size(); ++m) {
    for (int i = matches[m].first; i < matches[m].end; ++i) {
      (*at)[i] = static_cast<int>(m);
    }
    (*in)[doc.tokens[matches[m].first].sentence].push_back(static_cast<int>(m));
  }
}

// Pairs of double quotes within each sentence.
std::vector<Quote> FindQuotes(const Document& doc) {
  std::vector<Quote> out;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    int open = -1;
    for (int i = doc.sentences[s].first_token; i < doc.sentences[s].end_token; ++i) {
      if (doc.tokens[i].fold != "\"") {
        continue;
      }
      if (open < 0) {
        open = i;
      } else {
        if (i > open + 1) {
          out.push_back({static_cast<int>(s), open + 1, i});
        }
        open = -1;
      }
    }
  }
  return out;
}

// The day a date told without a year stands for (the 15th for a month alone), or nullopt for a
// date that has its year, is relative, a dateline's or unresolved.
std::optional<absl::CivilDay> YearlessDay(const DateMention& d) {
  if (d.relative || d.has_year || d.dateline || d.month_relative || d.start.year() == 0 ||
      d.start.month() == 0) {
    return std::nullopt;
  }
  return absl::CivilDay(d.start.year(), d.start.month(), d.start.day() == 0 ? 15 : d.start.day());
}

// The nearest cue before the date in its sentence, or nullptr.
const Match* NearestCueBefore(const Annotations& a, const DateMention& d) {
  const Match* nearest = nullptr;
  for (int ci : a.cues_in[d.sentence]) {
    const Match& cue = a.cues[ci];
    if (cue.end <= d.first_token && (nearest == nullptr || cue.first > nearest->first)) {
      nearest = &cue;
    }
  }
  return nearest;
}

bool HasCue(const Match& match, Cue cue) {
  for (const Entry* e : match.entries) {
    if (e->cue == cue) {
      return true;
    }
  }
  return false;
}

void ShiftYear(DateMention* d, int by) {
  d->start.set_year(d->start.year() + by);
  if (d->end.year() > 0) {
    d->end.set_year(d->end.year() + by);
  }
}

// "the summit that Brazil will host in Rio de Janeiro in November" in a March article: a day or
// month told without a year after a future cue (the nearest cue before it in its sentence, in
// a sentence with no cancellation, postponement or earlier meeting) is to come, so it is not
// one more than a month past the publication: the year after the nearest one.
void YearOfWhatIsToCome(Annotations* a) {
  if (!a->published.has_value()) {
    return;
  }
  for (DateMention& d : a->dates) {
    const std::optional<absl::CivilDay> day = YearlessDay(d);
    if (!day.has_value() || *a->published - *day <= 31) {
      continue;
    }
    bool other = false;
    for (int ci : a->cues_in[d.sentence]) {
      const Match& cue = a->cues[ci];
      other = other || HasCue(cue, Cue::kCancel) || HasCue(cue, Cue::kPostpone) ||
              HasCue(cue, Cue::kPrevious);
    }
    const Match* nearest = NearestCueBefore(*a, d);
    if (!other && nearest != nullptr && HasCue(*nearest, Cue::kFuture)) {
      ShiftYear(&d, 1);
    }
  }
}

// "last year, when the foreign ministers met in New Delhi in July" in a March article: a day or
// month told without a year right after a past cue ("met", "held", "took place": the nearest
// cue before it in its sentence, at most six words before it, with no "to", "that", "which" or
// "will" between) is past, so it is not more than a month after the publication: the year
// before the nearest one.
void YearOfWhatIsPast(Annotations* a) {
  if (!a->published.has_value()) {
    return;
  }
  for (DateMention& d : a->dates) {
    const std::optional<absl::CivilDay> day = YearlessDay(d);
    if (!day.has_value() || *day - *a->published <= 31) {
      continue;
    }
    const Match* nearest = NearestCueBefore(*a, d);
    if (nearest == nullptr || d.first_token - nearest->end > 6 || !HasCue(*nearest, Cue::kPast)) {
      continue;
    }
    bool past = true;
    for (int k = nearest->end; k < d.first_token; ++k) {
      const std::string_view w = a->fold(k);
      past = past && w != "to" && w != "that" && w != "which" && w != "will";
    }
    if (past) {
      ShiftYear(&d, -1);
    }
  }
}

}  // namespace

absl::StatusOr<Annotations> Annotate(const v1::Article& article, const Dictionaries& dict) {
  if (absl::StripAsciiWhitespace(article.body()).empty()) {
    return absl::InvalidArgumentError("article body is empty");
  }
  absl::StatusOr<Document> doc = BuildDocument(article.title(), article.body());
  if (!doc.ok()) {
    return doc.status();
  }
  Annotations a;
  a.doc = *std::move(doc);
  a.dict = &dict;
  if (article.has_published_at() && article.published_at().seconds() != 0) {
    a.published = absl::ToCivilDay(absl::FromUnixSeconds(article.published_at().seconds()),
                                   absl::UTCTimeZone());
    a.published_key = static_cast<int32_t>(
        a.published->year() * 10000 + int64_t{a.published->month()} * 100 + a.published->day());
  }
  a.entities = dict.MatchAll(a.doc, Layer::kEntity);
  // "the Security Council of Kazakhstan": a body's name followed by "of" and a country is that
  // country's own body, not the international one the name alone stands for.
  {
    std::vector<bool> country_at(a.doc.tokens.size(), false);
    for (const Match& m : a.entities) {
      const Entry* place = m.Of(EntryType::kPlace);
      country_at[m.first] = place != nullptr && place->place == PlaceKind::kCountry;
    }
    const int n = static_cast<int>(a.doc.tokens.size());
    a.entities.erase(
        std::remove_if(a.entities.begin(), a.entities.end(),
                       [&](const Match& m) {
                         if (m.entries.size() != 1 || m.Of(EntryType::kOrg) == nullptr ||
                             m.end + 1 >= n || a.doc.tokens[m.end].fold != "of") {
                           return false;
                         }
                         const int k =
                             a.doc.tokens[m.end + 1].fold == "the" ? m.end + 2 : m.end + 1;
                         return k < n && country_at[k];
                       }),
        a.entities.end());
  }
  a.triggers = dict.MatchAll(a.doc, Layer::kEvent);
  a.cues = dict.MatchAll(a.doc, Layer::kCue);
  // "will have talks and be met there by X", "would be held on October 2", "will be signed": a
  // participle after a bare "be" is a passive still to come or conditional, not a past; a cue
  // inside a compound adjective tells no tense at all.
  a.cues.erase(std::remove_if(a.cues.begin(), a.cues.end(),
                              [&](const Match& cue) {
                                // "an open-ended meeting", "a long-delayed deal", "the
                                // twice-postponed summit": the compound tells of a thing,
                                // not of the tense ("co-signed", "re-scheduled" still do).
                                if (cue.first > 1 && a.doc.tokens[cue.first - 1].fold == "-") {
                                  const std::string& prefix = a.doc.tokens[cue.first - 2].fold;
                                  return prefix != "co" && prefix != "re";
                                }
                                if (cue.first == 0 || a.doc.tokens[cue.first - 1].fold != "be") {
                                  return false;
                                }
                                for (const Entry* e : cue.entries) {
                                  if (e->cue != Cue::kPast) {
                                    return false;
                                  }
                                }
                                return true;
                              }),
               a.cues.end());
  a.topics = dict.MatchAll(a.doc, Layer::kTopic);
  a.frames = dict.MatchAll(a.doc, Layer::kFrame);
  Index(a.doc, a.entities, &a.entity_at, &a.entities_in);
  Index(a.doc, a.triggers, &a.trigger_at, &a.triggers_in);
  Index(a.doc, a.cues, &a.cue_at, &a.cues_in);
  Index(a.doc, a.frames, &a.frame_at, &a.frames_in);
  a.dates = FindDates(a.doc, a.published);
  // "ASTANA, 6 March 2024 - ... signed on Monday" with no publication day: the dateline's full
  // date is the day the text was issued, and its weekdays, "yesterday" and missing years are
  // told from it.
  if (!a.published.has_value()) {
    for (const DateMention& d : a.dates) {
      if (d.dateline && d.has_year && d.start.day() > 0) {
        a.published = absl::CivilDay(d.start.year(), d.start.month(), d.start.day());
        a.dates = FindDates(a.doc, a.published);
        break;
      }
    }
  }
  YearOfWhatIsToCome(&a);
  YearOfWhatIsPast(&a);
  // "WASHINGTON, December 8. /TASS/ ... today signed" published days later: the text's "today",
  // "yesterday" and weekdays are told from the day of its dateline, the week before the
  // publication.
  for (const DateMention& d : a.dates) {
    if (d.dateline && a.published.has_value() && d.start.year() > 0 && d.start.day() > 0) {
      const absl::CivilDay filed(d.start.year(), d.start.month(), d.start.day());
      if (filed < *a.published && *a.published - filed <= 7) {
        a.published = filed;
      }
      break;
    }
  }
  a.dates_in.assign(a.doc.sentences.size(), {});
  for (size_t d = 0; d < a.dates.size(); ++d) {
    a.dates_in[a.dates[d].sentence].push_back(static_cast<int>(d));
  }
  a.quotes = FindQuotes(a.doc);
  // "the Gulf Investment Corporation", "the Minister of Commerce": a capitalised word in a run of
  // capitalised words (joined by "of", "and", "for", "&") before the head noun of a body or an
  // office, or after the head and "of", is part of a name the dictionaries do not hold. Not in a
  // headline or a line in capitals, where capitals say nothing.
  std::vector<bool> in_body_name(a.doc.tokens.size(), false);
  // [first, end) of the run of capitalised words (two or more) that a body token stands in.
  std::vector<std::pair<int, int>> capital_run(a.doc.tokens.size(), {-1, -1});
  for (const Sentence& sentence : a.doc.sentences) {
    if (sentence.title || sentence.all_caps) {
      continue;
    }
    auto capitalised = [&](int k) { return a.tok(k).word && a.tok(k).cap; };
    int k = sentence.first_token;
    while (k < sentence.end_token) {
      if (!capitalised(k)) {
        ++k;
        continue;
      }
      int end = k + 1;
      while (end < sentence.end_token) {
        const std::string& f = a.fold(end);
        if (capitalised(end)) {
          ++end;
        } else if ((f == "of" || f == "and" || f == "for" || f == "&") &&
                   end + 1 < sentence.end_token && capitalised(end + 1)) {
          end += 2;
        } else {
          break;
        }
      }
      if (end - k >= 2) {
        for (int q = k; q < end; ++q) {
          capital_run[q] = {k, end};
        }
      }
      for (int h = k; h < end; ++h) {
        if (!a.Is(h, WordClass::kBodyHead)) {
          continue;
        }
        for (int q = k; q < h; ++q) {
          in_body_name[q] = true;
        }
        if (h + 1 < end && a.fold(h + 1) == "of") {
          for (int q = h + 2; q < end; ++q) {
            in_body_name[q] = true;
          }
        }
      }
      k = end;
    }
  }
  // Topic keywords, once per article: a keyword inside a name is not a topic.
  auto in_name = [&](int i) {
    if (in_body_name[i]) {
      return true;
    }
    const int e = a.entity_at[i];
    if (e < 0) {
      return false;
    }
    const Match& m = a.entities[e];
    return m.Of(EntryType::kRole) != nullptr || m.Of(EntryType::kOrg) != nullptr ||
           m.Of(EntryType::kPerson) != nullptr || m.Of(EntryType::kFormat) != nullptr ||
           m.Of(EntryType::kPlace) != nullptr;
  };
  // "the peaceful use of nuclear energy", "a nuclear power plant": civil power, an energy
  // topic, not one of weapons.
  auto civil_nuclear = [&](const Match& match) {
    if (match.end - match.first != 1 || a.fold(match.first) != "nuclear" ||
        match.end >= static_cast<int>(a.doc.tokens.size())) {
      return false;
    }
    const std::string& next = a.fold(match.end);
    return next == "energy" || next == "power" || next == "plant" || next == "plants" ||
           next == "station" || next == "stations";
  };
  // "an investment of 3.5 trillion yen", "in the last fiscal year", "a social security
  // agreement": a currency after an amount, a fiscal year and social security measure or name
  // something; they are no finance or security topic.
  auto measure = [&](const Match& match, v1::Topic topic) {
    if (match.end - match.first != 1) {
      return false;
    }
    const std::string& word = a.fold(match.first);
    const std::string& before = match.first > 0 ? a.fold(match.first - 1) : "";
    const std::string& after =
        match.end < static_cast<int>(a.doc.tokens.size()) ? a.fold(match.end) : "";
    if (topic == v1::TOPIC_FINANCE) {
      const bool currency = word == "yen" || word == "yuan" || word == "renminbi" ||
                            word == "dollar" || word == "euro" || word == "rouble" ||
                            word == "ruble" || word == "sterling";
      const bool amount =
          (!before.empty() && absl::ascii_isdigit(static_cast<unsigned char>(before[0]))) ||
          before == "million" || before == "billion" || before == "trillion" ||
          before == "thousand" || before == "hundred";
      return (currency && amount) || (word == "fiscal" && (after == "year" || after == "years"));
    }
    // "traded barbs", "trading accusations": an exchange of words or blows, not commerce.
    if (topic == v1::TOPIC_TRADE && (word == "traded" || word == "trading" || word == "trade")) {
      return after == "barbs" || after == "accusations" || after == "insults" || after == "blows" ||
             after == "jibes" || after == "fire" || after == "charges" || after == "threats" ||
             after == "words" || after == "places";
    }
    // "a road map for the talks": a plan, not a road.
    if (topic == v1::TOPIC_TRANSPORT && word == "road") {
      return after == "map" || after == "maps";
    }
    // "the port of Burgas", "the port city of Aden": a place, not shipping.
    if (topic == v1::TOPIC_TRANSPORT && word == "port") {
      const int k = after == "city" ? match.end + 1 : match.end;
      return k + 1 < static_cast<int>(a.doc.tokens.size()) && a.fold(k) == "of" && a.tok(k + 1).cap;
    }
    return topic == v1::TOPIC_SECURITY && word == "security" && before == "social";
  };
  // A domain of civil cooperation, not of arms.
  auto civil_domain = [](v1::Topic topic) {
    switch (topic) {
      case v1::TOPIC_TRADE:
      case v1::TOPIC_ECONOMY:
      case v1::TOPIC_ENERGY:
      case v1::TOPIC_TRANSPORT:
      case v1::TOPIC_ENVIRONMENT:
      case v1::TOPIC_HEALTH:
      case v1::TOPIC_EDUCATION:
      case v1::TOPIC_CULTURE:
      case v1::TOPIC_TECHNOLOGY:
      case v1::TOPIC_AGRICULTURE:
      case v1::TOPIC_FINANCE:
      case v1::TOPIC_INVESTMENT:
        return true;
      default:
        return false;
    }
  };
  // "renewed energy in relations", "inject new energy into ties": vigour, not power. "a culture of
  // dialogue": a habit, not the arts. "cross-border railways", "cross-border trade": a crossing of
  // another domain, not the guarding of a border.
  auto figurative = [&](int k, v1::Topic topic) {
    const int n = static_cast<int>(a.doc.tokens.size());
    const std::string& word = a.fold(k);
    const std::string& before = k > 0 ? a.fold(k - 1) : "";
    const std::string& after = k + 1 < n ? a.fold(k + 1) : "";
    if (topic == v1::TOPIC_ENERGY && word == "energy") {
      return before == "renewed" || before == "fresh" || before == "positive" ||
             before == "boundless" || before == "tremendous" || after == "into";
    }
    if (topic == v1::TOPIC_CULTURE && word == "culture" && after == "of" && k + 2 < n) {
      const std::string& habit = a.fold(k + 2);
      return habit == "dialogue" || habit == "peace" || habit == "cooperation" ||
             habit == "trust" || habit == "impunity" || habit == "compromise" ||
             habit == "consensus" || habit == "openness" || habit == "transparency" ||
             habit == "accountability" || habit == "compliance" || habit == "secrecy" ||
             habit == "corruption" || habit == "fear" || habit == "violence";
    }
    if (topic != v1::TOPIC_SECURITY || (word != "border" && word != "borders") || before != "-" ||
        k < 2 || a.fold(k - 2) != "cross" || k + 1 >= n) {
      return false;
    }
    for (const Match& m : a.topics) {
      if (m.first == k + 1) {
        for (const Entry* e : m.entries) {
          if (civil_domain(e->topic)) {
            return true;
          }
        }
      }
    }
    for (const auto& [prefix, other] : dict.TopicPrefixesFor(a.fold(k + 1))) {
      if (absl::StartsWith(a.fold(k + 1), prefix) && civil_domain(other)) {
        return true;
      }
    }
    return false;
  };
  // "a balance of payments crisis", "the political crisis": a crisis named for another domain
  // than war (a word of another topic before it, or politics) is no armed conflict; nor is "the
  // trade war", "a currency war", "a price war".
  std::vector<bool> other_topic_word(a.doc.tokens.size(), false);
  std::vector<bool> topic_word(a.doc.tokens.size(), false);
  for (const Match& match : a.topics) {
    for (const Entry* e : match.entries) {
      for (int k = match.first; k < match.end; ++k) {
        topic_word[k] = true;
        other_topic_word[k] = other_topic_word[k] || e->topic != v1::TOPIC_CONFLICT;
      }
    }
  }
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    const std::string& fold = a.doc.tokens[i].fold;
    for (const auto& [prefix, topic] : dict.TopicPrefixesFor(fold)) {
      if (absl::StartsWith(fold, prefix)) {
        topic_word[i] = true;
        other_topic_word[i] = other_topic_word[i] || topic != v1::TOPIC_CONFLICT;
      }
    }
  }
  auto crisis_of_another_domain = [&](const Match& match) {
    if (match.end - match.first != 1 || match.first == 0) {
      return false;
    }
    const std::string& head = a.fold(match.first);
    if (head == "war" || head == "wars") {
      const int k = match.first - 1;
      const std::string& before = a.fold(k);
      return other_topic_word[k] || before == "price" || before == "tariff" || before == "tariffs";
    }
    if (head != "crisis") {
      return false;
    }
    const int k = match.first - 1;
    const std::string& before = a.fold(k);
    return other_topic_word[k] || before == "political" || before == "constitutional" ||
           before == "government" || before == "cabinet" || before == "liquidity" ||
           before == "housing" || before == "budget" || before == "payments";
  };
  // "the Belt and Road Forum", "the Tarvo Medical Academy", "the Asian Infrastructure
  // Investment Bank": a keyword among the capitalised words of a longer name in the body (one with
  // a word that is no keyword: not "discussed Trade and Investment") names a body, a programme or
  // a place, not what was talked about. Not for trade, transport, security and conflict, whose
  // names are of pacts, corridors, councils and wars ("the Free Trade Agreement", "the
  // North-South Transport Corridor", "the Korean War"): the name tells the subject.
  auto in_longer_name = [&](int first, int end, v1::Topic topic) {
    if (topic == v1::TOPIC_TRADE || topic == v1::TOPIC_TRANSPORT || topic == v1::TOPIC_SECURITY ||
        topic == v1::TOPIC_CONFLICT) {
      return false;
    }
    const auto [run_first, run_end] = capital_run[first];
    if (run_first < 0 || end > run_end || run_end - run_first <= end - first) {
      return false;
    }
    // The name of a document tells its subject too ("the Paris Climate Agreement", "the Iran
    // Nuclear Deal").
    for (int q = run_first; q < run_end; ++q) {
      if (a.EntityAt(q, EntryType::kDocument) != nullptr) {
        return false;
      }
    }
    for (int q = run_first; q < run_end; ++q) {
      if (a.tok(q).cap && !topic_word[q]) {
        return true;
      }
    }
    return false;
  };
  // "economic ties", "closer trade relations": ties named for the economy or trade are that
  // topic, not the general relations of diplomacy ("bilateral ties", "ties").
  auto economic = [](v1::Topic topic) {
    return topic == v1::TOPIC_ECONOMY || topic == v1::TOPIC_TRADE;
  };
  std::vector<bool> economic_word(a.doc.tokens.size(), false);
  for (const Match& match : a.topics) {
    for (const Entry* e : match.entries) {
      for (int k = match.first; k < match.end && economic(e->topic); ++k) {
        economic_word[k] = true;
      }
    }
  }
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    const std::string& fold = a.doc.tokens[i].fold;
    for (const auto& [prefix, topic] : dict.TopicPrefixesFor(fold)) {
      economic_word[i] = economic_word[i] || (economic(topic) && absl::StartsWith(fold, prefix));
    }
  }
  auto economic_ties = [&](const Match& match) {
    if (match.end - match.first != 1 || match.first == 0) {
      return false;
    }
    const std::string& f = a.fold(match.first);
    return (f == "ties" || f == "relations" || f == "relationship" || f == "relationships" ||
            f == "partnership") &&
           economic_word[match.first - 1];
  };
  a.topics_in.assign(a.doc.sentences.size(), {});
  for (const Match& match : a.topics) {
    if (!in_name(match.first)) {
      for (const Entry* e : match.entries) {
        if (in_longer_name(match.first, match.end, e->topic) ||
            (e->topic == v1::TOPIC_DIPLOMACY && economic_ties(match)) ||
            (e->topic == v1::TOPIC_NUCLEAR && civil_nuclear(match)) || measure(match, e->topic) ||
            (e->topic == v1::TOPIC_CONFLICT && crisis_of_another_domain(match)) ||
            (match.end - match.first == 1 && figurative(match.first, e->topic))) {
          continue;
        }
        a.topics_in[a.doc.tokens[match.first].sentence].push_back(e->topic);
      }
    }
  }
  for (size_t i = 0; i < a.doc.tokens.size(); ++i) {
    const Token& t = a.doc.tokens[i];
    if (!t.word || t.fold.size() < 4 || in_name(static_cast<int>(i))) {
      continue;
    }
    for (const auto& [prefix, topic] : dict.TopicPrefixesFor(t.fold)) {
      if (absl::StartsWith(t.fold, prefix) && !figurative(static_cast<int>(i), topic) &&
          !in_longer_name(static_cast<int>(i), static_cast<int>(i) + 1, topic)) {
        a.topics_in[t.sentence].push_back(topic);
      }
    }
  }
  // "the situation in Yemen", "the situation around Ukraine": a war or dispute named only by its
  // place, the way diplomats speak of it, is a conflict; not "the economic situation in Russia", a
  // situation of another domain.
  const int n = static_cast<int>(a.doc.tokens.size());
  for (int i = 0; i + 2 < n; ++i) {
    const std::string& after = a.fold(i + 1);
    // Only "the situation": a modifier before it names the domain ("the political situation
    // in Brazil", "the epidemiological situation").
    if (a.fold(i) != "situation" || i == 0 || a.fold(i - 1) != "the" ||
        (after != "in" && after != "on" && after != "around")) {
      continue;
    }
    const int place = a.fold(i + 2) == "the" ? i + 3 : i + 2;
    if (place < n && a.EntityAt(place, EntryType::kPlace) != nullptr) {
      a.topics_in[a.tok(i).sentence].push_back(v1::TOPIC_CONFLICT);
    }
  }
  return a;
}

}  // namespace parley::extract
