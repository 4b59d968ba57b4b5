UPDATE deposits.audit_events SET seq = -seq + 1 WHERE seq < 0
