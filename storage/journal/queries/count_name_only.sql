-- Correspondents journaled without an identity whose folded name has the
-- keyed index $1.
SELECT count(*)
FROM journal.correspondents
WHERE name_index = $1 AND person_index IS NULL
