-- Correspondent $1 (by id) with the name sealed ($2) and its folded form's
-- keyed index ($3); the clear columns emptied.
UPDATE journal.correspondents
SET name_sealed = $2, name_index = $3, name = NULL, folded_name = NULL
WHERE id = $1
