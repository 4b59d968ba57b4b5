-- At most $2 deposits with id > $1 in id order; only those of the
-- depositor with organisation number $3 unless $3 is NULL.
SELECT * FROM deposits.deposit_rows
WHERE id > $1
  AND ($3::text IS NULL
       OR depositor_id = (SELECT dp.id FROM deposits.depositors dp
                          WHERE dp.organization_number = $3))
ORDER BY id
LIMIT $2
