-- Adds a batch to the counters of deposit $1 (by id): $2 records accepted,
-- $3 rejected, $4 earlier rejections the batch's records replaced.
UPDATE deposits.deposits
SET accepted_records = accepted_records + $2,
    rejected_records = rejected_records + $3 - $4
WHERE id = $1
