-- Up to $1 documents whose descriptions, contents and references are still
-- in clear text, with their entry's journal number, locked.
SELECT d.id, d.position, d.description, d.content, d.content_ref,
       e.journal_year, e.journal_sequence
FROM journal.documents d
JOIN journal.entries e ON e.id = d.entry_id
WHERE d.description_sealed IS NULL
ORDER BY d.id
LIMIT $1
FOR UPDATE OF d
