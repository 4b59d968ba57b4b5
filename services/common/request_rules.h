#pragma once

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <optional>
#include <string>
#include <string_view>

#include "services/common/error.h"

namespace depot {

/// A field of a request that breaks its rule.
struct FieldViolation {
  std::string field;   ///< path: "records[3].box", "start.deposit_id"
  std::string reason;  ///< what is wrong and what to send instead
};

/// The first field of message, nested messages included, that breaks its
/// rule: a string field against its (depot.v1.text) TextRule or the default
/// (field_rules.proto), an enum field holding a number its type does not
/// define (proto3 keeps unknown numbers; depot never guesses what they
/// mean). nullopt when every field is fine.
std::optional<FieldViolation> FindViolation(
    const google::protobuf::Message& message);

/// "<field>: 99 is not a value of depot.v1.EntryStatus; use one of ..." as
/// InvalidArgument: what a handler throws for an enum number it does not
/// convert. RpcGate refuses unknown numbers first, so handlers need no
/// silent default.
Error UnknownEnumValue(std::string_view field, int number,
                       const google::protobuf::EnumDescriptor& type);

/// Throws InvalidArgument "field: reason" for the first violation. RpcGate
/// calls it for every request, so handlers see only well-formed text and
/// known enum values.
void CheckRequest(const google::protobuf::Message& message);

}  // namespace depot
