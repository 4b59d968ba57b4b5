-- Issue 7 (rights requests): a correspondent may carry the identity of a
-- person (birth date and/or national identity number) so that an access or
-- erasure request finds the entries where that person is a correspondent.
-- The identity is sealed like deposited records (AES-256-GCM with the
-- server keyring, bound to the entry's journal number and the
-- correspondent's position) and matched only through keyed HMAC indexes:
-- the identity number's blind index, and the person index of folded name +
-- birth date that DepositService and ReadingRoomService use too. Never in
-- a public output. NULL everywhere: journaled by name only.
ALTER TABLE journal.correspondents
  ADD COLUMN birth_date_sealed text,
  ADD COLUMN national_id_sealed text,
  ADD COLUMN national_id_index text COLLATE "C",
  ADD COLUMN person_index text COLLATE "C",
  -- The audit pseudonym of the person (number, else name + birth date).
  ADD COLUMN subject text COLLATE "C",
  -- FoldName of the name (services/common/subject_key.h): the count of
  -- same-name correspondents without an identity that a rights request
  -- reports (never returns).
  ADD COLUMN folded_name text COLLATE "C",
  ADD CONSTRAINT correspondent_identity_whole CHECK (
    (birth_date_sealed IS NULL) = (person_index IS NULL)
    AND (person_index IS NULL) = (subject IS NULL)
    AND (national_id_sealed IS NULL) = (national_id_index IS NULL)
    AND (national_id_index IS NULL OR person_index IS NOT NULL));

-- FoldName in SQL, for the rows journaled before this migration: ASCII
-- white space runs become one space, trimmed; ASCII and Latin-1 capitals
-- (not the multiplication sign) become lower case. Byte for byte what the
-- C++ function gives, whatever the database's locale.
UPDATE journal.correspondents
SET folded_name = translate(
  regexp_replace(btrim(name, E' \t\n\r\f\x0b'), E'[ \t\n\r\f\x0b]+', ' ', 'g'),
  'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ',
  'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ');
ALTER TABLE journal.correspondents ALTER COLUMN folded_name SET NOT NULL;

CREATE INDEX correspondents_national_id_index
  ON journal.correspondents (national_id_index)
  WHERE national_id_index IS NOT NULL;
CREATE INDEX correspondents_person_index
  ON journal.correspondents (person_index)
  WHERE person_index IS NOT NULL;
CREATE INDEX correspondents_name_only
  ON journal.correspondents (folded_name)
  WHERE person_index IS NULL;
