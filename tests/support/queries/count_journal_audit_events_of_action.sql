SELECT count(*) FROM journal.audit_events WHERE action = $1
