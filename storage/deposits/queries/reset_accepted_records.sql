-- Deposit $1 (by id) counts no accepted records (they were deleted).
UPDATE deposits.deposits SET accepted_records = 0 WHERE id = $1
