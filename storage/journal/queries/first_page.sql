-- The first $3 entries with a journal date from $1 to $2, in journal order,
-- within a bound: $4 the years and $5 the last sequence of each (an entry
-- of a year the bound lacks compares with NULL and is left out).
SELECT * FROM journal.entry_rows e
WHERE e.journal_date BETWEEN $1::date AND $2::date
  AND e.journal_sequence <= (SELECT b.last_sequence
                             FROM unnest($4::int[], $5::int[])
                                  AS b(journal_year, last_sequence)
                             WHERE b.journal_year = e.journal_year)
ORDER BY e.journal_date, e.journal_year, e.journal_sequence
LIMIT $3
