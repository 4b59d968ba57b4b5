-- The breaches by deadline, then id; only those not notified yet when $1.
SELECT *
FROM privacy.breach_rows
WHERE (NOT $1::boolean OR notified_at IS NULL)
ORDER BY deadline_at, id
