#include "services/common/request_rules.h"

#include <google/protobuf/descriptor.h>

#include "depot/v1/field_rules.pb.h"
#include "services/common/error.h"
#include "services/common/text_check.h"

namespace depot {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

TextLimit LimitOf(const FieldDescriptor& field) {
  TextLimit limit;
  if (field.options().HasExtension(v1::text)) {
    const v1::TextRule& rule = field.options().GetExtension(v1::text);
    if (rule.max_chars() > 0) limit.max_chars = rule.max_chars();
    limit.multiline = rule.multiline();
  }
  return limit;
}

std::string KnownValues(const EnumDescriptor& type) {
  std::string names;
  for (int i = 0; i < type.value_count(); ++i) {
    if (type.value(i)->number() == 0) continue;  // *_UNSPECIFIED
    if (!names.empty()) names += ", ";
    names += type.value(i)->name() + " (" +
             std::to_string(type.value(i)->number()) + ")";
  }
  return names;
}

std::string NotAValue(int number, const EnumDescriptor& type) {
  const auto* known = type.FindValueByNumber(number);
  std::string what =
      known != nullptr
          ? known->name() + " is not accepted here"
          : std::to_string(number) + " is not a value of " + type.full_name();
  return what + "; use one of " + KnownValues(type);
}

std::optional<FieldViolation> CheckEnum(const FieldDescriptor& field,
                                        int number, const std::string& path) {
  if (field.enum_type()->FindValueByNumber(number) != nullptr) {
    return std::nullopt;
  }
  return FieldViolation{path, NotAValue(number, *field.enum_type())};
}

std::optional<FieldViolation> Check(const Message& message,
                                    const std::string& prefix);

std::optional<FieldViolation> CheckOne(const Message& message,
                                       const FieldDescriptor& field, int index,
                                       const std::string& path) {
  const Reflection& reflection = *message.GetReflection();
  bool repeated = field.is_repeated();
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
      if (field.type() == FieldDescriptor::TYPE_BYTES) return std::nullopt;
      std::string scratch;
      const std::string& value =
          repeated ? reflection.GetRepeatedStringReference(message, &field,
                                                           index, &scratch)
                   : reflection.GetStringReference(message, &field, &scratch);
      if (auto problem = TextProblem(value, LimitOf(field))) {
        return FieldViolation{path, *problem};
      }
      return std::nullopt;
    }
    case FieldDescriptor::CPPTYPE_ENUM:
      return CheckEnum(
          field,
          repeated ? reflection.GetRepeatedEnumValue(message, &field, index)
                   : reflection.GetEnumValue(message, &field),
          path);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return Check(repeated
                       ? reflection.GetRepeatedMessage(message, &field, index)
                       : reflection.GetMessage(message, &field),
                   path + ".");
    default:
      return std::nullopt;
  }
}

std::optional<FieldViolation> Check(const Message& message,
                                    const std::string& prefix) {
  const Reflection& reflection = *message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  // Only fields that are set: unset ones hold their (valid) defaults.
  reflection.ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    std::string path = prefix + field->name();
    if (!field->is_repeated()) {
      if (auto v = CheckOne(message, *field, 0, path)) return v;
      continue;
    }
    int size = reflection.FieldSize(message, field);
    for (int i = 0; i < size; ++i) {
      if (auto v = CheckOne(message, *field, i,
                            path + "[" + std::to_string(i) + "]")) {
        return v;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<FieldViolation> FindViolation(const Message& message) {
  return Check(message, "");
}

Error UnknownEnumValue(std::string_view field, int number,
                       const EnumDescriptor& type) {
  return InvalidArgument(std::string(field) + ": " + NotAValue(number, type));
}

void CheckRequest(const Message& message) {
  if (auto violation = FindViolation(message)) {
    throw InvalidArgument(violation->field + ": " + violation->reason);
  }
}

}  // namespace depot
