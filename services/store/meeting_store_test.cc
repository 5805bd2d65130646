#include "services/store/meeting_store.h"

#include <thread>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/testing_util/scoped_temp_dir.h"
#include "tests/testing_util/status_matchers.h"

namespace parley {
namespace {

using ::parley::testing_util::IsOk;
using ::parley::testing_util::ScopedTempDir;
using ::parley::testing_util::StatusIs;
using ::testing::ElementsAre;
using ::testing::SizeIs;

const absl::Time kNow = absl::FromUnixSeconds(1745700000);

v1::Meeting M(const std::string& text) {
  v1::Meeting m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

v1::Article A(const std::string& body, const std::string& title = "title") {
  v1::Article a;
  a.set_title(title);
  a.set_body(body);
  a.set_url("https://example.org/" + title);
  return a;
}

// A bilateral meeting of `a` and `b` on the given day in `city`.
v1::Meeting Bilateral(const std::string& a, const std::string& b, int day,
                      const std::string& city = "Geneva") {
  return M(
      "kind: MEETING_KIND_BILATERAL status: MEETING_STATUS_HELD start_date { year: 2024 "
      "month: 3 day: " +
      std::to_string(day) + " } venue { city: \"" + city + "\" } countries: \"" + a +
      "\" countries: \"" + b + "\"");
}

class MeetingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen(StoreOptions options = {}) {
    store_.reset();
    options.path = dir_.path();
    options.sync_writes = false;
    absl::StatusOr<std::unique_ptr<MeetingStore>> store = MeetingStore::Open(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  IngestOutcome Ingest(const v1::Article& article, std::vector<v1::Meeting> meetings,
                       const std::string& version = "v1") {
    absl::StatusOr<IngestOutcome> outcome =
        store_->IngestArticle(article, std::move(meetings), version, kNow);
    EXPECT_THAT(outcome, IsOk());
    return outcome.ok() ? *outcome : IngestOutcome();
  }

  ScopedTempDir dir_;
  std::unique_ptr<MeetingStore> store_;
};

TEST_F(MeetingStoreTest, GetOfUnknownIdIsNotFound) {
  EXPECT_THAT(store_->GetMeeting("m-404"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetArticle("a-404"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MeetingStoreTest, OpenOfMissingDirFailsClearly) {
  StoreOptions options;
  options.path = dir_.Sub("nope");
  const absl::Status status = MeetingStore::Open(options).status();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("does not exist"));
}

TEST_F(MeetingStoreTest, SecondOpenOfLockedDirFails) {
  StoreOptions options;
  options.path = dir_.path();
  EXPECT_THAT(MeetingStore::Open(options), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(MeetingStoreTest, IngestCreatesAndGetReturnsIt) {
  const IngestOutcome outcome = Ingest(A("body one"), {Bilateral("US", "RU", 5)});
  ASSERT_THAT(outcome.changes, SizeIs(1));
  EXPECT_EQ(outcome.changes[0].type, v1::EVENT_TYPE_CREATED);
  EXPECT_EQ(outcome.revision, 1u);
  absl::StatusOr<v1::Meeting> got = store_->GetMeeting(outcome.meeting_ids[0]);
  ASSERT_THAT(got, IsOk());
  EXPECT_THAT(got->countries(), ElementsAre("RU", "US"));
  EXPECT_EQ(got->create_revision(), 1u);
  EXPECT_EQ(got->update_revision(), 1u);
  ASSERT_THAT(got->sources(), SizeIs(1));
  EXPECT_EQ(got->sources(0).article_id(), outcome.article_id);
  EXPECT_EQ(got->sources(0).url(), "https://example.org/title");

  absl::StatusOr<v1::StoredArticle> article = store_->GetArticle(outcome.article_id);
  ASSERT_THAT(article, IsOk());
  EXPECT_EQ(article->article().body(), "body one");
  EXPECT_THAT(article->meeting_ids(), ElementsAre(outcome.meeting_ids[0]));
}

TEST_F(MeetingStoreTest, ReingestingTheSameArticleChangesNothing) {
  const IngestOutcome first = Ingest(A("body"), {Bilateral("US", "RU", 5)});
  const IngestOutcome second = Ingest(A("body"), {Bilateral("US", "RU", 5)});
  EXPECT_TRUE(second.changes.empty());
  EXPECT_EQ(second.revision, first.revision);
  EXPECT_EQ(second.meeting_ids, first.meeting_ids);
  EXPECT_EQ(store_->revision(), 1u);
}

TEST_F(MeetingStoreTest, SecondReportOfTheSameMeetingMerges) {
  const IngestOutcome first = Ingest(A("report one", "one"), {Bilateral("US", "RU", 5)});
  v1::Meeting second_report = Bilateral("RU", "US", 5);
  second_report.add_topics(v1::TOPIC_NUCLEAR);
  const IngestOutcome second = Ingest(A("report two", "two"), {second_report});
  ASSERT_THAT(second.changes, SizeIs(1));
  EXPECT_EQ(second.changes[0].type, v1::EVENT_TYPE_UPDATED);
  EXPECT_EQ(second.meeting_ids, first.meeting_ids);
  absl::StatusOr<v1::Meeting> merged = store_->GetMeeting(first.meeting_ids[0]);
  ASSERT_THAT(merged, IsOk());
  EXPECT_THAT(merged->sources(), SizeIs(2));
  EXPECT_THAT(merged->topics(), ElementsAre(v1::TOPIC_NUCLEAR));
  EXPECT_EQ(merged->create_revision(), 1u);
  EXPECT_EQ(merged->update_revision(), 2u);
  EXPECT_EQ(store_->meeting_count(), 1u);
}

TEST_F(MeetingStoreTest, DifferentMeetingsStaySeparate) {
  Ingest(A("one", "1"), {Bilateral("US", "RU", 5)});
  Ingest(A("two", "2"), {Bilateral("US", "RU", 9)});              // Another day.
  Ingest(A("three", "3"), {Bilateral("US", "RU", 5, "Vienna")});  // Another city.
  Ingest(A("four", "4"), {Bilateral("FR", "DE", 5)});             // Other parties.
  EXPECT_EQ(store_->meeting_count(), 4u);
}

TEST_F(MeetingStoreTest, MeetingsOfOneArticleNeverMergeWithEachOther) {
  v1::Meeting main = Bilateral("US", "RU", 5);
  v1::Meeting again = Bilateral("US", "RU", 5);
  const IngestOutcome outcome = Ingest(A("two meetings"), {main, again});
  ASSERT_THAT(outcome.meeting_ids, SizeIs(2));
  EXPECT_NE(outcome.meeting_ids[0], outcome.meeting_ids[1]);
}

// A summit of four and a bilateral held at it, which names it as "#k".
v1::Meeting Summit() {
  return M(
      "kind: MEETING_KIND_SUMMIT status: MEETING_STATUS_HELD start_date { year: 2024 month: 3 "
      "day: 5 } venue { city: \"Astana\" } countries: \"KZ\" countries: \"CN\" "
      "countries: \"RU\" countries: \"UZ\"");
}

v1::Meeting HeldAt(const std::string& parent_id) {
  v1::Meeting side = Bilateral("CN", "KZ", 5, "Astana");
  side.set_parent_id(parent_id);
  return side;
}

TEST_F(MeetingStoreTest, ParentReferencesBecomeTheEventsMeetingId) {
  // The side meeting comes first and names the summit listed after it.
  const IngestOutcome first = Ingest(A("first report", "one"), {HeldAt("#1"), Summit()});
  ASSERT_THAT(first.meeting_ids, SizeIs(2));
  absl::StatusOr<v1::Meeting> side = store_->GetMeeting(first.meeting_ids[0]);
  ASSERT_THAT(side, IsOk());
  EXPECT_EQ(side->parent_id(), first.meeting_ids[1]);
  absl::StatusOr<v1::StoredArticle> article = store_->GetArticle(first.article_id);
  ASSERT_THAT(article, IsOk());
  EXPECT_EQ(article->reports(0).parent_id(), first.meeting_ids[1]);
  EXPECT_EQ(article->reports(1).parent_id(), "");

  // A second article's summit merges into the stored one; its side meeting (another one) names
  // the merged record. A parent given as a meeting id is kept.
  v1::Meeting other_side = HeldAt("#0");
  other_side.clear_countries();
  other_side.add_countries("RU");
  other_side.add_countries("UZ");
  const IngestOutcome second =
      Ingest(A("second report", "two"), {Summit(), other_side, HeldAt(first.meeting_ids[1])});
  ASSERT_THAT(second.meeting_ids, SizeIs(3));
  EXPECT_EQ(second.meeting_ids[0], first.meeting_ids[1]);
  absl::StatusOr<v1::Meeting> other = store_->GetMeeting(second.meeting_ids[1]);
  ASSERT_THAT(other, IsOk());
  EXPECT_EQ(other->parent_id(), first.meeting_ids[1]);
  absl::StatusOr<v1::Meeting> kept = store_->GetMeeting(second.meeting_ids[2]);
  ASSERT_THAT(kept, IsOk());
  EXPECT_EQ(kept->parent_id(), first.meeting_ids[1]);
}

TEST_F(MeetingStoreTest, MalformedParentReferenceIsRejectedNamingMeetingAndValue) {
  for (const char* bad : {"#x", "#2", "#0"}) {
    const absl::Status status =
        store_->IngestArticle(A("body"), {HeldAt(bad), Summit()}, "v1", kNow).status();
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
    EXPECT_THAT(std::string(status.message()),
                ::testing::HasSubstr(std::string("meetings[0].parent_id \"") + bad + "\""));
  }
  const absl::Status cycle =
      store_->IngestArticle(A("body"), {HeldAt("#1"), HeldAt("#0")}, "v1", kNow).status();
  EXPECT_THAT(cycle, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(cycle.message()), ::testing::HasSubstr("cycle"));
  EXPECT_EQ(store_->revision(), 0u);
}

TEST_F(MeetingStoreTest, InvalidReportIsRejectedWithFieldName) {
  v1::Meeting bad = Bilateral("US", "RU", 5);
  bad.mutable_start_date()->set_day(31);
  bad.mutable_start_date()->set_month(4);
  const absl::Status status = store_->IngestArticle(A("body"), {bad}, "v1", kNow).status();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("meetings[0]"));
  EXPECT_THAT(store_->IngestArticle(A(""), {}, "v1", kNow),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(store_->revision(), 0u);
}

TEST_F(MeetingStoreTest, DeleteLeavesTombstoneEventAndNeverReusesIds) {
  const IngestOutcome first = Ingest(A("one", "1"), {Bilateral("US", "RU", 5)});
  absl::StatusOr<uint64_t> revision = store_->DeleteMeeting(first.meeting_ids[0], kNow);
  ASSERT_THAT(revision, IsOk());
  EXPECT_EQ(*revision, 2u);
  EXPECT_THAT(store_->GetMeeting(first.meeting_ids[0]), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->DeleteMeeting(first.meeting_ids[0], kNow),
              StatusIs(absl::StatusCode::kNotFound));
  auto changes = store_->ReadChanges(2, 10, 1 << 20);
  ASSERT_THAT(changes, IsOk());
  ASSERT_THAT(*changes, SizeIs(1));
  ASSERT_THAT((*changes)[0]->events(), SizeIs(1));
  EXPECT_EQ((*changes)[0]->events(0).type(), v1::EVENT_TYPE_DELETED);
  EXPECT_THAT((*changes)[0]->events(0).meeting().countries(), ElementsAre("RU", "US"));

  Reopen();
  const IngestOutcome next = Ingest(A("two", "2"), {Bilateral("FR", "DE", 5)});
  EXPECT_NE(next.meeting_ids[0], first.meeting_ids[0]);
  EXPECT_EQ(store_->meeting_count(), 1u);
}

TEST_F(MeetingStoreTest, ReextractionReplacesReportsAndKeepsIds) {
  const IngestOutcome v1 = Ingest(A("body"), {Bilateral("US", "RU", 5)}, "v1");
  v1::Meeting improved = Bilateral("US", "RU", 5);
  improved.add_topics(v1::TOPIC_TRADE);
  const IngestOutcome v2 = Ingest(A("body"), {improved}, "v2");
  EXPECT_EQ(v2.meeting_ids, v1.meeting_ids);
  absl::StatusOr<v1::Meeting> got = store_->GetMeeting(v1.meeting_ids[0]);
  ASSERT_THAT(got, IsOk());
  EXPECT_THAT(got->topics(), ElementsAre(v1::TOPIC_TRADE));
  EXPECT_THAT(got->sources(), SizeIs(1));
  EXPECT_EQ(store_->meeting_count(), 1u);
}

TEST_F(MeetingStoreTest, RevisionsAreGaplessAndSurviveReopen) {
  for (int i = 0; i < 5; ++i) {
    Ingest(A("body " + std::to_string(i), std::to_string(i)), {Bilateral("US", "RU", i + 1)});
  }
  EXPECT_EQ(store_->revision(), 5u);
  Reopen();
  EXPECT_EQ(store_->revision(), 5u);
  EXPECT_EQ(store_->meeting_count(), 5u);
  auto changes = store_->ReadChanges(1, 100, 1 << 20);
  ASSERT_THAT(changes, IsOk());
  ASSERT_THAT(*changes, SizeIs(5));
  for (uint64_t i = 0; i < 5; ++i) {
    EXPECT_EQ((*changes)[i]->revision(), i + 1);
  }
}

TEST_F(MeetingStoreTest, HistoryRetentionCompactsAndReportsOutOfRange) {
  StoreOptions options;
  options.history_max_revisions = 3;
  Reopen(options);
  for (int i = 0; i < 6; ++i) {
    Ingest(A("body " + std::to_string(i), std::to_string(i)), {Bilateral("US", "RU", i + 1)});
  }
  EXPECT_EQ(store_->oldest_revision(), 4u);
  EXPECT_THAT(store_->ReadChanges(2, 10, 1 << 20), StatusIs(absl::StatusCode::kOutOfRange));
  auto kept = store_->ReadChanges(4, 10, 1 << 20);
  ASSERT_THAT(kept, IsOk());
  EXPECT_THAT(*kept, SizeIs(3));
  ASSERT_THAT(store_->CompactHistoryBefore(6), IsOk());
  EXPECT_EQ(store_->oldest_revision(), 6u);
  Reopen(options);
  EXPECT_EQ(store_->oldest_revision(), 6u);
}

class ListTest : public MeetingStoreTest {
 protected:
  void SetUp() override {
    MeetingStoreTest::SetUp();
    // 30 meetings on distinct days; every third involves KZ, every fifth is in Almaty.
    for (int i = 1; i <= 30; ++i) {
      static const char* kOthers[] = {"CA", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM",
                                      "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ",
                                      "BE", "BG", "BR", "DE", "DK", "EE", "ES", "FI"};
      v1::Meeting m = Bilateral(i % 3 == 0 ? "KZ" : "US", kOthers[i % 26], (i % 28) + 1,
                                i % 5 == 0 ? "Almaty" : "Geneva");
      m.mutable_start_date()->set_month(1 + i / 28);
      v1::Person* p = m.add_people();
      p->set_name(i % 2 == 0 ? "Murat Nurtleu" : "Antony Blinken");
      Ingest(A("body " + std::to_string(i), std::to_string(i)), {m});
    }
  }

  std::vector<v1::Meeting> ListAll(const v1::MeetingFilter& filter, int page_size) {
    std::vector<v1::Meeting> all;
    ListCursor cursor;
    for (int pages = 0; pages < 100; ++pages) {
      absl::StatusOr<ListPage> page = store_->ListMeetings(filter, cursor, page_size);
      EXPECT_THAT(page, IsOk());
      if (!page.ok()) {
        break;
      }
      all.insert(all.end(), page->meetings.begin(), page->meetings.end());
      if (page->last_key.empty()) {
        break;
      }
      cursor = {page->revision, page->last_key};
    }
    return all;
  }
};

TEST_F(ListTest, AllNewestFirstAcrossPages) {
  const std::vector<v1::Meeting> all = ListAll(v1::MeetingFilter(), 7);
  ASSERT_THAT(all, SizeIs(30));
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_GE(all[i - 1].start_date().month() * 100 + all[i - 1].start_date().day(),
              all[i].start_date().month() * 100 + all[i].start_date().day());
  }
}

TEST_F(ListTest, FiltersUseIndexesAndAgreeWithMatchesFilter) {
  v1::MeetingFilter by_country;
  by_country.add_countries("kz");
  EXPECT_THAT(ListAll(by_country, 4), SizeIs(10));
  v1::MeetingFilter by_city;
  by_city.set_city("ALMATY");
  EXPECT_THAT(ListAll(by_city, 4), SizeIs(6));
  v1::MeetingFilter by_person;
  by_person.set_person("nurtleu");
  EXPECT_THAT(ListAll(by_person, 4), SizeIs(15));
  v1::MeetingFilter combined = by_country;
  combined.set_person("Murat Nurtleu");
  EXPECT_THAT(ListAll(combined, 2), SizeIs(5));
  v1::MeetingFilter dated;
  dated.mutable_start_date_from()->set_year(2024);
  dated.mutable_start_date_from()->set_month(2);
  dated.mutable_start_date_from()->set_day(1);
  EXPECT_THAT(ListAll(dated, 10), SizeIs(3));
  v1::MeetingFilter two_countries;
  two_countries.add_countries("KZ");
  two_countries.add_countries("US");
  EXPECT_THAT(ListAll(two_countries, 8), SizeIs(30));
}

TEST_F(ListTest, PagesComeFromOneSnapshotDespiteConcurrentWrites) {
  absl::StatusOr<ListPage> first = store_->ListMeetings(v1::MeetingFilter(), {}, 10);
  ASSERT_THAT(first, IsOk());
  std::thread writer([&] {
    for (int i = 0; i < 20; ++i) {
      Ingest(A("late " + std::to_string(i), "late" + std::to_string(i)),
             {Bilateral("JP", "KR", (i % 28) + 1)});
    }
  });
  writer.join();
  size_t total = first->meetings.size();
  ListCursor cursor{first->revision, first->last_key};
  while (!cursor.after_key.empty()) {
    absl::StatusOr<ListPage> page = store_->ListMeetings(v1::MeetingFilter(), cursor, 10);
    ASSERT_THAT(page, IsOk());
    EXPECT_EQ(page->revision, first->revision);
    total += page->meetings.size();
    cursor.after_key = page->last_key;
  }
  EXPECT_EQ(total, 30u);
  EXPECT_THAT(ListAll(v1::MeetingFilter(), 100), SizeIs(50));
}

TEST_F(ListTest, RawPagesHoldTheSameMeetings) {
  v1::MeetingFilter one;  // Decided by the country index alone.
  one.add_countries("KZ");
  v1::MeetingFilter two = one;  // Needs the records checked.
  two.set_person("Murat Nurtleu");
  for (const v1::MeetingFilter& filter : {one, two, v1::MeetingFilter()}) {
    absl::StatusOr<ListPage> parsed = store_->ListMeetings(filter, {}, 7);
    absl::StatusOr<ListPage> raw = store_->ListMeetings(filter, {}, 7, /*raw=*/true);
    ASSERT_THAT(parsed, IsOk());
    ASSERT_THAT(raw, IsOk());
    EXPECT_TRUE(raw->meetings.empty());
    ASSERT_EQ(raw->raw.size(), parsed->meetings.size());
    for (size_t i = 0; i < raw->raw.size(); ++i) {
      v1::Meeting m;
      ASSERT_TRUE(m.ParseFromString(raw->raw[i]));
      EXPECT_EQ(m.id(), parsed->meetings[i].id());
    }
    EXPECT_EQ(raw->last_key, parsed->last_key);
  }
}

TEST_F(ListTest, ListingSnapshotsExpireByTheInjectedClockAndSayWhichLimitHit) {
  FakeClock clock;
  StoreOptions options;
  options.clock = &clock;
  options.list_snapshots.max_count = 2;
  Reopen(options);
  auto first_page = [&]() {
    absl::StatusOr<ListPage> page = store_->ListMeetings(v1::MeetingFilter(), {}, 5);
    EXPECT_THAT(page, IsOk());
    return ListCursor{page->revision, page->last_key};
  };
  // Idle: the next page is asked for six minutes later.
  const ListCursor idle = first_page();
  EXPECT_THAT(store_->ListMeetings(v1::MeetingFilter(), idle, 5), IsOk());
  clock.Advance(absl::Minutes(6));
  absl::Status status = store_->ListMeetings(v1::MeetingFilter(), idle, 5).status();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("idle for more than 5m"));

  // Count: two newer listings (at two newer revisions) push it out.
  const ListCursor crowded = first_page();
  for (int i = 0; i < 2; ++i) {
    Ingest(A("another " + std::to_string(i)), {Bilateral("FR", "DE", 20 + i)});
    first_page();
  }
  status = store_->ListMeetings(v1::MeetingFilter(), crowded, 5).status();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("more than 2 listings"));
}

TEST_F(ListTest, UnknownSnapshotIsOutOfRangeAndBadCursorInvalid) {
  EXPECT_THAT(store_->ListMeetings(v1::MeetingFilter(), {12345, std::string(20, '0')}, 10),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(store_->ListMeetings(v1::MeetingFilter(), {1, "short"}, 10),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ListTest, AnExpiredListingSnapshotIsOutOfRange) {
  FakeClock clock;
  StoreOptions options;
  options.clock = &clock;
  Reopen(options);
  absl::StatusOr<ListPage> first = store_->ListMeetings(v1::MeetingFilter(), {}, 10);
  ASSERT_THAT(first, IsOk());
  ASSERT_FALSE(first->last_key.empty());
  const ListCursor cursor{first->revision, first->last_key};

  clock.Advance(options.list_snapshots.idle - absl::Seconds(1));  // Idle, not for too long.
  absl::StatusOr<ListPage> second = store_->ListMeetings(v1::MeetingFilter(), cursor, 10);
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->revision, first->revision);

  clock.Advance(options.list_snapshots.idle + absl::Seconds(1));
  const absl::Status expired = store_->ListMeetings(v1::MeetingFilter(), cursor, 10).status();
  EXPECT_THAT(expired, StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(std::string(expired.message()), ::testing::HasSubstr("expired"));
}

TEST_F(MeetingStoreTest, ConcurrentIngestsGetDistinctGaplessRevisions) {
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string key = std::to_string(t) + "-" + std::to_string(i);
        Ingest(A("concurrent " + key, key), {Bilateral("US", "RU", 1 + (t * 25 + i) % 28)});
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(store_->revision(), 100u);
  auto changes = store_->ReadChanges(1, 1000, 64 << 20);
  ASSERT_THAT(changes, IsOk());
  ASSERT_THAT(*changes, SizeIs(100));
}

TEST_F(MeetingStoreTest, CheckpointIsAnOpenableCopy) {
  const IngestOutcome outcome = Ingest(A("body"), {Bilateral("US", "RU", 5)});
  ASSERT_THAT(store_->Checkpoint(dir_.Sub("backup")), IsOk());
  StoreOptions options;
  options.path = dir_.Sub("backup");
  auto copy = MeetingStore::Open(options);
  ASSERT_THAT(copy, IsOk());
  EXPECT_THAT((*copy)->GetMeeting(outcome.meeting_ids[0]), IsOk());
}

// Two reports of nine 1 MB statements each: merged, they are the 18.9 MB record that wedged
// every reader. The store keeps what it writes within the record limits.
v1::Meeting NineBigStatements(char letter) {
  v1::Meeting m = Bilateral("FR", "DE", 10);
  for (int i = 0; i < 9; ++i) {
    v1::Statement* s = m.add_statements();
    s->set_speaker("Minister");
    s->set_text(std::string(1 << 20, static_cast<char>(letter + i)));
  }
  return m;
}

TEST_F(MeetingStoreTest, MergedRecordsAndStoredReportsStayWithinTheRecordLimits) {
  const IngestOutcome first = Ingest(A("first report"), {NineBigStatements('a')});
  const IngestOutcome second = Ingest(A("second report"), {NineBigStatements('j')});
  ASSERT_EQ(first.meeting_ids, second.meeting_ids);  // Merged into one record.
  absl::StatusOr<std::string> bytes = store_->GetMeetingBytes(first.meeting_ids[0]);
  ASSERT_THAT(bytes, IsOk());
  const RecordLimits limits;
  EXPECT_LE(bytes->size(), limits.max_bytes);
  absl::StatusOr<v1::Meeting> meeting = store_->GetMeeting(first.meeting_ids[0]);
  ASSERT_THAT(meeting, IsOk());
  EXPECT_EQ(meeting->statements_size(), 18);
  EXPECT_EQ(meeting->sources_size(), 2);
  absl::StatusOr<v1::StoredArticle> article = store_->GetArticle(second.article_id);
  ASSERT_THAT(article, IsOk());
  EXPECT_LE(article->reports(0).ByteSizeLong(), limits.max_bytes);
}

TEST_F(MeetingStoreTest, ARecordStoredOverTheLimitIsServedCutByEveryRead) {
  // A store written without a bound (as before it existed) holds an 18.9 MB record.
  StoreOptions unbounded;
  unbounded.record_limits.max_bytes = 0;
  Reopen(unbounded);
  const IngestOutcome first = Ingest(A("first report"), {NineBigStatements('a')});
  Ingest(A("second report"), {NineBigStatements('j')});
  const std::string id = first.meeting_ids[0];
  absl::StatusOr<std::string> stored = store_->GetMeetingBytes(id);
  ASSERT_THAT(stored, IsOk());
  ASSERT_GT(stored->size(), 18u << 20);

  Reopen();  // Today's limits.
  const size_t limit = store_->record_limits().max_bytes;
  absl::StatusOr<std::string> served = store_->GetMeetingBytes(id);
  ASSERT_THAT(served, IsOk());
  EXPECT_LE(served->size(), limit);
  absl::StatusOr<std::vector<std::optional<v1::Meeting>>> batch = store_->BatchGetMeetings({id});
  ASSERT_THAT(batch, IsOk());
  ASSERT_TRUE((*batch)[0].has_value());
  EXPECT_LE((*batch)[0]->ByteSizeLong(), limit);
  for (bool raw : {false, true}) {
    absl::StatusOr<ListPage> page = store_->ListMeetings(v1::MeetingFilter(), {}, 10, raw);
    ASSERT_THAT(page, IsOk());
    ASSERT_EQ(raw ? page->raw.size() : page->meetings.size(), 1u);
    EXPECT_LE(raw ? page->raw[0].size() : page->meetings[0].ByteSizeLong(), limit);
  }
  // The next write to the record stores it cut.
  Ingest(A("third report"), {Bilateral("FR", "DE", 10)});
  absl::StatusOr<v1::Meeting> rewritten = store_->GetMeeting(id);
  ASSERT_THAT(rewritten, IsOk());
  EXPECT_EQ(rewritten->sources_size(), 3);
}
TEST_F(MeetingStoreTest, AWriteWhoseRevisionWouldNotFitOneResponseIsRefused) {
  StoreOptions options;
  options.max_change_bytes = 10 << 10;
  Reopen(options);
  std::vector<v1::Meeting> reports;
  for (int i = 0; i < 5; ++i) {
    v1::Meeting m = Bilateral("FR", "DE", 1 + i, "City" + std::to_string(i));
    m.add_statements()->set_text(std::string(4000, 'x'));
    reports.push_back(m);
  }
  absl::StatusOr<IngestOutcome> refused = store_->IngestArticle(A("five"), reports, "v1", kNow);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(refused.status().message()),
              ::testing::HasSubstr("would change 5 meeting records"));
  EXPECT_EQ(store_->revision(), 0u);
  reports.resize(2);
  EXPECT_THAT(store_->IngestArticle(A("two"), reports, "v1", kNow), IsOk());
}

}  // namespace
}  // namespace parley
