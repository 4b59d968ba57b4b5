DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'depot_app') THEN
    CREATE ROLE depot_app LOGIN PASSWORD 'right-password';
  END IF;
END
$$
