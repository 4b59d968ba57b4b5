-- The statement that creates database $1 (empty), for the caller to run:
-- a database name cannot be a statement's parameter, so the server quotes
-- it into the statement text.
SELECT format('CREATE DATABASE %I', $1::text)
