SELECT count(*) FROM readingroom.audit_events
 WHERE action = 'retention.delete' AND detail LIKE '1 visits%'
