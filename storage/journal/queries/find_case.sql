-- The case of year $1 and sequence $2.
SELECT * FROM journal.case_rows WHERE case_year = $1 AND case_sequence = $2
