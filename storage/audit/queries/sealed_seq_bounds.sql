-- The lowest and highest seq of the sealed events of log $1 (0, 0: none).
SELECT coalesce(min(seq), 0), coalesce(max(seq), 0)
FROM audit.events
WHERE log = $1
