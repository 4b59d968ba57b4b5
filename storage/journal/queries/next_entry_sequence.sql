-- The next journal sequence number of year $1: the year's counter row,
-- locked until the transaction ends, so a rollback gives the number back
-- and entries commit in the order of their numbers.
INSERT INTO journal.entry_counters AS k (year, last_sequence)
VALUES ($1, 1)
ON CONFLICT (year) DO UPDATE SET last_sequence = k.last_sequence + 1
RETURNING last_sequence
