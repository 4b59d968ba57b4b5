-- The entries with a journal date from $1 to $2.
SELECT count(*)
FROM journal.entries
WHERE journal_date BETWEEN $1::date AND $2::date
