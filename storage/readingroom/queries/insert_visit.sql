-- Checks visitor $1 in at $2 (microseconds since the epoch), by $3. A
-- unique violation: the visitor has an open visit already.
INSERT INTO readingroom.visits (visitor_id, checked_in_at, checked_in_by)
VALUES ($1, timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3)
RETURNING id;
