SELECT journal_year, count(*), count(DISTINCT journal_sequence),
       min(journal_sequence), max(journal_sequence)
  FROM journal.entries
 GROUP BY journal_year
 ORDER BY journal_year
