#include "storage/journal/journal_statements.h"

#include <cstdio>
#include <string>

#include "storage/journal/journal_rows.h"

namespace depot::storage::journal_sql {
namespace {

std::string At(int n) {
  char text[64];
  std::snprintf(text, sizeof(text), "to_timestamp($%d::double precision / 1e6)",
                n);
  return text;
}

const std::string kCaseColumns =
    "c.id, c.system_id::text AS system_id, c.case_year, c.case_sequence, "
    "c.kind, c.title, c.title_sealed, c.public_title, c.public_title_sealed, "
    "c.status, c.administrative_unit, c.case_officer, c.access_restriction, "
    "c.screening_authority, c.screening_metadata, "
    "c.screening_ends::text AS screening_ends, " +
    JournalMicros("c.created_at") + " AS created_us, c.created_by, " +
    JournalMicros("c.closed_at") + " AS closed_us, c.closed_by, " +
    "c.last_number_in_case";

// An entry with its correspondents and documents as JSON (sealed columns
// as stored: journal_rows.cc opens them).
const std::string kEntryQuery =
    "SELECT e.id, e.system_id::text AS system_id, e.case_id, c.case_year, "
    "c.case_sequence, e.journal_year, e.journal_sequence, e.number_in_case, "
    "e.entry_type, e.status, e.title, e.title_sealed, e.public_title, "
    "e.public_title_sealed, e.document_date::text AS document_date, "
    "e.journal_date::text AS journal_date, e.access_restriction, "
    "e.screening_authority, e.screening_metadata, "
    "e.screening_ends::text AS screening_ends, " +
    JournalMicros("e.recorded_at") +
    " AS recorded_us, e.recorded_by, "
    "(SELECT coalesce(json_agg(json_build_object('id', k.id, 'pos', "
    "k.position, 'name', k.name, 'ns_name', k.name_sealed, 'kind', k.kind, "
    "'role', k.role, 'ar', k.access_restriction, 'au', "
    "k.screening_authority, 'md', k.screening_metadata, 'ends', "
    "k.screening_ends::text, 'bd', k.birth_date_sealed, 'ns', "
    "k.national_id_sealed, 'ni', k.national_id_index, 'pi', k.person_index, "
    "'sub', k.subject) ORDER BY k.position), '[]') "
    "FROM journal.correspondents k WHERE k.entry_id = e.id) "
    "AS correspondents, "
    "(SELECT coalesce(json_agg(json_build_object('id', d.id, 'pos', "
    "d.position, 'description', d.description, 'description_sealed', "
    "d.description_sealed, 'sha256', d.sha256, 'ref', d.content_ref, "
    "'ref_sealed', d.content_ref_sealed, 'key', d.content_key, 'size', "
    "d.size_bytes, 'role', d.role, 'ar', d.access_restriction, 'au', "
    "d.screening_authority, 'md', d.screening_metadata, 'ends', "
    "d.screening_ends::text, 'disposed_us', " +
    JournalMicros("x.disposed_at") +
    ", 'disposed_by', x.disposed_by, 'decision', x.decision, 'months', "
    "x.retention_months) ORDER BY d.position), '[]') "
    "FROM journal.documents d LEFT JOIN journal.disposals x "
    "ON x.document_id = d.id WHERE d.entry_id = e.id) AS documents "
    "FROM journal.entries e JOIN journal.cases c ON c.id = e.case_id ";

void PrepareNumbering(ConnectionPool& pool) {
  pool.Prepare(kNextCaseSequence,
               "INSERT INTO journal.case_counters AS k (year, last_sequence) "
               "VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET "
               "last_sequence = k.last_sequence + 1 RETURNING last_sequence");
  pool.Prepare(kNextEntrySequence,
               "INSERT INTO journal.entry_counters AS k (year, last_sequence) "
               "VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET "
               "last_sequence = k.last_sequence + 1 RETURNING last_sequence");
  pool.Prepare(kNextNumberInCase,
               "UPDATE journal.cases SET last_number_in_case = "
               "last_number_in_case + 1 WHERE id = $1 RETURNING "
               "last_number_in_case");
}

void PrepareCases(ConnectionPool& pool) {
  const std::string case_select =
      "SELECT " + kCaseColumns + " FROM journal.cases c ";
  pool.Prepare(
      kInsertCase,
      "WITH c AS (INSERT INTO journal.cases (case_year, case_sequence, kind, "
      "title_sealed, public_title_sealed, administrative_unit, case_officer, "
      "access_restriction, screening_authority, screening_metadata, "
      "screening_ends, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11::date, $12) RETURNING *) SELECT " +
          kCaseColumns + " FROM c");
  pool.Prepare(kFindCase,
               case_select + "WHERE c.case_year = $1 AND c.case_sequence = $2");
  pool.Prepare(
      kFindCaseForUpdate,
      case_select +
          "WHERE c.case_year = $1 AND c.case_sequence = $2 FOR UPDATE");
  pool.Prepare(kFindCaseById, case_select + "WHERE c.id = $1");
  pool.Prepare(kCloseCase,
               "UPDATE journal.cases SET status = 'closed', "
               "closed_at = " +
                   At(2) + ", closed_by = $3 WHERE id = $1");
  pool.Prepare(
      kCaseParties,
      "SELECT k.id, k.position, k.name, k.name_sealed, k.kind, k.role, "
      "k.access_restriction, k.screening_authority, k.screening_metadata, "
      "k.screening_ends::text AS screening_ends, e.journal_year, "
      "e.journal_sequence, e.access_restriction AS e_access_restriction, "
      "e.screening_authority AS e_screening_authority, "
      "e.screening_metadata AS e_screening_metadata, "
      "e.screening_ends::text AS e_screening_ends "
      "FROM journal.correspondents k JOIN journal.entries e ON e.id = "
      "k.entry_id WHERE e.case_id = $1 ORDER BY e.number_in_case, k.position");
  pool.Prepare(kInsertRelease,
               "INSERT INTO journal.name_releases (case_id, name_index, "
               "name_sealed, reason_sealed, released_at, released_by) VALUES "
               "($1, $2, $3, $4, " +
                   At(5) + ", $6)");
  pool.Prepare(kNextMarking,
               "SELECT coalesce(max(marking), 0) + 1 FROM "
               "journal.screened_words WHERE entry_id = $1");
  pool.Prepare(kInsertScreenedWords,
               "INSERT INTO journal.screened_words (case_id, entry_id, "
               "marking, words_sealed, authority, screened_at, screened_by) "
               "VALUES ($1, $2, $3, $4, $5, " +
                   At(6) + ", $7)");
  pool.Prepare(kCaseScreenedWords,
               "SELECT w.entry_id, w.marking, w.words_sealed, w.authority, " +
                   JournalMicros("w.screened_at") +
                   " AS screened_us, w.screened_by, e.journal_year, "
                   "e.journal_sequence FROM journal.screened_words w JOIN "
                   "journal.entries e ON e.id = w.entry_id WHERE w.case_id = "
                   "$1 ORDER BY w.id");
  pool.Prepare(kCaseReleases,
               "SELECT canonical_name, name_sealed, name_index FROM "
               "journal.name_releases WHERE case_id = $1 ORDER BY id");
}

void PrepareEntries(ConnectionPool& pool) {
  pool.Prepare(
      kInsertEntry,
      "INSERT INTO journal.entries (case_id, journal_year, journal_sequence, "
      "number_in_case, entry_type, status, title_sealed, "
      "public_title_sealed, document_date, journal_date, access_restriction, "
      "screening_authority, screening_metadata, screening_ends, recorded_by) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10::date, $11, "
      "$12, $13, $14::date, $15) RETURNING id, system_id::text AS "
      "system_id, " +
          JournalMicros("recorded_at") + " AS recorded_us");
  pool.Prepare(kInsertCorrespondent,
               "INSERT INTO journal.correspondents (entry_id, position, "
               "name_sealed, name_index, kind, role, access_restriction, "
               "screening_authority, screening_metadata, screening_ends, "
               "birth_date_sealed, national_id_sealed, national_id_index, "
               "person_index, subject) VALUES ($1, $2, $3, $4, $5, $6, $7, "
               "$8, $9, $10::date, $11, $12, $13, $14, $15) RETURNING id");
  pool.Prepare(kInsertDocument,
               "INSERT INTO journal.documents (entry_id, position, "
               "description_sealed, sha256, content_sealed, "
               "content_ref_sealed, content_key, size_bytes, role, "
               "access_restriction, screening_authority, screening_metadata, "
               "screening_ends) VALUES ($1, $2, $3, $4, CASE WHEN $6::boolean "
               "THEN $5::bytea END, $7, $8, $9, $10, $11, $12, $13, "
               "$14::date) RETURNING id");
  pool.Prepare(kFindEntry, kEntryQuery +
                               "WHERE e.journal_year = $1 AND "
                               "e.journal_sequence = $2");
  // The entries where a person (by keyed index) is a correspondent; each
  // arm uses its partial index.
  pool.Prepare(kEntriesOfIdentity,
               kEntryQuery +
                   "WHERE e.id IN (SELECT m.entry_id FROM "
                   "journal.correspondents m WHERE m.national_id_index = $1 "
                   "UNION SELECT m.entry_id FROM journal.correspondents m "
                   "WHERE m.person_index = $2) ORDER BY e.journal_year, "
                   "e.journal_sequence");
  pool.Prepare(kCountNameOnly,
               "SELECT count(*) FROM journal.correspondents WHERE "
               "name_index = $1 AND person_index IS NULL");
  pool.Prepare(kEntryContent,
               "SELECT id, position, content, content_sealed, content_key "
               "FROM journal.documents WHERE entry_id = $1 AND (content IS "
               "NOT NULL OR content_sealed IS NOT NULL)");
  pool.Prepare(kEntriesOfCase,
               kEntryQuery + "WHERE e.case_id = $1 ORDER BY e.number_in_case");
  pool.Prepare(kCountEntries,
               "SELECT count(*) FROM journal.entries WHERE journal_date "
               "BETWEEN $1::date AND $2::date");
  pool.Prepare(kEntryBound,
               "SELECT year, last_sequence FROM journal.entry_counters "
               "WHERE year BETWEEN $1 AND $2");
  const std::string order =
      " ORDER BY e.journal_date, e.journal_year, e.journal_sequence";
  // Within an EntryBound given as arrays of years and their last sequences
  // ($n and $n+1): entries of a year it lacks compare with NULL.
  auto within_bound = [](int n) {
    return " AND e.journal_sequence <= (SELECT b.last_sequence FROM unnest($" +
           std::to_string(n) + "::int[], $" + std::to_string(n + 1) +
           "::int[]) AS b(journal_year, last_sequence) "
           "WHERE b.journal_year = e.journal_year)";
  };
  pool.Prepare(kFirstPage, kEntryQuery +
                               "WHERE e.journal_date BETWEEN $1::date AND "
                               "$2::date" +
                               within_bound(4) + order + " LIMIT $3");
  pool.Prepare(kNextPage,
               kEntryQuery +
                   "WHERE e.journal_date <= $2::date AND (e.journal_date, "
                   "e.journal_year, e.journal_sequence) > ($3::date, $4, $5) "
                   "AND e.journal_date >= $1::date" +
                   within_bound(7) + order + " LIMIT $6");
}

void PrepareDisposalAndSettings(ConnectionPool& pool) {
  // Documents still holding content or a reference: a disposal clears
  // them, which a concurrent run re-checks on the locked row.
  pool.Prepare(
      kDisposalCandidates,
      "SELECT d.id, d.position, d.description, d.description_sealed, "
      "e.journal_year, e.journal_sequence, c.case_year, c.case_sequence, "
      "c.kind, " +
          JournalMicros("c.closed_at") +
          " AS closed_us, (SELECT coalesce(json_agg(json_build_array(k.name, "
          "k.name_sealed, k.position, coalesce(k.subject, '')) ORDER BY "
          "k.position), '[]') FROM journal.correspondents k WHERE k.entry_id "
          "= e.id AND k.role = 'applicant') AS applicants "
          "FROM journal.documents d JOIN journal.entries e ON e.id = "
          "d.entry_id JOIN journal.cases c ON c.id = e.case_id "
          "WHERE d.role = 'application' AND c.status = 'closed' "
          "AND (d.content IS NOT NULL OR d.content_ref IS NOT NULL OR "
          "d.content_sealed IS NOT NULL OR d.content_ref_sealed IS NOT NULL) "
          "AND NOT EXISTS (SELECT 1 FROM journal.disposals x WHERE "
          "x.document_id = d.id) ORDER BY d.id FOR UPDATE OF d");
  pool.Prepare(kClearContent,
               "UPDATE journal.documents SET content = NULL, content_ref = "
               "NULL, content_sealed = NULL, content_ref_sealed = NULL WHERE "
               "id = $1 RETURNING coalesce(content_key, '')");
  pool.Prepare(kInsertDisposal,
               "INSERT INTO journal.disposals (document_id, disposed_at, "
               "disposed_by, decision, retention_months) VALUES ($1, " +
                   At(2) + ", $3, $4, $5)");
  pool.Prepare(kLoadSettings,
               "SELECT archive_creator_id, archive_creator_name, "
               "application_retention_months, " +
                   JournalMicros("updated_at") +
                   " AS updated_us, updated_by FROM journal.settings");
  pool.Prepare(kSaveSettings,
               "UPDATE journal.settings SET archive_creator_id = $1, "
               "archive_creator_name = $2, application_retention_months = "
               "$3, updated_at = " +
                   At(4) + ", updated_by = $5");
}

}  // namespace

void PrepareJournalStatements(ConnectionPool& pool) {
  PrepareNumbering(pool);
  PrepareCases(pool);
  PrepareEntries(pool);
  PrepareDisposalAndSettings(pool);
}

}  // namespace depot::storage::journal_sql
