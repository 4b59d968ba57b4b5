#include "services/readingroom/domain/subject_visitors.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "services/common/date.h"
#include "services/common/subject_key.h"
#include "services/common/time_format.h"
#include "services/readingroom/domain/audit.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {
namespace {

constexpr char kService[] = "readingroom";

using Json = nlohmann::json;

std::string Time(const std::optional<TimePoint>& time) {
  return time ? FormatRfc3339(*time) : "";
}

Json ScopeJson(const Scope& scope) {
  return {{"kind", ScopeKindName(scope.kind)}, {"values", scope.values}};
}

SubjectItem ItemOf(const char* kind, const std::string& id, const Json& json,
                   const char* source) {
  return {kService, kind, id, json.dump(), source};
}

SubjectItem VisitorItem(const Visitor& v) {
  Json json = {{"visitor_id", v.id},
               {"name", v.name},
               {"contact", v.contact},
               {"birth_date", v.birth_date},
               {"national_id", v.national_id},
               {"id_document_kind", IdDocumentKindName(v.id_document_kind)},
               {"registered_at", FormatRfc3339(v.registered_at)},
               {"registered_by", v.registered_by},
               {"corrected_at", Time(v.corrected_at)},
               {"erased", v.erased}};
  return ItemOf("visitor", "visitor/" + std::to_string(v.id), json,
                "reading-room visitor register");
}

SubjectItem VisitItem(const Visit& visit) {
  Json json = {{"visit_id", visit.id},
               {"checked_in_at", FormatRfc3339(visit.checked_in_at)},
               {"checked_in_by", visit.checked_in_by},
               {"checked_out_at", Time(visit.checked_out_at)},
               {"checked_out_by", visit.checked_out_by}};
  return ItemOf("visit", "visit/" + std::to_string(visit.id), json,
                "visitor log");
}

SubjectItem LoanItemOf(const Loan& loan) {
  Json items = Json::array();
  for (const LoanItem& item : loan.items) {
    items.push_back({{"item_ref", item.item.item_ref},
                     {"deposit_id", item.item.deposit_id},
                     {"depositor", item.item.organisation_number},
                     {"category", item.item.category},
                     {"returned_at", Time(item.returned_at)}});
  }
  Json json = {{"loan_id", loan.id},
               {"visit_id", loan.visit_id},
               {"declaration_id", loan.declaration_id},
               {"opened_at", FormatRfc3339(loan.opened_at)},
               {"handed_out_by", loan.handed_out_by},
               {"returned_at", Time(loan.returned_at)},
               {"approved_by", loan.approved_by},
               {"items", items}};
  return ItemOf("loan", "loan/" + std::to_string(loan.id), json, "lending log");
}

SubjectItem DeclarationItem(const Declaration& d) {
  Json json = {{"declaration_id", d.id},
               {"text_version", d.text_version},
               {"text_sha256", d.text_sha256},
               {"scope", ScopeJson(d.scope)},
               {"valid_from", FormatRfc3339(d.valid_from)},
               {"valid_until", FormatRfc3339(d.valid_until)},
               {"signed_at", FormatRfc3339(d.signed_at)},
               {"witnessed_by", d.witnessed_by},
               {"revoked_at", Time(d.revoked_at)},
               {"revoke_reason", d.revoke_reason}};
  return ItemOf("declaration", "declaration/" + std::to_string(d.id), json,
                "confidentiality declarations");
}

SubjectItem CopyAgreementItem(const CopyAgreement& c) {
  Json json = {{"agreement_id", c.id},
               {"loan_id", c.loan_id},
               {"item_refs", c.item_refs},
               {"method", CopyMethodName(c.method)},
               {"purpose", c.purpose},
               {"approved_by", c.approved_by},
               {"approved_at", FormatRfc3339(c.approved_at)}};
  return ItemOf("copy_agreement", "copy_agreement/" + std::to_string(c.id),
                json, "copy agreements");
}

// Everything the reading room holds about one visitor: the register entry,
// visits, loans, declarations and copy agreements.
void AddVisitorItems(ReadingRoomTransaction& tx, const Visitor& v,
                     std::vector<SubjectItem>& items) {
  items.push_back(VisitorItem(v));
  for (const Visit& visit : tx.VisitsOf(v.id))
    items.push_back(VisitItem(visit));
  for (const Loan& loan : tx.LoansOf(v.id)) items.push_back(LoanItemOf(loan));
  for (const Declaration& d : tx.DeclarationsOf(v.id, false)) {
    items.push_back(DeclarationItem(d));
  }
  for (const CopyAgreement& c : tx.CopyAgreementsOfVisitor(v.id)) {
    items.push_back(CopyAgreementItem(c));
  }
}

constexpr char kOpenLoanReason[] =
    "kept: material is still out on loan %; the lending log must say who "
    "has it (GDPR art. 17(3)(e), and the depot's duty to account for "
    "deposited material); erase again after the return";

}  // namespace

std::vector<Visitor> SubjectVisitors::Match(ReadingRoomTransaction& tx,
                                            const CheckedSubject& subject) {
  std::map<int64_t, Visitor> found;
  std::string id_index;
  if (!subject.national_id.empty()) {
    id_index = keyring_.BlindIndex(subject.national_id);
    for (auto& v : tx.FindVisitorsByIdentity(id_index, "")) found[v.id] = v;
  }
  if (subject.has_name_and_birth_date) {
    std::string person_index =
        PersonIndex(keyring_, subject.name, subject.birth_date);
    for (auto& v : tx.FindVisitorsByIdentity("", person_index)) {
      // A visitor with another identity number is another person.
      if (!v.national_id.empty() && !subject.national_id.empty() &&
          v.national_id != subject.national_id) {
        continue;
      }
      found[v.id] = v;
    }
  }
  std::vector<Visitor> visitors;
  for (auto& [id, v] : found) visitors.push_back(std::move(v));
  return visitors;
}

