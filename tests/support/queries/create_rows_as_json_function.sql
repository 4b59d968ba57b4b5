-- Every row of a table as JSON text, bytea as hex (row_to_json's form), for
-- tests that look through a whole schema: a statement cannot take a table
-- name as a parameter, so this function puts the regclass into one.
CREATE FUNCTION pg_temp.rows_as_json(stored regclass) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT row_to_json(t)::text FROM %s t', stored);
END
$$
