-- Whether the audit log of service schema $1 is in this database: its
-- tables (with the chain columns) and the views of migration 302 that
-- reach every log.
SELECT to_regclass('audit.events') IS NOT NULL
   AND to_regclass('audit.heads') IS NOT NULL
   AND to_regclass($1::text || '.audit_heads') IS NOT NULL
