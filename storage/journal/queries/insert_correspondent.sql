-- A correspondent of entry $1 (by id) at position $2: $3 sealed name, $4
-- the folded name's keyed index, $5 kind, $6 role, $7-$10 screening
-- (restriction, authority, metadata codes, end date or NULL), $11-$15 the
-- person's identity or NULLs (sealed birth date, sealed national id, its
-- index, person index, audit pseudonym).
INSERT INTO journal.correspondents (entry_id, position, name_sealed,
                                    name_index, kind, role, access_restriction,
                                    screening_authority, screening_metadata,
                                    screening_ends, birth_date_sealed,
                                    national_id_sealed, national_id_index,
                                    person_index, subject)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12, $13, $14,
        $15)
RETURNING id
