-- A new entry of case $1 (by id): $2 journal year, $3 sequence, $4 number
-- in the case, $5 type letter, $6 status letter, $7 sealed title, $8
-- sealed public title or NULL, $9 document date or NULL, $10 journal date,
-- $11-$14 screening (restriction, authority, metadata codes, end date or
-- NULL), $15 recorded by.
INSERT INTO journal.entries (case_id, journal_year, journal_sequence,
                             number_in_case, entry_type, status, title_sealed,
                             public_title_sealed, document_date, journal_date,
                             access_restriction, screening_authority,
                             screening_metadata, screening_ends, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10::date, $11, $12, $13,
        $14::date, $15)
RETURNING id, system_id::text AS system_id,
          (extract(epoch FROM recorded_at) * 1000000)::bigint AS recorded_us
