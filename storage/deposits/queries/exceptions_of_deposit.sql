-- The source record ids of deposit $1 (by id) with an exception granted.
SELECT source_record_id FROM deposits.record_exceptions WHERE deposit_id = $1
