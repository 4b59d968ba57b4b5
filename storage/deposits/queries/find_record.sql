-- The record with id $1, unless its deposit is cancelled.
SELECT * FROM deposits.record_rows
WHERE id = $1 AND deposit_state <> 'cancelled'
