UPDATE deposits.audit_events SET seq = -seq WHERE seq >= $1
