DELETE FROM deposits.audit_events WHERE seq = $1
