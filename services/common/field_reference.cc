#include "services/common/field_reference.h"

#include <google/protobuf/descriptor.h>

#include <set>
#include <vector>

#include "depot/v1/audit.pb.h"
#include "depot/v1/deposit.pb.h"
#include "depot/v1/field_rules.pb.h"
#include "depot/v1/journal.pb.h"
#include "depot/v1/privacy.pb.h"
#include "depot/v1/readingroom.pb.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::MethodDescriptor;

// The files that define services, in the order the document describes them.
std::vector<const FileDescriptor*> ServiceFiles() {
  return {v1::CreateDepositRequest::descriptor()->file(),
          v1::RegisterVisitorRequest::descriptor()->file(),
          v1::RecordEntryRequest::descriptor()->file(),
          v1::OpenAccessRequestRequest::descriptor()->file(),
          v1::VerifyAuditRequest::descriptor()->file()};
}

std::string TextRuleOf(const FieldDescriptor& field) {
  size_t max_chars = TextLimit::kDefaultMaxChars;
  bool multiline = false;
  if (field.options().HasExtension(v1::text)) {
    const v1::TextRule& rule = field.options().GetExtension(v1::text);
    if (rule.max_chars() > 0) max_chars = rule.max_chars();
    multiline = rule.multiline();
  }
  return "text, at most " + std::to_string(max_chars) + " characters" +
         (multiline ? ", line breaks and tabs allowed" : ", one line");
}

std::string EnumRuleOf(const EnumDescriptor& type) {
  std::string values;
  for (int i = 0; i < type.value_count(); ++i) {
    if (!values.empty()) values += ", ";
    values += "`" + type.value(i)->name() + "` (" +
              std::to_string(type.value(i)->number()) + ")";
  }
  return "`" + type.name() + "`: " + values;
}

std::string RuleOf(const FieldDescriptor& field) {
  switch (field.type()) {
    case FieldDescriptor::TYPE_STRING:
      return TextRuleOf(field);
    case FieldDescriptor::TYPE_BYTES:
      return "bytes";
    case FieldDescriptor::TYPE_ENUM:
      return EnumRuleOf(*field.enum_type());
    case FieldDescriptor::TYPE_BOOL:
      return "true or false";
    case FieldDescriptor::TYPE_INT32:
      return "integer (32 bits)";
    case FieldDescriptor::TYPE_INT64:
      return "integer (64 bits)";
    default:
      return field.type_name();
  }
}

// One row per field, nested messages flattened into "outer.inner" paths
// ("[]" marks a repeated field).
void AddRows(const Descriptor& message, const std::string& prefix,
             std::string* out) {
  for (int i = 0; i < message.field_count(); ++i) {
    const FieldDescriptor& field = *message.field(i);
    std::string path =
        prefix + field.name() + (field.is_repeated() ? "[]" : "");
    if (field.type() == FieldDescriptor::TYPE_MESSAGE) {
      AddRows(*field.message_type(), path + ".", out);
      continue;
    }
    *out += "| `" + path + "` | " + RuleOf(field) + " |\n";
  }
}

void AddMessage(const MethodDescriptor& method, std::set<std::string>* done,
                std::string* out) {
  const Descriptor& request = *method.input_type();
  std::string heading = "`" + method.service()->name() + "." + method.name() +
                        "` (`" + request.name() + "`)";
  if (!done->insert(request.full_name()).second) {
    *out += "#### " + heading + "\n\nAs above.\n\n";
    return;
  }
  *out += "#### " + heading + "\n\n";
  if (request.field_count() == 0) {
    *out += "No fields.\n\n";
    return;
  }
  std::string rows;
  AddRows(request, "", &rows);
  *out += "| field | rule |\n|---|---|\n" + rows + "\n";
}

}  // namespace

std::string FieldReferenceMarkdown() {
  std::string out;
  std::set<std::string> done;
  for (const FileDescriptor* file : ServiceFiles()) {
    for (int s = 0; s < file->service_count(); ++s) {
      const auto& service = *file->service(s);
      out += "### " + service.name() + " requests\n\n";
      for (int m = 0; m < service.method_count(); ++m) {
        AddMessage(*service.method(m), &done, &out);
      }
    }
  }
  return out;
}

std::string WithFieldReference(const std::string& document) {
  size_t begin = document.find(kFieldReferenceBegin);
  if (begin == std::string::npos) return document;
  size_t body = document.find('\n', begin);
  size_t end = document.find(kFieldReferenceEnd, body);
  if (body == std::string::npos || end == std::string::npos) return document;
  return document.substr(0, body + 1) + "\n" + FieldReferenceMarkdown() +
         document.substr(end);
}

}  // namespace depot
