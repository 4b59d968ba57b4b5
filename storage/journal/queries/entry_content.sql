-- The contents of the documents of entry $1 (by id) that still have one.
SELECT id, position, content, content_sealed, content_key
FROM journal.documents
WHERE entry_id = $1 AND (content IS NOT NULL OR content_sealed IS NOT NULL)
