-- JournalService's schema: the depot's postjournal. Cases (saksmapper) and
-- journal entries (journalposter) with correspondents and documents,
-- screening (skjerming) with Noark 5 fields, released applicant names,
-- disposals (utført kassasjon) of application documents.
CREATE SCHEMA journal;

-- Audit events of JournalService: every read or write of personal data,
-- appended in the same transaction. Names never appear here; `subject` is
-- a keyed pseudonym (HMAC-SHA-256).
CREATE TABLE journal.audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  object text NOT NULL,
  subject text,
  detail text NOT NULL DEFAULT ''
);
CREATE INDEX ON journal.audit_events (subject) WHERE subject IS NOT NULL;

-- One row: the archive creator of Noark 5 exports and the retention period
-- of application documents.
CREATE TABLE journal.settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  archive_creator_id text NOT NULL CHECK (length(archive_creator_id) >= 1),
  archive_creator_name text NOT NULL
    CHECK (length(archive_creator_name) >= 1),
  application_retention_months integer NOT NULL
    CHECK (application_retention_months BETWEEN 1 AND 120),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
INSERT INTO journal.settings (archive_creator_id, archive_creator_name,
                              application_retention_months, updated_by)
VALUES ('depot', 'Arkivdepotet', 12, 'migration 200');

-- Gapless numbers: the counter row of a year is updated in the same
-- transaction as the insert that uses the number, so writers of one year
-- queue on the row and a rollback gives the number back.
CREATE TABLE journal.case_counters (
  year integer PRIMARY KEY,
  last_sequence integer NOT NULL CHECK (last_sequence >= 1)
);
CREATE TABLE journal.entry_counters (
  year integer PRIMARY KEY,
  last_sequence integer NOT NULL CHECK (last_sequence >= 1)
);

-- Screening columns (skjerming) of cases, entries, correspondents and
-- documents: access_restriction '' means not screened; screening_metadata
-- is a comma-separated list of M502 codes.
CREATE TABLE journal.cases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  system_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  case_year integer NOT NULL,
  case_sequence integer NOT NULL,
  kind text NOT NULL
    CHECK (kind IN ('ordinary', 'job_application', 'personnel')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  public_title text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  administrative_unit text NOT NULL DEFAULT '',
  case_officer text NOT NULL DEFAULT '',
  access_restriction text NOT NULL DEFAULT '',
  screening_authority text NOT NULL DEFAULT '',
  screening_metadata text NOT NULL DEFAULT '',
  screening_ends date,
  last_number_in_case integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  closed_at timestamptz,
  closed_by text,
  UNIQUE (case_year, case_sequence),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

CREATE TABLE journal.entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  system_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  case_id bigint NOT NULL REFERENCES journal.cases (id),
  journal_year integer NOT NULL,
  journal_sequence integer NOT NULL CHECK (journal_sequence >= 1),
  number_in_case integer NOT NULL CHECK (number_in_case >= 1),
  entry_type char(1) NOT NULL CHECK (entry_type IN ('I', 'U', 'N', 'X', 'S')),
  status char(1) NOT NULL CHECK (status IN ('J', 'E', 'A', 'U')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  public_title text NOT NULL DEFAULT '',
  document_date date,
  journal_date date NOT NULL,
  access_restriction text NOT NULL DEFAULT '',
  screening_authority text NOT NULL DEFAULT '',
  screening_metadata text NOT NULL DEFAULT '',
  screening_ends date,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  UNIQUE (journal_year, journal_sequence),
  UNIQUE (case_id, number_in_case),
  CHECK (extract(year FROM journal_date) = journal_year)
);
-- Journal order within a date range (public journal, exports).
CREATE INDEX entries_journal_order
  ON journal.entries (journal_date, journal_year, journal_sequence);
CREATE INDEX ON journal.entries (case_id);

CREATE TABLE journal.correspondents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES journal.entries (id),
  position integer NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN ('sender', 'recipient', 'copy')),
  role text NOT NULL CHECK (role IN ('applicant', 'other')),
  access_restriction text NOT NULL DEFAULT '',
  screening_authority text NOT NULL DEFAULT '',
  screening_metadata text NOT NULL DEFAULT '',
  screening_ends date,
  UNIQUE (entry_id, position)
);

CREATE TABLE journal.documents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES journal.entries (id),
  position integer NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- The document itself, or a reference to it; both NULL once disposed of.
  content bytea,
  content_ref text,
  size_bytes bigint NOT NULL DEFAULT 0,
  role text NOT NULL CHECK (role IN ('application', 'other')),
  access_restriction text NOT NULL DEFAULT '',
  screening_authority text NOT NULL DEFAULT '',
  screening_metadata text NOT NULL DEFAULT '',
  screening_ends date,
  UNIQUE (entry_id, position)
);
CREATE INDEX ON journal.documents (entry_id) WHERE role = 'application';

-- A staff decision that an applicant's name is public in a case (the
-- applicant did not ask to be screened under offentleglova § 25).
CREATE TABLE journal.name_releases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES journal.cases (id),
  canonical_name text NOT NULL,
  reason text NOT NULL CHECK (length(reason) >= 1),
  released_at timestamptz NOT NULL,
  released_by text NOT NULL,
  UNIQUE (case_id, canonical_name)
);

-- Utført kassasjon: one row per disposed document (kassertDato M630,
-- kassertAv M631, the decision carried out).
CREATE TABLE journal.disposals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL UNIQUE REFERENCES journal.documents (id),
  disposed_at timestamptz NOT NULL,
  disposed_by text NOT NULL,
  decision text NOT NULL CHECK (length(decision) >= 1),
  retention_months integer NOT NULL
);
