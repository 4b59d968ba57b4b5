-- Record $1 (by id) re-sealed: $2 name, $3 national id or NULL, $4 its
-- kind, $5 its index or NULL, $6 person index, $7 birth date, $8 opened,
-- $9 last contact, $10 death year or NULL, $11 documents or NULL, $12 Noark
-- metadata or NULL, $13 audit pseudonym.
UPDATE deposits.records
SET name_sealed = $2, national_id_sealed = $3, national_id_kind = $4,
    national_id_index = $5, person_index = $6, birth_date_sealed = $7,
    opened_date = $8::date, last_contact_date = $9::date, death_year = $10,
    documents_sealed = $11, noark_sealed = $12, subject = $13
WHERE id = $1
