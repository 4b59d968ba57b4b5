SELECT indexdef
  FROM pg_indexes
 WHERE schemaname = $1 AND tablename IN ('audit_events', 'audit_heads')
