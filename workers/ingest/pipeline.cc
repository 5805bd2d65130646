#include "workers/ingest/pipeline.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "services/domain/meeting_rules.h"

namespace parley {

Pipeline::Pipeline(std::unique_ptr<extract::Extractor> extractor, DecodeOptions options)
    : extractor_(std::move(extractor)), options_(options) {}

PipelineResult Pipeline::ProcessArticle(v1::Article article, absl::string_view source) const {
  PipelineResult result;
  result.source = std::string(source);
  article.set_id(ArticleId(article));
  absl::StatusOr<std::vector<v1::Meeting>> meetings = extractor_->Extract(article);
  result.article = std::move(article);
  if (!meetings.ok()) {
    result.status = meetings.status();
    return result;
  }
  result.meetings = *std::move(meetings);
  return result;
}

std::vector<PipelineResult> Pipeline::Process(absl::string_view bytes, absl::string_view source,
                                              std::optional<absl::CivilDay> published) const {
  std::vector<PipelineResult> out;
  absl::StatusOr<std::vector<DecodedArticle>> decoded = DecodeArticles(bytes, source, options_);
  if (!decoded.ok()) {
    PipelineResult failed;
    failed.source = std::string(source);
    failed.status = decoded.status();
    out.push_back(std::move(failed));
    return out;
  }
  for (DecodedArticle& item : *decoded) {
    if (!item.article.ok()) {
      PipelineResult failed;
      failed.source = item.source;
      failed.status = item.article.status();
      out.push_back(std::move(failed));
      continue;
    }
    v1::Article article = *std::move(item.article);
    if (published.has_value() && article.published_at().seconds() == 0) {
      article.mutable_published_at()->set_seconds(
          absl::ToUnixSeconds(absl::FromCivil(*published, absl::UTCTimeZone())));
    }
    out.push_back(ProcessArticle(std::move(article), item.source));
  }
  return out;
}

absl::StatusOr<std::vector<v1::Article>> Pipeline::Decode(absl::string_view bytes,
                                                          absl::string_view source) const {
  absl::StatusOr<std::vector<DecodedArticle>> decoded = DecodeArticles(bytes, source, options_);
  if (!decoded.ok()) {
    return decoded.status();
  }
  std::vector<v1::Article> out;
  for (DecodedArticle& item : *decoded) {
    if (!item.article.ok()) {
      return item.article.status();
    }
    v1::Article article = *std::move(item.article);
    article.set_id(ArticleId(article));
    out.push_back(std::move(article));
  }
  return out;
}

std::string Pipeline::Explain(absl::string_view bytes, absl::string_view source,
                              std::optional<absl::CivilDay> published) const {
  absl::StatusOr<std::vector<DecodedArticle>> decoded = DecodeArticles(bytes, source, options_);
  if (!decoded.ok()) {
    return decoded.status().ToString();
  }
  std::string out;
  for (DecodedArticle& item : *decoded) {
    out += "== " + item.source + "\n";
    if (!item.article.ok()) {
      out += item.article.status().ToString() + "\n";
      continue;
    }
    v1::Article article = *std::move(item.article);
    if (published.has_value() && article.published_at().seconds() == 0) {
      article.mutable_published_at()->set_seconds(
          absl::ToUnixSeconds(absl::FromCivil(*published, absl::UTCTimeZone())));
    }
    absl::StatusOr<std::string> explained = extractor_->Explain(article);
    out += explained.ok() ? *explained : explained.status().ToString() + "\n";
  }
  return out;
}

v1::IngestArticleRequest IngestRequestFor(const PipelineResult& result, absl::string_view version) {
  v1::IngestArticleRequest request;
  *request.mutable_article() = result.article;
  for (const v1::Meeting& m : result.meetings) {
    *request.add_meetings() = m;
  }
  request.set_extractor_version(std::string(version));
  return request;
}

std::string FailureRecordJson(absl::string_view name_field, absl::string_view name,
                              const std::vector<std::pair<std::string, absl::Status>>& errors,
                              bool one_line) {
  google::protobuf::Struct record;
  (*record.mutable_fields())[std::string(name_field)].set_string_value(std::string(name));
  (*record.mutable_fields())["failed_at"].set_string_value(
      absl::FormatTime(absl::RFC3339_sec, absl::Now(), absl::UTCTimeZone()));
  google::protobuf::ListValue* list = (*record.mutable_fields())["errors"].mutable_list_value();
  for (const auto& [source, status] : errors) {
    google::protobuf::Struct* e = list->add_values()->mutable_struct_value();
    (*e->mutable_fields())["source"].set_string_value(source);
    (*e->mutable_fields())["code"].set_string_value(CodeName(status.code()));
    (*e->mutable_fields())["message"].set_string_value(std::string(status.message()));
  }
  std::string json;
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = !one_line;
  (void)google::protobuf::util::MessageToJsonString(record, &json, print);
  return json;
}

std::string CodeName(absl::StatusCode code) {
  return absl::AsciiStrToUpper(absl::StatusCodeToString(code));
}

std::string ToExtractResultJson(const PipelineResult& result) {
  v1::ExtractResult message;
  message.set_source(result.source);
  if (!result.article.body().empty()) {
    *message.mutable_article() = result.article;
  }
  for (const v1::Meeting& m : result.meetings) {
    *message.add_meetings() = m;
  }
  if (!result.status.ok()) {
    message.mutable_error()->set_code(CodeName(result.status.code()));
    message.mutable_error()->set_message(std::string(result.status.message()));
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) {
    return R"({"error":{"code":"INTERNAL","message":"cannot print the result as JSON"}})";
  }
  return json;
}

}  // namespace parley
