#pragma once

#include <algorithm>
#include <map>
#include <tuple>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/journal_store.h"

namespace depot::journal {

/// JournalStore in memory. Work runs on a copy that replaces the state only
/// when the work returns normally, like a committed transaction.
class FakeJournalStore : public JournalStore {
 public:
  void Run(const std::function<void(JournalTransaction&)>& work) override {
    Transaction copy(state_);
    in_transaction_ = true;
    try {
      work(copy);
    } catch (...) {
      in_transaction_ = false;
      throw;
    }
    in_transaction_ = false;
    state_ = copy.state;
  }
  /// True while work runs: what a report hands to its client must leave
  /// between transactions (a real one holds a database connection).
  bool in_transaction() const { return in_transaction_; }
  void RunSnapshot(
      const std::function<void(JournalTransaction&)>& work) override {
    Run(work);
  }

  struct State {
    std::map<int, int> case_counters;
    std::map<int, int> entry_counters;
    std::map<int64_t, JournalCase> cases;
    std::map<int64_t, JournalEntry> entries;
    std::vector<NameRelease> releases;
    std::vector<std::pair<int64_t, ScreenedWords>> screened_words;
    JournalSettings settings{"depot", "Arkivdepotet", 12, {}, "test"};
    std::vector<AuditEvent> audit;
    int64_t next_id = 1;
  };
  const State& state() const { return state_; }
  State& mutable_state() { return state_; }

 private:
  class Transaction : public JournalTransaction {
   public:
    explicit Transaction(State s) : state(std::move(s)) {}

