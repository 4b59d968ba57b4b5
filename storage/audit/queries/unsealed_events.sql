-- The first $2 committed events of log $1 not sealed yet, in id order;
-- occurred_at as text (the transaction prints times in UTC), a missing
-- subject as ''.
SELECT id, occurred_at, actor, actor_role, action, object,
       coalesce(subject, ''), detail
FROM audit.events
WHERE log = $1 AND seq IS NULL
ORDER BY id
LIMIT $2
