#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace depot::noark {

// Text helpers of the Noark 5 reader.

/// Without leading and trailing spaces, tabs and line breaks.
std::string Trim(std::string_view text);
/// A value quoted in a deviation: at most max_chars bytes of it (and
/// "..."), since it may be anything.
std::string Quote(std::string_view text, size_t max_chars = 40);
/// "n5mdk:journalpost" -> "journalpost".
std::string WithoutPrefix(const std::string& qualified);
bool IsOneOf(const std::string& name,
             std::initializer_list<std::string_view> names);
/// An element that holds a person's identity number, in any Noark version.
bool IsPersonIdElement(const std::string& name);

}  // namespace depot::noark
