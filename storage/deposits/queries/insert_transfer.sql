-- A new transfer $2 into deposit $1 (by id): $3 the SHA-256 of its source,
-- $4 started by.
INSERT INTO deposits.transfers (deposit_id, transfer_id, source_sha256,
                                started_by)
VALUES ($1, $2, $3, $4)
