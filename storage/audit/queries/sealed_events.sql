-- For COPY: every sealed event of the log chosen by choose_sealed_events,
-- in seq order; a missing subject stays NULL (the reader takes it as
-- empty: no coalesce a million times).
SELECT seq, id, occurred_at, actor, actor_role, action, object, subject,
       detail, chain_hash
FROM audit.events
WHERE log = current_setting('depot.audit_log') AND seq IS NOT NULL
ORDER BY seq
