-- The record of applied migrations, made by the runner before the first.
CREATE TABLE IF NOT EXISTS public.depot_schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,  -- SHA-256 hex of the file's bytes
  applied_at timestamptz NOT NULL DEFAULT now()
)
