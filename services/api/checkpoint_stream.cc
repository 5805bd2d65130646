#include "services/api/checkpoint_stream.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/status/grpc_status.h"

namespace parley {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

class CheckpointStream final : public grpc::ServerWriteReactor<v1::CheckpointChunk> {
 public:
  CheckpointStream(MeetingStore* store, const std::string& checkpoint_dir) {
    if (checkpoint_dir.empty()) {
      Finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                          "this server has nowhere to make a checkpoint"));
      return;
    }
    static std::atomic<int> counter{0};
    dir_ = absl::StrCat(checkpoint_dir, "/.stream-checkpoint-", getpid(), "-", counter++);
    revision_ = store->revision();
    if (absl::Status s = store->Checkpoint(dir_); !s.ok()) {
      Finish(ToGrpcStatus(s));
      return;
    }
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, error)) {
      if (entry.is_regular_file()) {
        files_.push_back(entry.path().filename().string());
      }
    }
    if (error) {
      Finish(grpc::Status(grpc::StatusCode::INTERNAL,
                          absl::StrCat("cannot list checkpoint ", dir_, ": ", error.message())));
      return;
    }
    Next();
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    Next();
  }

  void OnDone() override {
    if (!dir_.empty()) {
      std::error_code error;
      std::filesystem::remove_all(dir_, error);
    }
    delete this;
  }

 private:
  // Writes the next chunk, or finishes. Every file is sent as at least one chunk (an empty one
  // too, so that it exists on the other side); the last chunk carries `done`.
  void Next() {
    chunk_.Clear();
    if (first_) {
      chunk_.set_revision(revision_);
      first_ = false;
    }
    while (file_ < files_.size()) {
      if (!input_.is_open()) {
        input_.open(absl::StrCat(dir_, "/", files_[file_]), std::ios::binary);
        announced_ = false;
        if (!input_) {
          Finish(grpc::Status(grpc::StatusCode::INTERNAL,
                              absl::StrCat("cannot read ", dir_, "/", files_[file_])));
          return;
        }
      }
      std::string data(kChunkBytes, '\0');
      input_.read(data.data(), static_cast<std::streamsize>(data.size()));
      data.resize(static_cast<size_t>(input_.gcount()));
      const bool at_end = input_.eof() || data.empty();
      if (data.empty() && announced_) {  // It ended exactly at the last chunk.
        input_.close();
        ++file_;
        continue;
      }
      chunk_.set_file(files_[file_]);
      *chunk_.mutable_data() = std::move(data);
      announced_ = true;
      if (at_end) {
        input_.close();
        ++file_;
      }
      if (file_ == files_.size()) {
        break;
      }
      StartWrite(&chunk_);
      return;
    }
    chunk_.set_done(true);
    StartWriteAndFinish(&chunk_, grpc::WriteOptions(), grpc::Status::OK);
  }

  std::string dir_;
  uint64_t revision_ = 0;
  std::vector<std::string> files_;
  size_t file_ = 0;
  bool announced_ = false;  // The current file has been named in a chunk.
  std::ifstream input_;
  bool first_ = true;
  v1::CheckpointChunk chunk_;
};

}  // namespace

grpc::ServerWriteReactor<v1::CheckpointChunk>* StartCheckpointStream(
    MeetingStore* store, const std::string& checkpoint_dir) {
  return new CheckpointStream(store, checkpoint_dir);
}

}  // namespace parley
