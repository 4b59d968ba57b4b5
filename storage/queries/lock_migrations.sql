-- Waits for the migration lock ($1, the runner's advisory lock key), so
-- that servers starting together apply each migration once.
SELECT pg_advisory_lock($1)
