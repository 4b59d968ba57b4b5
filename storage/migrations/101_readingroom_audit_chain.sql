-- The tamper-evident chain over readingroom.audit_events (issue 7; see
-- docs/integrators.md "Audit log"). Writers keep inserting rows without
-- seq; the sealer of the audit service assigns seq and chain_hash to
-- committed events in id order, so no writer ever waits for it.
ALTER TABLE readingroom.audit_events
  ADD COLUMN seq bigint UNIQUE,     -- position in the hash chain; NULL until sealed
  ADD COLUMN chain_hash bytea;      -- SHA-256 chain value after this event; NULL until sealed
-- What the sealer reads next: the committed events not yet sealed.
CREATE INDEX ON readingroom.audit_events (id) WHERE seq IS NULL;

-- Signed tree heads of the chain (Ed25519 over the documented head
-- encoding; the private key is a file, never in the database).
CREATE TABLE readingroom.audit_heads (
  size bigint PRIMARY KEY,            -- number of sealed events covered
  root bytea NOT NULL,                -- chain_hash of event seq = size
  signed_at timestamptz NOT NULL DEFAULT now(),
  signature bytea NOT NULL            -- Ed25519 over the documented head encoding
);
