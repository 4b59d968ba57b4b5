// The wire half of HostileRequests: what is done to a request's bytes
// after it is serialized, so that the server's parser meets them.
#include <iterator>

#include "tests/support/hostile_requests.h"

namespace depot::testing {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void AppendTag(int number, int wire_type, std::string* out) {
  AppendVarint(static_cast<uint64_t>(number) << 3 | wire_type, out);
}

}  // namespace

std::string HostileRequests::MutateWire(const Descriptor& type,
                                        std::string bytes,
                                        std::string* description) {
  switch (Below(6)) {
    case 0: {
      if (bytes.empty()) return bytes;
      size_t keep = Below(bytes.size());
      *description += " truncated to " + std::to_string(keep) + " bytes";
      return bytes.substr(0, keep);
    }
    case 1: {
      if (bytes.empty()) return bytes;
      size_t at = Below(bytes.size());
      bytes[at] = static_cast<char>(Below(256));
      *description += " byte " + std::to_string(at) + " changed";
      return bytes;
    }
    case 2: {
      // Invalid UTF-8 in a string field: a later value of a field wins (or
      // adds an element), so the parser meets it whatever came before.
      std::vector<const FieldDescriptor*> strings;
      for (int i = 0; i < type.field_count(); ++i) {
        if (type.field(i)->type() == FieldDescriptor::TYPE_STRING) {
          strings.push_back(type.field(i));
        }
      }
      if (strings.empty()) return bytes;
      const FieldDescriptor* field = strings[Below(strings.size())];
      static const std::string kInvalid[] = {"\xff\xfe", "a\xc0\xaf",
                                             "\xed\xa0\x80", "ok\xe2\x82"};
      const std::string& bad = kInvalid[Below(std::size(kInvalid))];
      AppendTag(field->number(), 2, &bytes);
      AppendVarint(bad.size(), &bytes);
      bytes += bad;
      *description += " invalid UTF-8 in " + field->name();
      return bytes;
    }
    case 3: {
      // Groups nested past protobuf's recursion limit, in an unknown field.
      int depth = OneIn(2) ? 150 : 5000;
      for (int i = 0; i < depth; ++i) AppendTag(9998, 3, &bytes);
      for (int i = 0; i < depth; ++i) AppendTag(9998, 4, &bytes);
      *description += " groups nested " + std::to_string(depth) + " deep";
      return bytes;
    }
    case 4: {
      // A length running past the end of the message.
      AppendTag(1 + static_cast<int>(Below(12)), 2, &bytes);
      AppendVarint(1u << 30, &bytes);
      bytes += "short";
      *description += " length past the end";
      return bytes;
    }
    default: {
      AppendTag(9999, 0, &bytes);
      AppendVarint(Below(1000), &bytes);
      *description += " unknown field";
      return bytes;
    }
  }
}

}  // namespace depot::testing
