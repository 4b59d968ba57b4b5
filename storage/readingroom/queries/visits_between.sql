-- Visits that began in [$1, $2) (microseconds since the epoch), with the
-- visitors' sealed names, by check-in time.
SELECT *
  FROM readingroom.visit_rows
 WHERE checked_in_at >= timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
   AND checked_in_at < timestamptz 'epoch' + $2::bigint * interval '1 microsecond'
 ORDER BY checked_in_at, visit_id;
