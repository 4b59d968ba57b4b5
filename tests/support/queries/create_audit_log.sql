SELECT audit.create_log($1)
