-- Waits for a log's sealer lock ($1, its advisory lock key) and holds it
-- until the transaction ends.
SELECT pg_advisory_xact_lock($1)
