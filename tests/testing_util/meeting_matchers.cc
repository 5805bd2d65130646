#include "tests/testing_util/meeting_matchers.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/text_format.h"

namespace parley::testing_util {
namespace {

using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;
using ::google::protobuf::TextFormat;

// One element of a field (index -1 for a singular field) as text-format prints it.
std::string ValueText(const Message& message, const FieldDescriptor* field, int index) {
  std::string out;
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    const Reflection* reflection = message.GetReflection();
    const Message& sub = index < 0 ? reflection->GetMessage(message, field)
                                   : reflection->GetRepeatedMessage(message, field, index);
    TextFormat::Printer printer;
    printer.SetSingleLineMode(true);
    printer.PrintToString(sub, &out);
    while (!out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    return absl::StrCat("{", out, "}");
  }
  TextFormat::PrintFieldValueToString(message, field, index, &out);
  return out;
}

std::string RepeatedText(const Message& message, const FieldDescriptor* field) {
  std::vector<std::string> values;
  const int size = message.GetReflection()->FieldSize(message, field);
  values.reserve(size);
  for (int i = 0; i < size; ++i) {
    values.push_back(ValueText(message, field, i));
  }
  return absl::StrCat("[", absl::StrJoin(values, ", "), "]");
}

void CompareMessages(const Message& expected, const Message& actual, const std::string& path,
                     const std::vector<const FieldDescriptor*>& extra_fields,
                     std::vector<std::string>* mismatches);

// Kuhn's augmenting path for a one-to-one pairing of expected with actual elements.
bool Augment(int e, const std::vector<std::vector<bool>>& fits, std::vector<bool>* seen,
             std::vector<int>* owner) {
  for (size_t a = 0; a < fits[e].size(); ++a) {
    if (!fits[e][a] || (*seen)[a]) {
      continue;
    }
    (*seen)[a] = true;
    if ((*owner)[a] < 0 || Augment((*owner)[a], fits, seen, owner)) {
      (*owner)[a] = e;
      return true;
    }
  }
  return false;
}

void CompareRepeated(const Message& expected, const Message& actual, const FieldDescriptor* field,
                     const std::string& path, std::vector<std::string>* mismatches) {
  const Reflection* reflection = expected.GetReflection();
  const int expected_size = reflection->FieldSize(expected, field);
  const int actual_size = actual.GetReflection()->FieldSize(actual, field);
  // fits[e][a]: actual element a satisfies expected element e.
  std::vector<std::vector<bool>> fits(expected_size, std::vector<bool>(actual_size, false));
  for (int e = 0; e < expected_size; ++e) {
    for (int a = 0; a < actual_size; ++a) {
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        std::vector<std::string> sub;
        CompareMessages(reflection->GetRepeatedMessage(expected, field, e),
                        actual.GetReflection()->GetRepeatedMessage(actual, field, a), "", {}, &sub);
        fits[e][a] = sub.empty();
      } else {
        fits[e][a] = ValueText(expected, field, e) == ValueText(actual, field, a);
      }
    }
  }
  std::vector<int> owner(actual_size, -1);
  int paired = 0;
  for (int e = 0; e < expected_size; ++e) {
    std::vector<bool> seen(actual_size, false);
    if (Augment(e, fits, &seen, &owner)) {
      ++paired;
    }
  }
  if (paired == expected_size && expected_size == actual_size) {
    return;
  }
  std::vector<bool> expected_paired(expected_size, false);
  std::vector<std::string> missing;
  std::vector<std::string> extra;
  for (int a = 0; a < actual_size; ++a) {
    if (owner[a] >= 0) {
      expected_paired[owner[a]] = true;
    } else {
      extra.push_back(ValueText(actual, field, a));
    }
  }
  for (int e = 0; e < expected_size; ++e) {
    if (!expected_paired[e]) {
      missing.push_back(ValueText(expected, field, e));
    }
  }
  std::string detail =
      absl::StrCat(path, ": expected ", expected_size, " value(s) ", RepeatedText(expected, field),
                   ", got ", actual_size, " ", RepeatedText(actual, field));
  if (!missing.empty()) {
    absl::StrAppend(&detail, "; missing ", absl::StrJoin(missing, ", "));
  }
  if (!extra.empty()) {
    absl::StrAppend(&detail, "; unexpected ", absl::StrJoin(extra, ", "));
  }
  mismatches->push_back(std::move(detail));
}

void CompareField(const Message& expected, const Message& actual, const FieldDescriptor* field,
                  const std::string& path, std::vector<std::string>* mismatches) {
  const Reflection* expected_reflection = expected.GetReflection();
  const Reflection* actual_reflection = actual.GetReflection();
  if (field->is_repeated()) {
    CompareRepeated(expected, actual, field, path, mismatches);
    return;
  }
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    const bool expected_has = expected_reflection->HasField(expected, field);
    const bool actual_has = actual_reflection->HasField(actual, field);
    if (!expected_has) {  // Only through `always_compare`: the field must be absent.
      if (actual_has) {
        mismatches->push_back(
            absl::StrCat(path, ": expected unset, got ", ValueText(actual, field, -1)));
      }
      return;
    }
    if (!actual_has) {
      mismatches->push_back(
          absl::StrCat(path, ": expected ", ValueText(expected, field, -1), ", got unset"));
      return;
    }
    CompareMessages(expected_reflection->GetMessage(expected, field),
                    actual_reflection->GetMessage(actual, field), path, {}, mismatches);
    return;
  }
  const std::string want = ValueText(expected, field, -1);
  const std::string got = ValueText(actual, field, -1);
  if (want != got) {
    mismatches->push_back(absl::StrCat(path, ": expected ", want, ", got ", got));
  }
}

