-- Retention: deletes the declarations that expired or were revoked before
-- $1 (microseconds since the epoch) and that no loan refers to.
DELETE FROM readingroom.declarations d
 WHERE least(d.valid_until, coalesce(d.revoked_at, d.valid_until))
         < timestamptz 'epoch' + $1::bigint * interval '1 microsecond'
   AND NOT EXISTS (SELECT 1 FROM readingroom.loans l
                    WHERE l.declaration_id = d.id);
