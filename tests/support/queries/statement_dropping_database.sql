-- The statement that drops database $1 if it exists, closing its
-- connections, for the caller to run (the server quotes the name).
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', $1::text)
