-- Deletes visitor $1 with their visits, declarations, approvals and name
-- tokens (ON DELETE CASCADE).
DELETE FROM readingroom.visitors WHERE id = $1;
