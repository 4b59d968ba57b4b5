SELECT version, checksum FROM depot_schema_migrations ORDER BY version
