UPDATE deposits.audit_events SET subject = 'another-person' WHERE seq = $1
