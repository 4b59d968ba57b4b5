-- Noark 5 metadata kept with a record (screening, disposal, the mappe's
-- identity in its source), a JSON object stored only AES-256-GCM encrypted
-- (base64) like the document list: screening metadata says what is
-- screened about whom and why.
ALTER TABLE deposits.records ADD COLUMN noark_sealed text;
