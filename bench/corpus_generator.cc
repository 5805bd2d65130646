#include "bench/corpus_generator.h"

#include <random>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace parley::bench {
namespace {

struct Country {
  const char* name;
  const char* adjective;
  const char* capital;
};

constexpr Country kCountries[] = {{"France", "French", "Paris"},
                                  {"Germany", "German", "Berlin"},
                                  {"Japan", "Japanese", "Tokyo"},
                                  {"India", "Indian", "New Delhi"},
                                  {"Brazil", "Brazilian", "Brasilia"},
                                  {"Kenya", "Kenyan", "Nairobi"},
                                  {"Egypt", "Egyptian", "Cairo"},
                                  {"Kazakhstan", "Kazakh", "Astana"},
                                  {"China", "Chinese", "Beijing"},
                                  {"Russia", "Russian", "Moscow"},
                                  {"Turkey", "Turkish", "Ankara"},
                                  {"Poland", "Polish", "Warsaw"},
                                  {"Spain", "Spanish", "Madrid"},
                                  {"Italy", "Italian", "Rome"},
                                  {"Mexico", "Mexican", "Mexico City"},
                                  {"Canada", "Canadian", "Ottawa"},
                                  {"Australia", "Australian", "Canberra"},
                                  {"Indonesia", "Indonesian", "Jakarta"},
                                  {"Vietnam", "Vietnamese", "Hanoi"},
                                  {"Nigeria", "Nigerian", "Abuja"},
                                  {"Argentina", "Argentine", "Buenos Aires"},
                                  {"Chile", "Chilean", "Santiago"},
                                  {"Sweden", "Swedish", "Stockholm"},
                                  {"Norway", "Norwegian", "Oslo"},
                                  {"Greece", "Greek", "Athens"},
                                  {"Portugal", "Portuguese", "Lisbon"},
                                  {"Morocco", "Moroccan", "Rabat"},
                                  {"Ethiopia", "Ethiopian", "Addis Ababa"},
                                  {"Uzbekistan", "Uzbek", "Tashkent"},
                                  {"Kyrgyzstan", "Kyrgyz", "Bishkek"},
                                  {"Mongolia", "Mongolian", "Ulaanbaatar"},
                                  {"Pakistan", "Pakistani", "Islamabad"},
                                  {"Thailand", "Thai", "Bangkok"},
                                  {"Malaysia", "Malaysian", "Kuala Lumpur"},
                                  {"Peru", "Peruvian", "Lima"},
                                  {"Colombia", "Colombian", "Bogota"},
                                  {"Austria", "Austrian", "Vienna"},
                                  {"Hungary", "Hungarian", "Budapest"},
                                  {"Ghana", "Ghanaian", "Accra"},
                                  {"Jordan", "Jordanian", "Amman"}};
constexpr int kCountryCount = sizeof(kCountries) / sizeof(kCountries[0]);

constexpr const char* kGiven[] = {"Anna",  "Marek", "Yuki",   "Ravi",  "Lucia", "Omar",
                                  "Elena", "Jonas", "Amina",  "Karim", "Sofia", "Daniel",
                                  "Mei",   "Pablo", "Ingrid", "Tariq", "Nadia", "Viktor"};
constexpr const char* kSurname[] = {"Novak",  "Tanaka", "Silva",  "Mwangi", "Kowalski", "Haddad",
                                    "Dupont", "Sharma", "Okafor", "Larsen", "Petrov",   "Moreno",
                                    "Khan",   "Weber",  "Ruiz",   "Nguyen", "Adeyemi",  "Costa"};
constexpr const char* kRoles[] = {"Foreign Minister", "President",
                                  "Prime Minister",   "Minister of Foreign Affairs",
                                  "Trade Minister",   "Deputy Prime Minister"};
constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kTopics[] = {"trade and investment",
                                   "energy security and gas supplies",
                                   "transport corridors",
                                   "climate change and water resources",
                                   "counter-terrorism cooperation",
                                   "education and cultural exchanges",
                                   "agriculture and food security",
                                   "the conflict in the region and a ceasefire",
                                   "digital technology and innovation",
                                   "migration and labour mobility",
                                   "health cooperation after the pandemic"};
constexpr const char* kDocuments[] = {
    "a joint statement",   "a memorandum of understanding", "an agreement on visa-free travel",
    "a joint declaration", "an action plan for 2025-2027",  "a treaty on friendship"};
// One sentence, too long for a line: named, so that its two halves are not mistaken for two
// entries missing a comma in the list below.
constexpr const char kIndustrialPark[] =
    "Earlier in the day, the delegations toured an industrial park on the outskirts of the "
    "capital.";
constexpr const char* kFiller[] = {
    "Trade between the two countries reached record levels last year, officials said.",
    "Analysts said the talks reflected a broader effort to diversify partnerships.",
    "The visit comes amid growing interest in regional infrastructure projects.",
    "Both sides praised the constructive atmosphere of the discussions.",
    kIndustrialPark,
    "Business leaders from both countries attended a forum on the sidelines of the visit."};

std::string Person(std::mt19937_64& rng) {
  return absl::StrCat(kGiven[rng() % 18], " ", kSurname[rng() % 18]);
}

}  // namespace

