-- The next case sequence number of year $1: the year's counter row, locked
-- until the transaction ends, so a rollback gives the number back.
INSERT INTO journal.case_counters AS k (year, last_sequence)
VALUES ($1, 1)
ON CONFLICT (year) DO UPDATE SET last_sequence = k.last_sequence + 1
RETURNING last_sequence
