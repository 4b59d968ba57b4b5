DELETE FROM readingroom.audit_events WHERE seq = $1
