-- Retention: deletes the visits checked out before $1 (microseconds since
-- the epoch) that no loan refers to.
DELETE FROM readingroom.visits s
 WHERE s.checked_out_at
         < timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
   AND NOT EXISTS (SELECT 1 FROM readingroom.loans l WHERE l.visit_id = s.id);
