-- The breach with id $1, its row locked until the transaction ends.
SELECT * FROM privacy.breach_rows WHERE id = $1 FOR UPDATE
