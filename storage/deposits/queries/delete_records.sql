-- Removes the records of deposit $1 (by id).
DELETE FROM deposits.records WHERE deposit_id = $1