SubjectData SubjectVisitors::Data(const Caller& caller,
                                  const SubjectQuery& query) {
  CheckedSubject subject =
      CheckSubjectQuery(query, depot::FormatDate(depot::DateOf(clock_())));
  SubjectData data;
  store_.Run([&](ReadingRoomTransaction& tx) {
    data = SubjectData{};
    std::set<std::string> pseudonyms;
    for (const auto& key : subject.subject_keys) {
      pseudonyms.insert(keyring_.Pseudonym(key));
    }
    for (const Visitor& v : Match(tx, subject)) {
      pseudonyms.insert(v.subject);
      AddVisitorItems(tx, v, data.items);
      tx.Audit(Event(caller, "visitor.read", "visitor/" + std::to_string(v.id),
                     v.subject, "subject data for " + subject.purpose));
    }
    for (const StoredAuditEvent& event :
         tx.AuditEventsAbout({pseudonyms.begin(), pseudonyms.end()})) {
      data.items.push_back({kService, "audit_event",
                            "readingroom/audit/" + std::to_string(event.id),
                            AuditEventJson(event),
                            "ReadingRoomService audit log"});
    }
    for (const std::string& pseudonym : pseudonyms) {
      tx.Audit(Event(caller, "subject.data", "readingroom", pseudonym,
                     "for " + subject.purpose));
    }
  });
  return data;
}

std::vector<ErasureOutcome> SubjectVisitors::Erase(const Caller& caller,
                                                   const SubjectQuery& query) {
  CheckedSubject subject =
      CheckSubjectQuery(query, depot::FormatDate(depot::DateOf(clock_())));
  std::vector<ErasureOutcome> outcomes;
  std::vector<std::string> doomed_keys;
  store_.Run([&](ReadingRoomTransaction& tx) {
    outcomes.clear();
    doomed_keys.clear();
    std::set<std::string> pseudonyms;
    for (const auto& key : subject.subject_keys) {
      pseudonyms.insert(keyring_.Pseudonym(key));
    }
    for (const Visitor& v : Match(tx, subject)) {
      std::string visitor_ref = "visitor/" + std::to_string(v.id);
      pseudonyms.insert(v.subject);
      auto open = tx.OpenLoansOf(v.id);
      if (!open.empty()) {
        std::string loans;
        for (const Loan& loan : open) {
          loans += (loans.empty() ? "" : ", ") + std::to_string(loan.id);
          outcomes.push_back({kService, "loan",
                              "loan/" + std::to_string(loan.id), false,
                              "kept: the material is still out; the lending "
                              "log must say who has it (GDPR art. 17(3)(e)); "
                              "erase again after the return"});
        }
        std::string reason = kOpenLoanReason;
        reason.replace(reason.find('%'), 1, loans);
        outcomes.push_back({kService, "visitor", visitor_ref, false, reason});
        tx.Audit(Event(caller, "visitor.erase_refused", visitor_ref, v.subject,
                       "loans out: " + loans + "; for " + subject.purpose));
        continue;
      }
      for (const Visit& visit : tx.VisitsOf(v.id)) {
        outcomes.push_back({kService, "visit",
                            "visit/" + std::to_string(visit.id), true,
                            kReasonNoLongerNeeded});
      }
      for (const Loan& loan : tx.LoansOf(v.id)) {
        outcomes.push_back({kService, "loan", "loan/" + std::to_string(loan.id),
                            true, kReasonNoLongerNeeded});
      }
      for (const Declaration& d : tx.DeclarationsOf(v.id, false)) {
        outcomes.push_back({kService, "declaration",
                            "declaration/" + std::to_string(d.id), true,
                            kReasonNoLongerNeeded});
      }
      for (const CopyAgreement& c : tx.CopyAgreementsOfVisitor(v.id)) {
        outcomes.push_back({kService, "copy_agreement",
                            "copy_agreement/" + std::to_string(c.id), true,
                            kReasonNoLongerNeeded});
      }
      tx.DeleteVisitor(v.id);
      if (!v.key_id.empty()) doomed_keys.push_back(v.key_id);
      outcomes.push_back(
          {kService, "visitor", visitor_ref, true,
           std::string(kReasonNoLongerNeeded) +
               "; the personal fields were encrypted with the visitor's own "
               "key, which is destroyed, so backups cannot restore them"});
      tx.Audit(Event(caller, "visitor.erase", visitor_ref, v.subject,
                     "for " + subject.purpose));
    }
    auto trail = tx.AuditEventsAbout({pseudonyms.begin(), pseudonyms.end()});
    if (!trail.empty()) {
      outcomes.push_back(AuditTrailKept(kService, trail.size()));
    }
    // Destroyed inside the transaction's work: should the commit fail, the
    // fields are unreadable already and a retry deletes the rows.
    if (keys_) {
      for (const std::string& key : doomed_keys) keys_->Destroy(key);
    }
  });
  return outcomes;
}

}  // namespace depot::readingroom
