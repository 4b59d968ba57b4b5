-- Issue 7 (rights requests, crypto-shredding). A visitor may carry an
-- identity (birth date, national identity number) so that an access or
-- erasure request can find them: sealed like the name, matched only through
-- keyed HMAC indexes (identity number; folded name + birth date), never in
-- clear text and never on the name alone.
--
-- key_id names the visitor's own key in the subject key store (a directory
-- outside PostgreSQL, config subject_key_dir). When set, name, contact,
-- birth date and identity number are sealed with that key; erasure destroys
-- it, so a dump of this database taken before the erasure cannot reveal
-- them. NULL: a visitor registered before this migration, sealed with the
-- server keyring.
ALTER TABLE readingroom.visitors
  ADD COLUMN key_id text CHECK (key_id ~ '^[0-9a-f]{32}$'),
  ADD COLUMN birth_date_sealed text,
  ADD COLUMN national_id_sealed text,
  ADD COLUMN national_id_index text,
  ADD COLUMN person_index text;
CREATE INDEX ON readingroom.visitors (national_id_index)
  WHERE national_id_index IS NOT NULL;
CREATE INDEX ON readingroom.visitors (person_index)
  WHERE person_index IS NOT NULL;

-- Retention deletes by end time.
CREATE INDEX ON readingroom.loans (returned_at) WHERE returned_at IS NOT NULL;
CREATE INDEX ON readingroom.visits (checked_out_at)
  WHERE checked_out_at IS NOT NULL;
CREATE INDEX ON readingroom.loans (visit_id);
CREATE INDEX ON readingroom.loans (declaration_id);
