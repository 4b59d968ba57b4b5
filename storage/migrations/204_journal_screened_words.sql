-- Words of an entry that an archivist marked to screen, when journaling it
-- (RecordEntry.screened_words) or afterwards (ScreenWords): masked in every
-- public text of the entry's case. Each marking is one row; its words are
-- sealed like the journal's other screened text (migration 203): a JSON
-- array, AES-256-GCM with the server keyring, bound to
-- "journal/<journal number>/screened_words/<marking>".
CREATE TABLE journal.screened_words (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES journal.cases (id),
  entry_id bigint NOT NULL REFERENCES journal.entries (id),
  -- 1, 2, ... within the entry.
  marking integer NOT NULL CHECK (marking >= 1),
  words_sealed text NOT NULL,
  -- skjermingshjemmel of the marking, e.g. "offentleglova § 13".
  authority text NOT NULL CHECK (length(authority) >= 1),
  screened_at timestamptz NOT NULL,
  screened_by text NOT NULL,
  UNIQUE (entry_id, marking)
);
CREATE INDEX ON journal.screened_words (case_id);
