-- Rectifications (GDPR art. 16) of deposited records: which fields were
-- corrected (their names, never the values), why and by whom. The values
-- themselves are re-sealed in deposits.records; the audit log has an
-- event under the person's pseudonym as well.
CREATE TABLE deposits.record_corrections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id bigint NOT NULL REFERENCES deposits.records (id) ON DELETE CASCADE,
  fields text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  corrected_at timestamptz NOT NULL DEFAULT now(),
  corrected_by text NOT NULL
);
CREATE INDEX ON deposits.record_corrections (record_id);
