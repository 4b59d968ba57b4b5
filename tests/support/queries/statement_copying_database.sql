-- The statement that creates database $1 as a copy of template $2, for
-- the caller to run (names cannot be parameters; the server quotes them).
SELECT format('CREATE DATABASE %I TEMPLATE %I', $1::text, $2::text)
