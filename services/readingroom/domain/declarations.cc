#include "services/readingroom/domain/declarations.h"

#include <cctype>

#include "services/common/error.h"
#include "services/common/key_value_file.h"
#include "services/common/sha256.h"
#include "services/common/text_check.h"
#include "services/readingroom/domain/audit.h"
#include "services/readingroom/domain/scope.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/domain/visitors.h"

namespace depot::readingroom {
namespace {

constexpr size_t kMaxText = 100000;
constexpr size_t kMaxReason = 500;

std::string DeclarationObject(int64_t id) {
  return "declaration/" + std::to_string(id);
}

[[noreturn]] void RefuseTime(const std::string& field,
                             const std::string& text) {
  throw InvalidArgument(field +
                        " must be YYYY-MM-DD or RFC 3339 "
                        "(2026-11-24T09:30:00Z) " +
                        TimeRangeText() + ", not " + QuoteInput(text));
}

// A start: RFC 3339, or a date meaning its local midnight.
TimePoint ParseStart(const std::string& text, const std::string& field) {
  if (auto time = ParseLenientRfc3339(text)) return TruncateToSeconds(*time);
  if (auto date = ParseDate(text)) return LocalTimeOn(*date, 0);
  RefuseTime(field, text);
}

// An end: RFC 3339, or a date meaning through the end of that local day.
TimePoint ParseEnd(const std::string& text, const std::string& field) {
  if (auto time = ParseLenientRfc3339(text)) return TruncateToSeconds(*time);
  if (auto date = ParseDate(text)) return LocalEndOfDay(*date);
  RefuseTime(field, text);
}

bool IsLowerHexSha256(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Declaration RequireDeclaration(ReadingRoomTransaction& tx, int64_t id) {
  auto found = tx.FindDeclaration(id);
  if (!found) {
    throw NotFound("no declaration " + std::to_string(id) +
                   "; list the visitor's declarations with depot declaration "
                   "list");
  }
  return *found;
}

}  // namespace

std::vector<DeclarationText> Declarations::Texts(const Caller&,
                                                 bool with_text) {
  std::vector<DeclarationText> texts;
  store_.Run(
      [&](ReadingRoomTransaction& tx) { texts = tx.ListTexts(with_text); });
  return texts;
}

DeclarationText Declarations::AddText(const Caller& caller,
                                      const std::string& text) {
  if (Trim(text).empty()) {
    throw InvalidArgument("text is required: the full declaration text");
  }
  if (text.size() > kMaxText) {
    throw InvalidArgument("text is longer than 100000 bytes");
  }
  DeclarationText version;
  version.text = text;
  version.sha256 = Sha256Hex(text);
  version.created_at = TruncateToSeconds(clock_());
  version.created_by = caller.identity;
  DeclarationText stored;
  store_.Run([&](ReadingRoomTransaction& tx) {
    stored = tx.InsertText(version);
    tx.Audit(Event(caller, "declaration_text.add",
                   "declaration-text/" + std::to_string(stored.version), "",
                   "sha256 " + stored.sha256));
  });
  return stored;
}

Declaration Declarations::Sign(const Caller& caller,
                               const SignRequest& request) {
  RequireId(request.visitor_id, "visitor_id");
  if (request.text_version < 0) {
    throw InvalidArgument("text_version must not be negative");
  }
  Declaration declaration;
  declaration.visitor_id = request.visitor_id;
  declaration.scope = NormalizeScope(request.scope_kind, request.scope_values);
  TimePoint now = TruncateToSeconds(clock_());
  declaration.signed_at = now;
  declaration.valid_from = request.valid_from.empty()
                               ? now
                               : ParseStart(request.valid_from, "valid_from");
  declaration.valid_until = request.valid_until.empty()
                                ? AddYears(declaration.valid_from,
                                           settings_.declaration_validity_years)
                                : ParseEnd(request.valid_until, "valid_until");
  if (declaration.valid_until <= declaration.valid_from) {
    throw InvalidArgument("valid_until must be after valid_from");
  }
  if (!request.signature_scan_sha256.empty()) {
    std::string hash;
    for (char c : request.signature_scan_sha256) {
      hash += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!IsLowerHexSha256(hash)) {
      throw InvalidArgument(
          "signature_scan_sha256 must be 64 hex digits (the SHA-256 of the "
          "scanned signature), or empty");
    }
    declaration.signature_scan_sha256 = hash;
  }
  declaration.witnessed_by = caller.identity;
  declaration.seal_key_id = seal_key_.verifier().key_id();

  store_.Run([&](ReadingRoomTransaction& tx) {
    Visitor visitor = RequireVisitor(tx, request.visitor_id);
    auto text = tx.FindText(request.text_version);
    if (!text) {
      throw NotFound(request.text_version == 0
                         ? std::string("there is no declaration text yet; an "
                                       "archivist adds one first")
                         : "no declaration text version " +
                               std::to_string(request.text_version) +
                               "; list them with depot declaration texts");
    }
    declaration.text_version = text->version;
    declaration.text_sha256 = text->sha256;
    declaration.text = text->text;
    declaration.id = tx.ReserveDeclarationId();
    declaration.seal =
        seal_key_.Seal(CanonicalDeclarationBytes(SealedFieldsOf(declaration)));
    tx.InsertDeclaration(declaration);
    tx.Audit(Event(caller, "declaration.sign",
                   DeclarationObject(declaration.id), visitor.subject,
                   "text version " + std::to_string(text->version) +
                       ", scope " + ScopeKindName(declaration.scope.kind)));
  });
  return declaration;
}

Declaration Declarations::Get(const Caller& caller, int64_t declaration_id) {
  RequireId(declaration_id, "declaration_id");
  Declaration found;
  store_.Run([&](ReadingRoomTransaction& tx) {
    found = RequireDeclaration(tx, declaration_id);
    Visitor visitor = RequireVisitor(tx, found.visitor_id);
    tx.Audit(Event(caller, "declaration.read", DeclarationObject(found.id),
                   visitor.subject));
  });
  return found;
}

std::vector<Declaration> Declarations::List(const Caller& caller,
                                            int64_t visitor_id) {
  RequireId(visitor_id, "visitor_id");
  std::vector<Declaration> found;
  store_.Run([&](ReadingRoomTransaction& tx) {
    Visitor visitor = RequireVisitor(tx, visitor_id);
    found = tx.DeclarationsOf(visitor_id, false);
    tx.Audit(Event(caller, "declaration.list",
                   "visitor/" + std::to_string(visitor_id), visitor.subject,
                   std::to_string(found.size()) + " declaration(s)"));
  });
  return found;
}

Verification Declarations::Verify(const Caller& caller,
                                  int64_t declaration_id) {
  RequireId(declaration_id, "declaration_id");
  Verification result;
  result.declaration_id = declaration_id;
  result.checked_at = clock_();
  store_.Run([&](ReadingRoomTransaction& tx) {
    Declaration found = RequireDeclaration(tx, declaration_id);
    result.check =
        CheckDeclaration(found, seal_key_.verifier(), result.checked_at);
    auto visitor = tx.FindVisitor(found.visitor_id);
    tx.Audit(Event(caller, "declaration.verify", DeclarationObject(found.id),
                   visitor ? visitor->subject : "",
                   result.check.valid() ? "valid" : "not valid"));
  });
  return result;
}

Declaration Declarations::Revoke(const Caller& caller, int64_t declaration_id,
                                 const std::string& reason_text) {
  RequireId(declaration_id, "declaration_id");
  std::string reason = Trim(reason_text);
  if (reason.empty()) {
    throw InvalidArgument("reason is required: why the declaration is revoked");
  }
  if (CharacterCount(reason) > kMaxReason) {
    throw InvalidArgument("reason is longer than 500 characters");
  }
  Declaration revoked;
  store_.Run([&](ReadingRoomTransaction& tx) {
    revoked = RequireDeclaration(tx, declaration_id);
    if (revoked.revoked_at) {
      throw FailedPrecondition("declaration " + std::to_string(declaration_id) +
                               " is revoked already");
    }
    TimePoint now = TruncateToSeconds(clock_());
    tx.RevokeDeclaration(declaration_id, now, caller.identity, reason);
    revoked.revoked_at = now;
    revoked.revoked_by = caller.identity;
    revoked.revoke_reason = reason;
    Visitor visitor = RequireVisitor(tx, revoked.visitor_id);
    tx.Audit(Event(caller, "declaration.revoke",
                   DeclarationObject(declaration_id), visitor.subject,
                   "reason: " + reason));
  });
  return revoked;
}

}  // namespace depot::readingroom
