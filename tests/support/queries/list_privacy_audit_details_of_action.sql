SELECT detail FROM privacy.audit_events WHERE action = $1 ORDER BY id
