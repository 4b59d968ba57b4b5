-- Corrects visitor $1: $2 name and $3 contact sealed, $4 id document kind,
-- $5 audit pseudonym, $6 corrected at (microseconds since the epoch), $7
-- corrected by, $8 birth date and $9 identity number sealed or NULL, $10
-- and $11 their keyed indexes or NULL.
UPDATE readingroom.visitors
   SET name_sealed = $2, contact_sealed = $3, id_document_kind = $4,
       subject = $5,
       corrected_at = timestamptz 'epoch' + $6::bigint * interval '1 microsecond',
       corrected_by = $7, birth_date_sealed = $8, national_id_sealed = $9,
       national_id_index = $10, person_index = $11
 WHERE id = $1;
