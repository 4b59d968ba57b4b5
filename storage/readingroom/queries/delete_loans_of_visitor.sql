-- Deletes visitor $1's loans with their items, units and copy agreements
-- (before the visitor: a loan may refer to an approval of theirs).
DELETE FROM readingroom.loans WHERE visitor_id = $1;
