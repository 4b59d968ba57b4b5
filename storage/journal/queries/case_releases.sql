-- The names released in case $1 (by id), in the order they were released.
SELECT canonical_name, name_sealed, name_index
FROM journal.name_releases
WHERE case_id = $1
ORDER BY id
