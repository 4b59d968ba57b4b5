#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace depot {

/// Checks a Norwegian organisation number (organisasjonsnummer): nine
/// digits, the last a mod-11 check digit with weights 3 2 7 6 5 4 3 2.
/// Returns nullopt when valid, else a message that says what is wrong.
std::optional<std::string> OrganisationNumberProblem(std::string_view number);

}  // namespace depot
