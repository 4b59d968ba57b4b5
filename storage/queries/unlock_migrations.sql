-- Releases the migration lock ($1, the runner's advisory lock key).
SELECT pg_advisory_unlock($1)
