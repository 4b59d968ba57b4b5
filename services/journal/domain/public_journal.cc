#include "services/journal/domain/public_journal.h"

#include <algorithm>
#include <list>
#include <map>
#include <memory>
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
  Date from;
  Date to;
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

// CaseViews by case id, least recently used dropped first. A view is
// shared, so that a page's entries keep theirs after the cache dropped it.
class CaseViewCache {
 public:
  explicit CaseViewCache(Date today) : today_(today) {}

  std::shared_ptr<const CaseView> Get(JournalTransaction& tx, int64_t case_id) {
    auto found = index_.find(case_id);
    if (found != index_.end()) {
      order_.splice(order_.begin(), order_, found->second);
      return order_.front().second;
    }
    if (order_.size() >= kCachedCases) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(case_id, std::make_shared<const CaseView>(
                                      tx.LoadCaseParties(case_id), today_));
    index_[case_id] = order_.begin();
    return order_.front().second;
  }

 private:
  using Entry = std::pair<int64_t, std::shared_ptr<const CaseView>>;
  Date today_;
  std::list<Entry> order_;
  std::unordered_map<int64_t, std::list<Entry>::iterator> index_;
};

// One page of entries with their cases' views, as one transaction read it.
using Page =
    std::vector<std::pair<JournalEntry, std::shared_ptr<const CaseView>>>;

// Calls visit(entry, view) for every entry of the range within bound, in
// journal order. Each page is read in a transaction of its own, on one
// snapshot (in_transaction runs there too, before the commit), and visited
// after it ended: visit hands the page to the client, which may keep it
// waiting, and no database connection may wait with it.
void ForEachEntry(
    JournalStore& store, const Range& range, const EntryBound& bound,
    Date today,
    const std::function<void(const JournalEntry&, const CaseView&)>& visit,
    const std::function<void(JournalTransaction&, const Page&)>&
        in_transaction = nullptr) {
  CaseViewCache views(today);
  std::optional<EntryKey> after;
  while (true) {
    Page page;
    store.RunSnapshot([&](JournalTransaction& tx) {
      page.clear();
      for (JournalEntry& entry :
           tx.EntriesPage(range.from, range.to, after, kPageSize, bound)) {
        auto view = views.Get(tx, entry.case_id);
        page.emplace_back(std::move(entry), std::move(view));
      }
      if (in_transaction) in_transaction(tx, page);
    });
    for (const auto& [entry, view] : page) visit(entry, *view);
    if (static_cast<int>(page.size()) < kPageSize) return;
    const JournalEntry& last = page.back().first;
    after = EntryKey{last.journal_date, last.year, last.sequence};
  }
}

// What a report covers, fixed in one snapshot before its first page: its
// header (the count of entries, the archive creator) and the bound that
// keeps its pages to exactly those entries.
struct ReportExtent {
  JournalHeader header;
  EntryBound bound;
};

ReportExtent BeginReport(JournalTransaction& tx, const Range& range,
                         const char* file_name) {
  ReportExtent extent{
      {range.from, range.to, tx.CountEntries(range.from, range.to), "", ""},
      tx.CurrentEntryBound(range.from, range.to)};
  if (extent.header.entry_count == 0) {
    throw FailedPrecondition("no journal entries between " +
                             FormatDate(range.from) + " and " +
                             FormatDate(range.to) + "; " + file_name +
                             " needs at least one, choose another range");
  }
  JournalSettings settings = tx.LoadSettings();
  extent.header.creator_id = settings.archive_creator_id;
  extent.header.creator_name = settings.archive_creator_name;
  return extent;
}

}  // namespace

PublicJournal::PublicJournal(JournalStore& store, const Keyring& keyring,
                             Clock clock)
    : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

void PublicJournal::Stream(
    const Caller&, const std::string& from, const std::string& to,
    const std::function<void(const PublicEntry&)>& sink) {
  Range range = ParseRange(from, to);
  Date today = LocalDay(clock_());
  EntryBound bound;
  store_.Run([&](JournalTransaction& tx) {
    bound = tx.CurrentEntryBound(range.from, range.to);
  });
  ForEachEntry(store_, range, bound, today,
               [&](const JournalEntry& entry, const CaseView& view) {
                 sink(MakePublicEntry(entry, view));
               });
}

