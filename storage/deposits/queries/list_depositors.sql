-- At most $2 depositors with id > $1 in id order; only the one with
-- organisation number $3 unless $3 is NULL.
SELECT id, organization_number, name, kind,
       (extract(epoch FROM registered_at) * 1000000)::bigint AS registered_us
FROM deposits.depositors
WHERE id > $1 AND ($3::text IS NULL OR organization_number = $3)
ORDER BY id
LIMIT $2
