-- Drops visitor $1's name tokens (before the corrected name's go in).
DELETE FROM readingroom.visitor_name_tokens WHERE visitor_id = $1;
