VACUUM ANALYZE deposits.audit_events
