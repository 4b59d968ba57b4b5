#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace depot::testing {

/// One generated request: the bytes to send and, for checking messages,
/// the text values it carried.
struct HostileRequest {
  std::string bytes;
  std::vector<std::string> texts;
  std::string description;  ///< what was done to it, for failure reports
};

/// Makes hostile requests for any message type from its descriptor: random
/// and boundary text (NUL, control characters, long, multi-byte, dates far
/// in the future and the past, SQL and path fragments), huge and negative
/// numbers, enum numbers the type does not define, empty and many-element
/// repeated fields; and on the wire invalid UTF-8 in a string field,
/// truncated and corrupted bytes, unknown fields and deeply nested groups.
/// Small ids (1, 2, ...) are common so that requests reach stored objects.
class HostileRequests {
 public:
  explicit HostileRequests(uint64_t seed) : random_(seed) {}

  /// oneof_member >= 0 sets only that member of each oneof (the first
  /// message of a client stream names what follows: member 0), else any.
  HostileRequest Make(const google::protobuf::Descriptor& type,
                      int oneof_member = -1);

 private:
  void Fill(google::protobuf::Message* message, int depth,
            std::vector<std::string>* texts, int oneof_member = -1);
  /// Values a careful caller would send (by the field's name: a date for
  /// *_date, an item reference for item_ref, ...), so that a request with
  /// one hostile field gets past the others to the code behind them.
  void FillPlausible(google::protobuf::Message* message, int depth,
                     int oneof_member);
  std::string PlausibleText(const google::protobuf::FieldDescriptor& field);
  void FillField(google::protobuf::Message* message,
                 const google::protobuf::FieldDescriptor& field, int depth,
                 std::vector<std::string>* texts);
  std::string Text();
  int64_t Number();
  int EnumNumber(const google::protobuf::EnumDescriptor& type);
  std::string Bytes();
  std::string MutateWire(const google::protobuf::Descriptor& type,
                         std::string bytes, std::string* description);
  bool OneIn(int n) {
    return std::uniform_int_distribution<int>(1, n)(random_) == 1;
  }
  size_t Below(size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(random_);
  }

  std::mt19937_64 random_;
  bool small_ = false;  ///< inside a field with many elements
};

}  // namespace depot::testing
