-- For COPY: the sealed events of the log and range chosen by
-- choose_sealed_events, in seq order, as sealed_events.sql reads them.
SELECT seq, id, occurred_at, actor, actor_role, action, object, subject,
       detail, chain_hash
FROM audit.events
WHERE log = current_setting('depot.audit_log')
  AND seq > current_setting('depot.audit_after')::bigint
  AND seq <= current_setting('depot.audit_last')::bigint
ORDER BY seq
LIMIT nullif(current_setting('depot.audit_limit')::bigint, 0)
