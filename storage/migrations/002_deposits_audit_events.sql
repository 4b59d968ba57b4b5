-- Audit events of DepositService: every read or write of personal data,
-- appended in the same transaction. Names and identity numbers never
-- appear here; `subject` is a keyed pseudonym (HMAC-SHA-256).
CREATE TABLE deposits.audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  object text NOT NULL,
  subject text,
  detail text NOT NULL DEFAULT ''
);
CREATE INDEX ON deposits.audit_events (subject) WHERE subject IS NOT NULL;
