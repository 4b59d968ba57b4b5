-- Revokes declaration $1 at $2 (microseconds since the epoch), by $3, for
-- reason $4; one already revoked stays as it was.
UPDATE readingroom.declarations
   SET revoked_at = timestamptz 'epoch' + $2::bigint * interval '1 microsecond',
       revoked_by = $3, revoke_reason = $4
 WHERE id = $1 AND revoked_at IS NULL;
