-- The statement that renames database $1 to $2, for the caller to run
-- (the server quotes the names).
SELECT format('ALTER DATABASE %I RENAME TO %I', $1::text, $2::text)
