-- The erasures recorded for the pseudonym $1, by id.
SELECT id,
       (extract(epoch FROM requested_at) * 1000000)::bigint AS requested_us,
       requested_by, reason, erased_count, kept_count
FROM privacy.erasures
WHERE subject = $1
ORDER BY id
