#include "services/journal/domain/public_journal.h"

#include <algorithm>
#include <list>
#include <map>
#include <set>
#include <unordered_map>

#include "services/common/error.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/correspondent_identity.h"
#include "services/journal/domain/masking/words.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {
namespace {

constexpr int kPageSize = 500;
// Cases whose views are kept while walking the journal: entries of a case
// cluster in time, so a modest number saves nearly every reload while
// keeping memory bounded.
constexpr size_t kCachedCases = 512;

struct Range {
  Day from;
  Day to;
};

Range ParseRange(const std::string& from, const std::string& to) {
  auto first = ParseDayField("from_date", from);
  auto last = ParseDayField("to_date", to);
  if (!first || !last) {
    throw InvalidArgument(
        "from_date and to_date are required: the journal dates to report "
        "(YYYY-MM-DD, both included)");
  }
  if (*last < *first) {
    throw InvalidArgument("to_date is before from_date");
  }
  return {*first, *last};
}

// CaseViews by case id, least recently used dropped first.
class CaseViewCache {
 public:
  CaseViewCache(JournalTransaction& tx, Day today) : tx_(tx), today_(today) {}

  const CaseView& Get(int64_t case_id) {
    auto found = index_.find(case_id);
    if (found != index_.end()) {
      order_.splice(order_.begin(), order_, found->second);
      return order_.front().second;
    }
    if (order_.size() >= kCachedCases) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(case_id,
                         CaseView(tx_.LoadCaseParties(case_id), today_));
    index_[case_id] = order_.begin();
    return order_.front().second;
  }

 private:
  JournalTransaction& tx_;
  Day today_;
  std::list<std::pair<int64_t, CaseView>> order_;
  std::unordered_map<int64_t, std::list<std::pair<int64_t, CaseView>>::iterator>
      index_;
};

// Calls visit(entry, view) for every entry in the range in journal order,
// a page at a time.
void ForEachEntry(
    JournalTransaction& tx, const Range& range, Day today,
    const std::function<void(const JournalEntry&, const CaseView&)>& visit) {
  CaseViewCache views(tx, today);
  std::optional<EntryKey> after;
  while (true) {
    std::vector<JournalEntry> page =
        tx.EntriesPage(range.from, range.to, after, kPageSize);
    for (const JournalEntry& entry : page) {
      visit(entry, views.Get(entry.case_id));
    }
    if (static_cast<int>(page.size()) < kPageSize) return;
    const JournalEntry& last = page.back();
    after = EntryKey{last.journal_date, last.year, last.sequence};
  }
}

// A long report runs in one transaction; the pool retries a transaction
// whose connection died, which would send the report's beginning twice.
// Refuse the retry once anything went out.
class OutputGuard {
 public:
  void Enter() const {
    if (sent_) {
      throw Unavailable(
          "the database connection was lost during the report; run it "
          "again");
    }
  }
  void Sent() { sent_ = true; }
  bool sent() const { return sent_; }

 private:
  bool sent_ = false;
};

}  // namespace

PublicJournal::PublicJournal(JournalStore& store, const Keyring& keyring,
                             Clock clock)
    : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

void PublicJournal::Stream(
    const Caller&, const std::string& from, const std::string& to,
    const std::function<void(const PublicEntry&)>& sink) {
  Range range = ParseRange(from, to);
  Day today = LocalDay(clock_());
  OutputGuard guard;
  store_.RunSnapshot([&](JournalTransaction& tx) {
    guard.Enter();
    ForEachEntry(tx, range, today,
                 [&](const JournalEntry& entry, const CaseView& view) {
                   guard.Sent();
                   sink(MakePublicEntry(entry, view));
                 });
  });
}

void PublicJournal::Preview(
    const Caller& caller, const std::string& from, const std::string& to,
    const std::function<void(const EntryPreview&)>& sink) {
  Range range = ParseRange(from, to);
  Day today = LocalDay(clock_());
  OutputGuard guard;
  std::string object =
      "journal/" + FormatDay(range.from) + ".." + FormatDay(range.to);
  try {
    store_.RunSnapshot([&](JournalTransaction& tx) {
      guard.Enter();
      // One event per person whose hidden name the preview shows, a page of
      // entries at a time (as the internal export).
      std::set<std::string> subjects;
      int64_t shown = 0;
      auto audit_subjects = [&] {
        for (const std::string& subject : subjects) {
          tx.Audit({caller.identity, caller.RoleLabel(), "journal.preview.read",
                    object, subject, ""});
        }
        subjects.clear();
      };
      ForEachEntry(tx, range, today,
                   [&](const JournalEntry& entry, const CaseView& view) {
                     for (const Correspondent& c : entry.correspondents) {
                       if (view.HiddenName(c, entry.screening)) {
                         subjects.insert(CorrespondentSubject(keyring_, c));
                       }
                     }
                     if (++shown % 500 == 0) audit_subjects();
                     guard.Sent();
                     sink(PreviewEntry(entry, view));
                   });
      audit_subjects();
      tx.Audit({caller.identity, caller.RoleLabel(), "journal.preview", object,
                "", "entries=" + std::to_string(shown)});
    });
  } catch (...) {
    // Part of it may have reached the caller while its audit events rolled
    // back: record that the range was read.
    if (guard.sent()) {
      try {
        store_.Run([&](JournalTransaction& tx) {
          tx.Audit({caller.identity, caller.RoleLabel(), "journal.preview",
                    object, "", "aborted after part of the preview was sent"});
        });
      } catch (...) {
      }
    }
    throw;
  }
}

