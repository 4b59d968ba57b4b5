SELECT count(*) FROM deposits.audit_events
 WHERE action = 'deposit.export' AND actor_role = 'archivist'
