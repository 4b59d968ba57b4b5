-- Name release $1 (by id) sealed: $2 the name's keyed index in its case,
-- $3 the name, $4 the reason; the clear columns emptied.
UPDATE journal.name_releases
SET name_index = $2, name_sealed = $3, reason_sealed = $4,
    canonical_name = NULL, reason = NULL
WHERE id = $1
