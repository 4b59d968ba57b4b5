-- The depositor with organisation number $1.
SELECT id, organization_number, name, kind,
       (extract(epoch FROM registered_at) * 1000000)::bigint AS registered_us
FROM deposits.depositors
WHERE organization_number = $1
