-- Up to $1 name releases whose name and reason are still in clear text,
-- locked.
SELECT id, case_id, canonical_name, reason
FROM journal.name_releases
WHERE name_sealed IS NULL
ORDER BY id
LIMIT $1
FOR UPDATE
