UPDATE deposits.audit_events
   SET occurred_at = occurred_at + interval '1 microsecond'
 WHERE seq = $1
