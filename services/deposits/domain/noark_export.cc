#include "services/deposits/domain/noark_export.h"

#include "services/common/error.h"
#include "services/common/time_format.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_sealing.h"
#include "services/noark/addml_writer.h"
#include "services/noark/arkivstruktur_writer.h"
#include "services/noark/file_hash.h"

namespace depot::deposits {
namespace {

RecordInput ToRecordInput(const RecordView& view) {
  RecordInput r;
  r.position = 0;
  r.source_record_id = view.source_record_id;
  r.person_name = view.person_name;
  r.national_id = view.national_id;
  r.birth_date = view.birth_date;
  r.opened_date = view.opened_date;
  r.last_contact_date = view.last_contact_date;
  r.death_year = view.death_year;
  r.box = view.box;
  r.shelf = view.shelf;
  r.documents = view.documents;
  r.noark_metadata = view.noark_metadata;
  return r;
}

}  // namespace

const char* RecordTitle(RegisterCategory category) {
  switch (category) {
    case RegisterCategory::kPupilFiles:
      return "Elevmappe";
    case RegisterCategory::kPptFiles:
      return "PPT-mappe";
    case RegisterCategory::kChildWelfare:
      return "Barnevernsmappe";
    case RegisterCategory::kHealthCards:
      return "Helsekort";
    case RegisterCategory::kPatientJournals:
      return "Pasientjournal";
    case RegisterCategory::kSocialServices:
      return "Sosialmappe";
    case RegisterCategory::kPersonnelFiles:
      return "Personalmappe";
    case RegisterCategory::kKindergarten:
      return "Barnehagemappe";
    default:
      return "Personmappe";
  }
}

void NoarkExport::Export(const Caller& caller, int64_t deposit_id,
                         const ExportSink& sink) {
  if (deposit_id <= 0) throw InvalidArgument("deposit_id is required");
  Deposit deposit;
  std::string depositor_name;
  context_.store.Run([&](DepositTransaction& tx) {
    deposit = FindVisibleDeposit(tx, caller, deposit_id, DepositLock::kNone);
    if (deposit.state != DepositState::kReceived) {
      throw FailedPrecondition(
          "deposit " + std::to_string(deposit_id) + " is " +
          DepositStateName(deposit.state) +
          "; only a received deposit can be exported: close it first");
    }
    auto depositor = tx.FindDepositor(deposit.organisation_number);
    depositor_name = depositor ? depositor->name : "";
    tx.Audit(
        {{caller.identity, caller.RoleLabel(), "deposit.export",
          "deposit/" + std::to_string(deposit_id), "", "Noark 5 extraction"}});
  });

  noark::ExtractionInfo info;
  info.deposit_id = deposit.id;
  info.organisation_number = deposit.organisation_number;
  info.depositor_name = depositor_name;
  info.description = deposit.description;
  info.record_title = RecordTitle(deposit.category);
  info.created_at = FormatRfc3339(deposit.created_at);
  info.created_by = deposit.created_by;
  info.deposit_date = FormatDate(deposit.deposit_date);
  info.exported_by = caller.identity;

  noark::Sha256Stream hash;
  noark::ArkivstrukturWriter writer(
      [&](std::string_view chunk) {
        hash.Update(chunk);
        sink("arkivstruktur.xml", chunk);
      },
      info);
  // A page of records per transaction, written to the client after it
  // ended, so that no database connection waits for the client. One view:
  // a received deposit takes no more records, so the pages by record id
  // cover exactly the records it had when the export began.
  RecordQuery query;
  query.deposit_id = deposit_id;
  int64_t after = 0;
  while (true) {
    std::vector<RecordView> page;
    context_.store.Run([&](DepositTransaction& tx) {
      page.clear();
      std::vector<AuditEvent> events;
      for (const auto& row : tx.SearchRecords(query, after, kPage)) {
        RecordView view =
            OpenRecord(row.sealed, row.deposit_id, context_.keyring);
        view.record_id = row.record_id;
        events.push_back({caller.identity, caller.RoleLabel(), "record.read",
                          "record/" + std::to_string(row.record_id),
                          view.subject, "Noark 5 export"});
        page.push_back(std::move(view));
      }
      if (!events.empty()) tx.Audit(events);
    });
    for (const RecordView& view : page) writer.Add(ToRecordInput(view));
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().record_id;
  }
  writer.Finish();
  noark::WriteAddml(
      [&](std::string_view chunk) { sink("arkivuttrekk.xml", chunk); }, info,
      writer.counts(), hash.HexDigest());
}

}  // namespace depot::deposits
