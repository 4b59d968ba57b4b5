-- Retention: deletes the loans returned before $1 (microseconds since the
-- epoch) with their items, units and copy agreements.
DELETE FROM readingroom.loans
 WHERE returned_at < timestamptz 'epoch' + $1::bigint * interval '1 microsecond';
