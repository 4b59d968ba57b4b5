-- Up to $1 entries whose titles are still in clear text, locked.
SELECT id, journal_year, journal_sequence, title, public_title
FROM journal.entries
WHERE title_sealed IS NULL
ORDER BY id
LIMIT $1
FOR UPDATE
