-- The events of the audit log of service schema $1 whose subject is one of
-- the pseudonyms $2 (a text[] literal), oldest first; times in
-- microseconds since 1970.
SELECT id,
       (extract(epoch FROM occurred_at) * 1000000)::bigint AS occurred_us,
       actor, actor_role, action, object, detail
FROM audit.events
WHERE log = $1 AND subject = ANY($2::text[])
ORDER BY id
