-- The breach with id $1.
SELECT * FROM privacy.breach_rows WHERE id = $1
