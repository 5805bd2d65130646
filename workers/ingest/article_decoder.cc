#include "workers/ingest/article_decoder.h"

#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"
#include "libxml/HTMLparser.h"
#include "libxml/tree.h"
#include "services/domain/meeting_rules.h"
#include "workers/extract/text.h"

namespace parley {
namespace {

[[nodiscard]] absl::Status Finish(v1::Article* article) {
  if (!article->body().empty() && !extract::IsCleanUtf8(article->body())) {
    return absl::InvalidArgumentError("article body is not valid UTF-8 text");
  }
  if (absl::StripAsciiWhitespace(article->body()).empty()) {
    return absl::InvalidArgumentError("article body is empty");
  }
  if (!extract::IsCleanUtf8(article->title())) {
    return absl::InvalidArgumentError("article title is not valid UTF-8 text");
  }
  article->set_id(ArticleId(*article));
  return absl::OkStatus();
}

[[nodiscard]] absl::StatusOr<v1::Article> DecodeText(absl::string_view bytes) {
  v1::Article article;
  absl::string_view text = absl::StripLeadingAsciiWhitespace(bytes);
  const size_t nl = text.find('\n');
  article.set_title(std::string(absl::StripAsciiWhitespace(text.substr(0, nl))));
  if (nl != absl::string_view::npos) {
    article.set_body(std::string(absl::StripAsciiWhitespace(text.substr(nl + 1))));
  }
  if (absl::Status s = Finish(&article); !s.ok()) {
    return s;
  }
  return article;
}

[[nodiscard]] absl::StatusOr<v1::Article> DecodeJson(absl::string_view bytes) {
  v1::Article article;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(bytes.data(), bytes.size()), &article, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed JSON envelope: ", std::string(status.message())));
  }
  if (absl::Status s = Finish(&article); !s.ok()) {
    return s;
  }
  return article;
}

// --- HTML ---

bool Skipped(const xmlNode* node) {
  static const char* kSkip[] = {"script", "style",  "noscript", "nav",      "header",
                                "footer", "aside",  "form",     "iframe",   "svg",
                                "button", "select", "figure",   "template", "menu"};
  for (const char* name : kSkip) {
    if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0) {
      return true;
    }
  }
  return false;
}

bool Block(const xmlNode* node) {
  static const char* kBlock[] = {"p",  "div", "br",  "li",    "h1",      "h2",      "h3",
                                 "h4", "h5",  "h6",  "tr",    "section", "article", "blockquote",
                                 "ul", "ol",  "pre", "table", "dd",      "dt"};
  for (const char* name : kBlock) {
    if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0) {
      return true;
    }
  }
  return false;
}

void CollectText(const xmlNode* node, std::string* out) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE && n->content != nullptr) {
      const char* text = reinterpret_cast<const char*>(n->content);
      // Collapse white space inside a block.
      for (const char* p = text; *p != '\0'; ++p) {
        const char c = *p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
          if (!out->empty() && out->back() != ' ' && out->back() != '\n') {
            out->push_back(' ');
          }
        } else {
          out->push_back(c);
        }
      }
    } else if (n->type == XML_ELEMENT_NODE && !Skipped(n)) {
      const bool block = Block(n);
      if (block && !out->empty() && out->back() != '\n') {
        while (!out->empty() && out->back() == ' ') {
          out->pop_back();
        }
        out->append("\n\n");
      }
      CollectText(n->children, out);
      if (block && !out->empty() && out->back() != '\n') {
        while (!out->empty() && out->back() == ' ') {
          out->pop_back();
        }
        out->append("\n\n");
      }
    }
  }
}

const xmlNode* FindElement(const xmlNode* node, const char* name) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0) {
        return n;
      }
      if (const xmlNode* found = FindElement(n->children, name)) {
        return found;
      }
    }
  }
  return nullptr;
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) {
    return "";
  }
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

void FindMeta(const xmlNode* node, std::string* published, std::string* og_title,
              std::string* time_value) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>("meta")) == 0) {
      const std::string key =
          absl::AsciiStrToLower(Attr(n, "property") + Attr(n, "name") + Attr(n, "itemprop"));
      const std::string content = Attr(n, "content");
      if (published->empty() &&
          (key == "article:published_time" || key == "date" || key == "pubdate" ||
           key == "datepublished" || key == "dc.date" || key == "publish-date")) {
        *published = content;
      }
      if (og_title->empty() && key == "og:title") {
        *og_title = content;
      }
    } else if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>("time")) == 0 &&
               time_value->empty()) {
      *time_value = Attr(n, "datetime");
    }
    FindMeta(n->children, published, og_title, time_value);
  }
}

std::string Trimmed(const std::string& text) {
  // Collapse runs of blank lines to one blank line and trim.
  std::string out;
  int newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (newlines > 0 && !out.empty()) {
      out.append(newlines > 1 ? "\n\n" : "\n");
    }
    newlines = 0;
    out.push_back(c);
  }
  return std::string(absl::StripAsciiWhitespace(out));
}

