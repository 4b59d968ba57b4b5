UPDATE deposits.audit_heads SET signed_at = signed_at + interval '1 second'
