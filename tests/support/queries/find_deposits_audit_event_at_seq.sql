SELECT id FROM deposits.audit_events WHERE seq = $1
