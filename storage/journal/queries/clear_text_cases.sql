-- Up to $1 cases whose titles are still in clear text, locked.
SELECT id, case_year, case_sequence, title, public_title
FROM journal.cases
WHERE title_sealed IS NULL
ORDER BY id
LIMIT $1
FOR UPDATE
