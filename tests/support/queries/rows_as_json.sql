SELECT pg_temp.rows_as_json($1::regclass)
