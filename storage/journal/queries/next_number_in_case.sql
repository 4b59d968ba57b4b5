-- The next entry number within case $1 (by id), locking the case's row.
UPDATE journal.cases
SET last_number_in_case = last_number_in_case + 1
WHERE id = $1
RETURNING last_number_in_case
