-- Access requests by due date, then id: only open ones when $1; only those
-- due on or before $2 (YYYY-MM-DD) unless it is NULL; at most $3.
SELECT *
FROM privacy.access_request_rows
WHERE (NOT $1::boolean OR closed_at IS NULL)
  AND ($2::date IS NULL OR due_on <= $2::date)
ORDER BY due_on, id
LIMIT $3
