#pragma once

// Shared by the journal's unit and storage tests: a settable clock and
// builders of typical requests.
#include <chrono>
#include <string>

#include "services/common/auth/caller.h"
#include "services/journal/domain/journal_types.h"
#include "tests/support/fake_clock.h"

namespace depot::journal::testing {

/// Noon UTC of a day: the same calendar day in every time zone the server
/// could plausibly run in.
inline TimePoint NoonOf(int year, unsigned month, unsigned day) {
  return std::chrono::sys_days(std::chrono::year_month_day(
             std::chrono::year(year), std::chrono::month(month),
             std::chrono::day(day))) +
         std::chrono::hours(12);
}

/// The clock the tests move by hand, and where it starts.
using depot::testing::FakeClock;
inline const TimePoint kFirstTestDay = NoonOf(2026, 3, 10);

inline Caller Archivist() { return Caller{"anna", Role::kArchivist, ""}; }
inline Caller Desk() { return Caller{"dora", Role::kDesk, ""}; }

inline NewCase JobCase(const std::string& title) {
  NewCase c;
  c.kind = CaseKind::kJobApplication;
  c.title = title;
  return c;
}

inline NewCase OrdinaryCase(const std::string& title) {
  NewCase c;
  c.kind = CaseKind::kOrdinary;
  c.title = title;
  return c;
}

/// An incoming entry from one sender (an applicant in a job case), with an
/// application document when `application` is set.
inline NewEntry Incoming(const std::string& case_number,
                         const std::string& title, const std::string& sender,
                         bool application = false) {
  NewEntry e;
  e.case_number = case_number;
  e.type = EntryType::kIncoming;
  e.title = title;
  e.correspondents.push_back(
      {sender, CorrespondentKind::kSender, std::nullopt, {}});
  if (application) {
    NewDocument d;
    d.description = "Søknad";
    d.content = "application of " + sender;
    d.role = DocumentRole::kApplication;
    e.documents.push_back(d);
  }
  return e;
}

}  // namespace depot::journal::testing
