-- The last journal sequence committed in each year from $1 to $2.
SELECT year, last_sequence
FROM journal.entry_counters
WHERE year BETWEEN $1 AND $2