void PublicJournal::Preview(
    const Caller& caller, const std::string& from, const std::string& to,
    const std::function<void(const EntryPreview&)>& sink) {
  Range range = ParseRange(from, to);
  Date today = LocalDay(clock_());
  std::string object =
      "journal/" + FormatDate(range.from) + ".." + FormatDate(range.to);
  EntryBound bound;
  store_.Run([&](JournalTransaction& tx) {
    bound = tx.CurrentEntryBound(range.from, range.to);
  });
  // One event per person whose hidden name a page shows, committed with
  // the page's read, before the page goes out (as the internal export).
  auto audit_page = [&](JournalTransaction& tx, const Page& page) {
    std::set<std::string> subjects;
    for (const auto& [entry, view] : page) {
      for (const Correspondent& c : entry.correspondents) {
        if (view->HiddenName(c, entry.screening)) {
          subjects.insert(CorrespondentSubject(keyring_, c));
        }
      }
    }
    for (const std::string& subject : subjects) {
      tx.Audit({caller.identity, caller.RoleLabel(), "journal.preview.read",
                object, subject, ""});
    }
  };
  int64_t shown = 0;
  std::string outcome;
  try {
    ForEachEntry(
        store_, range, bound, today,
        [&](const JournalEntry& entry, const CaseView& view) {
          ++shown;
          sink(PreviewEntry(entry, view));
        },
        audit_page);
    outcome = "entries=" + std::to_string(shown);
  } catch (...) {
    // Part of it may have reached the caller: record that the range was
    // read, and how far.
    if (shown > 0) {
      try {
        store_.Run([&](JournalTransaction& tx) {
          tx.Audit({caller.identity, caller.RoleLabel(), "journal.preview",
                    object, "",
                    "aborted after " + std::to_string(shown) +
                        " entries of the preview were sent"});
        });
      } catch (...) {
      }
    }
    throw;
  }
  store_.Run([&](JournalTransaction& tx) {
    tx.Audit({caller.identity, caller.RoleLabel(), "journal.preview", object,
              "", outcome});
  });
}

ApplicantList PublicJournal::Applicants(const Caller&,
                                        const std::string& case_number) {
  auto [year, sequence] = ParseCaseNumber(case_number);
  Date today = LocalDay(clock_());
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
  Date today = LocalDay(clock_());
  ReportExtent extent;
  store_.RunSnapshot([&](JournalTransaction& tx) {
    extent = BeginReport(tx, range, "offentligJournal.xml");
  });
  OffentligJournalWriter writer(sink, extent.header, chunk_bytes);
  ForEachEntry(store_, range, extent.bound, today,
               [&](const JournalEntry& entry, const CaseView& view) {
                 writer.Add(MakePublicEntry(entry, view));
               });
  writer.Finish();
}

void PublicJournal::ExportLoepende(const Caller& caller,
                                   const std::string& from,
                                   const std::string& to, const ChunkSink& sink,
                                   size_t chunk_bytes) {
  Range range = ParseRange(from, to);
  Date today = LocalDay(clock_());
  std::string object =
      "journal/" + FormatDate(range.from) + ".." + FormatDate(range.to);
  ReportExtent extent;
  store_.RunSnapshot([&](JournalTransaction& tx) {
    extent = BeginReport(tx, range, "loependeJournal.xml");
    // Who took the unscreened journal, recorded before any of it leaves.
    tx.Audit({caller.identity, caller.RoleLabel(), "journal.internal.export",
              object, "",
              "entries=" + std::to_string(extent.header.entry_count)});
  });
  // One audit event per person whose name a page shows, committed with the
  // page's read, before the page goes out (a person on many pages gets one
  // event per page).
  auto audit_page = [&](JournalTransaction& tx, const Page& page) {
    std::set<std::string> subjects;
    for (const auto& [entry, view] : page) {
      for (const Correspondent& c : entry.correspondents) {
        subjects.insert(CorrespondentSubject(keyring_, c));
      }
    }
    for (const std::string& subject : subjects) {
      tx.Audit({caller.identity, caller.RoleLabel(), "journal.internal.read",
                object, subject, ""});
    }
  };
  bool sent = false;
  try {
    LoependeJournalWriter writer(
        [&](std::string_view chunk) {
          sent = true;
          sink(chunk);
        },
        extent.header, chunk_bytes);
    ForEachEntry(
        store_, range, extent.bound, today,
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
          }
          writer.Add(internal);
        },
        audit_page);
    writer.Finish();
  } catch (...) {
    // The report stopped after part of it reached the caller: say so next
    // to the export's event.
    if (sent) {
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
