UPDATE deposits.audit_events SET detail = $2 WHERE seq = $1
