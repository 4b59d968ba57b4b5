#pragma once

#include "storage/pool.h"

namespace depot::storage::journal_sql {

// The prepared statements of schema `journal` (PrepareJournalStatements).
inline constexpr char kNextCaseSequence[] = "journal_next_case_sequence";
inline constexpr char kNextEntrySequence[] = "journal_next_entry_sequence";
inline constexpr char kInsertCase[] = "journal_insert_case";
inline constexpr char kFindCase[] = "journal_find_case";
inline constexpr char kFindCaseForUpdate[] = "journal_find_case_for_update";
inline constexpr char kFindCaseById[] = "journal_find_case_by_id";
inline constexpr char kCloseCase[] = "journal_close_case";
inline constexpr char kNextNumberInCase[] = "journal_next_number_in_case";
inline constexpr char kInsertEntry[] = "journal_insert_entry";
inline constexpr char kInsertCorrespondent[] = "journal_insert_correspondent";
inline constexpr char kInsertDocument[] = "journal_insert_document";
inline constexpr char kFindEntry[] = "journal_find_entry";
inline constexpr char kEntryContent[] = "journal_entry_content";
inline constexpr char kEntriesOfCase[] = "journal_entries_of_case";
inline constexpr char kInsertRelease[] = "journal_insert_release";
inline constexpr char kCaseParties[] = "journal_case_parties";
inline constexpr char kCaseReleases[] = "journal_case_releases";
inline constexpr char kCountEntries[] = "journal_count_entries";
inline constexpr char kFirstPage[] = "journal_first_page";
inline constexpr char kNextPage[] = "journal_next_page";
inline constexpr char kEntryBound[] = "journal_entry_bound";
inline constexpr char kDisposalCandidates[] = "journal_disposal_candidates";
inline constexpr char kClearContent[] = "journal_clear_content";
inline constexpr char kInsertDisposal[] = "journal_insert_disposal";
inline constexpr char kLoadSettings[] = "journal_load_settings";
inline constexpr char kEntriesOfIdentity[] = "journal_entries_of_identity";
inline constexpr char kCountNameOnly[] = "journal_count_name_only";
inline constexpr char kSaveSettings[] = "journal_save_settings";
inline constexpr char kNextMarking[] = "journal_next_marking";
inline constexpr char kInsertScreenedWords[] = "journal_insert_screened_words";
inline constexpr char kCaseScreenedWords[] = "journal_case_screened_words";

/// Registers every statement above with the pool.
void PrepareJournalStatements(ConnectionPool& pool);

}  // namespace depot::storage::journal_sql