void CompareMessages(const Message& expected, const Message& actual, const std::string& path,
                     const std::vector<const FieldDescriptor*>& extra_fields,
                     std::vector<std::string>* mismatches) {
  std::vector<const FieldDescriptor*> fields;
  expected.GetReflection()->ListFields(expected, &fields);
  for (const FieldDescriptor* field : extra_fields) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      fields.push_back(field);
    }
  }
  for (const FieldDescriptor* field : fields) {
    CompareField(expected, actual, field, path.empty() ? field->name() : path + "." + field->name(),
                 mismatches);
  }
}

}  // namespace

::testing::AssertionResult MessageMatches(const Message& expected, const Message& actual) {
  if (expected.GetDescriptor() != actual.GetDescriptor()) {
    return ::testing::AssertionFailure() << "expected a " << expected.GetDescriptor()->full_name()
                                         << ", got a " << actual.GetDescriptor()->full_name();
  }
  std::vector<std::string> mismatches;
  CompareMessages(expected, actual, "", {}, &mismatches);
  if (mismatches.empty()) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << absl::StrJoin(mismatches, "\n") << "\nactual:\n"
                                       << actual.DebugString();
}

::testing::AssertionResult MeetingsMatch(const v1::ExtractResult& expected,
                                         const std::vector<v1::Meeting>& actual,
                                         const std::vector<std::string>& always_compare) {
  std::vector<const FieldDescriptor*> extra_fields;
  for (const std::string& name : always_compare) {
    const FieldDescriptor* field = v1::Meeting::descriptor()->FindFieldByName(name);
    if (field == nullptr) {
      return ::testing::AssertionFailure() << "parley.v1.Meeting has no field `" << name << "`";
    }
    extra_fields.push_back(field);
  }
  std::vector<std::string> mismatches;
  const size_t expected_size = static_cast<size_t>(expected.meetings_size());
  if (actual.size() != expected_size) {
    mismatches.push_back(
        absl::StrCat("expected ", expected_size, " meeting(s), got ", actual.size()));
  }
  for (size_t i = 0; i < std::min(expected_size, actual.size()); ++i) {
    std::vector<std::string> fields;
    CompareMessages(expected.meetings(static_cast<int>(i)), actual[i], "", extra_fields, &fields);
    for (const std::string& field : fields) {
      mismatches.push_back(absl::StrCat("meeting ", i, ": ", field));
    }
  }
  if (mismatches.empty()) {
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << absl::StrJoin(mismatches, "\n");
  for (size_t i = 0; i < actual.size(); ++i) {
    failure << "\nactual meeting " << i << ":\n" << actual[i].DebugString();
  }
  return failure;
}

}  // namespace parley::testing_util
