CREATE TABLE bench_baseline (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visitor_id bigint NOT NULL,
  item text NOT NULL,
  opened_at timestamptz NOT NULL,
  returned_at timestamptz
)
