-- Ids of the access requests closed before $1 (microseconds since 1970),
-- locked against a concurrent retention run.
SELECT id
FROM privacy.access_requests
WHERE closed_at < to_timestamp($1::double precision / 1e6)
ORDER BY id
FOR UPDATE
