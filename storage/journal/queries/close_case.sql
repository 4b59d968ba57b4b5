-- Closes case $1 (by id) at $2 (microseconds since the epoch) by $3.
UPDATE journal.cases
SET status = 'closed',
    closed_at = to_timestamp($2::double precision / 1e6),
    closed_by = $3
WHERE id = $1
