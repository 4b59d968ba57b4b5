SELECT count(*) FROM deposits.audit_events
 WHERE action = 'record.read' AND detail = 'Noark 5 export' AND subject <> ''
