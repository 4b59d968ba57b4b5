#pragma once

#include <string>
#include <string_view>

namespace depot::journal {

/// The skeleton of a word: the one spelling that the ways people and
/// systems write it share, so that comparing skeletons compares words
/// whatever their form. In order:
///  - Unicode compatibility normalization (NFKC): full-width and
///    mathematical letters, ligatures and the like become plain letters,
///    and NFC and NFD spellings become one;
///  - invisible characters (zero-width spaces and joiners, soft hyphens,
///    variation selectors: Default_Ignorable_Code_Point) are dropped;
///  - case folding (any letter case);
///  - å, aa -> a; ø, ö, oe, œ -> o; æ, ä, ae -> e; ß -> ss; ð, đ -> d;
///    þ -> th; ł -> l; ı -> i; ŋ -> n; every other letter loses its
///    diacritics (é -> e, ü -> u);
///  - everything but letters and digits is dropped.
/// The result is UTF-8 (letters of other scripts stay as they are, folded).
std::string Skeleton(std::string_view word);

/// True for the characters that belong to words: letters, digits and
/// combining marks, and symbols whose compatibility form is letters or
/// digits (circled letters, squared abbreviations).
bool IsWordCharacter(char32_t c);

/// True for characters that do not show: zero-width spaces and joiners,
/// soft hyphens, variation selectors (Default_Ignorable_Code_Point).
bool IsInvisibleCharacter(char32_t c);

/// True for upper-case and title-case letters.
bool IsUpperCaseLetter(char32_t c);
/// True for lower-case letters.
bool IsLowerCaseLetter(char32_t c);
/// True for decimal digits.
bool IsDigitCharacter(char32_t c);

}  // namespace depot::journal
