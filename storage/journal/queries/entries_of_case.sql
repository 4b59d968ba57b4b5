-- The entries of case $1 (by id) in the order of their numbers.
SELECT * FROM journal.entry_rows WHERE case_id = $1 ORDER BY number_in_case