bool ParsePublished(const std::string& text, google::protobuf::Timestamp* out) {
  if (text.size() < 10) {
    return false;
  }
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error) &&
      !absl::ParseTime("%Y-%m-%d", text.substr(0, 10), absl::UTCTimeZone(), &t, &error)) {
    return false;
  }
  out->set_seconds(absl::ToUnixSeconds(t));
  return true;
}

[[nodiscard]] absl::StatusOr<v1::Article> DecodeHtml(absl::string_view bytes) {
  htmlDocPtr doc = htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  if (doc == nullptr) {
    return absl::InvalidArgumentError("HTML page could not be parsed");
  }
  const xmlNode* root = xmlDocGetRootElement(doc);
  v1::Article article;
  std::string published;
  std::string og_title;
  std::string time_value;
  FindMeta(root, &published, &og_title, &time_value);
  if (const xmlNode* title = FindElement(root, "title"); title != nullptr) {
    std::string text;
    CollectText(title->children, &text);
    article.set_title(Trimmed(text));
  }
  if (article.title().empty()) {
    article.set_title(og_title);
  }
  const xmlNode* main = FindElement(root, "article");
  if (main == nullptr) {
    main = FindElement(root, "main");
  }
  if (main == nullptr) {
    main = FindElement(root, "body");
  }
  if (main == nullptr) {
    xmlFreeDoc(doc);
    return absl::InvalidArgumentError("HTML page has no <body>");
  }
  std::string body;
  CollectText(main->children, &body);
  xmlFreeDoc(doc);
  body = Trimmed(body);
  if (body.empty()) {
    return absl::InvalidArgumentError("HTML page has no text in its <body>");
  }
  // A headline repeated as the first line of the article text is dropped.
  if (!article.title().empty() && absl::StartsWith(body, article.title())) {
    body = std::string(absl::StripLeadingAsciiWhitespace(body.substr(article.title().size())));
  }
  article.set_body(body);
  ParsePublished(published.empty() ? time_value : published, article.mutable_published_at());
  if (absl::Status s = Finish(&article); !s.ok()) {
    return s;
  }
  return article;
}

bool LooksBinary(absl::string_view bytes) { return bytes.find('\0') != absl::string_view::npos; }

}  // namespace

InputFormat DetectFormat(absl::string_view name, absl::string_view bytes) {
  const std::string lower = absl::AsciiStrToLower(name);
  if (absl::EndsWith(lower, ".jsonl") || absl::EndsWith(lower, ".ndjson")) {
    return InputFormat::kJsonLines;
  }
  if (absl::EndsWith(lower, ".json")) {
    return InputFormat::kJson;
  }
  if (absl::EndsWith(lower, ".html") || absl::EndsWith(lower, ".htm")) {
    return InputFormat::kHtml;
  }
  if (absl::EndsWith(lower, ".txt")) {
    return InputFormat::kText;
  }
  const absl::string_view start = absl::StripLeadingAsciiWhitespace(bytes);
  if (absl::StartsWith(start, "{")) {
    const size_t nl = start.find('\n');
    const absl::string_view rest =
        nl == absl::string_view::npos ? "" : absl::StripAsciiWhitespace(start.substr(nl));
    return absl::StartsWith(rest, "{") ? InputFormat::kJsonLines : InputFormat::kJson;
  }
  if (absl::StartsWith(start, "<")) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

absl::StatusOr<std::vector<DecodedArticle>> DecodeArticles(absl::string_view bytes,
                                                           absl::string_view name,
                                                           const DecodeOptions& options) {
  if (bytes.size() > options.max_input_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("input is ", bytes.size(), " bytes; the limit is ", options.max_input_bytes));
  }
  if (absl::StripAsciiWhitespace(bytes).empty()) {
    return absl::InvalidArgumentError("input is empty");
  }
  if (LooksBinary(bytes)) {
    return absl::InvalidArgumentError("input is a binary file (it holds NUL bytes), not text");
  }
  if (!extract::IsCleanUtf8(bytes)) {
    return absl::InvalidArgumentError("input is not valid UTF-8 text");
  }
  const InputFormat format =
      options.format == InputFormat::kAuto ? DetectFormat(name, bytes) : options.format;
  std::vector<DecodedArticle> out;
  switch (format) {
    case InputFormat::kText:
      out.push_back({std::string(name), DecodeText(bytes)});
      break;
    case InputFormat::kJson:
      out.push_back({std::string(name), DecodeJson(bytes)});
      break;
    case InputFormat::kHtml:
      out.push_back({std::string(name), DecodeHtml(bytes)});
      break;
    case InputFormat::kJsonLines: {
      int line_no = 0;
      for (absl::string_view line : absl::StrSplit(bytes, '\n')) {
        ++line_no;
        if (absl::StripAsciiWhitespace(line).empty()) {
          continue;
        }
        out.push_back({absl::StrCat(name, ":", line_no), DecodeJson(line)});
      }
      if (out.empty()) {
        return absl::InvalidArgumentError("JSON Lines input holds no article");
      }
      break;
    }
    case InputFormat::kAuto:
      break;
  }
  return out;
}

}  // namespace parley
