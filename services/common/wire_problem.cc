#include "services/common/wire_problem.h"

#include <google/protobuf/stubs/common.h>
#include <google/protobuf/unknown_field_set.h>

#include <map>
#include <optional>

namespace depot {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

constexpr char kMalformed[] =
    " is not protobuf wire format (cut short or garbled); send the message "
    "as the generated code serializes it";

// The first field of `set`, read as `type`, that makes the parse fail.
// UnknownFieldSet reads wire format without checking UTF-8, so a set that
// parses tells the two kinds of failure apart.
std::optional<std::string> Find(const UnknownFieldSet& set,
                                const Descriptor& type,
                                const std::string& prefix, int depth) {
  std::map<int, int> seen;
  for (int i = 0; i < set.field_count(); ++i) {
    const UnknownField& unknown = set.field(i);
    const FieldDescriptor* field = type.FindFieldByNumber(unknown.number());
    if (field == nullptr) continue;  // unknown fields are kept, not refused
    int index = seen[unknown.number()]++;
    std::string path = prefix + field->name();
    if (field->is_repeated()) path += "[" + std::to_string(index) + "]";
    // The parser keeps a field of another wire type as an unknown field.
    if (unknown.type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    const std::string& value = unknown.length_delimited();
    if (field->type() == FieldDescriptor::TYPE_STRING &&
        !google::protobuf::internal::IsStructurallyValidUTF8(
            value.data(), static_cast<int>(value.size()))) {
      return path + " is not valid UTF-8; send text in UTF-8";
    }
    if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
      UnknownFieldSet nested;
      if (depth > 64 || !nested.ParseFromString(value)) {
        return path + kMalformed;
      }
      if (auto found =
              Find(nested, *field->message_type(), path + ".", depth + 1)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::string WireProblem(std::string_view bytes, const Descriptor& type) {
  UnknownFieldSet set;
  if (!set.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return std::string("it") + kMalformed;
  }
  if (auto found = Find(set, type, "", 0)) return *found;
  return std::string("it") + kMalformed;
}

}  // namespace depot
