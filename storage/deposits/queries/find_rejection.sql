-- The rejection of source record $2 in deposit $1 (by id).
SELECT id, position, source_record_id, field, reason,
       coalesce(eligible_from::text, '') AS eligible_from
FROM deposits.rejections
WHERE deposit_id = $1 AND source_record_id = $2
