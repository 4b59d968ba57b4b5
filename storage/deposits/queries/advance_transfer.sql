-- A batch of transfer $2 into deposit $1 (by id): its next position to
-- send $3 (never moved back by a batch of lower positions), and $4
-- records received, $5 accepted, $6 rejected, $7 duplicates.
UPDATE deposits.transfers
SET next_position = GREATEST(next_position, $3), received = received + $4,
    accepted = accepted + $5, rejected = rejected + $6,
    duplicates = duplicates + $7, updated_at = now()
WHERE deposit_id = $1 AND transfer_id = $2
