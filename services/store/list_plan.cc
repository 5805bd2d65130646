#include "services/store/list_plan.h"

#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/domain/meeting_rules.h"
#include "services/domain/text_fold.h"
#include "services/store/index_keys.h"

namespace parley {

namespace ik = index_keys;

ListPlan PlanListing(const v1::MeetingFilter& filter, absl::string_view after_key) {
  ListPlan plan;
  std::vector<std::string>& prefixes = plan.prefixes;
  if (!filter.person().empty()) {
    prefixes.push_back(ik::Prefix('p', FoldForMatch(filter.person())));
  } else if (!filter.city().empty()) {
    prefixes.push_back(ik::Prefix('y', FoldForMatch(filter.city())));
  } else if (!filter.format().empty()) {
    prefixes.push_back(ik::Prefix('f', FoldForMatch(filter.format())));
  } else if (filter.countries_size() > 0) {
    std::set<std::string> codes;
    for (const std::string& c : filter.countries()) {
      codes.insert(absl::AsciiStrToUpper(c));
    }
    for (const std::string& c : codes) {
      prefixes.push_back(ik::Prefix('c', c));
    }
  } else if (filter.topics_size() > 0) {
    const std::set<int> topics(filter.topics().begin(), filter.topics().end());
    for (int t : topics) {
      prefixes.push_back(ik::Prefix('t', absl::StrCat(t)));
    }
  } else if (filter.kinds_size() > 0) {
    const std::set<int> kinds(filter.kinds().begin(), filter.kinds().end());
    for (int k : kinds) {
      prefixes.push_back(ik::Prefix('k', absl::StrCat(k)));
    }
  } else if (filter.statuses_size() > 0) {
    const std::set<int> statuses(filter.statuses().begin(), filter.statuses().end());
    for (int s : statuses) {
      prefixes.push_back(ik::Prefix('s', absl::StrCat(s)));
    }
  } else {
    prefixes.push_back(ik::Prefix('a', ""));
  }

  // Suffixes sort newest first: the latest allowed date is the lower bound. A partial `to`
  // covers its whole month or year.
  if (HasDate(filter.start_date_to())) {
    const v1::Date& to = filter.start_date_to();
    plan.lower = ik::DatePart(DateKey(to) + (to.month() == 0 ? 9999 : (to.day() == 0 ? 99 : 0)));
  }
  if (HasDate(filter.start_date_from())) {
    plan.upper = ik::DatePart(DateKey(filter.start_date_from()) - 1);
  }
  plan.after_key = static_cast<std::string>(after_key);
  if (!plan.after_key.empty() && plan.after_key > plan.lower) {
    plan.lower = plan.after_key;
  }

  const int dimensions = (filter.countries_size() > 0) + !filter.person().empty() +
                         !filter.city().empty() + !filter.format().empty() +
                         (filter.kinds_size() > 0) + (filter.statuses_size() > 0) +
                         (filter.topics_size() > 0);
  plan.decided = dimensions <= 1;
  return plan;
}

IndexMerge::IndexMerge(const ListPlan& plan, std::vector<std::unique_ptr<IndexCursor>> cursors)
    : upper_(plan.upper) {
  scans_.reserve(cursors.size());
  for (size_t i = 0; i < cursors.size() && i < plan.prefixes.size(); ++i) {
    Scan scan{std::move(cursors[i]), plan.prefixes[i]};
    scan.cursor->Seek(scan.prefix + plan.lower);
    if (scan.cursor->Valid() && !plan.after_key.empty() && scan.suffix() == plan.after_key) {
      scan.cursor->Next();
    }
    Settle(scan);
    scans_.push_back(std::move(scan));
  }
}

void IndexMerge::Settle(Scan& scan) const {
  scan.valid = scan.cursor->Valid() &&
               scan.cursor->key().substr(0, scan.prefix.size()) == scan.prefix &&
               (upper_.empty() || scan.suffix() < upper_);
}

std::optional<IndexMerge::Entry> IndexMerge::Next() {
  Scan* next = nullptr;
  for (Scan& scan : scans_) {
    if (scan.valid && (next == nullptr || scan.suffix() < next->suffix())) {
      next = &scan;
    }
  }
  if (next == nullptr) {
    return std::nullopt;
  }
  Entry entry{static_cast<std::string>(next->suffix()),
              static_cast<std::string>(next->cursor->value())};
  for (Scan& scan : scans_) {  // Past this suffix in every scan: the union has it once.
    while (scan.valid && scan.suffix() == entry.suffix) {
      scan.cursor->Next();
      Settle(scan);
    }
  }
  return entry;
}

bool IndexMerge::more() const {
  for (const Scan& scan : scans_) {
    if (scan.valid) {
      return true;
    }
  }
  return false;
}

absl::Status IndexMerge::status() const {
  for (const Scan& scan : scans_) {
    if (absl::Status s = scan.cursor->status(); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

bool PageBudget::Take(size_t bytes) {
  if (max_bytes_ > 0 && taken_ > 0 && used_ + bytes + 8 > max_bytes_) {
    return false;
  }
  used_ += bytes + 8;  // The record plus its tag and length.
  ++taken_;
  return true;
}

}  // namespace parley
