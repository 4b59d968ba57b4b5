-- The words marked to screen in case $1 (by id), in the order they were
-- marked, with the journal number of their entry.
SELECT w.entry_id, w.marking, w.words_sealed, w.authority,
       (extract(epoch FROM w.screened_at) * 1000000)::bigint AS screened_us,
       w.screened_by, e.journal_year, e.journal_sequence
FROM journal.screened_words w
JOIN journal.entries e ON e.id = w.entry_id
WHERE w.case_id = $1
ORDER BY w.id
