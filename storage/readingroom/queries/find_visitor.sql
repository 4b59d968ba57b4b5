-- Visitor $1.
SELECT * FROM readingroom.visitor_rows WHERE id = $1;