ApplicantList PublicJournal::Applicants(const Caller&,
                                        const std::string& case_number) {
  auto [year, sequence] = ParseCaseNumber(case_number);
  Day today = LocalDay(clock_());
  ApplicantList list;
  store_.RunSnapshot([&](JournalTransaction& tx) {
    list = ApplicantList{};
    auto found = tx.FindCase(year, sequence, false);
    if (!found) {
      throw NotFound("no case " + std::to_string(year) + "/" +
                     std::to_string(sequence) + "; check the number");
    }
    if (found->kind != CaseKind::kJobApplication) {
      throw FailedPrecondition("case " + found->Number() +
                               " is not a job-application case; only those "
                               "have an applicant list");
    }
    CaseView view(tx.LoadCaseParties(found->id), today);
    // Counting distinct applicants needs their names; the names shown come
    // from the public views only.
    std::set<std::string> applicants;
    std::map<std::string, std::string> shown;  // canonical -> as public
    for (const JournalEntry& entry : tx.EntriesOfCase(found->id)) {
      for (const Correspondent& c : entry.correspondents) {
        if (c.role == PartyRole::kApplicant) {
          applicants.insert(CanonicalName(c.name));
        }
      }
      PublicEntry pe = MakePublicEntry(entry, view);
      for (const PublicCorrespondent& pc : pe.correspondents) {
        if (pc.applicant && !pc.screened) {
          shown.emplace(CanonicalName(pc.name), pc.name);
        }
      }
    }
    list.case_number = found->Number();
    list.case_public_title = view.public_title().text;
    list.applicant_count = static_cast<int>(applicants.size());
    for (const auto& [canonical, name] : shown) {
      list.public_names.push_back(name);
    }
    list.screened_count =
        list.applicant_count - static_cast<int>(list.public_names.size());
  });
  return list;
}

void PublicJournal::ExportOffentlig(const Caller&, const std::string& from,
                                    const std::string& to,
                                    const ChunkSink& sink, size_t chunk_bytes) {
  Range range = ParseRange(from, to);
  Day today = LocalDay(clock_());
  OutputGuard guard;
  store_.RunSnapshot([&](JournalTransaction& tx) {
    guard.Enter();
    JournalHeader header{range.from, range.to,
                         tx.CountEntries(range.from, range.to), "", ""};
    if (header.entry_count == 0) {
      throw FailedPrecondition(
          "no journal entries between " + FormatDay(range.from) + " and " +
          FormatDay(range.to) +
          "; offentligJournal.xml needs at least one, choose another range");
    }
    JournalSettings settings = tx.LoadSettings();
    header.creator_id = settings.archive_creator_id;
    header.creator_name = settings.archive_creator_name;
    OffentligJournalWriter writer(
        [&](std::string_view chunk) {
          guard.Sent();
          sink(chunk);
        },
        header, chunk_bytes);
    ForEachEntry(tx, range, today,
                 [&](const JournalEntry& entry, const CaseView& view) {
                   writer.Add(MakePublicEntry(entry, view));
                 });
    writer.Finish();
  });
}

void PublicJournal::ExportLoepende(const Caller& caller,
                                   const std::string& from,
                                   const std::string& to, const ChunkSink& sink,
                                   size_t chunk_bytes) {
  Range range = ParseRange(from, to);
  Day today = LocalDay(clock_());
  OutputGuard guard;
  std::string object =
      "journal/" + FormatDay(range.from) + ".." + FormatDay(range.to);
  try {
    store_.RunSnapshot([&](JournalTransaction& tx) {
      guard.Enter();
      JournalHeader header{range.from, range.to,
                           tx.CountEntries(range.from, range.to), "", ""};
      if (header.entry_count == 0) {
        throw FailedPrecondition(
            "no journal entries between " + FormatDay(range.from) + " and " +
            FormatDay(range.to) +
            "; loependeJournal.xml needs at least one, choose another range");
      }
      JournalSettings settings = tx.LoadSettings();
      header.creator_id = settings.archive_creator_id;
      header.creator_name = settings.archive_creator_name;
      LoependeJournalWriter writer(
          [&](std::string_view chunk) {
            guard.Sent();
            sink(chunk);
          },
          header, chunk_bytes);
      // One audit event per person whose name the export shows; the set is
      // emptied every page so memory stays bounded (a person on many pages
      // gets one event per page).
      std::set<std::string> subjects;
      int64_t written = 0;
      auto audit_subjects = [&] {
        for (const std::string& subject : subjects) {
          tx.Audit({caller.identity, caller.RoleLabel(),
                    "journal.internal.read", object, subject, ""});
        }
        subjects.clear();
      };
      ForEachEntry(
          tx, range, today,
          [&](const JournalEntry& entry, const CaseView& view) {
            PublicEntry public_view = MakePublicEntry(entry, view);
            InternalEntry internal{
                entry, view.journal_case(), public_view, std::nullopt, {}};
            if (view.journal_case().screening.ActiveOn(today)) {
              internal.case_screening = view.journal_case().screening;
            }
            for (const Correspondent& c : entry.correspondents) {
              internal.correspondent_screening.push_back(
                  view.HiddenName(c, entry.screening));
              subjects.insert(CorrespondentSubject(keyring_, c));
            }
            writer.Add(internal);
            if (++written % 500 == 0) audit_subjects();
          });
      audit_subjects();
      tx.Audit({caller.identity, caller.RoleLabel(), "journal.internal.export",
                object, "", "entries=" + std::to_string(written)});
      writer.Finish();
    });
  } catch (...) {
    // Part of the report may have reached the caller while its audit events
    // rolled back with the transaction: record that the range was read.
    if (guard.sent()) {
      try {
        store_.Run([&](JournalTransaction& tx) {
          tx.Audit({caller.identity, caller.RoleLabel(),
                    "journal.internal.export", object, "",
                    "aborted after part of the report was sent"});
        });
      } catch (...) {
      }
    }
    throw;
  }
}

}  // namespace depot::journal
