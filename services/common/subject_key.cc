#include "services/common/subject_key.h"

#include <cctype>

#include "services/common/crypto/keyring.h"

namespace depot {

std::string FoldName(std::string_view name) {
  std::string folded;
  bool space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (std::isspace(c)) {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    // UTF-8 upper-case Æ Ø Å (C3 86, C3 98, C3 85) and other Latin-1
    // capitals C3 80..C3 9E (but not × C3 97) fold to their lower case (+0x20).
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char next = name[i + 1];
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;
      folded += static_cast<char>(c);
      folded += static_cast<char>(next);
      ++i;
      continue;
    }
    folded += static_cast<char>(std::tolower(c));
  }
  return folded;
}

std::string SubjectKeyFromNationalId(std::string_view national_id) {
  std::string digits;
  for (char c : national_id) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return "nid:" + digits;
}

std::string SubjectKeyFromNameAndBirthDate(std::string_view name,
                                           std::string_view birth_date) {
  return "nb:" + FoldName(name) + "|" + std::string(birth_date);
}

std::string SubjectKeyFromName(std::string_view name) {
  return "n:" + FoldName(name);
}

std::string PersonIndex(const Keyring& keyring, std::string_view name,
                        std::string_view birth_date) {
  return keyring.BlindIndex(SubjectKeyFromNameAndBirthDate(name, birth_date));
}

}  // namespace depot
