// The careful half of HostileRequests: values a well-behaved caller would
// send, so that one hostile field at a time reaches the code behind the
// others.
#include <google/protobuf/message.h>

#include <algorithm>
#include <chrono>

#include "tests/support/hostile_requests.h"
#include "tests/support/records.h"

namespace depot::testing {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

std::string HostileRequests::PlausibleText(const FieldDescriptor& field) {
  const std::string& name = field.name();
  auto has = [&](const char* part) {
    return name.find(part) != std::string::npos;
  };
  int year = static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(
                                      std::chrono::system_clock::now()))
          .year());
  if (has("national_id")) {
    return MakeFodselsnummer(1, 2, 1950, static_cast<int>(Below(3)));
  }
  if (has("organization_number")) {
    return OneIn(2) ? "964338531" : "938587418";
  }
  if (has("item_ref")) {
    return OneIn(2) ? "record:" + std::to_string(1 + Below(8)) : "box:1:box-0";
  }
  if (has("case_number")) return std::to_string(year) + "/1";
  if (has("journal_number")) return std::to_string(year) + "/000001";
  if (has("valid_until") || has("valid_through") || name == "ends") {
    return "2099-12-31";
  }
  if (has("_at") || has("valid_from")) return "2025-03-02T08:15:00Z";
  // The birth date of the identity numbers above.
  if (has("birth_date")) return "1950-02-01";
  if (has("date") || has("_on")) return "2020-06-30";
  if (name == "log") return "deposits";
  if (has("closing_time")) return "15:30";
  if (has("verified_by")) return "id-document";
  if (has("sha256")) {
    return "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  }
  if (has("categories")) return "visitors";
  if (name == "metadata") return "KID";
  if (has("access_restriction")) return "UO";
  if (has("authority")) return "offentleglova § 13";
  if (has("page_token")) return "";
  if (has("name")) return "Kari Nordmann";
  return "Brev om byggesak nr. " + std::to_string(Below(100));
}

void HostileRequests::FillPlausible(Message* message, int depth,
                                    int oneof_member) {
  const Descriptor& type = *message->GetDescriptor();
  const Reflection& reflection = *message->GetReflection();
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor& field = *type.field(i);
    const auto* oneof = field.containing_oneof();
    if (oneof != nullptr) {
      int member = oneof_member >= 0
                       ? std::min(oneof_member, oneof->field_count() - 1)
                       : static_cast<int>(Below(oneof->field_count()));
      if (oneof->field(member) != &field) continue;
    } else if (OneIn(field.type() == FieldDescriptor::TYPE_MESSAGE ? 2 : 3)) {
      continue;
    }
    bool repeated = field.is_repeated();
    size_t count = repeated ? 1 + Below(2) : 1;
    for (size_t n = 0; n < count; ++n) {
      switch (field.cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING: {
          std::string value = field.type() == FieldDescriptor::TYPE_BYTES
                                  ? std::string("%PDF-1.7 plausible")
                                  : PlausibleText(field);
          repeated ? reflection.AddString(message, &field, value)
                   : reflection.SetString(message, &field, value);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT32: {
          auto value = static_cast<int32_t>(Below(4));
          repeated ? reflection.AddInt32(message, &field, value)
                   : reflection.SetInt32(message, &field, value);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT64: {
          auto value = static_cast<int64_t>(1 + Below(8));
          repeated ? reflection.AddInt64(message, &field, value)
                   : reflection.SetInt64(message, &field, value);
          break;
        }
        case FieldDescriptor::CPPTYPE_BOOL:
          repeated ? reflection.AddBool(message, &field, OneIn(2))
                   : reflection.SetBool(message, &field, OneIn(2));
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          // A defined value other than UNSPECIFIED.
          const EnumDescriptor& values = *field.enum_type();
          int value =
              values
                  .value(1 + static_cast<int>(Below(values.value_count() - 1)))
                  ->number();
          repeated ? reflection.AddEnumValue(message, &field, value)
                   : reflection.SetEnumValue(message, &field, value);
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE:
          if (depth <= 3) {
            FillPlausible(repeated ? reflection.AddMessage(message, &field)
                                   : reflection.MutableMessage(message, &field),
                          depth + 1, -1);
          }
          break;
        default:
          break;
      }
    }
  }
}

}  // namespace depot::testing
