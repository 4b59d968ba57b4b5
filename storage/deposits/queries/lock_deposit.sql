-- The deposit with id $1, its row locked against every other lock until
-- the transaction ends: state changes, and batches that must run alone.
SELECT * FROM deposits.deposit_rows WHERE id = $1 FOR UPDATE
