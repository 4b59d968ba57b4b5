-- seq and chain_hash of the last sealed event of log $1 (no row: none).
SELECT seq, chain_hash
FROM audit.events
WHERE log = $1 AND seq IS NOT NULL
ORDER BY seq DESC
LIMIT 1
