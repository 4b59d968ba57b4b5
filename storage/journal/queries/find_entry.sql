-- The entry of journal year $1 and sequence $2.
SELECT * FROM journal.entry_rows
WHERE journal_year = $1 AND journal_sequence = $2
