SELECT count(*) FROM readingroom.audit_events
 WHERE action = 'lending_log.item' AND subject IS NOT NULL
