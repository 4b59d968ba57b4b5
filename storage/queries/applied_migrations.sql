-- The migrations applied to this database.
SELECT version, name, checksum FROM public.depot_schema_migrations
