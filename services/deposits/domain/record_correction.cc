#include "services/deposits/domain/record_correction.h"

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/text_check.h"
#include "services/deposits/domain/record_rules.h"
#include "services/deposits/domain/record_sealing.h"

namespace depot::deposits {
namespace {

// The names of the fields the command corrects, space-separated.
std::string CorrectedFields(const CorrectRecordCommand& command) {
  std::string fields;
  auto note = [&](bool given, const char* name) {
    if (given) fields += (fields.empty() ? "" : " ") + std::string(name);
  };
  note(!command.person_name.empty(), "person_name");
  note(!command.national_id.empty(), "national_id");
  note(!command.birth_date.empty(), "birth_date");
  note(!command.opened_date.empty(), "opened_date");
  note(!command.last_contact_date.empty(), "last_contact_date");
  note(command.death_year != 0, "death_year");
  if (fields.empty()) {
    throw InvalidArgument(
        "nothing to correct: give person_name, national_id, birth_date, "
        "opened_date, last_contact_date or death_year");
  }
  return fields;
}

// The record as it will read after the correction: the given fields, the
// stored ones for the rest.
RecordInput CorrectedInput(const RecordView& old, int64_t position,
                           const CorrectRecordCommand& command) {
  RecordInput input;
  input.position = position;
  input.source_record_id = old.source_record_id;
  input.person_name =
      command.person_name.empty() ? old.person_name : Trim(command.person_name);
  input.national_id =
      command.national_id.empty() ? old.national_id : command.national_id;
  // A new identity number carries its own birth date.
  input.birth_date = !command.birth_date.empty()   ? command.birth_date
                     : command.national_id.empty() ? old.birth_date
                                                   : "";
  input.opened_date =
      command.opened_date.empty() ? old.opened_date : command.opened_date;
  input.last_contact_date = command.last_contact_date.empty()
                                ? old.last_contact_date
                                : command.last_contact_date;
  input.death_year = command.death_year ? command.death_year : old.death_year;
  input.box = old.box;
  input.shelf = old.shelf;
  input.documents = old.documents;
  input.noark_metadata = old.noark_metadata;
  return input;
}

}  // namespace

RecordView RecordCorrection::Correct(const Caller& caller,
                                     const CorrectRecordCommand& command) {
  if (command.record_id <= 0) {
    throw InvalidArgument("record_id is required (a positive number)");
  }
  std::string reason = Trim(command.reason);
  if (reason.empty() || CharacterCount(reason) > 500) {
    throw InvalidArgument(
        "reason is required: why the record is corrected (at most 500 "
        "characters, no personal data)");
  }
  if (command.death_year < 0) {
    throw InvalidArgument("death_year must not be negative");
  }
  std::string fields = CorrectedFields(command);

  RecordView corrected;
  context_.store.Run([&](DepositTransaction& tx) {
    auto row = tx.FindRecord(command.record_id);
    if (!row || !caller.MaySee(row->organisation_number)) {
      throw NotFound("no deposited record " +
                     std::to_string(command.record_id));
    }
    auto deposit = tx.FindDeposit(row->deposit_id, DepositLock::kNone);
    if (!deposit) throw NotFound("the record's deposit is gone");
    RecordView old = OpenRecord(row->sealed, row->deposit_id, context_.keyring);

    RecordInput input = CorrectedInput(old, row->sealed.position, command);

    Date today = DateOf(context_.now());
    RecordVerdict verdict =
        CheckRecord(input, context_.rules.For(row->category),
                    deposit->deposit_date, today, /*has_exception=*/true);
    if (!verdict.accepted) {
      throw InvalidArgument(verdict.rejection->field + ": " +
                            verdict.rejection->reason);
    }
    SealedRecord sealed =
        SealRecord(input, *verdict.accepted, row->deposit_id, context_.keyring);
    tx.UpdateRecord(row->record_id, sealed);
    tx.InsertCorrection(row->record_id, fields, reason, caller.identity);
    std::string object = "record/" + std::to_string(row->record_id);
    std::string detail = "corrected: " + fields + "; reason: " + reason;
    std::vector<AuditEvent> events{{caller.identity, caller.RoleLabel(),
                                    "record.correct", object, sealed.subject,
                                    detail}};
    // The trail under the person's former pseudonym must show it too.
    if (row->sealed.subject != sealed.subject) {
      events.push_back({caller.identity, caller.RoleLabel(), "record.correct",
                        object, row->sealed.subject, detail});
    }
    tx.Audit(events);
    corrected = OpenRecord(sealed, row->deposit_id, context_.keyring);
    corrected.record_id = row->record_id;
    corrected.organisation_number = row->organisation_number;
    corrected.category = row->category;
    corrected.exception_reason = row->sealed.exception_reason;
  });
  return corrected;
}

}  // namespace depot::deposits
