#include "services/readingroom/domain/visitors.h"

#include "services/common/date.h"
#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/national_id.h"
#include "services/common/subject_key.h"
#include "services/common/text_check.h"
#include "services/common/time_format.h"
#include "services/readingroom/domain/audit.h"

namespace depot::readingroom {
namespace {

constexpr size_t kMaxName = 200;
constexpr size_t kMaxContact = 200;
constexpr size_t kMaxReason = 500;

std::string CleanName(const std::string& name) {
  std::string clean = Trim(name);
  if (clean.empty()) {
    throw InvalidArgument("name is required: the visitor's full name");
  }
  if (CharacterCount(clean) > kMaxName) {
    throw InvalidArgument("name is longer than 200 characters");
  }
  return clean;
}

std::string CleanContact(const std::string& contact) {
  std::string clean = Trim(contact);
  if (clean.empty()) {
    throw InvalidArgument(
        "contact is required: a telephone number, e-mail or postal address");
  }
  if (CharacterCount(clean) > kMaxContact) {
    throw InvalidArgument("contact is longer than 200 characters");
  }
  return clean;
}

// Fills the visitor's identity (optional: it lets a rights request find
// the visitor) after checking it.
void SetIdentity(Visitor& visitor, const std::string& birth_date,
                 const std::string& national_id, TimePoint now) {
  std::string today = depot::FormatDate(depot::DateOf(now));
  if (!national_id.empty()) {
    NationalIdCheck id = CheckNationalId(national_id, today);
    if (!id.id) throw InvalidArgument("national_id: " + id.problem);
    if (!birth_date.empty() && birth_date != id.id->birth_date) {
      throw InvalidArgument("birth_date does not match the national_id");
    }
    visitor.national_id = id.id->normalized;
    visitor.birth_date = id.id->birth_date;
    return;
  }
  if (!birth_date.empty()) {
    Date date = RequireDate("birth_date", birth_date);
    if (FormatDate(date) > today) {
      throw InvalidArgument("birth_date is in the future");
    }
    visitor.birth_date = birth_date;
  }
}

std::string VisitorObject(int64_t id) {
  return "visitor/" + std::to_string(id);
}

std::string DescribeLoans(const std::vector<Loan>& loans) {
  std::string text;
  for (const Loan& loan : loans) {
    if (!text.empty()) text += ", ";
    text += "loan " + std::to_string(loan.id) + " (";
    bool first = true;
    for (const LoanItem& item : loan.items) {
      if (item.returned_at) continue;
      if (!first) text += " ";
      text += item.item.item_ref;
      first = false;
    }
    text += ")";
  }
  return text;
}

}  // namespace

std::string VisitorSubjectKey(const Visitor& visitor) {
  if (!visitor.national_id.empty()) {
    return SubjectKeyFromNationalId(visitor.national_id);
  }
  if (!visitor.birth_date.empty()) {
    return SubjectKeyFromNameAndBirthDate(visitor.name, visitor.birth_date);
  }
  return SubjectKeyFromName(visitor.name);
}

void RequireId(int64_t id, const std::string& field) {
  if (id <= 0) {
    throw InvalidArgument(field + " is required (a positive number)");
  }
}

Visitor RequireVisitor(ReadingRoomTransaction& tx, int64_t visitor_id) {
  auto visitor = tx.FindVisitor(visitor_id);
  if (!visitor) {
    throw NotFound("no visitor " + std::to_string(visitor_id) +
                   "; find the visitor with depot visitor find, or register "
                   "them");
  }
  return *visitor;
}

Visitor Visitors::Register(const Caller& caller, const NewVisitor& request) {
  Visitor visitor;
  visitor.name = CleanName(request.name);
  visitor.contact = CleanContact(request.contact);
  if (!request.id_document_kind) {
    throw InvalidArgument(
        "id_document_kind is required: the kind of identity document the "
        "desk checked (passport, national-id-card, driving-licence, "
        "residence-card or other); never its number");
  }
  visitor.id_document_kind = *request.id_document_kind;
  SetIdentity(visitor, Trim(request.birth_date), Trim(request.national_id),
              clock_());
  visitor.subject = keyring_.Pseudonym(VisitorSubjectKey(visitor));
  visitor.registered_at = TruncateToSeconds(clock_());
  visitor.registered_by = caller.identity;
  Visitor stored;
  store_.Run([&](ReadingRoomTransaction& tx) {
    stored = tx.InsertVisitor(visitor);
    tx.Audit(Event(caller, "visitor.register", VisitorObject(stored.id),
                   stored.subject));
  });
  return stored;
}

Visitor Visitors::Get(const Caller& caller, int64_t visitor_id) {
  RequireId(visitor_id, "visitor_id");
  Visitor found;
  store_.Run([&](ReadingRoomTransaction& tx) {
    found = RequireVisitor(tx, visitor_id);
    tx.Audit(
        Event(caller, "visitor.read", VisitorObject(found.id), found.subject));
  });
  return found;
}

std::vector<Visitor> Visitors::Find(const Caller& caller,
                                    const std::string& name, int64_t visitor_id,
                                    int limit) {
  if (limit < 0) throw InvalidArgument("limit must not be negative");
  if (limit == 0) limit = kDefaultLimit;
  if (limit > kMaxLimit) {
    throw InvalidArgument("limit must be at most " + std::to_string(kMaxLimit));
  }
  std::string words = Trim(name);
  if (visitor_id <= 0 && words.empty()) {
    throw InvalidArgument(
        "name or visitor_id is required: search by the visitor's name (any of "
        "its words) or id");
  }
  if (CharacterCount(words) > kMaxName) {
    throw InvalidArgument("name is longer than 200 characters");
  }
  std::vector<Visitor> found;
  store_.Run([&](ReadingRoomTransaction& tx) {
    if (visitor_id > 0) {
      if (auto visitor = tx.FindVisitor(visitor_id)) found.push_back(*visitor);
    } else {
      found = tx.FindVisitorsByName(words, limit);
    }
    for (const Visitor& visitor : found) {
      tx.Audit(Event(caller, "visitor.find", VisitorObject(visitor.id),
                     visitor.subject));
    }
  });
  return found;
}

Visitor Visitors::Correct(const Caller& caller,
                          const VisitorCorrection& correction) {
  RequireId(correction.visitor_id, "visitor_id");
  std::string reason = Trim(correction.reason);
  if (reason.empty()) {
    throw InvalidArgument(
        "reason is required: why the visitor's data is "
        "corrected (no personal data)");
  }
  if (CharacterCount(reason) > kMaxReason) {
    throw InvalidArgument("reason is longer than 500 characters");
  }
  std::optional<std::string> name, contact;
  if (correction.name) name = CleanName(*correction.name);
  if (correction.contact) contact = CleanContact(*correction.contact);
  bool identity = (correction.birth_date && !correction.birth_date->empty()) ||
                  (correction.national_id && !correction.national_id->empty());
  if (!name && !contact && !correction.id_document_kind && !identity) {
    throw InvalidArgument(
        "nothing to correct: give name, contact, id_document_kind, "
        "birth_date or national_id");
  }
  Visitor updated;
  store_.Run([&](ReadingRoomTransaction& tx) {
    updated = RequireVisitor(tx, correction.visitor_id);
    std::string old_subject = updated.subject;
    std::string changed;
    if (updated.erased) {
      throw FailedPrecondition("visitor " + std::to_string(updated.id) +
                               " was erased; register the person anew");
    }
    if (name) {
      updated.name = *name;
      changed += " name";
    }
    if (identity) {
      std::string national_id =
          correction.national_id.value_or("").empty()
              ? (correction.birth_date.value_or("").empty()
                     ? updated.national_id
                     : "")
              : *correction.national_id;
      std::string birth_date = correction.birth_date.value_or("");
      updated.national_id.clear();
      if (birth_date.empty() && national_id.empty()) {
        birth_date = updated.birth_date;
      }
      updated.birth_date.clear();
      SetIdentity(updated, Trim(birth_date), Trim(national_id), clock_());
      if (correction.birth_date && !correction.birth_date->empty()) {
        changed += " birth_date";
      }
      if (correction.national_id && !correction.national_id->empty()) {
        changed += " national_id";
      }
    }
    updated.subject = keyring_.Pseudonym(VisitorSubjectKey(updated));
    if (contact) {
      updated.contact = *contact;
      changed += " contact";
    }
    if (correction.id_document_kind) {
      updated.id_document_kind = *correction.id_document_kind;
      changed += " id_document_kind";
    }
    updated.corrected_at = TruncateToSeconds(clock_());
    updated.corrected_by = caller.identity;
    tx.UpdateVisitor(updated);
    std::string detail = "corrected:" + changed + "; reason: " + reason;
    tx.Audit(Event(caller, "visitor.correct", VisitorObject(updated.id),
                   updated.subject, detail));
    // The person's trail under the former name must show it too.
    if (old_subject != updated.subject) {
      tx.Audit(Event(caller, "visitor.correct", VisitorObject(updated.id),
                     old_subject, detail));
    }
  });
  return updated;
}

Visit Visitors::CheckIn(const Caller& caller, int64_t visitor_id) {
  RequireId(visitor_id, "visitor_id");
  Visit visit;
  store_.Run([&](ReadingRoomTransaction& tx) {
    Visitor visitor = RequireVisitor(tx, visitor_id);
    if (visitor.open_visit_id != 0) {
      throw FailedPrecondition("visitor " + std::to_string(visitor_id) +
                               " is checked in already (visit " +
                               std::to_string(visitor.open_visit_id) +
                               "); check them out before a new check-in");
    }
    visit = tx.InsertVisit(visitor_id, TruncateToSeconds(clock_()),
                           caller.identity);
    visit.visitor_name = visitor.name;
    tx.Audit(Event(caller, "visit.checkin", "visit/" + std::to_string(visit.id),
                   visitor.subject));
  });
  return visit;
}

Visit Visitors::CheckOut(const Caller& caller, int64_t visitor_id) {
  RequireId(visitor_id, "visitor_id");
  Visit closed;
  store_.Run([&](ReadingRoomTransaction& tx) {
    Visitor visitor = RequireVisitor(tx, visitor_id);
    if (visitor.open_visit_id == 0) {
      throw FailedPrecondition("visitor " + std::to_string(visitor_id) +
                               " is not checked in");
    }
    auto open_loans = tx.OpenLoansOf(visitor_id);
    if (!open_loans.empty()) {
      throw FailedPrecondition(
          "visitor " + std::to_string(visitor_id) +
          " still has material out: " + DescribeLoans(open_loans) +
          "; take it back first (depot loan return)");
    }
    TimePoint now = TruncateToSeconds(clock_());
    closed = tx.CloseVisit(visitor.open_visit_id, now, caller.identity);
    closed.visitor_name = visitor.name;
    tx.Audit(Event(caller, "visit.checkout",
                   "visit/" + std::to_string(closed.id), visitor.subject));
  });
  return closed;
}

VisitorLog Visitors::Log(const Caller& caller, const std::string& date_text) {
  VisitorLog log;
  if (date_text.empty()) {
    log.date = LocalDay(clock_());
  } else {
    log.date = RequireDate("date", date_text);
  }
  store_.Run([&](ReadingRoomTransaction& tx) {
    log.visits =
        tx.VisitsBetween(LocalTimeOn(log.date, 0), LocalEndOfDay(log.date));
    for (const Visit& visit : log.visits) {
      tx.Audit(Event(caller, "visit.log", "visit/" + std::to_string(visit.id),
                     visit.visitor_subject,
                     "visitor log " + FormatDate(log.date)));
    }
    if (log.visits.empty()) {
      tx.Audit(Event(caller, "visit.log", "visitor-log/" + FormatDate(log.date),
                     "", "no visits"));
    }
  });
  return log;
}

}  // namespace depot::readingroom
