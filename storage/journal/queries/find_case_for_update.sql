-- The case of year $1 and sequence $2, its row locked until the
-- transaction ends.
SELECT * FROM journal.case_rows
WHERE case_year = $1 AND case_sequence = $2
FOR UPDATE
