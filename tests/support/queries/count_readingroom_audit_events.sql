SELECT count(*) FROM readingroom.audit_events
