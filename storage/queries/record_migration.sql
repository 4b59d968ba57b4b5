-- Records migration $1 (version), $2 (file name), $3 (checksum) as applied.
INSERT INTO public.depot_schema_migrations (version, name, checksum)
VALUES ($1, $2, $3)
