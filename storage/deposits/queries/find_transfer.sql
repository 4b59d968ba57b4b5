-- Transfer $2 into deposit $1 (by id) and its progress.
SELECT transfer_id, source_sha256, next_position, received, accepted,
       rejected, duplicates, started_by,
       (extract(epoch FROM started_at) * 1000000)::bigint AS started_us,
       (extract(epoch FROM updated_at) * 1000000)::bigint AS updated_us
FROM deposits.transfers
WHERE deposit_id = $1 AND transfer_id = $2
