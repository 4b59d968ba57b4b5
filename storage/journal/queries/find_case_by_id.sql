-- The case with id $1.
SELECT * FROM journal.case_rows WHERE id = $1
