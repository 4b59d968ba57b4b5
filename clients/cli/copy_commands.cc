#include "clients/cli/readingroom_commands.h"
#include "clients/cli/readingroom_output.h"

namespace depot::cli {
namespace {

struct AgreeArgs {
  int64_t loan_id = 0;
  std::vector<std::string> items;
  std::string method;
  std::string purpose;
};

struct ListArgs {
  int64_t loan_id = 0;
  int64_t visitor_id = 0;
};

void AddAgree(CLI::App* group, const Commands& commands) {
  Command<AgreeArgs> agree(group, commands, "agree",
                           "Record an agreement on an open loan; you are the "
                           "approving archivist");
  AgreeArgs& args = agree.args();
  agree->add_option("--loan", args.loan_id, "the loan's id")->required();
  agree->add_option("--item", args.items,
                    "an item of the loan (repeatable; default all)");
  agree->add_option("--method", args.method, "photo, scan or photocopy")
      ->check(CLI::IsMember({"photo", "scan", "photocopy"}))
      ->required();
  agree->add_option("--purpose", args.purpose, "what the copies are for")
      ->required();
  agree.Calls(
      &RoomStub::RecordCopyAgreement,
      [](const AgreeArgs& args, v1::RecordCopyAgreementRequest& request) {
        request.set_loan_id(args.loan_id);
        for (const auto& item : args.items) request.add_item_refs(item);
        request.set_method(args.method == "photo"  ? v1::COPY_METHOD_PHOTO
                           : args.method == "scan" ? v1::COPY_METHOD_SCAN
                                                   : v1::COPY_METHOD_PHOTOCOPY);
        request.set_purpose(args.purpose);
      },
      [](const v1::CopyAgreement& agreement) {
        std::cout << "recorded copy agreement " << agreement.agreement_id()
                  << " on loan " << agreement.loan_id() << "\n";
      });
}

void AddList(CLI::App* group, const Commands& commands) {
  Command<ListArgs> list(group, commands, "list",
                         "Copy agreements of a loan or of a visitor's loans");
  auto* loan = list->add_option("--loan", list.args().loan_id, "the loan's id");
  auto* visitor =
      list->add_option("--visitor", list.args().visitor_id, "the visitor's id");
  loan->excludes(visitor);
  list.Calls(
      &RoomStub::ListCopyAgreements,
      [](const ListArgs& args, v1::ListCopyAgreementsRequest& request) {
        request.set_loan_id(args.loan_id);
        request.set_visitor_id(args.visitor_id);
      },
      [](const v1::ListCopyAgreementsResponse& response) {
        PrintAgreements(response.agreements());
      });
}

}  // namespace

void AddCopyCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group =
      AddGroup(app, "copy",
               "Copy and photo agreements on loans (no copying without one)");
  AddAgree(group, commands);
  AddList(group, commands);
}

}  // namespace depot::cli
