-- Up to $1 correspondents whose names are still in clear text, with their
-- entry's journal number, locked.
SELECT k.id, k.position, k.name, e.journal_year, e.journal_sequence
FROM journal.correspondents k
JOIN journal.entries e ON e.id = k.entry_id
WHERE k.name_sealed IS NULL
ORDER BY k.id
LIMIT $1
FOR UPDATE OF k
