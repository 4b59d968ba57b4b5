#include "clients/cli/privacy_commands.h"

#include <iostream>

#include "clients/cli/privacy_request_commands.h"
#include "depot/v1/deposit.grpc.pb.h"
#include "depot/v1/privacy.grpc.pb.h"
#include "depot/v1/readingroom.grpc.pb.h"

namespace depot::cli {
namespace {

struct VisitorArgs {
  int64_t id = 0;
  std::string name, contact, birth_date, national_id, reason;
};

struct RecordArgs {
  int64_t id = 0;
  std::string name, national_id, birth_date, opened, last_contact, reason;
  int death_year = 0;
};

struct EraseArgs {
  PersonIdentity identity;
  std::string reason;
};

void AddRectifyVisitor(CLI::App* group, const Commands& commands) {
  Command<VisitorArgs> visitor(
      group, commands, "visitor",
      "Correct a reading-room visitor (ReadingRoomService)");
  VisitorArgs& v = visitor.args();
  visitor->add_option("ID", v.id, "visitor id")->required();
  visitor->add_option("--name", v.name, "corrected name");
  visitor->add_option("--contact", v.contact, "corrected contact");
  visitor->add_option("--birth-date", v.birth_date, "YYYY-MM-DD");
  visitor->add_option("--national-id", v.national_id,
                      "corrected identity number");
  visitor->add_option("--reason", v.reason, "why (no personal data)")
      ->required();
  visitor.Calls(
      &v1::ReadingRoomService::Stub::CorrectVisitor,
      [](const VisitorArgs& v, v1::CorrectVisitorRequest& request) {
        request.set_visitor_id(v.id);
        request.set_name(v.name);
        request.set_contact(v.contact);
        request.set_birth_date(v.birth_date);
        request.set_national_id(v.national_id);
        request.set_reason(v.reason);
      },
      [](const v1::Visitor& response) {
        std::cout << "visitor " << response.visitor_id() << " corrected at "
                  << response.corrected_at() << "\n";
      });
}

void AddRectifyRecord(CLI::App* group, const Commands& commands) {
  Command<RecordArgs> record(
      group, commands, "record",
      "Correct a deposited record's person data (DepositService)");
  RecordArgs& r = record.args();
  record->add_option("ID", r.id, "record id")->required();
  record->add_option("--name", r.name, "corrected name");
  record->add_option("--national-id", r.national_id,
                     "corrected identity number");
  record->add_option("--birth-date", r.birth_date, "YYYY-MM-DD");
  record->add_option("--opened", r.opened, "YYYY-MM-DD");
  record->add_option("--last-contact", r.last_contact, "YYYY-MM-DD");
  record->add_option("--death-year", r.death_year, "year of death");
  record->add_option("--reason", r.reason, "why (no personal data)")
      ->required();
  record.Calls(
      &v1::DepositService::Stub::CorrectRecord,
      [](const RecordArgs& r, v1::CorrectRecordRequest& request) {
        request.set_record_id(r.id);
        request.set_person_name(r.name);
        request.set_national_id(r.national_id);
        request.set_birth_date(r.birth_date);
        request.set_opened_date(r.opened);
        request.set_last_contact_date(r.last_contact);
        request.set_death_year(r.death_year);
        request.set_reason(r.reason);
      },
      [](const v1::RecordSummary& response) {
        std::cout << "record " << response.record_id() << " corrected\n";
      });
}

void PrintErasure(const v1::EraseSubjectResponse& response) {
  Table table({"SERVICE", "KIND", "ID", "ERASED", "LEGAL REASON"});
  for (const auto& o : response.outcomes()) {
    table.AddRow({o.service(), o.kind(), o.id(), o.erased() ? "yes" : "kept",
                  o.legal_reason()});
  }
  table.Print(std::cout);
  std::cout << "erasure " << response.erasure_id() << ": "
            << response.erased_count() << " erased, " << response.kept_count()
            << " kept\n";
}

void AddErase(CLI::App* privacy, const Commands& commands) {
  Command<EraseArgs> erase(
      privacy, commands, "erase",
      "Erase a person's data where the law allows; prints every item with "
      "the legal reason it was erased or kept");
  AddIdentityOptions(erase.app(), &erase.args().identity);
  erase
      ->add_option("--reason", erase.args().reason,
                   "why (e.g. the request's date; no personal data)")
      ->required();
  erase.Calls(
      &v1::PrivacyService::Stub::EraseSubject,
      [](const EraseArgs& args, v1::EraseSubjectRequest& request) {
        request.set_national_id(args.identity.national_id);
        request.set_name(args.identity.name);
        request.set_birth_date(args.identity.birth_date);
        request.set_reason(args.reason);
      },
      PrintErasure);
}

void PrintRetention(const v1::RetentionReport& report) {
  Table table({"SERVICE", "KIND", report.dry_run() ? "WOULD DELETE" : "DELETED",
               "PERIOD", "OLDER THAN"});
  for (const auto& c : report.counts()) {
    table.AddRow({c.service(), c.kind(), std::to_string(c.count()), c.period(),
                  c.cutoff()});
  }
  table.Print(std::cout);
}

void AddRetention(CLI::App* privacy, const Commands& commands) {
  Command<bool> retention(
      privacy, commands, "retention",
      "Delete data past its retention period now (also runs daily)");
  retention->add_flag("--dry-run", retention.args(),
                      "only count what would be deleted");
  retention.Calls(
      &v1::PrivacyService::Stub::RunRetention,
      [](bool dry_run, v1::RetentionRequest& request) {
        request.set_dry_run(dry_run);
      },
      PrintRetention);
}

}  // namespace

void AddPrivacyCommands(CLI::App* app, const Commands& commands) {
  CLI::App* privacy =
      AddGroup(app, "privacy",
               "Rights of the people in the data: access requests, "
               "rectification, erasure, retention (DPO)");
  AddAccessRequestCommands(privacy, commands);
  CLI::App* rectify =
      AddGroup(privacy, "rectify",
               "Rectify (GDPR art. 16) a visitor's or a record's data");
  AddRectifyVisitor(rectify, commands);
  AddRectifyRecord(rectify, commands);
  AddErase(privacy, commands);
  AddRetention(privacy, commands);
}

}  // namespace depot::cli
