-- Deletes the content and reference of document $1 (by id); returns the id
-- of the key that sealed them, '' when none.
UPDATE journal.documents
SET content = NULL, content_ref = NULL, content_sealed = NULL,
    content_ref_sealed = NULL
WHERE id = $1
RETURNING coalesce(content_key, '')
