INSERT INTO deposits.audit_events
       (actor, actor_role, action, object, detail, seq, chain_hash)
VALUES ('mallory', 'archivist', 'record.search', 'deposit/1', '', $1,
        decode(repeat('42', 32), 'hex'))
RETURNING id
