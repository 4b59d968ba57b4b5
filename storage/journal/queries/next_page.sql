-- The next $6 entries with a journal date from $1 to $2 after the one of
-- date $3, year $4 and sequence $5, in journal order, within a bound: $7
-- the years and $8 the last sequence of each (an entry of a year the bound
-- lacks compares with NULL and is left out).
SELECT * FROM journal.entry_rows e
WHERE e.journal_date <= $2::date
  AND (e.journal_date, e.journal_year, e.journal_sequence)
      > ($3::date, $4, $5)
  AND e.journal_date >= $1::date
  AND e.journal_sequence <= (SELECT b.last_sequence
                             FROM unnest($7::int[], $8::int[])
                                  AS b(journal_year, last_sequence)
                             WHERE b.journal_year = e.journal_year)
ORDER BY e.journal_date, e.journal_year, e.journal_sequence
LIMIT $6
