-- Releases an applicant's name in case $1: $2 the name's keyed index in
-- the case, $3 the sealed name, $4 the sealed reason, $5 when
-- (microseconds since the epoch), $6 by whom.
INSERT INTO journal.name_releases (case_id, name_index, name_sealed,
                                   reason_sealed, released_at, released_by)
VALUES ($1, $2, $3, $4, to_timestamp($5::double precision / 1e6), $6)
