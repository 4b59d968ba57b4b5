-- Case $1 (by id) with its titles sealed: $2 the title, $3 the public
-- title or NULL; the clear columns emptied.
UPDATE journal.cases
SET title_sealed = $2, public_title_sealed = $3, title = NULL,
    public_title = NULL
WHERE id = $1
