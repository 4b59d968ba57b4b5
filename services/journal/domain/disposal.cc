#include "services/journal/domain/disposal.h"

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {

Disposal::Disposal(JournalStore& store, const Keyring& keyring, Clock clock)
    : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

DisposalReport Disposal::Run(const Caller& caller, bool dry_run,
                             const std::string& decision) {
  DisposalReport report;
  report.dry_run = dry_run;
  report.decision = CleanText("decision", decision, 500, false);
  if (!dry_run && report.decision.empty()) {
    throw InvalidArgument(
        "decision is required: the disposal decision (kassasjonsvedtak) "
        "this run carries out, e.g. \"Arkivplan 2024 pkt. 4.2\"; or use "
        "dry_run to see what would go");
  }
  report.run_at = clock_();
  report.run_by = caller.identity;
  Date today = LocalDay(report.run_at);
  store_.Run([&](JournalTransaction& tx) {
    report.items.clear();
    report.retention_months = tx.LoadSettings().application_retention_months;
    for (const DisposalCandidate& c : tx.DisposalCandidates()) {
      // Only job applications; personnel files are kept whatever they hold.
      if (c.case_kind != CaseKind::kJobApplication) continue;
      Date due = AddMonths(LocalDay(c.case_closed_at), report.retention_months);
      if (today < due) continue;
      report.items.push_back({c.document_id, c.journal_number, c.case_number,
                              c.description, c.case_closed_at, due});
      if (dry_run) continue;
      tx.RecordDisposal({c.document_id, report.run_at, caller.identity,
                         report.decision, report.retention_months});
      std::string object = "document/" + std::to_string(c.document_id);
      if (c.applicant_names.empty()) {
        tx.Audit({caller.identity, caller.RoleLabel(),
                  "journal.document.dispose", object, "",
                  "entry " + c.journal_number});
      }
      for (size_t i = 0; i < c.applicant_names.size(); ++i) {
        std::string subject =
            i < c.applicant_subjects.size() ? c.applicant_subjects[i] : "";
        if (subject.empty()) {
          subject =
              keyring_.Pseudonym(SubjectKeyFromName(c.applicant_names[i]));
        }
        tx.Audit({caller.identity, caller.RoleLabel(),
                  "journal.document.dispose", object, subject,
                  "entry " + c.journal_number});
      }
    }
  });
  return report;
}

}  // namespace depot::journal
