#pragma once

#include <google/protobuf/descriptor.h>

#include <string>
#include <string_view>

namespace depot {

/// Why bytes that do not parse as a message of `type` fail: the first
/// string field that holds invalid UTF-8, by its path
/// ("batch.records[4].person_name is not valid UTF-8; send text in UTF-8"),
/// or that they are not protobuf wire format of that type (cut short, a
/// field of the wrong wire type). Quotes nothing of the bytes.
std::string WireProblem(std::string_view bytes,
                        const google::protobuf::Descriptor& type);

}  // namespace depot
