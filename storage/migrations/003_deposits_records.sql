-- Deposits, the records in them (one per person file), rejections and the
-- archivist's exceptions from the 10-year rule. Names, identity numbers,
-- birth dates and document lists are stored only AES-256-GCM encrypted
-- (base64, *_sealed); identity numbers and name+birth date are found
-- through keyed HMAC indexes. The keys are never in the database.
CREATE TABLE deposits.deposits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  depositor_id bigint NOT NULL REFERENCES deposits.depositors (id),
  category smallint NOT NULL CHECK (category BETWEEN 1 AND 9),
  description text NOT NULL DEFAULT '',
  deposit_date date NOT NULL,
  state text NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'transferring', 'received', 'cancelled')),
  accepted_records bigint NOT NULL DEFAULT 0,
  rejected_records bigint NOT NULL DEFAULT 0,
  next_position bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  cancel_reason text NOT NULL DEFAULT ''
);
CREATE INDEX ON deposits.deposits (depositor_id);

CREATE TABLE deposits.records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deposit_id bigint NOT NULL REFERENCES deposits.deposits (id),
  source_record_id text NOT NULL,
  position bigint NOT NULL,
  name_sealed text NOT NULL,
  national_id_sealed text,
  national_id_kind text NOT NULL,
  national_id_index text,
  person_index text NOT NULL,
  birth_date_sealed text NOT NULL,
  opened_date date NOT NULL,
  last_contact_date date NOT NULL,
  death_year integer,
  box text NOT NULL DEFAULT '',
  shelf text NOT NULL DEFAULT '',
  documents_sealed text,
  subject text NOT NULL,
  UNIQUE (deposit_id, source_record_id)
);
CREATE INDEX ON deposits.records (national_id_index)
  WHERE national_id_index IS NOT NULL;
CREATE INDEX ON deposits.records (person_index);
CREATE INDEX ON deposits.records (deposit_id, box);
CREATE INDEX ON deposits.records (subject);

CREATE TABLE deposits.rejections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deposit_id bigint NOT NULL REFERENCES deposits.deposits (id),
  source_record_id text NOT NULL,
  position bigint NOT NULL,
  field text NOT NULL,
  reason text NOT NULL,
  eligible_from date,
  rejected_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (deposit_id, source_record_id)
);
CREATE INDEX ON deposits.rejections (deposit_id, position);

CREATE TABLE deposits.record_exceptions (
  deposit_id bigint NOT NULL REFERENCES deposits.deposits (id),
  source_record_id text NOT NULL,
  reason text NOT NULL,
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deposit_id, source_record_id)
);
