// FakeReadingRoomStore's visitors, visits, declaration texts, declarations
// and audit events.
#include <algorithm>

#include "services/common/error.h"
#include "services/common/subject_key.h"
#include "tests/support/fakes/fake_readingroom_store.h"

namespace depot::readingroom {

Visitor FakeReadingRoomStore::Transaction::InsertVisitor(
    const Visitor& visitor) {
  Visitor stored = visitor;
  stored.id = state.next_id++;
  state.visitors[stored.id] = stored;
  return stored;
}

std::optional<Visitor> FakeReadingRoomStore::Transaction::FindVisitor(
    int64_t id) {
  auto found = state.visitors.find(id);
  if (found == state.visitors.end()) return std::nullopt;
  Visitor visitor = found->second;
  visitor.open_visit_id = 0;
  for (const auto& [visit_id, visit] : state.visits) {
    if (visit.visitor_id == id && !visit.checked_out_at) {
      visitor.open_visit_id = visit_id;
    }
  }
  return visitor;
}

std::vector<Visitor> FakeReadingRoomStore::Transaction::FindVisitorsByName(
    const std::string& name, int limit) {
  std::vector<Visitor> found;
  auto words = Words(FoldName(name));
  for (const auto& [id, visitor] : state.visitors) {
    auto have = Words(FoldName(visitor.name));
    bool all =
        std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return have.contains(w); });
    if (all && static_cast<int>(found.size()) < limit) {
      found.push_back(*FindVisitor(id));
    }
  }
  return found;
}

void FakeReadingRoomStore::Transaction::UpdateVisitor(const Visitor& visitor) {
  state.visitors[visitor.id] = visitor;
}

Visit FakeReadingRoomStore::Transaction::InsertVisit(int64_t visitor_id,
                                                     TimePoint at,
                                                     const std::string& by) {
  if (FindVisitor(visitor_id)->open_visit_id != 0) {
    throw FailedPrecondition("checked in already");
  }
  Visit visit;
  visit.id = state.next_id++;
  visit.visitor_id = visitor_id;
  visit.checked_in_at = at;
  visit.checked_in_by = by;
  state.visits[visit.id] = visit;
  return visit;
}

Visit FakeReadingRoomStore::Transaction::CloseVisit(int64_t visit_id,
                                                    TimePoint at,
                                                    const std::string& by) {
  Visit& visit = state.visits.at(visit_id);
  visit.checked_out_at = at;
  visit.checked_out_by = by;
  return visit;
}

std::vector<Visit> FakeReadingRoomStore::Transaction::VisitsBetween(
    TimePoint from, TimePoint to) {
  std::vector<Visit> found;
  for (const auto& [id, visit] : state.visits) {
    if (visit.checked_in_at >= from && visit.checked_in_at < to) {
      found.push_back(Named(visit));
    }
  }
  return found;
}

std::vector<Visit> FakeReadingRoomStore::Transaction::VisitsOf(
    int64_t visitor_id) {
  std::vector<Visit> found;
  for (const auto& [id, visit] : state.visits) {
    if (visit.visitor_id == visitor_id) found.push_back(Named(visit));
  }
  return found;
}

std::vector<DeclarationText> FakeReadingRoomStore::Transaction::ListTexts(
    bool with_text) {
  std::vector<DeclarationText> texts;
  for (auto [version, text] : state.texts) {
    if (!with_text) text.text.clear();
    texts.push_back(text);
  }
  return texts;
}

std::optional<DeclarationText> FakeReadingRoomStore::Transaction::FindText(
    int version) {
  if (version == 0 && !state.texts.empty()) {
    return state.texts.rbegin()->second;
  }
  auto found = state.texts.find(version);
  if (found == state.texts.end()) return std::nullopt;
  return found->second;
}

DeclarationText FakeReadingRoomStore::Transaction::InsertText(
    const DeclarationText& text) {
  DeclarationText stored = text;
  stored.version = state.texts.empty() ? 1 : state.texts.rbegin()->first + 1;
  state.texts[stored.version] = stored;
  return stored;
}

void FakeReadingRoomStore::Transaction::InsertDeclaration(
    const Declaration& declaration) {
  Declaration stored = declaration;
  stored.text.clear();
  state.declarations[stored.id] = stored;
}

std::optional<Declaration> FakeReadingRoomStore::Transaction::FindDeclaration(
    int64_t id) {
  auto found = state.declarations.find(id);
  if (found == state.declarations.end()) return std::nullopt;
  return WithText(found->second);
}

std::vector<Declaration> FakeReadingRoomStore::Transaction::DeclarationsOf(
    int64_t visitor_id, bool with_text) {
  std::vector<Declaration> found;
  for (auto it = state.declarations.rbegin(); it != state.declarations.rend();
       ++it) {
    if (it->second.visitor_id != visitor_id) continue;
    found.push_back(with_text ? WithText(it->second) : it->second);
  }
  return found;
}

void FakeReadingRoomStore::Transaction::RevokeDeclaration(
    int64_t id, TimePoint at, const std::string& by,
    const std::string& reason) {
  Declaration& d = state.declarations.at(id);
  d.revoked_at = at;
  d.revoked_by = by;
  d.revoke_reason = reason;
}

void FakeReadingRoomStore::Transaction::Audit(const AuditEvent& event) {
  state.audit.push_back(event);
}

std::set<std::string> FakeReadingRoomStore::Transaction::Words(
    const std::string& folded) {
  std::set<std::string> words;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.insert(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

Visit FakeReadingRoomStore::Transaction::Named(Visit visit) const {
  const Visitor& visitor = state.visitors.at(visit.visitor_id);
  visit.visitor_name = visitor.name;
  visit.visitor_subject = visitor.subject;
  return visit;
}

Declaration FakeReadingRoomStore::Transaction::WithText(Declaration d) const {
  auto text = state.texts.find(d.text_version);
  d.text = text == state.texts.end() ? "" : text->second.text;
  return d;
}

}  // namespace depot::readingroom
