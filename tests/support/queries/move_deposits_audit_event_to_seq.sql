UPDATE deposits.audit_events SET seq = $2 WHERE seq = $1
