-- A new depositor: $1 organisation number, $2 name, $3 kind.
INSERT INTO deposits.depositors (organization_number, name, kind)
VALUES ($1, $2, $3)
RETURNING id, organization_number, name, kind,
          (extract(epoch FROM registered_at) * 1000000)::bigint
            AS registered_us
