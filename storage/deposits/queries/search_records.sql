-- At most $8 records with id > $1 in id order, of deposits not cancelled,
-- matching every criterion given ('' or 0: not given): $2 national id
-- index, $3 person index, $4 organisation number, $5 register category,
-- $6 deposit id, $7 box. Run with its parameters' values (not prepared),
-- so that the conditions of criteria not given fold away and each search
-- uses its own index.
SELECT * FROM deposits.record_rows
WHERE id > $1 AND deposit_state <> 'cancelled'
  AND ($2::text = '' OR national_id_index = $2)
  AND ($3::text = '' OR person_index = $3)
  AND ($4::text = '' OR organization_number = $4)
  AND ($5::int = 0 OR category = $5)
  AND ($6::bigint = 0 OR deposit_id = $6)
  AND ($7::text = '' OR box = $7)
ORDER BY id
LIMIT $8
