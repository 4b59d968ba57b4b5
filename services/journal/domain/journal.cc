#include "services/journal/domain/journal.h"

#include "services/common/error.h"
#include "services/common/sha256.h"
#include "services/common/subject_key.h"
#include "services/journal/domain/codes.h"
#include "services/journal/domain/correspondent_identity.h"
#include "services/journal/domain/masking/words.h"
#include "services/journal/domain/validation.h"

namespace depot::journal {
namespace {

std::string At(const std::string& field, size_t index) {
  return field + "[" + std::to_string(index) + "]";
}

Error NoEntry(int year, int sequence) {
  char text[32];
  std::snprintf(text, sizeof(text), "%d/%06d", year, sequence);
  return NotFound(std::string("no journal entry ") + text +
                  "; check the journal number");
}

void RequireNotFuture(const std::string& field, Day day, Day today) {
  if (today < day) {
    throw InvalidArgument(field + " " + FormatDay(day) +
                          " is in the future; give today or an earlier day");
  }
}

}  // namespace

Journal::Journal(JournalStore& store, const Keyring& keyring, Clock clock)
    : store_(store), keyring_(keyring), clock_(std::move(clock)) {}

JournalCase Journal::FindCaseOrThrow(JournalTransaction& tx,
                                     const std::string& case_number,
                                     bool for_update) {
  auto [year, sequence] = ParseCaseNumber(case_number);
  auto found = tx.FindCase(year, sequence, for_update);
  if (!found) {
    throw NotFound("no case " + std::to_string(year) + "/" +
                   std::to_string(sequence) +
                   "; check the number or create the case first");
  }
  return *found;
}

JournalCase Journal::CreateCase(const Caller& caller, const NewCase& request) {
  if (!request.kind) {
    throw InvalidArgument(
        "kind is required: ordinary, job_application or personnel");
  }
  JournalCase c;
  c.kind = *request.kind;
  c.title = CleanText("title", request.title, 1000, true, true);
  c.public_title =
      CleanText("public_title", request.public_title, 1000, false, true);
  c.screening = CleanScreening("screening", request.screening);
  c.administrative_unit =
      CleanText("administrative_unit", request.administrative_unit, 200, false);
  c.case_officer = CleanText("case_officer", request.case_officer, 200, false);
  if (c.screening.Has(kScreenCaseTitleWords) && c.public_title.empty()) {
    throw InvalidArgument(
        "public_title is required when the screening hides selected words of "
        "the title (TMO): give the title as the public may see it");
  }
  c.status = CaseStatus::kOpen;
  c.created_by = caller.identity;
  int year = static_cast<int>(LocalDay(clock_()).year());
  JournalCase stored;
  store_.Run([&](JournalTransaction& tx) {
    JournalCase row = c;
    row.year = year;
    row.sequence = tx.NextCaseSequence(year);
    stored = tx.InsertCase(row);
  });
  return stored;
}

JournalCase Journal::GetCase(const Caller&, const std::string& case_number) {
  JournalCase found;
  store_.Run([&](JournalTransaction& tx) {
    found = FindCaseOrThrow(tx, case_number, false);
  });
  return found;
}

JournalCase Journal::CloseCase(const Caller& caller,
                               const std::string& case_number) {
  JournalCase closed;
  TimePoint now = clock_();
  store_.Run([&](JournalTransaction& tx) {
    closed = FindCaseOrThrow(tx, case_number, true);
    if (closed.status == CaseStatus::kClosed) {
      throw FailedPrecondition("case " + closed.Number() +
                               " is closed already (since " +
                               FormatDay(LocalDay(*closed.closed_at)) + ")");
    }
    tx.MarkCaseClosed(closed.id, now, caller.identity);
    closed.status = CaseStatus::kClosed;
    closed.closed_at = now;
    closed.closed_by = caller.identity;
  });
  return closed;
}

EntryDetails Journal::RecordEntry(const Caller& caller,
                                  const NewEntry& request) {
  TimePoint now = clock_();
  Day today = LocalDay(now);
  ParseCaseNumber(request.case_number);  // bad input before anything else
  if (!request.type) {
    throw InvalidArgument(
        "entry_type is required: I (incoming), U (outgoing), N or X "
        "(internal) or S (case presentation)");
  }
  JournalEntry e;
  e.type = *request.type;
  e.status = request.status;
  e.title = CleanText("title", request.title, 1000, true, true);
  e.public_title =
      CleanText("public_title", request.public_title, 1000, false, true);
  e.screening = CleanScreening("screening", request.screening);
  if (e.screening.Has(kScreenEntryTitleWords) && e.public_title.empty()) {
    throw InvalidArgument(
        "public_title is required when the screening hides selected words of "
        "the title (TRO): give the title as the public may see it");
  }
  e.journal_date =
      ParseDayField("journal_date", request.journal_date).value_or(today);
  RequireNotFuture("journal_date", e.journal_date, today);
  e.document_date = ParseDayField("document_date", request.document_date);
  if (e.document_date) {
    RequireNotFuture("document_date", *e.document_date, today);
  }

  ScreenedWords words = CleanWordScreening(
      "screened_words",
      {request.screened_words, request.screened_words_authority});

  if (request.correspondents.empty()) {
    throw InvalidArgument(
        "correspondents: at least one sender or recipient is required (Noark "
        "5 journals list a correspondent for every entry)");
  }
  std::vector<std::optional<CheckedIdentity>> identities;
  for (size_t i = 0; i < request.correspondents.size(); ++i) {
    const NewCorrespondent& in = request.correspondents[i];
    std::string field = At("correspondents", i);
    Correspondent c;
    c.name = CleanText(field + ".name", in.name, 300, true);
    if (!in.kind) {
      throw InvalidArgument(field +
                            ".kind is required: sender, recipient or copy");
    }
    c.kind = *in.kind;
    c.screening = CleanScreening(field + ".screening", in.screening);
    identities.push_back(CheckCorrespondentIdentity(field, in.birth_date,
                                                    in.national_id, today));
    // The role is settled once the case's kind is known (below).
    c.role = in.role.value_or(PartyRole::kApplicant);
    e.correspondents.push_back(std::move(c));
  }

  size_t content_bytes = 0;
  for (size_t i = 0; i < request.documents.size(); ++i) {
    const NewDocument& in = request.documents[i];
    std::string field = At("documents", i);
    Document d;
    d.description =
        CleanText(field + ".description", in.description, 500, true);
    d.role = in.role;
    d.screening = CleanScreening(field + ".screening", in.screening);
    d.content_ref =
        CleanText(field + ".content_ref", in.content_ref, 500, false);
    if (in.content.has_value() == !d.content_ref.empty()) {
      throw InvalidArgument(field +
                            ": give either content or content_ref (a "
                            "reference to where the document is kept)");
    }
    if (in.content) {
      content_bytes += in.content->size();
      if (content_bytes > kMaxContentBytes) {
        throw InvalidArgument(
            "documents: the content of one entry is more than 3 MiB; store "
            "large documents elsewhere and give content_ref");
      }
      d.content = in.content;
      d.size_bytes = static_cast<int64_t>(in.content->size());
      d.sha256 = Sha256Hex(*in.content);
      if (!in.sha256.empty() &&
          CleanSha256(field + ".sha256", in.sha256) != d.sha256) {
        throw InvalidArgument(field +
                              ".sha256 does not match the content; the "
                              "document was changed or cut in transit");
      }
    } else {
      if (in.sha256.empty()) {
        throw InvalidArgument(field +
                              ".sha256 is required with content_ref: the "
                              "SHA-256 of the referenced document");
      }
      d.sha256 = CleanSha256(field + ".sha256", in.sha256);
    }
    e.documents.push_back(std::move(d));
  }

  RequireWordsInEntry("screened_words", words, e);
  e.year = static_cast<int>(e.journal_date.year());
  e.recorded_by = caller.identity;
  EntryDetails details;
  store_.Run([&](JournalTransaction& tx) {
    JournalEntry row = e;
    // Lock order: the case row first, then the year's counter.
    JournalCase c = FindCaseOrThrow(tx, request.case_number, true);
    if (c.status == CaseStatus::kClosed) {
      throw FailedPrecondition("case " + c.Number() +
                               " is closed; entries cannot be added to a "
                               "closed case");
    }
    for (size_t i = 0; i < row.correspondents.size(); ++i) {
      Correspondent& k = row.correspondents[i];
      const auto& asked = request.correspondents[i].role;
      if (c.kind != CaseKind::kJobApplication) {
        if (asked == PartyRole::kApplicant) {
          throw FailedPrecondition(
              At("correspondents", i) + ".role is applicant, but case " +
              c.Number() + " is not a job-application case");
        }
        k.role = PartyRole::kOther;
      }
    }
    row.case_id = c.id;
    row.case_year = c.year;
    row.case_sequence = c.sequence;
    // Read before taking the year's number: writers of the year queue on
    // its counter row until commit, so as little as possible follows it.
    // The case row is locked, so its parties cannot change meanwhile.
    CaseParties parties = tx.LoadCaseParties(c.id);
    row.number_in_case = tx.NextNumberInCase(c.id);
    row.sequence = tx.NextEntrySequence(row.year);
    // Sealed once the journal number is known: the ciphertexts are bound to
    // the entry and the correspondent's position.
    for (size_t i = 0; i < row.correspondents.size(); ++i) {
      if (!identities[i]) continue;
      row.correspondents[i].identity =
          SealIdentity(keyring_, row.correspondents[i].name, *identities[i],
                       row.JournalNumber(), static_cast<int>(i));
    }
    JournalEntry stored = tx.InsertEntry(row);
    AuditCorrespondents(tx, caller, "journal.entry.record", stored);
    for (const Correspondent& k : stored.correspondents) {
      parties.parties.push_back({k, stored.screening});
    }
    if (!words.words.empty()) RecordWords(tx, caller, stored, words, &parties);
    details = Describe(parties, std::move(stored));
  });
  ShowBirthDates(caller, details);
  return details;
}

EntryDetails Journal::GetEntry(const Caller& caller,
                               const std::string& journal_number,
                               bool include_content) {
  auto [year, sequence] = ParseJournalNumber(journal_number);
  EntryDetails details;
  store_.Run([&](JournalTransaction& tx) {
    auto found = tx.FindEntry(year, sequence, include_content);
    if (!found) throw NoEntry(year, sequence);
    AuditCorrespondents(tx, caller, "journal.entry.read", *found);
    details = Describe(tx.LoadCaseParties(found->case_id), std::move(*found));
  });
  ShowBirthDates(caller, details);
  return details;
}

void Journal::ShowBirthDates(const Caller& caller,
                             EntryDetails& details) const {
  const JournalEntry& e = details.entry;
  details.birth_dates.assign(e.correspondents.size(), "");
  if (caller.role != Role::kArchivist) return;
  for (size_t i = 0; i < e.correspondents.size(); ++i) {
    details.birth_dates[i] =
        OpenBirthDate(keyring_, e.correspondents[i].identity, e.JournalNumber(),
                      static_cast<int>(i));
  }
}

EntryDetails Journal::Describe(const CaseParties& parties, JournalEntry entry) {
  CaseView view(parties, LocalDay(clock_()));
  EntryDetails details;
  details.journal_case = parties.journal_case;
  for (const ScreenedWords& marked : parties.screened_words) {
    if (marked.entry_id == entry.id) details.screened_words.push_back(marked);
  }
  for (const Correspondent& c : entry.correspondents) {
    details.name_screening.push_back(view.HiddenName(c, entry.screening));
  }
  details.public_view = MakePublicEntry(entry, view);
  details.entry = std::move(entry);
  return details;
}

void Journal::AuditCorrespondents(JournalTransaction& tx, const Caller& caller,
                                  const std::string& action,
                                  const JournalEntry& entry) {
  for (const Correspondent& c : entry.correspondents) {
    AuditEvent event;
    event.actor = caller.identity;
    event.actor_role = caller.RoleLabel();
    event.action = action;
    event.object = "entry/" + entry.JournalNumber();
    event.subject = CorrespondentSubject(keyring_, c);
    event.detail = std::string("kind=") + CorrespondentKindName(c.kind) +
                   " role=" + PartyRoleName(c.role);
    tx.Audit(event);
  }
}

void Journal::RecordWords(JournalTransaction& tx, const Caller& caller,
                          const JournalEntry& entry, ScreenedWords words,
                          CaseParties* parties) {
  words.entry_id = entry.id;
  words.screened_at = clock_();
  words.screened_by = caller.identity;
  tx.InsertScreenedWords(entry.case_id, entry, words);
  // The words may be a person's, but whose is not known: no subject; the
  // words themselves never go into the audit log.
  tx.Audit({caller.identity, caller.RoleLabel(), "journal.words.screen",
            "entry/" + entry.JournalNumber(), "",
            "words=" + std::to_string(words.words.size())});
  parties->screened_words.push_back(std::move(words));
}

EntryDetails Journal::ScreenWords(const Caller& caller,
                                  const std::string& journal_number,
                                  const WordScreeningInput& input) {
  auto [year, sequence] = ParseJournalNumber(journal_number);
  ScreenedWords words = CleanWordScreening("screening", input);
  if (words.words.empty()) {
    throw InvalidArgument(
        "screening.words: give at least one word to screen, as written in "
        "the entry");
  }
  EntryDetails details;
  store_.Run([&](JournalTransaction& tx) {
    auto found = tx.FindEntry(year, sequence, false);
    if (!found) throw NoEntry(year, sequence);
    // The case row first, as every writer of the case takes it.
    tx.FindCase(found->case_year, found->case_sequence, true);
    RequireWordsInEntry("screening", words, *found);
    CaseParties parties = tx.LoadCaseParties(found->case_id);
    RecordWords(tx, caller, *found, words, &parties);
    details = Describe(parties, std::move(*found));
  });
  ShowBirthDates(caller, details);
  return details;
}

ReleaseResult Journal::ReleaseName(const Caller& caller,
                                   const std::string& case_number,
                                   const std::string& name,
                                   const std::string& reason) {
  ParseCaseNumber(case_number);
  std::string clean_name = CleanText("name", name, 300, true);
  std::string clean_reason = CleanText("reason", reason, 500, true);
  TimePoint now = clock_();
  ReleaseResult result;
  store_.Run([&](JournalTransaction& tx) {
    JournalCase c = FindCaseOrThrow(tx, case_number, true);
    if (c.kind != CaseKind::kJobApplication) {
      throw FailedPrecondition(
          "case " + c.Number() +
          " is not a job-application case; only applicants' names are "
          "screened by default and can be released");
    }
    CaseParties parties = tx.LoadCaseParties(c.id);
    std::string canonical = CanonicalName(clean_name);
    for (const std::string& released : parties.released_names) {
      if (CanonicalName(released) == canonical) {
        throw AlreadyExists("that applicant's name is released in case " +
                            c.Number() + " already");
      }
    }
    int matching = 0;
    for (const auto& party : parties.parties) {
      if (party.correspondent.role == PartyRole::kApplicant &&
          CanonicalName(party.correspondent.name) == canonical) {
        ++matching;
      }
    }
    if (matching == 0) {
      throw NotFound("case " + c.Number() +
                     " has no applicant by that name; give the name as it "
                     "was journaled");
    }
    NameRelease release{c.id, canonical, clean_reason, now, caller.identity};
    tx.InsertRelease(release);
    parties.released_names.push_back(canonical);
    CaseView view(parties, LocalDay(now));
    result.case_number = c.Number();
    result.correspondents_released = matching;
    for (const auto& party : parties.parties) {
      if (party.correspondent.role == PartyRole::kApplicant &&
          CanonicalName(party.correspondent.name) == canonical &&
          view.NameScreening(party.correspondent, party.entry_screening)) {
        ++result.still_screened;
      }
    }
    result.released_at = now;
    result.released_by = caller.identity;
    AuditEvent event;
    event.actor = caller.identity;
    event.actor_role = caller.RoleLabel();
    event.action = "journal.name.release";
    event.object = "case/" + c.Number();
    event.subject = keyring_.Pseudonym(SubjectKeyFromName(clean_name));
    event.detail = "correspondents=" + std::to_string(matching) +
                   " still_screened=" + std::to_string(result.still_screened);
    tx.Audit(event);
  });
  return result;
}

JournalSettings Journal::GetSettings(const Caller&) {
  JournalSettings settings;
  store_.Run([&](JournalTransaction& tx) { settings = tx.LoadSettings(); });
  return settings;
}

JournalSettings Journal::UpdateSettings(const Caller& caller,
                                        const std::string& creator_id,
                                        const std::string& creator_name,
                                        int retention_months) {
  std::string id = CleanText("archive_creator_id", creator_id, 100, false);
  std::string name =
      CleanText("archive_creator_name", creator_name, 200, false);
  if (retention_months < 0 || retention_months > 120) {
    throw InvalidArgument(
        "application_retention_months must be between 1 and 120 (0 keeps "
        "the current value)");
  }
  JournalSettings settings;
  TimePoint now = clock_();
  store_.Run([&](JournalTransaction& tx) {
    settings = tx.LoadSettings();
    if (!id.empty()) settings.archive_creator_id = id;
    if (!name.empty()) settings.archive_creator_name = name;
    if (retention_months > 0) {
      settings.application_retention_months = retention_months;
    }
    settings.updated_at = now;
    settings.updated_by = caller.identity;
    tx.SaveSettings(settings);
  });
  return settings;
}

}  // namespace depot::journal
