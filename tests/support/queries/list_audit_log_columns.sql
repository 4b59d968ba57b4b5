SELECT table_name || ' ' || column_name || ' ' || data_type
       || ' ' || is_nullable || ' ' || coalesce(column_default, '')
       || ' ' || is_identity || ' ' || coalesce(identity_generation, '')
       || ' ' || coalesce(collation_name, '') || ' ' || ordinal_position
  FROM information_schema.columns
 WHERE table_schema = $1 AND table_name IN ('audit_events', 'audit_heads')
