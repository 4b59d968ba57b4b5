-- The records of deposit $1 (by id) in box $2 in id order, unless the
-- deposit is cancelled.
SELECT * FROM deposits.record_rows
WHERE deposit_id = $1 AND box = $2 AND deposit_state <> 'cancelled'
ORDER BY id
