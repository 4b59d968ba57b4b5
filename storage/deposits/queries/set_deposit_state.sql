-- Deposit $1 (by id) in state $2, with the cancel reason $3 ('' unless
-- cancelled).
UPDATE deposits.deposits SET state = $2, cancel_reason = $3 WHERE id = $1
