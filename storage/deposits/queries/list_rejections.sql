-- At most $4 rejections of deposit $1 (by id) after position $2 and id $3,
-- in (position, id) order.
SELECT id, position, source_record_id, field, reason,
       coalesce(eligible_from::text, '') AS eligible_from
FROM deposits.rejections
WHERE deposit_id = $1 AND (position, id) > ($2, $3)
ORDER BY position, id
LIMIT $4