    int NextCaseSequence(int year) override {
      return ++state.case_counters[year];
    }
    JournalCase InsertCase(const JournalCase& c) override {
      JournalCase stored = c;
      stored.id = state.next_id++;
      stored.system_id = Uuid(stored.id);
      stored.created_at = std::chrono::system_clock::now();
      state.cases[stored.id] = stored;
      return stored;
    }
    std::optional<JournalCase> FindCase(int year, int sequence, bool) override {
      for (const auto& [id, c] : state.cases) {
        if (c.year == year && c.sequence == sequence) return c;
      }
      return std::nullopt;
    }
    void MarkCaseClosed(int64_t case_id, TimePoint at,
                        const std::string& by) override {
      JournalCase& c = state.cases.at(case_id);
      c.status = CaseStatus::kClosed;
      c.closed_at = at;
      c.closed_by = by;
    }
    int NextEntrySequence(int year) override {
      return ++state.entry_counters[year];
    }
    int NextNumberInCase(int64_t case_id) override {
      return ++state.cases.at(case_id).entry_count;
    }
    JournalEntry InsertEntry(const JournalEntry& e) override {
      JournalEntry stored = e;
      stored.id = state.next_id++;
      stored.system_id = Uuid(stored.id);
      stored.recorded_at = std::chrono::system_clock::now();
      for (auto& c : stored.correspondents) c.id = state.next_id++;
      for (auto& d : stored.documents) d.id = state.next_id++;
      state.entries[stored.id] = stored;
      return stored;
    }
    std::optional<JournalEntry> FindEntry(int year, int sequence,
                                          bool with_content) override {
      for (const auto& [id, e] : state.entries) {
        if (e.year == year && e.sequence == sequence) {
          return with_content ? e : WithoutContent(e);
        }
      }
      return std::nullopt;
    }
    std::vector<JournalEntry> EntriesOfCase(int64_t case_id) override {
      std::vector<JournalEntry> out;
      for (const auto& [id, e] : state.entries) {
        if (e.case_id == case_id) out.push_back(WithoutContent(e));
      }
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.number_in_case < b.number_in_case;
      });
      return out;
    }
    std::vector<JournalEntry> EntriesOfIdentity(
        const std::string& national_id_index,
        const std::string& person_index) override {
      std::vector<JournalEntry> out;
      for (const auto& [id, e] : state.entries) {
        for (const Correspondent& c : e.correspondents) {
          if ((!national_id_index.empty() &&
               c.identity.national_id_index == national_id_index) ||
              (!person_index.empty() &&
               c.identity.person_index == person_index)) {
            out.push_back(WithoutContent(e));
            break;
          }
        }
      }
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.year, a.sequence) < std::tie(b.year, b.sequence);
      });
      return out;
    }
    int64_t CountNameOnlyCorrespondents(
        const std::string& folded_name) override {
      int64_t count = 0;
      for (const auto& [id, e] : state.entries) {
        for (const Correspondent& c : e.correspondents) {
          if (c.identity.empty() && FoldName(c.name) == folded_name) ++count;
        }
      }
      return count;
    }
    void InsertRelease(const NameRelease& r) override {
      for (const auto& existing : state.releases) {
        if (existing.case_id == r.case_id &&
            existing.folded_name == r.folded_name) {
          throw AlreadyExists("released already");
        }
      }
      state.releases.push_back(r);
    }
    void InsertScreenedWords(int64_t case_id, const JournalEntry&,
                             const ScreenedWords& words) override {
      state.screened_words.emplace_back(case_id, words);
    }
    CaseParties LoadCaseParties(int64_t case_id) override {
      CaseParties parties;
      parties.journal_case = state.cases.at(case_id);
      for (const JournalEntry& e : EntriesOfCase(case_id)) {
        for (const Correspondent& c : e.correspondents) {
          parties.parties.push_back({c, e.screening});
        }
      }
      for (const auto& r : state.releases) {
        if (r.case_id == case_id)
          parties.released_names.push_back(r.folded_name);
      }
      for (const auto& [id, words] : state.screened_words) {
        if (id == case_id) parties.screened_words.push_back(words);
      }
      return parties;
    }
    int64_t CountEntries(Date from, Date to) override {
      return static_cast<int64_t>(InRange(from, to).size());
    }
    EntryBound CurrentEntryBound(Date from, Date to) override {
      EntryBound bound;
      for (const auto& [year, sequence] : state.entry_counters) {
        if (year >= static_cast<int>(from.year()) &&
            year <= static_cast<int>(to.year())) {
          bound.last_sequence[year] = sequence;
        }
      }
      return bound;
    }
    std::vector<JournalEntry> EntriesPage(Date from, Date to,
                                          const std::optional<EntryKey>& after,
                                          int limit,
                                          const EntryBound& bound) override {
      std::vector<JournalEntry> out;
      for (const JournalEntry& e : InRange(from, to)) {
        if (!bound.Covers(e.year, e.sequence)) continue;
        if (after &&
            !(std::tie(after->journal_date, after->year, after->sequence) <
              std::tie(e.journal_date, e.year, e.sequence))) {
          continue;
        }
        if (static_cast<int>(out.size()) == limit) break;
        out.push_back(e);
      }
      return out;
    }
    std::vector<DisposalCandidate> DisposalCandidates() override {
      std::vector<DisposalCandidate> out;
      for (const auto& [id, e] : state.entries) {
        const JournalCase& c = state.cases.at(e.case_id);
        if (c.status != CaseStatus::kClosed) continue;
        for (const Document& d : e.documents) {
          if (d.role != DocumentRole::kApplication || d.disposal) continue;
          DisposalCandidate candidate;
          candidate.document_id = d.id;
          candidate.description = d.description;
          candidate.journal_number = e.JournalNumber();
          candidate.case_number = c.Number();
          candidate.case_kind = c.kind;
          candidate.case_closed_at = *c.closed_at;
          for (const auto& k : e.correspondents) {
            if (k.role == PartyRole::kApplicant) {
              candidate.applicant_names.push_back(k.name);
              candidate.applicant_subjects.push_back(k.identity.subject);
            }
          }
          out.push_back(candidate);
        }
      }
      return out;
    }
    void RecordDisposal(const DisposalRecord& disposal) override {
      for (auto& [id, e] : state.entries) {
        for (Document& d : e.documents) {
          if (d.id == disposal.document_id) {
            d.content.reset();
            d.content_ref.clear();
            d.disposal = disposal;
          }
        }
      }
    }
    JournalSettings LoadSettings() override { return state.settings; }
    void SaveSettings(const JournalSettings& s) override { state.settings = s; }
    void Audit(const AuditEvent& event) override {
      state.audit.push_back(event);
    }
    std::vector<StoredAuditEvent> AuditEventsAbout(
        const std::vector<std::string>& pseudonyms) override {
      std::vector<StoredAuditEvent> out;
      for (size_t i = 0; i < state.audit.size(); ++i) {
        const AuditEvent& e = state.audit[i];
        for (const std::string& p : pseudonyms) {
          if (!e.subject.empty() && e.subject == p) {
            out.push_back({static_cast<int64_t>(i + 1),
                           {},
                           e.actor,
                           e.actor_role,
                           e.action,
                           e.object,
                           e.detail});
          }
        }
      }
      return out;
    }

    State state;

   private:
    static std::string Uuid(int64_t id) {
      char text[40];
      std::snprintf(text, sizeof(text), "00000000-0000-4000-8000-%012lld",
                    static_cast<long long>(id));
      return text;
    }
    static JournalEntry WithoutContent(JournalEntry e) {
      for (auto& d : e.documents) d.content.reset();
      return e;
    }
    std::vector<JournalEntry> InRange(Date from, Date to) {
      std::vector<JournalEntry> out;
      for (const auto& [id, e] : state.entries) {
        if (!(e.journal_date < from) && !(to < e.journal_date)) {
          out.push_back(WithoutContent(e));
        }
      }
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.journal_date, a.year, a.sequence) <
               std::tie(b.journal_date, b.year, b.sequence);
      });
      return out;
    }
  };
  State state_;
  bool in_transaction_ = false;
};

}  // namespace depot::journal
