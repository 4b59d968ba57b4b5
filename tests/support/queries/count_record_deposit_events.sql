SELECT count(*) FROM deposits.audit_events WHERE action = 'record.deposit'
