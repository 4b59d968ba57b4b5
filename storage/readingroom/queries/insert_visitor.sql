-- Stores a visitor: $1 id (next_visitor_id), $2 name and $3 contact sealed,
-- $4 id document kind, $5 audit pseudonym, $6 registered at (microseconds
-- since the epoch), $7 registered by, $8 key id or NULL, $9 birth date and
-- $10 identity number sealed or NULL, $11 and $12 their keyed indexes or NULL.
INSERT INTO readingroom.visitors (id, name_sealed, contact_sealed,
                                  id_document_kind, subject, registered_at,
                                  registered_by, key_id, birth_date_sealed,
                                  national_id_sealed, national_id_index,
                                  person_index)
VALUES ($1, $2, $3, $4, $5,
        timestamptz 'epoch' + $6::bigint * interval '1 microsecond',
        $7, $8, $9, $10, $11, $12);
