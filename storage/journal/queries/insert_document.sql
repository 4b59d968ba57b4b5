-- A document of entry $1 (by id) at position $2: $3 sealed description, $4
-- SHA-256, $5 sealed content, stored only when $6 (has content) is true,
-- $7 sealed reference or NULL, $8 the id of the key sealing both or NULL,
-- $9 size in bytes, $10 role, $11-$14 screening (restriction, authority,
-- metadata codes, end date or NULL).
INSERT INTO journal.documents (entry_id, position, description_sealed, sha256,
                               content_sealed, content_ref_sealed, content_key,
                               size_bytes, role, access_restriction,
                               screening_authority, screening_metadata,
                               screening_ends)
VALUES ($1, $2, $3, $4, CASE WHEN $6::boolean THEN $5::bytea END, $7, $8, $9,
        $10, $11, $12, $13, $14::date)
RETURNING id
