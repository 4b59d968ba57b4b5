-- A new deposit of the depositor with organisation number $1: $2 register
-- category, $3 description, $4 deposit date, $5 created by. Returns its id.
INSERT INTO deposits.deposits (depositor_id, category, description,
                               deposit_date, created_by)
SELECT id, $2, $3, $4::date, $5
FROM deposits.depositors
WHERE organization_number = $1
RETURNING id
