#include "clients/cli/readingroom_output.h"

#include "clients/cli/deposit_names.h"

namespace depot::cli {
namespace {

constexpr std::pair<v1::IdDocumentKind, const char*> kDocuments[] = {
    {v1::ID_DOCUMENT_KIND_PASSPORT, "passport"},
    {v1::ID_DOCUMENT_KIND_NATIONAL_ID_CARD, "national-id-card"},
    {v1::ID_DOCUMENT_KIND_DRIVING_LICENCE, "driving-licence"},
    {v1::ID_DOCUMENT_KIND_RESIDENCE_CARD, "residence-card"},
    {v1::ID_DOCUMENT_KIND_OTHER, "other"},
};

}  // namespace

std::string IdDocumentName(v1::IdDocumentKind kind) {
  for (const auto& [value, name] : kDocuments) {
    if (value == kind) return name;
  }
  return "-";
}

std::optional<v1::IdDocumentKind> IdDocumentByName(const std::string& name) {
  for (const auto& [value, text] : kDocuments) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string CopyMethodText(v1::CopyMethod method) {
  switch (method) {
    case v1::COPY_METHOD_PHOTO:
      return "photo";
    case v1::COPY_METHOD_SCAN:
      return "scan";
    case v1::COPY_METHOD_PHOTOCOPY:
      return "photocopy";
    default:
      return "-";
  }
}

std::string ScopeText(const v1::DeclarationScope& scope) {
  std::string text;
  switch (scope.kind()) {
    case v1::SCOPE_KIND_ALL:
      return "all material";
    case v1::SCOPE_KIND_DEPOSITOR:
      return "depositor " + Join(scope.organization_numbers(), " ");
    case v1::SCOPE_KIND_CATEGORY:
      text = "category";
      for (int category : scope.categories()) {
        text += " " + CategoryName(static_cast<v1::RegisterCategory>(category));
      }
      return text;
    case v1::SCOPE_KIND_RECORDS:
      text = "records";
      for (int64_t id : scope.record_ids()) text += " " + std::to_string(id);
      return text;
    default:
      return "-";
  }
}

void PrintVisitors(const google::protobuf::RepeatedPtrField<v1::Visitor>& all) {
  Table table({"ID", "NAME", "CONTACT", "DOCUMENT", "REGISTERED", "VISIT"});
  for (const v1::Visitor& v : all) {
    table.AddRow({std::to_string(v.visitor_id()), v.name(), v.contact(),
                  IdDocumentName(v.id_document_kind()), v.registered_at(),
                  v.open_visit_id()
                      ? "in (" + std::to_string(v.open_visit_id()) + ")"
                      : "-"});
  }
  table.Print(std::cout);
}

void PrintVisits(const google::protobuf::RepeatedPtrField<v1::Visit>& visits) {
  Table table({"VISIT", "VISITOR", "NAME", "IN", "BY", "OUT", "BY"});
  for (const v1::Visit& v : visits) {
    table.AddRow({std::to_string(v.visit_id()), std::to_string(v.visitor_id()),
                  OrDash(v.visitor_name()), v.checked_in_at(),
                  v.checked_in_by(), OrDash(v.checked_out_at()),
                  OrDash(v.checked_out_by())});
  }
  table.Print(std::cout);
}

void PrintDeclaration(const v1::Declaration& d) {
  std::cout << "declaration " << d.declaration_id() << ": visitor "
            << d.visitor_id() << ", text version " << d.text_version()
            << "\n  scope: " << ScopeText(d.scope())
            << "\n  valid: " << d.valid_from() << " to " << d.valid_until()
            << "\n  signed: " << d.signed_at() << ", witnessed by "
            << d.witnessed_by() << "\n  signature scan SHA-256: "
            << OrDash(d.signature_scan_sha256())
            << "\n  text SHA-256: " << d.text_sha256()
            << "\n  seal: " << d.seal() << "\n  seal key: " << d.seal_key_id()
            << "\n";
  if (!d.revoked_at().empty()) {
    std::cout << "  REVOKED " << d.revoked_at() << " by " << d.revoked_by()
              << ": " << d.revoke_reason() << "\n";
  }
}

void PrintAgreements(
    const google::protobuf::RepeatedPtrField<v1::CopyAgreement>& agreements) {
  Table table(
      {"AGREEMENT", "LOAN", "ITEMS", "METHOD", "PURPOSE", "APPROVED BY", "AT"});
  for (const v1::CopyAgreement& a : agreements) {
    table.AddRow({std::to_string(a.agreement_id()), std::to_string(a.loan_id()),
                  Join(a.item_refs(), " "), CopyMethodText(a.method()),
                  a.purpose(), a.approved_by(), a.approved_at()});
  }
  table.Print(std::cout);
}

void PrintLoan(const v1::Loan& loan) {
  std::cout << "loan " << loan.loan_id() << ": visitor " << loan.visitor_id();
  if (!loan.visitor_name().empty()) std::cout << " " << loan.visitor_name();
  std::cout << ", visit " << loan.visit_id() << ", declaration "
            << loan.declaration_id() << "\n  handed out " << loan.opened_at()
            << " by " << loan.handed_out_by() << "\n";
  if (!loan.returned_at().empty()) {
    std::cout << "  returned " << loan.returned_at() << "\n";
  }
  if (loan.approval_id() != 0) {
    std::cout << "  special-category approval " << loan.approval_id() << " by "
              << loan.approved_by() << "\n";
  }
  Table table({"ITEM", "DEPOSITOR", "CATEGORY", "SPECIAL", "BOX", "SHELF",
               "RETURNED", "TAKEN BACK BY"});
  for (const v1::LoanItem& item : loan.items()) {
    table.AddRow({item.item_ref(), item.organization_number(),
                  CategoryName(item.category()),
                  item.special_category() ? "yes" : "no", OrDash(item.box()),
                  OrDash(item.shelf()), OrDash(item.returned_at()),
                  OrDash(item.taken_back_by())});
  }
  table.Print(std::cout);
  if (loan.copying_allowed()) {
    std::cout << "copying: by agreement only, as recorded:\n";
    PrintAgreements(loan.copy_agreements());
  } else {
    std::cout << "copying: NOT allowed (no copy agreement on this loan)\n";
  }
}

}  // namespace depot::cli
