-- The $2 signed heads of log $1 of the largest sizes, largest first;
-- signed_at in microseconds since 1970.
SELECT size, root,
       (extract(epoch FROM signed_at) * 1000000)::bigint,
       signature
FROM audit.heads
WHERE log = $1
ORDER BY size DESC
LIMIT $2
