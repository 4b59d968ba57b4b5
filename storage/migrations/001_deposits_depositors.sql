-- DepositService's schema: depositors (municipalities, counties and other
-- bodies that deposit closed archives with the depot).
CREATE SCHEMA deposits;

CREATE TABLE deposits.depositors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_number text NOT NULL UNIQUE
    CHECK (organization_number ~ '^[0-9]{9}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('municipality', 'county', 'other')),
  registered_at timestamptz NOT NULL DEFAULT now()
);