std::vector<v1::Article> GenerateCorpus(int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<v1::Article> out;
  out.reserve(count);
  for (int i = 0; i < count; ++i) {
    const Country& a = kCountries[rng() % kCountryCount];
    const Country* b = &kCountries[rng() % kCountryCount];
    while (b == &a) {
      b = &kCountries[rng() % kCountryCount];
    }
    const int year = 2000 + static_cast<int>(rng() % 25);
    const int month = 1 + static_cast<int>(rng() % 12);
    const int day = 1 + static_cast<int>(rng() % 28);
    const std::string pa = Person(rng);
    const std::string pb = Person(rng);
    const char* role = kRoles[rng() % 6];
    const char* topic1 = kTopics[rng() % 11];
    const char* topic2 = kTopics[rng() % 11];
    std::string title;
    std::string body;
    switch (rng() % 6) {
      case 0:  // Bilateral talks with a dateline.
        title =
            absl::StrCat(a.adjective, " and ", b->adjective, " leaders hold talks in ", a.capital);
        body = absl::StrFormat(
            "%s, %s %d - %s %s %s held talks with his %s counterpart %s in %s on %s %d, %d. "
            "The two sides discussed %s and %s.",
            absl::AsciiStrToUpper(a.capital), kMonths[month - 1], day, a.adjective, role, pa,
            b->adjective, pb, a.capital, kMonths[month - 1], day, year, topic1, topic2);
        break;
      case 1:  // Phone call.
        title = absl::StrCat(a.adjective, " and ", b->adjective, " ministers speak by phone");
        body = absl::StrFormat(
            "%s's %s %s had a telephone conversation with %s %s %s on %s %d, %d, during which "
            "they discussed %s.",
            a.name, role, pa, b->adjective, role, pb, kMonths[month - 1], day, year, topic1);
        break;
      case 2:  // Signing.
        title = absl::StrCat(a.name, " and ", b->name, " sign ", kDocuments[rng() % 6] + 2);
        body = absl::StrFormat(
            "%s %s %s and %s %s %s signed %s in %s on %s %d, %d. They also discussed %s.",
            a.adjective, role, pa, b->adjective, role, pb, kDocuments[rng() % 6], b->capital,
            kMonths[month - 1], day, year, topic2);
        break;
      case 3: {  // Ministerial of several countries.
        const Country& c = kCountries[rng() % kCountryCount];
        title = absl::StrCat("Foreign ministers meet in ", c.capital);
        body = absl::StrFormat(
            "Foreign ministers of %s, %s and %s met in %s on %s %d, %d, and adopted a joint "
            "communique on %s. %s Foreign Minister %s chaired the meeting.",
            a.name, b->name, c.name, c.capital, kMonths[month - 1], day, year, topic1, c.adjective,
            pa);
        break;
      }
      case 4:  // Scheduled state visit.
        title = absl::StrCat(a.adjective, " president to pay state visit to ", b->name);
        body = absl::StrFormat(
            "%s President %s will pay a state visit to %s from %s %d to %d, %d, the "
            "presidential office said. He will hold talks with %s President %s on %s.",
            a.adjective, pa, b->name, kMonths[month - 1], day, day + 1 > 28 ? 28 : day + 1, year,
            b->adjective, pb, topic1);
        break;
      default:  // Postponed summit.
        title = absl::StrCat(a.adjective, "-", b->adjective, " summit postponed");
        body = absl::StrFormat(
            "A summit between %s and %s planned for %s in %s has been postponed to %s, "
            "officials said. Leaders were expected to discuss %s.",
            a.name, b->name, kMonths[month - 1], a.capital, kMonths[(month % 12)], topic2);
        break;
    }
    const int extra = static_cast<int>(rng() % 4);
    for (int k = 0; k < extra; ++k) {
      absl::StrAppend(&body, "\n\n", kFiller[rng() % 6]);
    }
    absl::StrAppend(&body, "\n\n\"We agreed to deepen our partnership,\" ", pa,
                    " told reporters after the talks.");
    v1::Article article;
    article.set_title(title);
    article.set_body(body);
    article.set_url(absl::StrCat("https://news.example/", seed, "/", i));
    article.mutable_published_at()->set_seconds((static_cast<int64_t>(year) - 1970) * 31556952 +
                                                int64_t{month - 1} * 2629746 +
                                                int64_t{day} * 86400);
    out.push_back(std::move(article));
  }
  return out;
}

v1::Article ArticleOfSize(size_t bytes, uint64_t seed) {
  std::vector<v1::Article> parts = GenerateCorpus(1 + static_cast<int>(bytes / 300), seed);
  v1::Article article = parts[0];
  std::mt19937_64 rng(seed);
  size_t i = 1;
  while (article.body().size() < bytes) {
    article.mutable_body()->append("\n\n");
    article.mutable_body()->append(i < parts.size() ? parts[i].body() : kFiller[rng() % 6]);
    ++i;
  }
  article.mutable_body()->resize(bytes);
  // Cut at a character boundary.
  while (!article.body().empty() &&
         (static_cast<unsigned char>(article.body().back()) & 0xC0) == 0x80) {
    article.mutable_body()->pop_back();
  }
  return article;
}

}  // namespace parley::bench
