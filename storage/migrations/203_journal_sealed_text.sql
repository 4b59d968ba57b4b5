-- Screened personal data of the postjournal sealed at rest. Applicants'
-- names and letters were readable by anyone with database access; from
-- here on the journal keeps them only sealed (AES-256-GCM with the server
-- keyring, keys outside the database; see storage/journal/journal_sealer.h),
-- each ciphertext bound to its place (journal or case number and position):
--   cases         title, public title
--   entries       title, public title
--   correspondents name (every correspondent: who is screened can change
--                 with a release or a screening, and an entry's title
--                 names its correspondents)
--   documents     description, content and content reference (content
--                 and reference under a key of the document's own where
--                 subject keys are configured: disposal destroys the key)
--   name_releases the released name and the reason
-- Lookups go through keyed indexes: correspondents.name_index (the folded
-- name, for the count of same-name correspondents in a rights request)
-- and name_releases.name_index (one release per name and case).
--
-- Keys never reach SQL, so this migration cannot seal the rows already
-- there: it adds the sealed columns next to the clear ones and makes the
-- clear ones optional. JournalService seals every row still in clear text
-- when it starts (PgJournalStore::SealClearText, in batches, before it
-- serves) and empties the clear columns; new rows are written sealed only.
-- A later migration drops the clear columns once every server has started
-- on this version.
ALTER TABLE journal.cases
  ADD COLUMN title_sealed text,
  ADD COLUMN public_title_sealed text,
  ALTER COLUMN title DROP NOT NULL,
  ALTER COLUMN public_title DROP NOT NULL,
  ALTER COLUMN public_title DROP DEFAULT,
  DROP CONSTRAINT cases_title_check,
  ADD CONSTRAINT cases_title_once
    CHECK ((title IS NULL) <> (title_sealed IS NULL)),
  ADD CONSTRAINT cases_public_title_once
    CHECK (public_title IS NULL OR public_title_sealed IS NULL);

ALTER TABLE journal.entries
  ADD COLUMN title_sealed text,
  ADD COLUMN public_title_sealed text,
  ALTER COLUMN title DROP NOT NULL,
  ALTER COLUMN public_title DROP NOT NULL,
  ALTER COLUMN public_title DROP DEFAULT,
  DROP CONSTRAINT entries_title_check,
  ADD CONSTRAINT entries_title_once
    CHECK ((title IS NULL) <> (title_sealed IS NULL)),
  ADD CONSTRAINT entries_public_title_once
    CHECK (public_title IS NULL OR public_title_sealed IS NULL);

ALTER TABLE journal.correspondents
  ADD COLUMN name_sealed text,
  ADD COLUMN name_index text COLLATE "C",
  ALTER COLUMN name DROP NOT NULL,
  ALTER COLUMN folded_name DROP NOT NULL,
  DROP CONSTRAINT correspondents_name_check,
  ADD CONSTRAINT correspondents_name_once
    CHECK ((name IS NULL) <> (name_sealed IS NULL)),
  ADD CONSTRAINT correspondents_name_index_with_sealed
    CHECK ((name_sealed IS NULL) = (name_index IS NULL));
DROP INDEX journal.correspondents_name_only;
CREATE INDEX correspondents_name_only
  ON journal.correspondents (name_index)
  WHERE person_index IS NULL;

ALTER TABLE journal.documents
  ADD COLUMN description_sealed text,
  ADD COLUMN content_sealed bytea,
  ADD COLUMN content_ref_sealed text,
  -- SubjectKeyStore id of the key sealing content and reference; NULL:
  -- sealed with the keyring.
  ADD COLUMN content_key text COLLATE "C",
  ALTER COLUMN description DROP NOT NULL,
  DROP CONSTRAINT documents_description_check,
  ADD CONSTRAINT documents_description_once
    CHECK ((description IS NULL) <> (description_sealed IS NULL));

ALTER TABLE journal.name_releases
  ADD COLUMN name_index text COLLATE "C",
  ADD COLUMN name_sealed text,
  ADD COLUMN reason_sealed text,
  ALTER COLUMN canonical_name DROP NOT NULL,
  ALTER COLUMN reason DROP NOT NULL,
  DROP CONSTRAINT name_releases_reason_check,
  DROP CONSTRAINT name_releases_case_id_canonical_name_key,
  ADD CONSTRAINT name_releases_name_once
    CHECK ((canonical_name IS NULL) <> (name_sealed IS NULL)),
  ADD CONSTRAINT name_releases_sealed_whole
    CHECK ((name_sealed IS NULL) = (name_index IS NULL)
           AND (name_sealed IS NULL) = (reason_sealed IS NULL));
CREATE UNIQUE INDEX name_releases_case_name
  ON journal.name_releases (case_id, name_index);
