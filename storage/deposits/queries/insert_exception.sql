-- An exception from the 10-year rule for source record $2 of deposit $1
-- (by id): $3 the reason, $4 granted by.
INSERT INTO deposits.record_exceptions (deposit_id, source_record_id, reason,
                                        granted_by)
VALUES ($1, $2, $3, $4)
