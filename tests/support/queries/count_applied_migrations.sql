SELECT count(*) FROM depot_schema_migrations
