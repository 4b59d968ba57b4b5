-- Transfers into a deposit, each one source (a file, an extraction, an
-- export of a system) with an identity: the sender's transfer_id and the
-- SHA-256 of the whole source. Progress (the next position to send and
-- what came of the records) is kept per transfer, so that a second source
-- into a deposit starts at its own first record and a cut transfer resumes
-- only the very same source. Anonymous transfers (no transfer_id) keep no
-- row: they are always sent whole.
CREATE TABLE deposits.transfers (
  deposit_id bigint NOT NULL REFERENCES deposits.deposits (id),
  transfer_id text COLLATE "C" NOT NULL CHECK (transfer_id <> ''),
  source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
  next_position bigint NOT NULL DEFAULT 1,
  received bigint NOT NULL DEFAULT 0,
  accepted bigint NOT NULL DEFAULT 0,
  rejected bigint NOT NULL DEFAULT 0,
  duplicates bigint NOT NULL DEFAULT 0,
  started_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deposit_id, transfer_id)
);

-- The deposit-wide position counter mixed sources: a second source into a
-- deposit resumed where the first one ended and lost its first records.
-- Each transfer has its own counter now.
ALTER TABLE deposits.deposits DROP COLUMN next_position;
