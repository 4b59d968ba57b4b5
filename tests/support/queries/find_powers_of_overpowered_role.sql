SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'overpowered'
