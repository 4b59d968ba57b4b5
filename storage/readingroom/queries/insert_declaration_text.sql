-- Adds the next version of the declaration text: $1 body, $2 its SHA-256
-- (hex), $3 created at (microseconds since the epoch), $4 created by. A
-- unique violation: another version was added at the same moment.
INSERT INTO readingroom.declaration_texts (version, body, sha256, created_at,
                                           created_by)
SELECT coalesce(max(version), 0) + 1, $1, $2,
       timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4
  FROM readingroom.declaration_texts
RETURNING version;
