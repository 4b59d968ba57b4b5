-- A new case: $1 year, $2 sequence, $3 kind, $4 sealed title, $5 sealed
-- public title or NULL, $6 administrative unit, $7 case officer, $8-$11
-- screening (restriction, authority, metadata codes, end date or NULL),
-- $12 created by. Returns its id; find_case_by_id reads it back.
INSERT INTO journal.cases (case_year, case_sequence, kind, title_sealed,
                           public_title_sealed, administrative_unit,
                           case_officer, access_restriction,
                           screening_authority, screening_metadata,
                           screening_ends, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12)
RETURNING id
