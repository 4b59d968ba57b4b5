-- Which of the source record ids $2 (a text[]) deposit $1 (by id) has
-- stored.
SELECT source_record_id
FROM deposits.records
WHERE deposit_id = $1 AND source_record_id = ANY($2::text[])
