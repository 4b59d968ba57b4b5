-- A rectification of record $1 (by id): $2 the names of the fields
-- corrected, $3 why, $4 by whom.
INSERT INTO deposits.record_corrections (record_id, fields, reason,
                                         corrected_by)
VALUES ($1, $2, $3, $4)
