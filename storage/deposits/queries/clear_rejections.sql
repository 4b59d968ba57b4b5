-- Removes the rejections of the source record ids $2 (a text[]) in deposit
-- $1 (by id): records accepted since. The EXISTS is a one-time filter: a
-- deposit without rejections (the usual case) skips the lookups of the
-- batch's ids altogether.
DELETE FROM deposits.rejections
WHERE deposit_id = $1 AND source_record_id = ANY($2::text[])
  AND EXISTS (SELECT 1 FROM deposits.rejections WHERE deposit_id = $1)
