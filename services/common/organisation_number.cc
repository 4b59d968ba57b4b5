#include "services/common/organisation_number.h"

#include <array>

namespace depot {

std::optional<std::string> OrganisationNumberProblem(std::string_view number) {
  if (number.empty()) return "organisation number is missing";
  if (number.size() != 9) {
    return "organisation number must have 9 digits, got " +
           std::to_string(number.size()) + " characters";
  }
  for (char c : number) {
    if (c < '0' || c > '9') return "organisation number must be digits only";
  }
  constexpr std::array<int, 8> kWeights = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (size_t i = 0; i < kWeights.size(); ++i) {
    sum += (number[i] - '0') * kWeights[i];
  }
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10 || check != number[8] - '0') {
    return "organisation number " + std::string(number) +
           " fails its mod-11 check digit; check it for a typing error";
  }
  return std::nullopt;
}

}  // namespace depot
