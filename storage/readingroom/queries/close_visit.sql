-- Checks visit $1 out at $2 (microseconds since the epoch), by $3; returns
-- who it was and when they came in.
UPDATE readingroom.visits
   SET checked_out_at = timestamptz 'epoch' + $2::bigint * interval '1 microsecond',
       checked_out_by = $3
 WHERE id = $1
RETURNING visitor_id, checked_in_by,
          (extract(epoch FROM checked_in_at) * 1000000)::bigint AS in_us;
