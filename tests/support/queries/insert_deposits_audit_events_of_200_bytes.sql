INSERT INTO deposits.audit_events (actor, actor_role, action, object, detail)
SELECT 'anna', 'archivist', 'record.search', 'deposit/' || g, repeat('x', 200)
  FROM generate_series(1, $1::int) AS g
