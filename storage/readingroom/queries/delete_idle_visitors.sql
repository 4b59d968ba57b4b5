-- Retention: deletes the visitors registered (and corrected) before $1
-- (microseconds since the epoch) with no visit, loan or declaration left;
-- returns their key ids ('' for none) so that their keys can be destroyed.
DELETE FROM readingroom.visitors v
 WHERE greatest(v.registered_at, coalesce(v.corrected_at, v.registered_at))
         < timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
   AND NOT EXISTS (SELECT 1 FROM readingroom.visits s
                    WHERE s.visitor_id = v.id)
   AND NOT EXISTS (SELECT 1 FROM readingroom.loans l
                    WHERE l.visitor_id = v.id)
   AND NOT EXISTS (SELECT 1 FROM readingroom.declarations d
                    WHERE d.visitor_id = v.id)
RETURNING coalesce(v.key_id, '');
