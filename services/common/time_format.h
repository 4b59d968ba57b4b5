#pragma once

#include <chrono>
#include <string>

namespace depot {

/// RFC 3339 in UTC with second precision: "2026-11-24T09:30:00Z".
std::string FormatRfc3339(std::chrono::system_clock::time_point time);

}  // namespace depot
