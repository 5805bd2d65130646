#include "services/server/bootstrap.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "absl/strings/str_cat.h"
#include "parley/v1/meeting_service.grpc.pb.h"
#include "services/status/grpc_status.h"

namespace parley {

bool DataDirIsEmpty(const std::string& data_dir) {
  std::error_code error;
  return !std::filesystem::exists(std::filesystem::path(data_dir) / "CURRENT", error);
}

namespace {

absl::StatusOr<uint64_t> CopyFromPeer(const std::shared_ptr<grpc::Channel>& channel,
                                      const std::string& data_dir, absl::Duration timeout) {
  namespace fs = std::filesystem;
  if (!DataDirIsEmpty(data_dir)) {
    return absl::FailedPreconditionError(
        absl::StrCat(data_dir, " already holds a store: a bootstrap only fills an empty one"));
  }
  const fs::path staging = fs::path(data_dir) / ".bootstrap";
  std::error_code error;
  fs::remove_all(staging, error);  // What an interrupted bootstrap left.
  if (!fs::create_directories(staging, error) && error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", staging.string(), ": ", error.message()));
  }
  auto stub = v1::AdminService::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  std::unique_ptr<grpc::ClientReader<v1::CheckpointChunk>> reader =
      stub->StreamCheckpoint(&context, v1::StreamCheckpointRequest());
  v1::CheckpointChunk chunk;
  std::set<std::string> files;
  std::ofstream out;
  std::string current;
  uint64_t revision = 0;
  bool first = true;
  bool done = false;
  while (reader->Read(&chunk)) {
    if (first) {
      revision = chunk.revision();
      first = false;
    }
    if (!chunk.file().empty()) {
      const std::string& name = chunk.file();
      if (name == "." || name == ".." || name.find('/') != std::string::npos) {
        context.TryCancel();
        reader->Finish();
        return absl::DataLossError(absl::StrCat("the peer sent a bad file name \"", name, "\""));
      }
      if (name != current) {
        out.close();
        current = name;
        files.insert(name);
        out.open(staging / name, std::ios::binary | std::ios::trunc);
      }
      out.write(chunk.data().data(), static_cast<std::streamsize>(chunk.data().size()));
      if (!out) {
        context.TryCancel();
        reader->Finish();
        return absl::UnavailableError(
            absl::StrCat("cannot write ", (staging / name).string(), " (disk full?)"));
      }
    }
    done = done || chunk.done();
  }
  out.close();
  const grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return FromGrpcStatus(status);
  }
  if (!done || files.count("CURRENT") == 0) {
    return absl::DataLossError("the peer's checkpoint stream ended before its last file");
  }
  // Complete: move every file into place, CURRENT last (it is what makes it a store).
  for (const std::string& name : files) {
    if (name == "CURRENT") {
      continue;
    }
    fs::rename(staging / name, fs::path(data_dir) / name, error);
    if (error) {
      return absl::UnavailableError(absl::StrCat("cannot move ", name, ": ", error.message()));
    }
  }
  fs::rename(staging / "CURRENT", fs::path(data_dir) / "CURRENT", error);
  if (error) {
    return absl::UnavailableError(absl::StrCat("cannot move CURRENT: ", error.message()));
  }
  fs::remove_all(staging, error);
  return revision;
}

}  // namespace

absl::StatusOr<uint64_t> BootstrapFromPeer(const std::shared_ptr<grpc::Channel>& channel,
                                           const std::string& data_dir, absl::Duration timeout) {
  absl::StatusOr<uint64_t> revision = CopyFromPeer(channel, data_dir, timeout);
  if (!revision.ok()) {
    std::error_code error;
    std::filesystem::remove_all(std::filesystem::path(data_dir) / ".bootstrap", error);
  }
  return revision;
}

}  // namespace parley
