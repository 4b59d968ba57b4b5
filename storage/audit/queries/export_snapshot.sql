-- This transaction's snapshot, for the parallel readers of a log to share.
SELECT pg_export_snapshot()
