UPDATE deposits.audit_events SET actor = 'someone' WHERE seq = $1
