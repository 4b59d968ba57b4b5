// FakeReadingRoomStore's part of rights requests and retention: finding a
// person's visitors, erasing them, deleting what is past its period.
#include <algorithm>

#include "services/common/subject_key.h"
#include "tests/support/fakes/fake_readingroom_store.h"

namespace depot::readingroom {

std::vector<Visitor> FakeReadingRoomStore::Transaction::FindVisitorsByIdentity(
    const std::string& national_id_index, const std::string& person_index) {
  std::vector<Visitor> found;
  for (const auto& [id, v] : state.visitors) {
    bool by_number = !national_id_index.empty() && !v.national_id.empty() &&
                     index_of(v.national_id) == national_id_index;
    bool by_person = !person_index.empty() && !v.birth_date.empty() &&
                     index_of(SubjectKeyFromNameAndBirthDate(
                         v.name, v.birth_date)) == person_index;
    if (by_number || by_person) found.push_back(*FindVisitor(id));
  }
  return found;
}

void FakeReadingRoomStore::Transaction::DeleteVisitor(int64_t visitor_id) {
  for (auto it = state.loans.begin(); it != state.loans.end();) {
    if (it->second.visitor_id == visitor_id) {
      DropLoan(it->first);
      it = state.loans.erase(it);
    } else {
      ++it;
    }
  }
  std::erase_if(state.visits, [&](const auto& e) {
    return e.second.visitor_id == visitor_id;
  });
  std::erase_if(state.declarations, [&](const auto& e) {
    return e.second.visitor_id == visitor_id;
  });
  std::erase_if(state.approvals, [&](const auto& e) {
    return e.second.visitor_id == visitor_id;
  });
  state.visitors.erase(visitor_id);
}

std::vector<StoredAuditEvent>
FakeReadingRoomStore::Transaction::AuditEventsAbout(
    const std::vector<std::string>& pseudonyms) {
  std::vector<StoredAuditEvent> out;
  for (size_t i = 0; i < state.audit.size(); ++i) {
    const AuditEvent& e = state.audit[i];
    if (e.subject.empty() || std::find(pseudonyms.begin(), pseudonyms.end(),
                                       e.subject) == pseudonyms.end()) {
      continue;
    }
    out.push_back({static_cast<int64_t>(i + 1),
                   {},
                   e.actor,
                   e.actor_role,
                   e.action,
                   e.object,
                   e.detail});
  }
  return out;
}

int64_t FakeReadingRoomStore::Transaction::DeleteLoansReturnedBefore(
    TimePoint cutoff) {
  int64_t n = 0;
  for (auto it = state.loans.begin(); it != state.loans.end();) {
    if (it->second.returned_at && *it->second.returned_at < cutoff) {
      DropLoan(it->first);
      it = state.loans.erase(it);
      ++n;
    } else {
      ++it;
    }
  }
  return n;
}

int64_t FakeReadingRoomStore::Transaction::DeleteDeclarationsEndedBefore(
    TimePoint cutoff) {
  return static_cast<int64_t>(
      std::erase_if(state.declarations, [&](const auto& e) {
        const Declaration& d = e.second;
        TimePoint end = d.revoked_at ? std::min(*d.revoked_at, d.valid_until)
                                     : d.valid_until;
        if (end >= cutoff) return false;
        for (const auto& [id, loan] : state.loans) {
          if (loan.declaration_id == d.id) return false;
        }
        return true;
      }));
}

int64_t FakeReadingRoomStore::Transaction::DeleteVisitsEndedBefore(
    TimePoint cutoff) {
  return static_cast<int64_t>(std::erase_if(state.visits, [&](const auto& e) {
    const Visit& v = e.second;
    if (!v.checked_out_at || *v.checked_out_at >= cutoff) return false;
    for (const auto& [id, loan] : state.loans) {
      if (loan.visit_id == v.id) return false;
    }
    return true;
  }));
}

std::vector<std::string> FakeReadingRoomStore::Transaction::DeleteIdleVisitors(
    TimePoint cutoff) {
  std::vector<std::string> keys;
  for (auto it = state.visitors.begin(); it != state.visitors.end();) {
    const Visitor& v = it->second;
    TimePoint last =
        std::max(v.registered_at, v.corrected_at.value_or(v.registered_at));
    bool busy = last >= cutoff;
    for (const auto& [id, visit] : state.visits)
      busy |= visit.visitor_id == v.id;
    for (const auto& [id, loan] : state.loans) busy |= loan.visitor_id == v.id;
    for (const auto& [id, d] : state.declarations) busy |= d.visitor_id == v.id;
    if (busy) {
      ++it;
    } else {
      keys.push_back(v.key_id);
      it = state.visitors.erase(it);
    }
  }
  return keys;
}

}  // namespace depot::readingroom
