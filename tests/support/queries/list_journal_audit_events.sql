SELECT action, subject FROM journal.audit_events ORDER BY id
