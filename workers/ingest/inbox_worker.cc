#include "workers/ingest/inbox_worker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "workers/ingest/store_results.h"

namespace parley {
namespace {

std::vector<std::string> ListFiles(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    return names;
  }
  while (struct dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.empty() || name[0] == '.' || absl::EndsWith(name, ".tmp") ||
        absl::EndsWith(name, ".part")) {
      continue;
    }
    // lstat: a symbolic link is claimed too, and then refused by ReadWhole, so a link to a
    // file outside the inbox is never read.
    struct stat st;
    if (lstat(absl::StrCat(dir, "/", name).c_str(), &st) == 0 &&
        (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
      names.push_back(name);
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

bool EnsureDir(const std::string& dir) { return mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST; }

bool ReadWhole(const std::string& path, size_t limit, std::string* out, std::string* error) {
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *error = errno == ELOOP ? std::string("refused: a symbolic link, not a regular file")
                            : absl::StrCat("cannot open: ", std::strerror(errno));
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    *error = "refused: not a regular file";
    return false;
  }
  if (static_cast<size_t>(st.st_size) > limit) {
    close(fd);
    *error = absl::StrCat("input is ", st.st_size, " bytes; the limit is ", limit);
    return false;
  }
  FILE* f = fdopen(fd, "rb");
  if (f == nullptr) {
    close(fd);
    *error = absl::StrCat("cannot open: ", std::strerror(errno));
    return false;
  }
  out->resize(static_cast<size_t>(st.st_size));
  const size_t n = out->empty() ? 0 : std::fread(out->data(), 1, out->size(), f);
  std::fclose(f);
  out->resize(n);
  return true;
}

// Writes `content` to `path` atomically (temp file, fsync, rename).
bool WriteAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    return false;
  }
  const bool ok =
      write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
      fsync(fd) == 0;
  close(fd);
  return ok && rename(tmp.c_str(), path.c_str()) == 0;
}

// Moves `from` into `dir` under its name, or name.1, name.2 ... when taken.
bool MoveInto(const std::string& from, const std::string& dir, const std::string& name) {
  std::string target = dir + "/" + name;
  for (int i = 1; access(target.c_str(), F_OK) == 0 && i < 10000; ++i) {
    target = absl::StrCat(dir, "/", name, ".", i);
  }
  return rename(from.c_str(), target.c_str()) == 0;
}

}  // namespace

InboxWorker::InboxWorker(InboxOptions options, const Pipeline* pipeline, const IngestClient* client)
    : options_(std::move(options)), pipeline_(pipeline), client_(client) {}

absl::Status InboxWorker::Run(const std::atomic<bool>& stop) {
  const std::string processing = options_.inbox + "/processing";
  for (const std::string& dir :
       {options_.inbox, processing, options_.inbox + "/done", options_.inbox + "/failed"}) {
    if (!EnsureDir(dir)) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot create ", dir, ": ", std::strerror(errno)));
    }
  }
  struct Queue {
    std::deque<std::string> names;  // Claimed: in processing/.
    bool closing = false;
  };
  absl::Mutex mu;
  Queue state;
  std::deque<std::string>& queue = state.names;
  // Files a killed worker left claimed come first.
  for (const std::string& name : ListFiles(processing)) {
    queue.push_back(name);
  }
  std::vector<std::thread> threads;
  const int workers = std::max(1, options_.workers);
  threads.reserve(static_cast<size_t>(workers));
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      while (true) {
        std::string name;
        {
          absl::MutexLock lock(&mu);
          mu.Await(absl::Condition(
              +[](Queue* q) { return !q->names.empty() || q->closing; }, &state));
          if (queue.empty() || stop.load()) {
            return;  // Claimed files left in the queue stay in processing/.
          }
          name = queue.front();
          queue.pop_front();
        }
        ProcessFile(name, stop);
      }
    });
  }
  while (!stop.load()) {
    size_t backlog = 0;
    {
      absl::MutexLock lock(&mu);
      backlog = queue.size();
    }
    if (backlog >= static_cast<size_t>(workers) * 2) {
      // Enough claimed work: wait for the workers to take some, not a whole poll interval.
      absl::MutexLock lock(&mu);
      mu.AwaitWithTimeout(absl::Condition(
                              +[](Queue* q) { return q->names.size() < 2 || q->closing; }, &state),
                          absl::Milliseconds(20));
      continue;
    }
    bool claimed = false;
    {
      for (const std::string& name : ListFiles(options_.inbox)) {
        if (stop.load()) {
          break;
        }
        // The claim: an atomic rename. A file renamed away meanwhile is someone else's.
        if (rename(absl::StrCat(options_.inbox, "/", name).c_str(),
                   absl::StrCat(processing, "/", name).c_str()) != 0) {
          continue;
        }
        absl::MutexLock lock(&mu);
        queue.push_back(name);
        claimed = true;
        if (queue.size() >= static_cast<size_t>(workers) * 4) {
          break;
        }
      }
    }
    if (!claimed) {
      const absl::Time until = absl::Now() + options_.poll_interval;
      while (!stop.load() && absl::Now() < until) {
        absl::SleepFor(absl::Milliseconds(20));
      }
    }
  }
  {
    absl::MutexLock lock(&mu);
    state.closing = true;
  }
  for (std::thread& t : threads) {
    t.join();
  }
  return absl::OkStatus();
}

void InboxWorker::ProcessFile(const std::string& name, const std::atomic<bool>& stop) {
  const std::string path = options_.inbox + "/processing/" + name;
  std::string bytes;
  std::string read_error;
  std::vector<PipelineResult> results;
  if (!ReadWhole(path, options_.max_file_bytes, &bytes, &read_error)) {
    PipelineResult failed;
    failed.source = name;
    failed.status = absl::InvalidArgumentError(read_error);
    results.push_back(std::move(failed));
  } else {
    results = pipeline_->Process(bytes, name);
  }
  const StoredInput stored = StoreResults(results, *client_, options_.extractor_version, stop);
  counters_.articles.fetch_add(stored.articles);
  if (stored.stopped) {
    return;  // This worker is stopping: the file stays claimed and is redone at the next start.
  }
  const std::vector<std::pair<std::string, absl::Status>>& errors = stored.errors;
  if (errors.empty()) {
    MoveInto(path, options_.inbox + "/done", name);
    counters_.done.fetch_add(1);
    return;
  }
  // The error record first, then the file: a crash in between redoes the file.
  const std::string json = FailureRecordJson("file", name, errors, /*one_line=*/false);
  // The first free slot for the file names both: failed/NAME[.i] and failed/NAME[.i].error.json.
  // A record left by a crash between the two steps sits in a free slot and is overwritten, so
  // a redone file still ends with exactly one record.
  std::string slot = name;
  for (int i = 1; access((options_.inbox + "/failed/" + slot).c_str(), F_OK) == 0 && i < 10000;
       ++i) {
    slot = absl::StrCat(name, ".", i);
  }
  WriteAtomically(options_.inbox + "/failed/" + slot + ".error.json", json);
  if (rename(path.c_str(), (options_.inbox + "/failed/" + slot).c_str()) != 0) {
    MoveInto(path, options_.inbox + "/failed", name);
  }
  counters_.failed.fetch_add(1);
}

}  // namespace parley
