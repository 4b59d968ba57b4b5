-- The deposit with id $1.
SELECT * FROM deposits.deposit_rows WHERE id = $1
