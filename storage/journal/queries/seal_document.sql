-- Document $1 (by id) sealed: $2 the description, $3 the content, stored
-- only when $4 (has content) is true, $5 the reference or NULL, $6 the id
-- of the key sealing content and reference or NULL; the clear columns
-- emptied.
UPDATE journal.documents
SET description_sealed = $2,
    content_sealed = CASE WHEN $4::boolean THEN $3::bytea END,
    content_ref_sealed = $5, content_key = $6, description = NULL,
    content = NULL, content_ref = NULL
WHERE id = $1
