#include "tests/testing_util/reflection_client.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/generic/generic_stub.h"
#include "src/proto/grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace parley::testing_util {

namespace refl = ::grpc::reflection::v1alpha;

// A DescriptorDatabase answered by the server's reflection stream.
class ReflectionClient::Database : public google::protobuf::DescriptorDatabase {
 public:
  explicit Database(const std::shared_ptr<grpc::Channel>& channel)
      : stub_(refl::ServerReflection::NewStub(channel)) {}

  bool FindFileByName(const std::string& filename,
                      google::protobuf::FileDescriptorProto* output) override {
    refl::ServerReflectionRequest request;
    request.set_file_by_filename(filename);
    return Fetch(request, filename, "", output);
  }

  bool FindFileContainingSymbol(const std::string& symbol,
                                google::protobuf::FileDescriptorProto* output) override {
    refl::ServerReflectionRequest request;
    request.set_file_containing_symbol(symbol);
    return Fetch(request, "", symbol, output);
  }

  bool FindFileContainingExtension(const std::string& /*containing_type*/, int /*field_number*/,
                                   google::protobuf::FileDescriptorProto* /*output*/) override {
    return false;
  }

  [[nodiscard]] absl::StatusOr<refl::ServerReflectionResponse> Ask(
      const refl::ServerReflectionRequest& request) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    auto stream = stub_->ServerReflectionInfo(&context);
    refl::ServerReflectionResponse response;
    if (!stream->Write(request) || !stream->Read(&response)) {
      stream->WritesDone();
      const grpc::Status status = stream->Finish();
      return absl::UnavailableError(absl::StrCat("reflection: ", status.error_message()));
    }
    stream->WritesDone();
    grpc::Status status = stream->Finish();
    if (response.has_error_response()) {
      return absl::NotFoundError(response.error_response().error_message());
    }
    return response;
  }

 private:
  bool Fetch(const refl::ServerReflectionRequest& request, const std::string& filename,
             const std::string& symbol, google::protobuf::FileDescriptorProto* output) {
    if (!filename.empty()) {
      if (auto it = files_.find(filename); it != files_.end()) {
        *output = it->second;
        return true;
      }
    }
    absl::StatusOr<refl::ServerReflectionResponse> response = Ask(request);
    if (!response.ok() || !response->has_file_descriptor_response()) {
      return false;
    }
    bool found = false;
    for (const std::string& bytes : response->file_descriptor_response().file_descriptor_proto()) {
      google::protobuf::FileDescriptorProto file;
      if (!file.ParseFromString(bytes)) {
        continue;
      }
      // The first file answers the query; the rest are its dependencies.
      if (!found && (filename.empty() || file.name() == filename)) {
        *output = file;
        found = true;
      }
      files_.emplace(file.name(), file);
    }
    (void)symbol;
    return found;
  }

  std::unique_ptr<refl::ServerReflection::Stub> stub_;
  std::map<std::string, google::protobuf::FileDescriptorProto> files_;
};

ReflectionClient::ReflectionClient(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)),
      database_(std::make_unique<Database>(channel_)),
      pool_(std::make_unique<google::protobuf::DescriptorPool>(database_.get())) {}

ReflectionClient::~ReflectionClient() = default;

absl::StatusOr<std::vector<std::string>> ReflectionClient::ListServices() {
  refl::ServerReflectionRequest request;
  request.set_list_services("*");
  absl::StatusOr<refl::ServerReflectionResponse> response = database_->Ask(request);
  if (!response.ok()) {
    return response.status();
  }
  std::vector<std::string> names;
  for (const auto& service : response->list_services_response().service()) {
    names.push_back(service.name());
  }
  return names;
}

absl::StatusOr<const google::protobuf::ServiceDescriptor*> ReflectionClient::DescribeService(
    const std::string& name) {
  const google::protobuf::ServiceDescriptor* service = pool_->FindServiceByName(name);
  if (service == nullptr) {
    return absl::NotFoundError(absl::StrCat("service ", name, " not found through reflection"));
  }
  return service;
}

absl::StatusOr<std::string> ReflectionClient::CallJson(const std::string& method,
                                                       const std::string& json) {
  std::string full = method;
  const size_t slash = full.rfind('/');
  if (slash != std::string::npos) {
    full[slash] = '.';
  }
  const google::protobuf::MethodDescriptor* descriptor = pool_->FindMethodByName(full);
  if (descriptor == nullptr) {
    return absl::NotFoundError(absl::StrCat("method ", method, " not found through reflection"));
  }
  google::protobuf::DynamicMessageFactory factory(pool_.get());
  std::unique_ptr<google::protobuf::Message> request(
      factory.GetPrototype(descriptor->input_type())->New());
  std::unique_ptr<google::protobuf::Message> response(
      factory.GetPrototype(descriptor->output_type())->New());
  if (auto s = google::protobuf::util::JsonStringToMessage(json, request.get()); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("request JSON: ", s.ToString()));
  }
  grpc::ByteBuffer request_bytes;
  {
    const std::string serialized = request->SerializeAsString();
    grpc::Slice slice(serialized);
    request_bytes = grpc::ByteBuffer(&slice, 1);
  }
  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::ByteBuffer response_bytes;
  grpc::Status status;
  absl::Notification done;
  const std::string path =
      absl::StrCat("/", descriptor->service()->full_name(), "/", descriptor->name());
  stub.UnaryCall(&context, path, grpc::StubOptions(), &request_bytes, &response_bytes,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  std::vector<grpc::Slice> slices;
  if (!response_bytes.Dump(&slices).ok()) {
    return absl::InternalError("cannot read the response bytes");
  }
  std::string serialized;
  for (const grpc::Slice& s : slices) {
    serialized.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  if (!response->ParseFromString(serialized)) {
    return absl::DataLossError("response does not parse with the reflected type");
  }
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (auto s = google::protobuf::util::MessageToJsonString(*response, &out, options); !s.ok()) {
    return absl::InternalError(s.ToString());
  }
  return out;
}

}  // namespace parley::testing_util
