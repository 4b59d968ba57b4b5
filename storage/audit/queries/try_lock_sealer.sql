-- Takes a log's sealer lock ($1, its advisory lock key) until the
-- transaction ends if no one holds it; whether it did.
SELECT pg_try_advisory_xact_lock($1)
