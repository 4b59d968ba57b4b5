#include "tests/support/hostile_requests.h"

#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <limits>

#include "tests/support/records.h"

namespace depot::testing {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Ids and references of stored objects, valid and not.
std::vector<std::string> ReferenceTexts() {
  return {"",
          " ",
          "0",
          "1",
          "2",
          "-1",
          "964338531",
          "938587418",
          "974760673",
          "123456789",
          "record:1",
          "record:2",
          "record:-1",
          "record:99999999999999999999",
          "box:1:box-0",
          "box:2:box-0",
          "box::",
          "box:1:",
          "2026/1",
          "2026/2",
          "2026/000001",
          "0/0",
          "9999/999999999"};
}

// Dates and times in and out of range.
std::vector<std::string> DateTexts() {
  return {"2020-01-01",
          "1970-01-01",
          "1800-01-01",
          "2199-12-31",
          "1799-12-31",
          "2200-01-01",
          "9999-12-31",
          "0000-00-00",
          "2024-02-30",
          "-2020-01-01",
          "2025-03-02T08:15:00Z",
          "2199-12-31T23:59:59Z",
          "9999-12-31T23:59:59Z",
          "2262-04-12T00:00:00Z",
          "1677-09-21T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "2025-03-02T08:15:00+99:99",
          "2025-13-40T25:61:61Z",
          "2025-03-02T08:15:00.99999999999999999999Z",
          "15:30",
          "24:00",
          "99:99"};
}

// Names of logs, kinds, codes and page tokens.
std::vector<std::string> CodeTexts() {
  return {"deposits",
          "readingroom",
          "journal",
          "privacy",
          "id-document",
          "electronic-id",
          "UO",
          "P",
          "offentleglova § 25",
          "KID",
          "TRO",
          "after:1",
          "after:-1",
          "after:99999999999999999999"};
}

// Text meant to break parsers, SQL, file paths and terminals.
std::vector<std::string> BreakingTexts() {
  return {"'; DROP TABLE deposits.deposits; --",
          "../../etc/passwd",
          "%s%s%n",
          "{}",
          "[]",
          "{\"a\":",
          "null",
          "Ærlige Åse Øvrebø",
          "\xf0\x9f\x98\x80",
          "\xe2\x80\xae"
          "evil",
          std::string("a\0b", 3),
          std::string("\0", 1),
          "line\nbreak",
          "tab\tchar",
          "\x1b[31m",
          "\x7f",
          "\xc2\x85",
          "\xef\xbf\xbe"};
}

// Identity numbers and digests.
std::vector<std::string> IdentityTexts() {
  return {"01017012345",
          MakeFodselsnummer(1, 2, 1950, 0),
          MakeFodselsnummer(1, 1, 1980, 0),
          "195001019999",
          "19500101-1234",
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B85"};
}

// Values a caller might send, well-formed or not: ids and references of
// stored objects, dates in and out of range, codes, and text meant to
// break parsers, SQL and file paths.
const std::vector<std::string>& FixedTexts() {
  static const std::vector<std::string> kTexts = [] {
    std::vector<std::string> texts;
    for (const auto& group : {ReferenceTexts(), DateTexts(), CodeTexts(),
                              BreakingTexts(), IdentityTexts()}) {
      texts.insert(texts.end(), group.begin(), group.end());
    }
    return texts;
  }();
  return kTexts;
}

// Lengths around the limits of field_rules.proto and the domains.
constexpr size_t kLengths[] = {9,    10,   64,   65,   99,   100,   101,  199,
                               200,  201,  300,  301,  500,  501,   999,  1000,
                               1001, 2000, 2001, 4000, 4001, 65536, 65537};

}  // namespace

std::string HostileRequests::Text() {
  if (small_) return FixedTexts()[Below(FixedTexts().size())];
  switch (Below(10)) {
    case 0:
    case 1:
    case 2:
    case 3: {
      const auto& texts = FixedTexts();
      return texts[Below(texts.size())];
    }
    case 4: {
      size_t length = OneIn(20) ? 300000 : kLengths[Below(std::size(kLengths))];
      return OneIn(3) ? [&] {
        std::string letters;
        for (size_t i = 0; i < length; ++i) letters += "ø";
        return letters;
      }()
                      : std::string(length, static_cast<char>('a' + Below(26)));
    }
    case 5: {
      // Deeply nested JSON (noark_metadata, data_json) and the like.
      size_t depth = OneIn(2) ? 1000 : 20000;
      return std::string(depth, '[') + std::string(depth, ']');
    }
    case 6: {
      // Random bytes that are valid UTF-8: code points of every range,
      // control characters included.
      std::string text;
      size_t length = Below(64);
      for (size_t i = 0; i < length; ++i) {
        uint32_t c = static_cast<uint32_t>(Below(OneIn(4) ? 0x110000 : 0x80));
        if (c >= 0xD800 && c <= 0xDFFF) c = 'x';
        if (c < 0x80) {
          text += static_cast<char>(c);
        } else if (c < 0x800) {
          text += static_cast<char>(0xC0 | c >> 6);
          text += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
          text += static_cast<char>(0xE0 | c >> 12);
          text += static_cast<char>(0x80 | (c >> 6 & 0x3F));
          text += static_cast<char>(0x80 | (c & 0x3F));
        } else {
          text += static_cast<char>(0xF0 | c >> 18);
          text += static_cast<char>(0x80 | (c >> 12 & 0x3F));
          text += static_cast<char>(0x80 | (c >> 6 & 0x3F));
          text += static_cast<char>(0x80 | (c & 0x3F));
        }
      }
      return text;
    }
    default: {
      std::string text;
      size_t length = 1 + Below(40);
      for (size_t i = 0; i < length; ++i) {
        text += static_cast<char>(' ' + Below(95));
      }
      return text;
    }
  }
}

int64_t HostileRequests::Number() {
  static const int64_t kNumbers[] = {0,
                                     1,
                                     2,
                                     3,
                                     -1,
                                     1000,
                                     1001,
                                     10001,
                                     std::numeric_limits<int32_t>::max(),
                                     std::numeric_limits<int32_t>::min(),
                                     std::numeric_limits<int64_t>::max(),
                                     std::numeric_limits<int64_t>::min()};
  if (OneIn(3)) return static_cast<int64_t>(Below(10));
  return kNumbers[Below(std::size(kNumbers))];
}

int HostileRequests::EnumNumber(const EnumDescriptor& type) {
  if (OneIn(4)) {
    static const int kUndefined[] = {99, -1, std::numeric_limits<int>::max(),
                                     std::numeric_limits<int>::min()};
    return kUndefined[Below(std::size(kUndefined))];
  }
  return type.value(static_cast<int>(Below(type.value_count())))->number();
}

std::string HostileRequests::Bytes() {
  if (small_) return "b";
  if (OneIn(60)) return std::string(3 * 1024 * 1024 + 1, 'c');
  std::string bytes;
  size_t length = Below(OneIn(4) ? 4096 : 16);
  for (size_t i = 0; i < length; ++i) bytes += static_cast<char>(Below(256));
  return bytes;
}

void HostileRequests::FillField(Message* message, const FieldDescriptor& field,
                                int depth, std::vector<std::string>* texts) {
  const Reflection& reflection = *message->GetReflection();
  size_t count = 1;
  if (field.is_repeated()) {
    count = OneIn(10)
                ? (field.type() == FieldDescriptor::TYPE_MESSAGE ? 200 : 1001)
                : Below(4);
  }
  // Many elements are each small, so the message stays under gRPC's 4 MiB.
  bool was_small = small_;
  small_ = small_ || count > 100;
  for (size_t i = 0; i < count; ++i) {
    bool repeated = field.is_repeated();
    switch (field.cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string value =
            field.type() == FieldDescriptor::TYPE_BYTES ? Bytes() : Text();
        if (field.type() == FieldDescriptor::TYPE_STRING) {
          texts->push_back(value);
        }
        repeated ? reflection.AddString(message, &field, value)
                 : reflection.SetString(message, &field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT32:
      case FieldDescriptor::CPPTYPE_UINT32: {
        auto value = static_cast<int32_t>(Number());
        repeated ? reflection.AddInt32(message, &field, value)
                 : reflection.SetInt32(message, &field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64:
      case FieldDescriptor::CPPTYPE_UINT64: {
        int64_t value = Number();
        repeated ? reflection.AddInt64(message, &field, value)
                 : reflection.SetInt64(message, &field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool value = OneIn(2);
        repeated ? reflection.AddBool(message, &field, value)
                 : reflection.SetBool(message, &field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        int value = EnumNumber(*field.enum_type());
        repeated ? reflection.AddEnumValue(message, &field, value)
                 : reflection.SetEnumValue(message, &field, value);
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        if (depth > 3) break;
        Message* inner = repeated ? reflection.AddMessage(message, &field)
                                  : reflection.MutableMessage(message, &field);
        Fill(inner, depth + 1, texts);
        break;
      }
      default:
        break;
    }
  }
  small_ = was_small;
}

void HostileRequests::Fill(Message* message, int depth,
                           std::vector<std::string>* texts, int oneof_member) {
  const Descriptor& type = *message->GetDescriptor();
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor& field = *type.field(i);
    const auto* oneof = field.containing_oneof();
    if (oneof_member >= 0 && oneof != nullptr) {
      int member = std::min(oneof_member, oneof->field_count() - 1);
      if (oneof->field(member) == &field) {
        FillField(message, field, depth, texts);
      }
      continue;
    }
    // Leave fields empty often: required ones are then missing.
    if (OneIn(3)) continue;
    FillField(message, field, depth, texts);
  }
}

HostileRequest HostileRequests::Make(const Descriptor& type, int oneof_member) {
  google::protobuf::DynamicMessageFactory factory;
  std::unique_ptr<Message> message(factory.GetPrototype(&type)->New());
  HostileRequest request;
  if (type.field_count() > 0 && OneIn(2)) {
    // Careful everywhere, or everywhere but in one field.
    FillPlausible(message.get(), 0, oneof_member);
    if (OneIn(3)) {
      request.bytes = message->SerializeAsString();
      request.description = "plausible";
      return request;
    }
    const FieldDescriptor& field =
        *type.field(static_cast<int>(Below(type.field_count())));
    message->GetReflection()->ClearField(message.get(), &field);
    FillField(message.get(), field, 0, &request.texts);
    request.bytes = message->SerializeAsString();
    request.description = "plausible but " + field.name();
    return request;
  }
  Fill(message.get(), 0, &request.texts, oneof_member);

  request.bytes = message->SerializeAsString();
  request.description = "generated";
  if (OneIn(4)) {
    request.bytes = MutateWire(type, request.bytes, &request.description);
  }
  return request;
}

}  // namespace depot::testing
