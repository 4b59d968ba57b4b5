CREATE TABLE bench_loans (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item text NOT NULL,
  visitor bigint NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  returned_at timestamptz
)
